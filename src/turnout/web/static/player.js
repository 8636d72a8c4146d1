// The practice player. The server owns the session; this page renders what it is told,
// counts down from the deadline it received, and speaks each numbered cue exactly once.
// Pause, Resume and Stop act here at once and reach the server through the outbox, so they
// work with the network down (player_outbox.js). Voices: player_sound.js; the feed of cues:
// player_cues.js; the summary: player_summary.js; wake lock and full screen: player_screen.js.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const root = $("player");
  const id = root.dataset.session;
  const RING = 565.49;
  const COUNTING = ["get_ready", "running"];
  const OVER = ["finished", "aborted"];
  // The label over the countdown: what the session is doing now.
  const PHASES = {
    waiting: pgettext("player phase", "Your move"),
    get_ready: pgettext("player phase", "Get ready"),
    running: pgettext("player phase", "Hold"),
    paused: pgettext("player phase", "Paused"),
    finished: pgettext("player phase", "Done"),
    aborted: pgettext("player phase", "Ended"),
  };
  // The label over the countdown of a step that is not a hold.
  const KINDS = {
    switch_side: pgettext("player phase", "Change"),
    release: pgettext("player phase", "Release"),
    rest: pgettext("player phase", "Rest"),
  };
  const SIDES = { left: _("Left side"), right: _("Right side"), both: _("Both sides") };
  const AUTO_START_SECONDS = 12; // practice seconds, so a lying dancer gets into position
  const COUNT_WORDS = {
    // Translators: counted aloud as a hold ends: three, two, one.
    3: pgettext("countdown", "three"),
    // Translators: counted aloud as a hold ends: three, two, one.
    2: pgettext("countdown", "two"),
    // Translators: counted aloud as a hold ends: three, two, one.
    1: pgettext("countdown", "one"),
  };
  const reduceMotion = matchMedia("(prefers-reduced-motion: reduce)").matches;
  const prefs = {
    voice: root.dataset.voice === "on",
    beeps: root.dataset.beeps === "on",
    count: root.dataset.count === "on",
    autoStart: root.dataset.autoStart === "on",
    speed: Number(root.dataset.voiceSpeed) || 1,
  };
  const sound = window.turnoutSound(prefs);
  const outbox = window.turnoutOutbox(id, onAnswer, onRefused);

  let view = JSON.parse($("initial-state").textContent);
  let receivedAt = performance.now();
  let busy = false;
  // Requests are numbered so that a slow answer never overwrites a newer one.
  let issued = 0;
  let applied = 0;
  let failures = 0;
  let pollTimer = null;
  let nudged = false;
  let autoStart = null;
  let pausedForEnd = false;

  // ---- time: everything derives from the server's numbers and the time since they came ----
  function clockSecondsSince() {
    return ((performance.now() - receivedAt) / 1000) * view.time_scale;
  }
  function remainingNow() {
    if (view.remaining == null) return null;
    if (!COUNTING.includes(view.phase)) return view.remaining;
    return Math.max(0, view.remaining - clockSecondsSince());
  }
  function elapsedNow() {
    if (view.elapsed == null) return null;
    if (view.phase !== "running") return view.elapsed;
    return Math.min(view.duration || Infinity, view.elapsed + clockSecondsSince());
  }
  const mmss = window.turnoutSummary.mmss;
  const cues = window.turnoutCues({
    id, feed: view.feed, sound, prefs,
    serverNow: () => view.server_time + clockSecondsSince(),
    timeScale: () => view.time_scale,
  });

  // ---- rendering ----
  function accept(next, ticket) {
    if (ticket <= applied) return;
    applied = ticket;
    // A new step, or a countdown starting, shows from its top: the countdown first.
    const moved = !view.step || !next.step || view.step.position !== next.step.position;
    if (moved || (view.phase === "waiting" && next.phase !== "waiting")) $("player-body").scrollTop = 0;
    view = next;
    receivedAt = performance.now();
    nudged = false;
    render();
  }

  function render() {
    const step = view.step;
    const over = OVER.includes(view.phase);
    root.dataset.phase = view.phase;
    root.dataset.kind = step ? step.kind : "";
    $("exercise").textContent = step ? `${step.exercise_number}. ${step.exercise_name}` : view.routine_name;
    $("phase-label").textContent = phaseLabel();
    $("step-title").textContent = over ? window.turnoutSummary.title(view) : step ? step.title : "";
    $("cue").textContent = over ? "" : step ? step.cue : "";
    setBadge("side", !over && step && step.side ? SIDES[step.side] : null);
    setBadge("rep", !over && step ? step.rep_label : null);
    $("partner").hidden = over || !(step && step.partner_cue);
    $("partner-cue").textContent = step && step.partner_cue ? step.partner_cue : "";
    // Exercises done at a mirror can use the camera mirror beside the player.
    $("mirror-link").hidden = over || !(view.exercise && view.exercise.equipment.includes("mirror"));
    $("next").replaceChildren(...(over ? [] : nextText()));
    renderProgress();
    renderFigure(over);
    $("ready-wrap").hidden = !view.allowed.includes("ready");
    renderControls(over);
    $("finished").hidden = !over;
    if (over) window.turnoutSummary.render(view);
    renderNotes();
    document.title = `${over ? _("Practice") : step ? step.title : ""} · turnout`;
    paint();
    window.turnoutScreen.keepAwake(!over);
    // safety.js listens: pain checks, the Stop dialog and confirmations before a stretch.
    root.dispatchEvent(new CustomEvent("render", { detail: view }));
  }

  function renderProgress() {
    const p = view.progress;
    // Translators: English keeps the plural for every number here; give your language's forms
    // ({count} is the holds planned).
    $("progress-text").textContent = ngettext(
      "Step {step} of {steps} · {done} of {count} holds done", "Step {step} of {steps} · {done} of {count} holds done",
      p.holds_planned, { step: p.step, steps: p.steps, done: p.holds_done });
  }

  // A drawing of the exercise while the dancer gets into position; the countdown otherwise.
  function renderFigure(over) {
    const figure = view.exercise && view.exercise.figure;
    const show = Boolean(!over && figure && view.step && view.step.kind === "setup" && view.phase === "waiting" && !autoStart);
    $("figure").hidden = !show;
    if (show && $("figure").getAttribute("src") !== figure) $("figure").src = figure;
    $("ring").toggleAttribute("hidden", show); // an <svg> has no `hidden` property
    $("ring-center").hidden = show;
  }

  function renderNotes() {
    $("log-error").hidden = !view.error;
    $("log-error").textContent = view.error ? _("Could not save to the practice log: {error} Retrying.", { error: view.error }) : "";
    // Another process (the terminal, say) runs this session: follow it, offer nothing to press.
    $("held-elsewhere").hidden = !view.read_only;
    $("held-elsewhere").textContent = !view.read_only ? ""
      : view.owner === "terminal"
        ? _("Practising in the terminal: follow it here, carry on there. You can resume it here once it stops.")
        : _("Practising in another turnout window: follow it here, carry on there. You can resume it here once it stops.");
  }

  function phaseLabel() {
    const step = view.step;
    if (autoStart) return _("Starting by itself");
    if (view.phase === "running" && step && KINDS[step.kind]) return KINDS[step.kind];
    return PHASES[view.phase] || view.phase;
  }

  function setBadge(badge, text) {
    $(badge).hidden = !text;
    $(badge).textContent = text || "";
  }

  // "Next: <strong>the step</strong> (20 s)": one sentence, the step's name in bold where the
  // translation puts {step}.
  function nextText() {
    const next = view.next;
    if (!next) return [document.createTextNode(_("Last step of the session."))];
    const changes = view.step && next.exercise_number !== view.step.exercise_number;
    const strong = document.createElement("strong");
    strong.textContent = !changes ? next.title
      // Translators: the next exercise's number and name, then its first step's title.
      : _("{number}. {exercise}: {step}", { number: next.exercise_number, exercise: next.exercise_name, step: next.title });
    // Translators: a length in seconds, short: "20 s".
    const time = next.seconds >= 60 ? mmss(next.seconds) : _("{seconds} s", { seconds: next.seconds });
    let sentence;
    if (changes) sentence = next.seconds ? _("Next exercise: {step} ({time})", { time }) : _("Next exercise: {step} (waits for you)");
    else sentence = next.seconds ? _("Next: {step} ({time})", { time }) : _("Next: {step} (waits for you)");
    const [before, after] = sentence.split("{step}");
    return [document.createTextNode(before), strong, document.createTextNode(after || "")];
  }

  function renderControls(over) {
    $("dock").hidden = over;
    for (const button of document.querySelectorAll("[data-action]")) {
      const action = button.dataset.action === "pause" ? pauseAction() : button.dataset.action;
      button.disabled = busy || view.read_only || !view.allowed.includes(action);
    }
    $("end").disabled = busy || !view.allowed.includes("abort");
    const paused = view.phase === "paused";
    $("pause-text").textContent = paused ? _("Resume") : _("Pause");
    $("pause-icon").setAttribute("d", paused ? "M7 5v14l12-7z" : "M6 5h4v14H6zM14 5h4v14h-4z");
  }

  function pauseAction() {
    return view.allowed.includes("resume") ? "resume" : "pause";
  }

  function frame() {
    paint();
    requestAnimationFrame(frame);
  }

  function paint() {
    const left = autoStart ? autoStartLeft() : remainingNow();
    const duration = autoStart ? AUTO_START_SECONDS : view.duration;
    const count = $("count");
    let offset = RING;
    if (left != null && duration) {
      const shown = reduceMotion ? Math.ceil(left) : left;
      offset = RING * (1 - Math.min(1, shown / duration));
      count.textContent = left >= 60 ? mmss(left) : String(Math.ceil(left));
      count.classList.toggle("is-long", left >= 60);
      count.dataset.remaining = left.toFixed(2);
      $("unit").textContent = unitText(left);
    } else {
      paintIdle(count);
      offset = view.phase === "finished" ? 0 : RING;
    }
    $("ring-fill").style.strokeDashoffset = offset.toFixed(1);
    renderLongHold();
    const fill = Math.min(1, view.progress.fraction) * 100;
    $("progress-fill").style.width = `${fill.toFixed(1)}%`;
    $("progress").setAttribute("aria-valuenow", String(Math.round(fill)));
    if (COUNTING.includes(view.phase) && left === 0 && !nudged && !autoStart) {
      nudged = true;
      poll();
    }
    tickAutoStart(left);
  }

  function paintIdle(count) {
    const over = OVER.includes(view.phase);
    count.textContent = view.phase === "finished" ? "✓" : over ? "–" : _("Ready?");
    count.classList.add("is-long");
    count.dataset.remaining = "";
    $("unit").textContent = over ? "" : _("press Ready when set");
  }

  // Under the countdown's number: what it counts.
  function unitText(left) {
    if (autoStart) return _("or press Ready");
    if (left >= 60) return pgettext("countdown unit", "minutes left");
    // Translators: under the seconds left of a countdown. English keeps the plural for every
    // number here; give your language's forms.
    return npgettext("countdown unit", "seconds", "seconds", Math.ceil(left));
  }

  function renderLongHold() {
    const step = view.step;
    const long = step && step.seconds >= 300 && view.elapsed != null && view.phase !== "waiting";
    $("long-hold").hidden = !long;
    if (long) $("long-hold").textContent = _("Held {held} · {left} to go", { held: mmss(elapsedNow()), left: mmss(remainingNow()) });
  }

  // ---- lying setup steps may start by themselves, after a spoken "three, two, one" ----
  function wantsAutoStart() {
    const step = view.step;
    return Boolean(prefs.autoStart && step && step.lying && view.phase === "waiting" && view.allowed.includes("ready")
      && root.dataset.confirming !== "yes" && !document.querySelector("dialog[open]") && !busy);
  }

  function autoStartLeft() {
    return Math.max(0, AUTO_START_SECONDS - ((performance.now() - autoStart.from) / 1000) * view.time_scale);
  }

  function tickAutoStart(left) {
    const position = view.step ? view.step.position : null;
    if (!wantsAutoStart()) { if (autoStart) { autoStart = null; render(); } return; }
    if (!autoStart || autoStart.position !== position) {
      autoStart = { position, from: performance.now(), said: 4 };
      render();
      return;
    }
    const second = Math.ceil(left);
    if (second < autoStart.said && COUNT_WORDS[second]) { autoStart.said = second; sound.say(COUNT_WORDS[second]); }
    if (left === 0) { autoStart = null; act("ready"); }
  }

  // ---- the server: polling with retries, and actions through the outbox ----
  // While a countdown runs the page draws it by itself; it asks the server again when the next
  // cue is due (the first beep, BEEPS_FROM clock seconds before the end, then every 250 ms to
  // the end), and at least every second. A studio's server pays for every request of every
  // dancer: polling every 250 ms throughout cost it four times as many.
  const BEEPS_FROM = 3;
  function nextPollMs() {
    if (!COUNTING.includes(view.phase)) return 1000;
    const left = remainingNow();
    if (left == null || left <= BEEPS_FROM + 0.25) return 250;
    return Math.max(250, Math.min(1000, ((left - BEEPS_FROM) / view.time_scale) * 1000));
  }
  async function poll() {
    clearTimeout(pollTimer);
    try {
      if (outbox.size && !(await outbox.flush())) throw new Error("offline");
      const ticket = ++issued;
      const state = await api("GET", `/api/sessions/${id}?events_after=${cues.after()}`);
      await cues.take(state.events);
      // What this page did and the server has not heard yet wins over what it says now.
      if (!outbox.size) accept(state, ticket);
      failures = 0;
      $("conn").hidden = true;
    } catch (error) {
      if (error.status === 404) {
        toast(_("This session no longer exists."));
        return;
      }
      failures += 1;
      $("conn").hidden = false;
    }
    const wait = failures ? Math.min(5000, 500 * 2 ** failures) : nextPollMs();
    if (!OVER.includes(view.phase) || failures || outbox.size) pollTimer = setTimeout(poll, wait);
  }

  // Pause and resume show at once: the countdown stops (or goes on) here, whatever the network.
  function actLocally(action) {
    if (action === "pause" && COUNTING.includes(view.phase)) {
      const rest = view.allowed.filter((a) => a !== "pause");
      view = { ...view, phase: "paused", paused_from: view.phase, remaining: remainingNow(), elapsed: elapsedNow(), allowed: ["resume", ...rest] };
    } else if (action === "resume" && view.phase === "paused") {
      const rest = view.allowed.filter((a) => a !== "resume");
      view = { ...view, phase: view.paused_from || "running", paused_from: null, allowed: ["pause", ...rest] };
    } else {
      return false;
    }
    receivedAt = performance.now();
    applied = ++issued; // an answer to an older request must not undo this
    render();
    return true;
  }

  async function act(action) {
    if (busy || !view.allowed.includes(action)) return;
    if (action === "ready" && root.dataset.confirming === "yes") return;
    sound.unlock();
    const body = { action, position: view.step ? view.step.position : null };
    // When it was pressed, on the coach's clock: a pause that waits offline still counts from then.
    if (action === "pause") body.at = view.server_time + clockSecondsSince();
    const local = actLocally(action);
    if (!local) { busy = true; render(); }
    const sent = await outbox.push(`/api/sessions/${id}/actions`, body);
    if (!sent && !local) toast(_("No connection to the coach: it goes through as soon as the network is back."));
    busy = false;
    render();
    poll();
  }

  function onAnswer(_item, answer) {
    const state = answer.session || answer;
    if (answer.decision) cues.heardUpTo(state.last_event); // a Stop's own cues are never said
    if (!outbox.size) accept(state, ++issued);
  }

  function onRefused(item, error) {
    if (item.body.reason) sound.unhush();
    if (error.status !== 409 || !item.body.reason) toast(error.message);
    else toast(_("The coach had already moved past that exercise, so this Stop changed nothing there."));
  }

  function unlockAudio() {
    sound.unlock();
    $("sound-hint").hidden = true;
  }

  // ---- the End dialog: the countdown waits while the dancer decides ----
  function confirmEnd() {
    if (!view.allowed.includes("abort")) return;
    const dialog = $("confirm-end");
    pausedForEnd = COUNTING.includes(view.phase);
    if (pausedForEnd) act("pause");
    if (dialog.showModal) dialog.showModal();
    else if (confirm(_("End this session?"))) act("abort");
  }

  function closedEnd() {
    if ($("confirm-end").returnValue === "end") act("abort");
    else if (pausedForEnd) act("resume");
    pausedForEnd = false;
  }

  // ---- input: buttons, keys, toggles ----
  function wire() {
    for (const button of document.querySelectorAll("[data-action]")) {
      button.addEventListener("click", () => act(button.dataset.action === "pause" ? pauseAction() : button.dataset.action));
    }
    $("end").addEventListener("click", confirmEnd);
    $("confirm-end").addEventListener("close", closedEnd);
    $("sound-hint").addEventListener("click", () => {
      unlockAudio();
      if (view.step && !OVER.includes(view.phase)) { sound.cancel(); sound.say(view.step.cue); }
    });
    // The first touch anywhere turns the sound on and still does what it was aimed at: the
    // hint floats over the top bar, so hiding it moves nothing.
    document.addEventListener("pointerdown", unlockAudio, { once: true, capture: true });
    document.addEventListener("keydown", onKey);
    document.addEventListener("visibilitychange", () => {
      window.turnoutScreen.keepAwake(!OVER.includes(view.phase));
      if (document.visibilityState === "visible") poll();
    });
    wireToggle("voice-toggle", "voice", (on) => { if (!on) sound.cancel(); });
    wireToggle("beeps-toggle", "beeps", () => {});
    window.addEventListener("online", poll);
    window.turnoutScreen.wireFullscreen();
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey || document.querySelector("dialog[open]")) return;
    const onControl = event.target.closest && event.target.closest("button, input, select, textarea, a, summary");
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const actions = { " ": pauseAction(), Enter: "ready", n: "skip", b: "back" };
    if (key === "Escape") { event.preventDefault(); confirmEnd(); return; }
    if (!(key in actions) || (onControl && (key === " " || key === "Enter"))) return;
    event.preventDefault();
    unlockAudio();
    act(actions[key]);
  }

  function wireToggle(elementId, name, then) {
    $(elementId).addEventListener("change", async (event) => {
      prefs[name] = event.target.checked;
      then(prefs[name]);
      unlockAudio();
      try {
        await api("PUT", "/api/settings", { [name]: prefs[name] });
      } catch (error) {
        toast(error.message);
      }
    });
  }

  // For safety.js: the Stop dialog drives the session through these.
  root.turnout = {
    apply(state) { accept(state, ++issued); },
    act,
    actLocally,
    send(url, body) { return outbox.push(url, body).finally(poll); },
    get view() { return view; },
    poll,
    unlockAudio,
    sound,
  };
  wire();
  const activated = navigator.userActivation ? navigator.userActivation.hasBeenActive : false;
  $("sound-hint").hidden = activated || !(prefs.voice || prefs.beeps) || OVER.includes(view.phase);
  render();
  requestAnimationFrame(frame);
  poll();
})();
