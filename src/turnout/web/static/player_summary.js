// The player's summary: what happened, and why the session ended. Praise only for work done.
"use strict";
window.turnoutSummary = (() => {
  const $ = (id) => document.getElementById(id);
  const earlyEnd = (view) => view.ended_because === "ended_early" || view.phase === "aborted";

  function mmss(seconds) {
    const whole = Math.max(0, Math.ceil(seconds));
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
  }

  function title(view) {
    if (view.ended_because === "warning_sign") return _("Stopped for a warning sign");
    if (earlyEnd(view)) return _("Session ended early");
    return view.progress.holds_done > 0 ? _("Well done") : _("Session over");
  }

  function reason(view) {
    const p = view.progress;
    if (view.ended_because === "warning_sign") return _("A warning sign ended the last exercise. Rest it today; nothing more is asked of you.");
    if (earlyEnd(view)) return _("You ended the session before its last step.");
    if (p.holds_done === 0) return _("Every step was reached, but no hold was held to its end this time.");
    return p.holds_done === p.holds_planned ? _("You held every hold of the session to its end.") : _("You reached the end of the session.");
  }

  function render(view) {
    const p = view.progress;
    const nothing = p.holds_done === 0 && view.ended_because === "finished";
    $("finished").dataset.ended = nothing ? "nothing_done" : view.ended_because || "";
    $("finished-title").textContent = title(view);
    $("finished-why").textContent = reason(view);
    // Translators: holds done of those planned, in bold before "holds done": "3 of 8".
    $("sum-done").textContent = _("{done} of {planned}", { done: p.holds_done, planned: p.holds_planned });
    // Translators: after a number of holds, in bold before it.
    $("sum-done-text").textContent = ngettext("hold done", "holds done", p.holds_planned);
    $("sum-cut").textContent = String(p.holds_cut_short);
    $("sum-skipped").textContent = String(p.holds_skipped);
    $("sum-time").textContent = mmss(p.seconds_held);
    $("finished-text").textContent = _("Every hold, done or not, is saved in your history as it happened.");
  }

  return { title, render, mmss };
})();
