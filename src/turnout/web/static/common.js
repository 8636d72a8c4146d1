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

function wireStartButtons() {
  for (const button of document.querySelectorAll("[data-start]")) {
    button.addEventListener("click", async () => {
      if (button.disabled) return;
      button.disabled = true;
      const exercises = button.dataset.exercises ? button.dataset.exercises.split(",").map(Number) : null;
      try {
        const session = await api("POST", "/api/sessions", {
          routine: button.dataset.routine, exercises, client_token: button.dataset.token,
        });
        location.assign(`/practice/${session.id}`);
      } catch (error) {
        toast(error.message);
        button.disabled = false;
      }
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
    const body = {
      voice: form.elements.voice.checked,
      voice_speed: Number(speed.value),
      beeps: form.elements.beeps.checked,
      get_ready_seconds: Number(form.elements.get_ready_seconds.value),
      default_routine: form.elements.default_routine.value,
      practice_time: form.elements.practice_time.value,
      second_time: form.elements.second_time.value,
      notify: form.elements.notify.checked,
    };
    if (body.notify && "Notification" in window && Notification.permission === "default") {
      await Notification.requestPermission();
    }
    try {
      await api("PUT", "/api/settings", body);
      status.textContent = "Saved.";
    } catch (error) {
      status.textContent = error.message;
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
