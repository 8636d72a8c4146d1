// Shared by every page: start buttons, the settings form, the voice that speaks the page's
// language (voiceFor), the service worker, messages.
"use strict";

function toast(message) {
  const box = document.getElementById("toast");
  if (!box) return;
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 5000);
}

// Every request that changes something carries this device's token, so the server can tell
// our own pages from another site's (see web/security/origins.py).
function csrfHeaders(more = {}) {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? { ...more, "X-CSRF-Token": meta.content } : more;
}

async function api(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: csrfHeaders(body === undefined ? {} : { "Content-Type": "application/json" }),
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(data.detail || _("The server answered {status}.", { status: response.status }));
    error.status = response.status;
    throw error;
  }
  return data;
}

// The session this server runs or may take up, if one is under way (not one another process
// runs: a new start leaves that one alone).
async function sessionUnderWay() {
  try {
    const current = await api("GET", "/api/sessions/current");
    return current.read_only ? null : current;
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

// Asks what to do about the session under way; resolves to "back", "replace" or "cancel".
// Built here rather than in each page; styled from script, as the CSP allows no inline style.
function askAboutSession(current) {
  const dialog = document.createElement("dialog");
  dialog.className = "start-dialog";
  dialog.setAttribute("aria-labelledby", "start-dialog-title");
  Object.assign(dialog.style, {
    background: "var(--surface)", color: "var(--text)", border: "2px solid var(--accent)",
    borderRadius: "var(--radius)", padding: "1.25rem", maxWidth: "28rem",
  });
  const title = document.createElement("h2");
  title.id = "start-dialog-title";
  const at = { step: current.progress.step, steps: current.progress.steps };
  title.textContent = current.step
    ? _("A session is under way (exercise {exercise}, step {step} of {steps}).", { ...at, exercise: current.step.exercise_number })
    : _("A session is under way (step {step} of {steps}).", at);
  const note = document.createElement("p");
  // Translators: {routine} is the routine's name; {count} the holds done so far.
  note.textContent = ngettext(
    "{routine}: {count} hold done so far. Whatever you choose, every hold done stays saved.",
    "{routine}: {count} holds done so far. Whatever you choose, every hold done stays saved.",
    current.progress.holds_done, { routine: current.routine_name });
  const actions = document.createElement("p");
  actions.className = "actions";
  for (const [value, label, style] of [
    ["back", _("Go back to it"), "btn btn-primary"],
    ["replace", _("End it and start this one"), "btn"],
    ["cancel", _("Cancel"), "btn"],
  ]) {
    const choice = document.createElement("button");
    Object.assign(choice, { type: "button", className: style, textContent: label });
    choice.dataset.choice = value;
    choice.addEventListener("click", () => dialog.close(value));
    actions.append(choice);
  }
  dialog.append(title, note, actions);
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => { dialog.remove(); resolve(dialog.returnValue || "cancel"); });
    dialog.showModal();
  });
}

// Starts what `button` names. A session under way is never ended silently: ask first.
async function startFrom(button, retried = false) {
  const exercises = button.dataset.exercises ? button.dataset.exercises.split(",").map(Number) : null;
  const current = await sessionUnderWay();
  if (current) {
    const choice = await askAboutSession(current);
    if (choice === "back") { location.assign(`/practice/${current.id}`); return; }
    if (choice !== "replace") return;
    await api("POST", `/api/sessions/${current.id}/actions`, { action: "abort" });
  }
  try {
    const session = await api("POST", "/api/sessions", {
      routine: button.dataset.routine, exercises, client_token: button.dataset.token,
      replace: Boolean(current),
    });
    location.assign(`/practice/${session.id}`);
  } catch (error) {
    // One began meanwhile (another tab, say): ask about it, once.
    if (error.status === 409 && !current && !retried) return startFrom(button, true);
    throw error;
  }
}

