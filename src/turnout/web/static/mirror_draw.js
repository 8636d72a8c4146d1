// The live mirror's drawing: the skeleton over the picture and the table of repetitions, from
// the server's answers (mirror.js). Loaded before it; nothing here talks to the server.
"use strict";

const byId = (id) => document.getElementById(id);
const BONES = [
  ["left_shoulder", "right_shoulder"], ["left_hip", "right_hip"],
  ["left_shoulder", "left_hip"], ["right_shoulder", "right_hip"],
  ["left_hip", "left_knee"], ["right_hip", "right_knee"],
  ["left_knee", "left_ankle"], ["right_knee", "right_ankle"],
  ["left_ankle", "left_heel"], ["right_ankle", "right_heel"],
  ["left_heel", "left_toe"], ["right_heel", "right_toe"],
];

// Whole degrees as the page's language writes them, signed where asked ("+3°"), never "-0".
function fmt(value, signed = false) {
  if (value === null || value === undefined) return "–";
  const whole = Math.round(value) || 0;
  return `${signed && value >= 0 ? "+" : ""}${formatNumber(whole)}°`;
}

function showReps(reps) {
  byId("rep-number").textContent = reps.number;
  byId("rep-best").textContent = fmt(reps.best);
  const change = byId("rep-change");
  // Translators: how the last repetition's best angle changed: "+3° on the last one".
  change.textContent = reps.change === null ? "" : _("{change} on the last one", { change: fmt(reps.change, true) });
  change.className = "change " + (reps.change === null ? "" : reps.change >= 0 ? "up" : "down");
  const body = byId("reps-body");
  body.replaceChildren();
  let previous = null;
  reps.done.forEach((best, i) => {
    const row = document.createElement("tr");
    const delta = best !== null && previous !== null ? fmt(best - previous, true) : "";
    for (const text of [String(i + 1), fmt(best), delta]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    body.append(row);
    if (best !== null) previous = best;
  });
  byId("reps-table").hidden = reps.done.length === 0;
}

function clearOverlay() {
  const canvas = byId("overlay");
  canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
}

function drawOverlay(data) {
  const video = byId("camera");
  const canvas = byId("overlay");
  canvas.width = video.videoWidth || 640;
  canvas.height = video.videoHeight || 480;
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const marks = data.landmarks;
  if (!marks) return;
  const at = (name) => marks[name] && [marks[name][0] * canvas.width, marks[name][1] * canvas.height];
  const inside = new Set(data.knees_inside || []);
  ctx.lineWidth = Math.max(2, canvas.width / 200);
  ctx.strokeStyle = "rgba(255,255,255,0.9)";
  for (const [a, b] of BONES) {
    const p = at(a), q = at(b);
    if (!p || !q) continue;
    ctx.beginPath(); ctx.moveTo(...p); ctx.lineTo(...q); ctx.stroke();
  }
  for (const name of Object.keys(marks)) {
    const p = at(name);
    const knee = name.endsWith("_knee") && inside.has(name.split("_")[0]);
    ctx.fillStyle = knee ? "#ff5a4f" : name.startsWith("left") ? "#ffc850" : "#3ca0ff";
    ctx.beginPath(); ctx.arc(p[0], p[1], knee ? 10 : 5, 0, 2 * Math.PI); ctx.fill();
  }
}
