// The Measure page: send one photo or video, show what the server measured. No angle is
// computed here; the numbers come from the server's report.
"use strict";

const LABELS = {
  "first-position": [["total", "between the feet", "°"], ["left", "left foot", "°"], ["right", "right foot", "°"]],
  plie: [["left_knee_inside_deg", "left knee inside", "°"], ["right_knee_inside_deg", "right knee inside", "°"]],
  profile: [["pelvis_shift_deg", "pelvis forward", "°"], ["trunk_lean_deg", "trunk lean", "°"]],
};

function chosenFile(form) {
  return form.chosen || null;
}

function showError(message) {
  document.getElementById("measure-error-text").textContent = message;
  document.getElementById("measure-error").hidden = false;
  document.getElementById("result").hidden = true;
}

function readout(report) {
  const box = document.getElementById("readout");
  box.replaceChildren();
  LABELS[report.mode].forEach(([key, label, unit], i) => {
    const spread = report.values[key];
    if (!spread) return;
    const item = document.createElement("div");
    item.className = i === 0 ? "reading main" : "reading";
    const value = document.createElement("strong");
    value.textContent = `${Math.round(spread.median)}${unit}`;
    const name = document.createElement("span");
    name.textContent = label;
    item.append(value, name);
    if (report.video) {
      const range = document.createElement("small");
      range.textContent = `middle half ${Math.round(spread.low)}–${Math.round(spread.high)}`;
      item.append(range);
    }
    box.append(item);
  });
}

function method(report) {
  const badge = document.getElementById("method-badge");
  badge.textContent = report.calibrated ? `Calibrated on the mat ± ${report.band_degrees}°`
    : `Uncalibrated estimate ± ${report.band_degrees}°`;
  badge.className = report.calibrated ? "badge ok" : "badge freq";
  const frames = report.video ? `; ${report.frames_used} of ${report.frames_seen} frames used` : "";
  document.getElementById("method-text").textContent = `Method: ${report.method}${frames}.`;
}

function showResult(report) {
  document.getElementById("measure-error").hidden = true;
  readout(report);
  method(report);
  const inside = report.knees_inside || [];
  const warning = document.getElementById("knee-warning");
  warning.hidden = inside.length === 0;
  const list = document.getElementById("messages");
  list.replaceChildren();
  for (const line of report.messages) {
    const item = document.createElement("li");
    item.textContent = line;
    list.append(item);
    if (inside.length && line.includes("inside your foot")) document.getElementById("knee-warning-text").textContent = line;
  }
  const recorded = document.getElementById("recorded");
  recorded.hidden = !report.recorded;
  recorded.textContent = report.recorded || "";
  const saved = document.getElementById("saved");
  saved.hidden = !report.saved;
  saved.textContent = report.saved ? `Picture kept in your turnout folder: ${report.saved}` : "";
  document.getElementById("result-image").src = report.image;
  const section = document.getElementById("result");
  section.hidden = false;
  section.scrollIntoView({ behavior: "smooth", block: "start" });
}

async function send(form) {
  const file = chosenFile(form);
  if (!file) { showError("Choose a photo or a video first."); return; }
  const body = new FormData();
  body.append("file", file, file.name || "camera.jpg");
  body.append("mode", form.elements.mode.value);
  body.append("feet_only", form.elements.feet_only.checked ? "true" : "false");
  body.append("save", form.elements.save.checked ? "true" : "false");
  const firstPosition = form.elements.mode.value === "first-position";
  body.append("record", firstPosition && form.elements.record.checked ? "true" : "false");
  const button = document.getElementById("measure-button");
  const status = document.getElementById("measure-status");
  button.disabled = true;
  status.textContent = file.type.startsWith("video") ? "Measuring the video… this takes a few seconds." : "Measuring…";
  try {
    const response = await fetch("/api/measure", { method: "POST", body, cache: "no-store" });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) showError(data.detail || `The server answered ${response.status}.`);
    else showResult(data);
  } catch (error) {
    showError("The server could not be reached; check the connection and try again.");
  } finally {
    button.disabled = false;
    status.textContent = "";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("measure-form");
  if (!form) return;
  for (const input of form.querySelectorAll("input[type=file]")) {
    input.addEventListener("change", () => {
      form.chosen = input.files[0] || null;
      const megabytes = form.chosen ? (form.chosen.size / 1048576).toFixed(1) : 0;
      document.getElementById("file-name").textContent = form.chosen
        ? `${form.chosen.name} (${megabytes} MB)` : "No file chosen.";
    });
  }
  form.addEventListener("submit", (event) => { event.preventDefault(); send(form); });
});
