// The practice player. The server owns the session; this page renders what it is told,
// counts down from the deadline it received, and speaks each numbered cue exactly once.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const root = $("player");
  const id = root.dataset.session;
  const RING = 565.49;
  const COUNTING = ["get_ready", "running"];
  const OVER = ["finished", "aborted"];
  const PHASES = { waiting: "Your move", get_ready: "Get ready", running: "Hold", paused: "Paused", finished: "Done", aborted: "Ended" };
  const KINDS = { switch_side: "Change", release: "Release", rest: "Rest" };
  const SIDES = { left: "Left side", right: "Right side", both: "Both sides" };
  const reduceMotion = matchMedia("(prefers-reduced-motion: reduce)").matches;
  const prefs = {
    voice: root.dataset.voice === "on",
    beeps: root.dataset.beeps === "on",
    speed: Number(root.dataset.voiceSpeed) || 1,
  };

  let view = JSON.parse($("initial-state").textContent);
  let receivedAt = performance.now();
  let busy = false;
  // Requests are numbered so that a slow answer never overwrites a newer one.
  let issued = 0;
  let applied = 0;
  let failures = 0;
  let pollTimer = null;
  let nudged = false;
  let feedId = view.feed;
  let after = heard();
  let audio = null;
  let wake = null;

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
  function mmss(seconds) {
    const whole = Math.max(0, Math.ceil(seconds));
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
  }

  // ---- rendering ----
  function accept(next, ticket) {
    if (ticket <= applied) return;
    applied = ticket;
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
    $("step-title").textContent = over ? (view.phase === "finished" ? "Session complete" : "Session ended") : step ? step.title : "";
    $("cue").textContent = over ? "" : step ? step.cue : "";
    setBadge("side", step && step.side ? SIDES[step.side] : null);
    setBadge("rep", step ? step.rep_label : null);
    $("partner").hidden = over || !(step && step.partner_cue);
    $("partner-cue").textContent = step && step.partner_cue ? step.partner_cue : "";
    // Exercises done at a mirror can use the camera mirror beside the player.
    $("mirror-link").hidden = over || !(view.exercise && view.exercise.equipment.includes("mirror"));
    $("next").innerHTML = "";
    if (!over) $("next").append(...nextText());
    const p = view.progress;
    $("progress-text").textContent = `Step ${p.step} of ${p.steps} · ${p.holds_done} of ${p.holds_planned} holds done`;
    $("ready-wrap").hidden = !view.allowed.includes("ready");
    renderControls(over);
    renderFinished(over);
    $("log-error").hidden = !view.error;
    $("log-error").textContent = view.error ? `Could not save to the practice log: ${view.error} Retrying.` : "";
    document.title = over ? "Practice · turnout" : `${step ? step.title : ""} · turnout`;
    paint();
    keepAwake();
    // safety.js listens: pain checks, the Stop dialog and confirmations before a stretch.
    root.dispatchEvent(new CustomEvent("render", { detail: view }));
    renderHeld();
  }

  // Another process (the terminal, say) runs this session: follow it, offer nothing to press.
  function renderHeld() {
    const where = view.owner === "terminal" ? "in the terminal" : "in another turnout window";
    $("held-elsewhere").hidden = !view.read_only;
    $("held-elsewhere").textContent = view.read_only
      ? `Practising ${where}: follow it here, carry on there. You can resume it here once it stops.`
      : "";
    if (view.read_only) $("stop").hidden = true;
  }

  function phaseLabel() {
    const step = view.step;
    if (view.phase === "running" && step && KINDS[step.kind]) return KINDS[step.kind];
    return PHASES[view.phase] || view.phase;
  }

  function setBadge(id, text) {
    $(id).hidden = !text;
    $(id).textContent = text || "";
  }

  function nextText() {
    const next = view.next;
    if (!next) return [document.createTextNode("Last step of the session.")];
    const changes = view.step && next.exercise_number !== view.step.exercise_number;
    const strong = document.createElement("strong");
    strong.textContent = changes ? `${next.exercise_number}. ${next.exercise_name}: ${next.title}` : next.title;
    const length = next.seconds ? ` (${next.seconds >= 60 ? mmss(next.seconds) : next.seconds + " s"})` : " (waits for you)";
    return [document.createTextNode(changes ? "Next exercise: " : "Next: "), strong, document.createTextNode(length)];
  }

  function renderControls(over) {
    $("controls").hidden = over;
    for (const button of document.querySelectorAll("[data-action]")) {
      button.disabled = busy || !view.allowed.includes(button.dataset.action === "pause" ? pauseAction() : button.dataset.action);
    }
    $("end").disabled = busy || !view.allowed.includes("abort");
    const paused = view.phase === "paused";
    $("pause-text").textContent = paused ? "Resume" : "Pause";
    $("pause-icon").setAttribute("d", paused ? "M7 5v14l12-7z" : "M6 5h4v14H6zM14 5h4v14h-4z");
  }

  function pauseAction() {
    return view.allowed.includes("resume") ? "resume" : "pause";
  }

  function renderFinished(over) {
    $("finished").hidden = !over;
    if (!over) return;
    const p = view.progress;
    $("finished-title").textContent = view.phase === "finished" ? "Well done" : "Session ended";
    $("finished-text").textContent = `${p.holds_done} of ${p.holds_planned} holds done. They are saved in your history.`;
  }

  function frame() {
    paint();
    requestAnimationFrame(frame);
  }

  function paint() {
    const left = remainingNow();
    const count = $("count");
    const ring = $("ring-fill");
    let offset = 0;
    if (left != null && view.duration) {
      const shown = reduceMotion ? Math.ceil(left) : left;
      offset = RING * (1 - Math.min(1, shown / view.duration));
      count.textContent = left >= 60 ? mmss(left) : String(Math.ceil(left));
      count.classList.toggle("is-long", left >= 60);
      count.dataset.remaining = left.toFixed(2);
      $("unit").textContent = left >= 60 ? "minutes left" : "seconds";
    } else {
      const over = OVER.includes(view.phase);
      count.textContent = view.phase === "finished" ? "✓" : over ? "–" : "Ready?";
      count.classList.add("is-long");
      count.dataset.remaining = "";
      $("unit").textContent = over ? "" : "press Ready when set";
      offset = view.phase === "finished" ? 0 : RING;
    }
    ring.style.strokeDashoffset = offset.toFixed(1);
    renderLongHold();
    const fill = Math.min(1, view.progress.fraction) * 100;
    $("progress-fill").style.width = `${fill.toFixed(1)}%`;
    $("progress").setAttribute("aria-valuenow", String(Math.round(fill)));
    if (COUNTING.includes(view.phase) && left === 0 && !nudged) {
      nudged = true;
      poll();
    }
  }

  function renderLongHold() {
    const step = view.step;
    const long = step && step.seconds >= 300 && view.elapsed != null && view.phase !== "waiting";
    $("long-hold").hidden = !long;
    if (long) $("long-hold").textContent = `Held ${mmss(elapsedNow())} · ${mmss(remainingNow())} to go`;
  }

  // ---- the server: polling with retries, and actions ----
  async function poll() {
    clearTimeout(pollTimer);
    try {
      const ticket = ++issued;
      const [state] = await Promise.all([api("GET", `/api/sessions/${id}`), pollEvents()]);
      accept(state, ticket);
      failures = 0;
      $("conn").hidden = true;
    } catch (error) {
      if (error.status === 404) {
        toast("This session no longer exists.");
        return;
      }
      failures += 1;
      $("conn").hidden = false;
    }
    const wait = failures ? Math.min(5000, 500 * 2 ** failures) : COUNTING.includes(view.phase) ? 250 : 1000;
    if (!OVER.includes(view.phase) || failures) pollTimer = setTimeout(poll, wait);
  }

  async function act(action) {
    if (busy || !view.allowed.includes(action)) return;
    if (action === "ready" && root.dataset.confirming === "yes") return;
    busy = true;
    render();
    unlockAudio();
    try {
      const position = view.step ? view.step.position : null;
      const ticket = ++issued;
      accept(await api("POST", `/api/sessions/${id}/actions`, { action, position }), ticket);
      await pollEvents();
    } catch (error) {
      toast(error.status ? error.message : "No connection to the coach; trying again.");
    } finally {
      busy = false;
      render();
      poll();
    }
  }

  // ---- cues: numbered events, each spoken or beeped once across reloads and tabs ----
  function heardKey() {
    return `turnout:heard:${id}:${feedId}`;
  }
  function heard() {
    return Number(localStorage.getItem(heardKey()) || 0);
  }

  async function pollEvents() {
    const data = await api("GET", `/api/sessions/${id}/events?after=${after}`);
    if (data.feed !== feedId) {
      // The server restarted: a new feed, numbered from 1 again.
      feedId = data.feed;
      after = heard();
      return;
    }
    const handle = () => {
      const fresh = data.events.filter((event) => event.seq > heard());
      if (fresh.length) localStorage.setItem(heardKey(), String(fresh[fresh.length - 1].seq));
      fresh.forEach(perform);
    };
    if (navigator.locks) await navigator.locks.request(heardKey(), handle);
    else handle();
    after = Math.max(after, data.last);
  }

  function perform(event) {
    const serverNow = view.server_time + clockSecondsSince();
    const ageReal = (serverNow - event.at) / view.time_scale;
    if (event.kind === "beep") {
      if (ageReal < 1.5) beep(event.beep);
    } else if (event.say && ageReal < 8) {
      speak(event.say, ["step_started", "get_ready", "session_ended"].includes(event.kind));
    }
  }

  function speak(text, interrupt) {
    if (!prefs.voice || !("speechSynthesis" in window)) return;
    const line = new SpeechSynthesisUtterance(text);
    line.rate = prefs.speed;
    if (interrupt) speechSynthesis.cancel();
    speechSynthesis.speak(line);
  }

  function beep(remaining) {
    if (!prefs.beeps || !audio) return;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = remaining <= 1 ? 1320 : 880;
    gain.gain.setValueAtTime(0.25, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.18);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.2);
  }

  function unlockAudio() {
    // Browsers only make sound after the person has touched the page.
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!audio && Context) audio = new Context();
    if (audio && audio.state === "suspended") audio.resume();
    $("sound-hint").hidden = true;
  }

  // ---- the screen stays on while practising ----
  async function keepAwake() {
    const want = !OVER.includes(view.phase) && document.visibilityState === "visible";
    if (!("wakeLock" in navigator)) {
      $("wake-status").textContent = "This browser cannot keep the screen on; lengthen the screen timeout.";
      return;
    }
    if (want && !wake) {
      wake = "asking";
      try {
        wake = await navigator.wakeLock.request("screen");
        wake.addEventListener("release", () => { wake = null; });
        $("wake-status").textContent = "The screen stays on while you practise.";
      } catch {
        wake = null;
      }
    } else if (!want && wake && wake.release) {
      wake.release();
      wake = null;
    }
  }

  // ---- input: buttons, keys, toggles ----
  function confirmEnd() {
    if (!view.allowed.includes("abort")) return;
    const dialog = $("confirm-end");
    if (dialog.showModal) dialog.showModal();
    else if (confirm("End this session?")) act("abort");
  }

  function wire() {
    for (const button of document.querySelectorAll("[data-action]")) {
      button.addEventListener("click", () => act(button.dataset.action === "pause" ? pauseAction() : button.dataset.action));
    }
    $("end").addEventListener("click", confirmEnd);
    $("confirm-end").addEventListener("close", () => {
      if ($("confirm-end").returnValue === "end") act("abort");
    });
    $("sound-hint").addEventListener("click", () => {
      unlockAudio();
      if (view.step && !OVER.includes(view.phase)) speak(view.step.cue, true);
    });
    document.addEventListener("pointerdown", unlockAudio, { once: true });
    document.addEventListener("keydown", onKey);
    document.addEventListener("visibilitychange", () => {
      keepAwake();
      if (document.visibilityState === "visible") poll();
    });
    wireToggle("voice-toggle", "voice", (on) => { if (!on && "speechSynthesis" in window) speechSynthesis.cancel(); });
    wireToggle("beeps-toggle", "beeps", () => {});
    window.addEventListener("online", poll);
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

  root.turnout = {
    apply(state) { accept(state, ++issued); },
    poll,
    unlockAudio,
    speak,
  };
  wire();
  const activated = navigator.userActivation ? navigator.userActivation.hasBeenActive : false;
  $("sound-hint").hidden = activated || !(prefs.voice || prefs.beeps) || OVER.includes(view.phase);
  render();
  requestAnimationFrame(frame);
  poll();
})();