function wireStartButtons() {
  for (const button of document.querySelectorAll("[data-start]")) {
    button.addEventListener("click", async () => {
      if (button.disabled) return;
      button.disabled = true;
      try {
        await startFrom(button);
      } catch (error) {
        toast(error.message);
      }
      button.disabled = false;
    });
  }
  for (const button of document.querySelectorAll("[data-end-session]")) {
    button.addEventListener("click", async () => {
      if (!confirm(_("End the session under way? Holds already done stay in your history."))) return;
      try {
        await api("POST", `/api/sessions/${button.dataset.endSession}/actions`, { action: "abort" });
        location.reload();
      } catch (error) { toast(error.message); }
    });
  }
}

// Each field of the settings form says in its data-invalid attribute what it needs, in a
// sentence; the form shows that sentence instead of the validator's wording.
const SETTINGS_CHECKED = ["voice_speed", "get_ready_seconds", "default_routine", "practice_time", "second_time"];
// The fields a refusal of the server may name first ("language: ..."); "" is a fine language.
const SETTINGS_NAMED = [...SETTINGS_CHECKED, "language"];

function settingsProblems(form) {
  return SETTINGS_CHECKED.filter((name) => {
    const field = form.elements[name];
    const wrong = !field.validity.valid || field.value.trim() === "";
    field.setAttribute("aria-invalid", String(wrong));
    return wrong;
  });
}

function showSettingsProblems(form, names) {
  for (const box of form.querySelectorAll(".field-error")) { box.hidden = true; box.textContent = ""; }
  for (const name of names) {
    const box = document.getElementById(`${name}-error`);
    if (box) { box.textContent = form.elements[name].dataset.invalid; box.hidden = false; }
  }
  return names.map((name) => form.elements[name].dataset.invalid).join(" ");
}

function settingsBody(form) {
  const on = (name) => Boolean(form.elements[name] && form.elements[name].checked);
  const body = {
    voice: on("voice"),
    voice_speed: Number(form.elements.voice_speed.value),
    beeps: on("beeps"),
    count_aloud: on("count_aloud"),
    auto_start_lying: on("auto_start_lying"),
    get_ready_seconds: Number(form.elements.get_ready_seconds.value),
    default_routine: form.elements.default_routine.value,
    practice_time: form.elements.practice_time.value,
    second_time: form.elements.second_time.value,
    notify: on("notify"),
  };
  if (form.elements.language) body.language = form.elements.language.value; // "" for automatic
  return body;
}

// This device's language, for the pages shown before (or without) a dancer's own setting.
function rememberLanguage(code) {
  document.cookie = code
    ? `turnout_lang=${encodeURIComponent(code)}; path=/; max-age=31536000; samesite=lax`
    : "turnout_lang=; path=/; max-age=0; samesite=lax";
}

// A speed as the slider gives it ("1", "1.5"), with the page's decimal sign.
function speedText(value) {
  return formatNumber(Number(value), (String(value).split(".")[1] || "").length);
}

function wireSettingsForm() {
  const form = document.getElementById("settings-form");
  if (!form) return;
  const speed = form.elements.voice_speed;
  let language = form.elements.language ? form.elements.language.value : null;
  speed.addEventListener("input", () => { document.getElementById("speed-out").textContent = speedText(speed.value); });
  document.getElementById("test-voice").addEventListener("click", () => testVoice(Number(speed.value)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = document.getElementById("settings-status");
    const wrong = settingsProblems(form);
    status.textContent = showSettingsProblems(form, wrong);
    if (wrong.length) { form.elements[wrong[0]].focus(); return; }
    const body = settingsBody(form);
    if (body.notify && "Notification" in window && Notification.permission === "default") {
      await Notification.requestPermission();
    }
    try {
      await api("PUT", "/api/settings", body);
      status.textContent = _("Saved.");
    } catch (error) {
      // The server names the field first ("get_ready_seconds: ..."): say it as the form does.
      const name = SETTINGS_NAMED.find((field) => form.elements[field] && error.message.startsWith(`${field}:`));
      status.textContent = name ? showSettingsProblems(form, [name]) : _("Not saved: {reason}", { reason: error.message });
      return;
    }
    if ("language" in body && body.language !== language) {
      // The page is drawn again in the language just chosen.
      language = body.language;
      rememberLanguage(language);
      location.reload();
    }
  });
}

