// The player's safety layer: pain checks before and after, the Stop dialog, and a confirmation
// before loaded or partner-pressed stretches. player.js renders; this listens and adds.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const root = $("player");
  if (!root) return;
  const id = root.dataset.session;
  const OVER = ["finished", "aborted"];
  let view = JSON.parse($("initial-state").textContent);
  let pausedByStop = false;

  // ---- pain checks ----
  function wirePainForm(form) {
    if (!form) return;
    for (const range of form.querySelectorAll("input[type=range]")) {
      range.addEventListener("input", () => {
        range.nextElementSibling.textContent = formatNumber(Number(range.value));
        // Translators: a pain score, read aloud by a screen reader: "4 of 10".
        range.setAttribute("aria-valuetext", _("{value} of 10", { value: formatNumber(Number(range.value)) }));
      });
    }
    form.addEventListener("submit", (event) => { event.preventDefault(); sendPain(form); });
    const none = form.querySelector("[data-no-pain]");
    if (none) none.addEventListener("click", () => sendPain(form, true));
  }

  async function sendPain(form, none = false) {
    const scores = {};
    let soreness = null;
    for (const range of form.querySelectorAll("input[type=range]")) {
      const value = none ? 0 : Number(range.value);
      if (range.name === "soreness") soreness = value;
      else scores[range.name] = value;
    }
    const body = {
      moment: form.dataset.moment, scores, soreness,
      wakes_at_night: !none && form.elements.wakes_at_night.checked, session_id: id,
    };
    try {
      await api("POST", "/api/pain-checks", body);
      const worst = Math.max(...Object.values(scores), 0);
      form.replaceChildren(thanks(form.dataset.moment, worst));
    } catch (error) {
      toast(error.message);
    }
  }

  function thanks(moment, worst) {
    const p = document.createElement("p");
    p.className = "pain-saved";
    p.setAttribute("role", "status");
    if (moment === "before") {
      p.textContent = worst >= 4
        ? _("Saved. With pain at this level, work gently today and stop at anything sharp.")
        : _("Saved. Press Stop at any time if something feels wrong.");
    } else {
      p.textContent = _("Saved. Ordinary soreness fades in a day or two; pain that lasts longer, keeps getting worse or wakes you at night is worth showing to a physiotherapist.");
    }
    return p;
  }

  // ---- Stop: ask what happened, then explain ----
  // Everything here acts at once on this device: the countdown stops, the advice (on the page
  // since it loaded) shows and is spoken; the coach hears of it through the player's outbox.
  const ADVICE = JSON.parse($("stop-advice").textContent);

  function openStop() {
    if (OVER.includes(view.phase) || view.read_only) return;
    root.turnout.unlockAudio();
    pausedByStop = view.allowed.includes("pause");
    if (pausedByStop) root.turnout.act("pause");
    $("stop-ask").hidden = false;
    $("stop-answer").hidden = true;
    $("stop-dialog").showModal();
  }

  function sendStop(reason) {
    const advice = ADVICE[reason];
    const position = view.step ? view.step.position : null;
    $("stop-answer-title").textContent = advice.ends_exercise
      // Translators: {reason} is what the dancer pressed Stop for ("Sharp pain").
      ? _("{reason}: this exercise is over for today", { reason: advice.label })
      : advice.label;
    $("stop-explanation").textContent = advice.explanation;
    $("stop-ask").hidden = true;
    $("stop-answer").hidden = false;
    $("stop-pending").hidden = navigator.onLine;
    root.turnout.sound.advise(advice.explanation);
    $("stop-close").focus();
    pausedByStop = false;
    root.turnout.send(`/api/sessions/${id}/stop`, { reason, position }).then((sent) => {
      $("stop-pending").hidden = sent;
    });
  }

  // "Nothing, carry on" or Escape: the countdown the dialog paused goes on.
  function closedStop() {
    if (pausedByStop) root.turnout.act("resume");
    pausedByStop = false;
  }

  // ---- confirmation before a loaded or partner-pressed stretch ----
  const confirmKey = (number) => `turnout:confirmed:${id}:${number}`;

  function renderConfirm() {
    const step = view.step;
    const needs = Boolean(step && step.confirm && !OVER.includes(view.phase) && !sessionStorage.getItem(confirmKey(step.exercise_number)));
    root.dataset.confirming = needs ? "yes" : "no";
    $("confirm-stretch").hidden = !needs;
    if (needs) {
      $("confirm-stretch-text").textContent = step.confirm;
      $("ready-wrap").hidden = true;
    }
  }

  function confirmStretch() {
    sessionStorage.setItem(confirmKey(view.step.exercise_number), "yes");
    renderConfirm();
    $("ready-wrap").hidden = !view.allowed.includes("ready");
  }

  async function skipExercise() {
    try {
      root.turnout.apply(await api("POST", `/api/sessions/${id}/skip-exercise`));
    } catch (error) {
      toast(error.message);
    }
  }

  root.addEventListener("render", (event) => {
    view = event.detail;
    $("stop").hidden = OVER.includes(view.phase) || view.read_only;
    // The check before practice is for before: it gives way once the first countdown runs.
    const before = $("pain-before");
    if (before && view.phase !== "waiting") before.hidden = true;
    renderConfirm();
  });

  wirePainForm($("pain-before"));
  wirePainForm($("pain-after"));
  $("stop").addEventListener("click", openStop);
  for (const button of document.querySelectorAll("[data-reason]")) {
    button.addEventListener("click", () => sendStop(button.dataset.reason));
  }
  $("stop-cancel").addEventListener("click", () => $("stop-dialog").close());
  $("stop-dialog").addEventListener("close", closedStop);
  $("stop-close").addEventListener("click", () => $("stop-dialog").close());
  $("confirm-stretch-yes").addEventListener("click", confirmStretch);
  $("confirm-stretch-skip").addEventListener("click", skipExercise);
  document.addEventListener("keydown", (event) => {
    if (event.key.toLowerCase() !== "s" || event.altKey || event.ctrlKey || event.metaKey) return;
    if (document.querySelector("dialog[open]") || event.target.closest("input, select, textarea")) return;
    event.preventDefault();
    openStop();
  });
  renderConfirm();
})();
