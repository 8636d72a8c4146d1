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
    if (view.ended_because === "warning_sign") return "Stopped for a warning sign";
    if (earlyEnd(view)) return "Session ended early";
    return view.progress.holds_done > 0 ? "Well done" : "Session over";
  }

  function reason(view) {
    const p = view.progress;
    if (view.ended_because === "warning_sign") return "A warning sign ended the last exercise. Rest it today; nothing more is asked of you.";
    if (earlyEnd(view)) return "You ended the session before its last step.";
    if (p.holds_done === 0) return "Every step was reached, but no hold was held to its end this time.";
    return p.holds_done === p.holds_planned ? "You held every hold of the session to its end." : "You reached the end of the session.";
  }

  function render(view) {
    const p = view.progress;
    const nothing = p.holds_done === 0 && view.ended_because === "finished";
    $("finished").dataset.ended = nothing ? "nothing_done" : view.ended_because || "";
    $("finished-title").textContent = title(view);
    $("finished-why").textContent = reason(view);
    $("sum-done").textContent = `${p.holds_done} of ${p.holds_planned}`;
    $("sum-done-text").textContent = p.holds_planned === 1 ? "hold done" : "holds done";
    $("sum-cut").textContent = String(p.holds_cut_short);
    $("sum-skipped").textContent = String(p.holds_skipped);
    $("sum-time").textContent = mmss(p.seconds_held);
    $("finished-text").textContent = "Every hold, done or not, is saved in your history as it happened.";
  }

  return { title, render, mmss };
})();