// ---- the voice: one that speaks the page's language ----
// Voices name their language "pt-BR", "pt_BR" or "pt-br": all alike here.
function languageTag(tag) {
  return String(tag || "").replace(/_/g, "-").toLowerCase();
}

function speechVoices() {
  return "speechSynthesis" in window ? speechSynthesis.getVoices() : [];
}

// The browser may list its voices only a moment after the page asks: wait for them, briefly.
function speechVoicesReady(wait = 1000) {
  const now = speechVoices();
  if (now.length || !("speechSynthesis" in window)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => { clearTimeout(timer); resolve(speechVoices()); };
    const timer = setTimeout(done, wait);
    speechSynthesis.addEventListener("voiceschanged", done, { once: true });
  });
}

// The voices of `lang` ("pt-BR"): those of the same language and region first ("pt-BR"), then
// those of the same language ("pt", "pt-PT"); none when the device has no voice for it.
function voicesFor(lang = I18N.lang, all = speechVoices()) {
  const wanted = languageTag(lang);
  const primary = wanted.split("-")[0];
  const exact = all.filter((voice) => languageTag(voice.lang) === wanted);
  const near = all.filter((voice) => languageTag(voice.lang) !== wanted && languageTag(voice.lang).split("-")[0] === primary);
  const preferred = (group) => [...group.filter((voice) => voice.default), ...group.filter((voice) => !voice.default)];
  return [...preferred(exact), ...preferred(near)];
}

// The voice to speak `lang` with, or null: the browser's default voice then reads the text.
function voiceFor(lang = I18N.lang, all = speechVoices()) {
  return voicesFor(lang, all)[0] || null;
}

// The page's language by its own name ("français"), for saying that no voice speaks it.
function languageName(lang = I18N.lang) {
  try {
    return new Intl.DisplayNames([lang], { type: "language" }).of(lang) || lang;
  } catch (error) {
    return lang;
  }
}

// Settings' "Try the voice": a cue in the page's language, and a clear word when this device
// has no voice for that language (the cues would then be read by its default voice).
async function testVoice(rate) {
  if (!("speechSynthesis" in window)) { toast(_("This browser cannot speak.")); return; }
  const voice = voiceFor(I18N.lang, await speechVoicesReady());
  const line = new SpeechSynthesisUtterance(_("Hold. Breathe out and let the knees soften toward the floor."));
  line.lang = I18N.lang;
  line.rate = rate;
  if (voice) line.voice = voice;
  showVoiceNote(voice ? "" : _(
    "This device has no voice for {language}: the cues will be read by its default voice, which may speak another language.",
    { language: languageName() }));
  speechSynthesis.cancel();
  speechSynthesis.speak(line);
}

function showVoiceNote(text) {
  let note = document.getElementById("voice-note");
  if (!note) {
    note = Object.assign(document.createElement("p"), { id: "voice-note", className: "hint warning" });
    note.setAttribute("role", "status");
    note.dataset.testid = "voice-note";
    document.getElementById("test-voice").after(note);
  }
  note.textContent = text;
  note.hidden = !text;
}

// While a turnout tab is open, a notification at each reminder time (once a day each).
function watchReminders() {
  const times = (document.body.dataset.times || "").split(",").filter(Boolean);
  if (document.body.dataset.notify !== "on" || !times.length || !("Notification" in window)) return;
  const check = () => {
    if (Notification.permission !== "granted") return;
    const now = new Date();
    const hhmm = `${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`;
    const key = `turnout:notified:${now.toDateString()}:${hhmm}`;
    if (!times.includes(hhmm) || localStorage.getItem(key)) return;
    localStorage.setItem(key, "1");
    new Notification(_("Time for turnout practice"), {
      body: _("A pain check first, then your plan for today. Stop at anything sharp."),
      icon: "/static/icons/icon-192.png",
    });
  };
  check();
  setInterval(check, 20_000);
}

document.addEventListener("DOMContentLoaded", () => {
  wireStartButtons();
  wireSettingsForm();
  watchReminders();
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});
});
