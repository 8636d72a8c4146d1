// Shared by every page: start buttons, the settings form, the service worker, messages.
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
    const error = new Error(data.detail || `The server answered ${response.status}.`);
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
  const where = current.step ? `exercise ${current.step.exercise_number}, ` : "";
  const title = document.createElement("h2");
  title.id = "start-dialog-title";
  title.textContent = `A session is under way (${where}step ${current.progress.step} of ${current.progress.steps}).`;
  const note = document.createElement("p");
  const done = current.progress.holds_done;
  note.textContent = `${current.routine_name}: ${done} ${done === 1 ? "hold" : "holds"} done so far. Whatever you choose, every hold done stays saved.`;
  const actions = document.createElement("p");
  actions.className = "actions";
  for (const [value, label, style] of [
    ["back", "Go back to it", "btn btn-primary"],
    ["replace", "End it and start this one", "btn"],
    ["cancel", "Cancel", "btn"],
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
      if (!confirm("End the session under way? Holds already done stay in your history.")) return;
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
  return {
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
}

function wireSettingsForm() {
  const form = document.getElementById("settings-form");
  if (!form) return;
  const speed = form.elements.voice_speed;
  speed.addEventListener("input", () => { document.getElementById("speed-out").textContent = speed.value; });
  document.getElementById("test-voice").addEventListener("click", () => {
    if (!("speechSynthesis" in window)) { toast("This browser cannot speak."); return; }
    const line = new SpeechSynthesisUtterance("Hold. Breathe out and let the knees soften toward the floor.");
    line.rate = Number(speed.value);
    speechSynthesis.cancel();
    speechSynthesis.speak(line);
  });
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
      status.textContent = "Saved.";
    } catch (error) {
      // The server names the field first ("get_ready_seconds: ..."): say it as the form does.
      const name = SETTINGS_CHECKED.find((field) => error.message.startsWith(`${field}:`));
      status.textContent = name ? showSettingsProblems(form, [name]) : `Not saved: ${error.message}`;
    }
  });
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
    new Notification("Time for turnout practice", {
      body: "A pain check first, then your plan for today. Stop at anything sharp.",
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
