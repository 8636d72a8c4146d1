// The live mirror: camera frames go to the server as JPEGs over a WebSocket, one at a time;
// the server answers with the landmarks and the readings, which are drawn here. No angle is
// computed in the browser.
"use strict";

const FPS = 8;                 // frames a second at most; a frame is skipped while one is in flight
const SEND_WIDTH = 640;
const BONES = [
  ["left_shoulder", "right_shoulder"], ["left_hip", "right_hip"],
  ["left_shoulder", "left_hip"], ["right_shoulder", "right_hip"],
  ["left_hip", "left_knee"], ["right_hip", "right_knee"],
  ["left_knee", "left_ankle"], ["right_knee", "right_ankle"],
  ["left_ankle", "left_heel"], ["right_ankle", "right_heel"],
  ["left_heel", "left_toe"], ["right_heel", "right_toe"],
];
const $ = (id) => document.getElementById(id);

const live = { socket: null, stream: null, timer: null, inFlight: false, sentAt: 0, answered: [] };

function fmt(value) { return value === null || value === undefined ? "–" : `${Math.round(value)}°`; }

// A waiting state in words, never a lone dash where the number goes.
function showAngle(value) {
  const waiting = value === undefined || value === null;
  $("live-angle-box").classList.toggle("is-waiting", waiting);
  $("live-angle-unit").hidden = waiting;
  $("live-angle").textContent = waiting ? (live.stream ? "Looking for your feet…" : "No angle yet") : Math.round(value);
}

function setStatus(text) { $("live-status").textContent = text; }

async function start() {
  try {
    live.stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: "user" }, audio: false,
    });
  } catch (error) {
    setStatus("The camera is not available: allow it in the browser, or use the Measure page with a photo.");
    return;
  }
  const video = $("camera");
  video.srcObject = live.stream;
  await video.play();
  $("placeholder").hidden = true;
  showAngle(null);
  $("start").hidden = true;
  $("stop").hidden = false;
  connect();
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/api/mirror/ws`);
  live.socket = socket;
  setStatus("Starting the pose model…");
  socket.addEventListener("message", (event) => onMessage(JSON.parse(event.data)));
  socket.addEventListener("close", () => {
    live.inFlight = false;
    if (live.socket === socket && live.stream) setStatus("Disconnected from the server; press Stop, then Start camera.");
    enable(false);
  });
}

function enable(on) {
  $("next-rep").disabled = !on;
  $("reset-reps").disabled = !on;
}

function stop() {
  clearInterval(live.timer);
  if (live.socket) { const s = live.socket; live.socket = null; s.close(); }
  if (live.stream) for (const track of live.stream.getTracks()) track.stop();
  live.stream = null;
  $("camera").srcObject = null;
  clearOverlay();
  showAngle(null);
  $("live-method").textContent = "Camera off";
  $("live-method").className = "badge freq";
  $("placeholder").hidden = false;
  $("start").hidden = false;
  $("stop").hidden = true;
  setStatus("Camera off.");
}

function sendFrame() {
  const video = $("camera");
  const socket = live.socket;
  if (live.inFlight || !socket || socket.readyState !== WebSocket.OPEN || !video.videoWidth) return;
  const scale = Math.min(1, SEND_WIDTH / video.videoWidth);
  const canvas = sendFrame.canvas || (sendFrame.canvas = document.createElement("canvas"));
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
  live.inFlight = true;
  canvas.toBlob((blob) => {
    if (!blob || socket.readyState !== WebSocket.OPEN) { live.inFlight = false; return; }
    live.sentAt = performance.now();
    socket.send(blob);
  }, "image/jpeg", 0.75);
}

function onMessage(data) {
  if (data.type === "ready") {
    setStatus("Live.");
    enable(true);
    showReps(data.reps);
    live.timer = setInterval(sendFrame, 1000 / FPS);
    return;
  }
  if (data.type === "reading" || data.frame) {
    live.inFlight = false;
    const now = performance.now();
    live.answered = live.answered.filter((t) => now - t < 2000).concat(now);
    const span = (now - live.answered[0]) / 1000;
    const rate = span > 0 ? (live.answered.length - 1) / span : 0;
    setStatus(`${rate.toFixed(0)} frames/s, ${Math.round(now - live.sentAt)} ms a frame`);
  }
  if (data.type === "error") { $("live-message").textContent = data.message; return; }
  if (data.reps) showReps(data.reps);
  if (data.type === "reading") showReading(data);
}

function showReading(data) {
  const turnout = data.turnout || {};
  showAngle(turnout.live);
  const badge = $("live-method");
  if (turnout.method) {
    badge.textContent = turnout.calibrated ? `On the mat ± ${turnout.band}°` : `Rough estimate ± ${turnout.band}°`;
    badge.className = turnout.calibrated ? "badge ok" : "badge freq";
  } else {
    badge.textContent = turnout.needs_mat ? "No angle: the mat is not in view" : "No angle in this frame";
    badge.className = "badge freq";
  }
  const form = data.form || {};
  let note = data.person ? (form.message || turnout.message || "") : data.message;
  if (!data.person && turnout.live !== undefined) note = "Feet on the mat: measured without the body.";
  $("live-message").textContent = note || "";
  $("live-knees").hidden = !(data.knees_inside && data.knees_inside.length);
  drawOverlay(data);
}

function showReps(reps) {
  $("rep-number").textContent = reps.number;
  $("rep-best").textContent = fmt(reps.best);
  const change = $("rep-change");
  change.textContent = reps.change === null ? "" : `${reps.change >= 0 ? "+" : ""}${Math.round(reps.change)}° on the last one`;
  change.className = "change " + (reps.change === null ? "" : reps.change >= 0 ? "up" : "down");
  const body = $("reps-body");
  body.replaceChildren();
  let previous = null;
  reps.done.forEach((best, i) => {
    const row = document.createElement("tr");
    const delta = best !== null && previous !== null ? `${best - previous >= 0 ? "+" : ""}${Math.round(best - previous)}°` : "";
    for (const text of [String(i + 1), fmt(best), delta]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    body.append(row);
    if (best !== null) previous = best;
  });
  $("reps-table").hidden = reps.done.length === 0;
}

function clearOverlay() {
  const canvas = $("overlay");
  canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
}

function drawOverlay(data) {
  const video = $("camera");
  const canvas = $("overlay");
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

function command(action) {
  if (live.socket && live.socket.readyState === WebSocket.OPEN) live.socket.send(JSON.stringify({ action }));
}

document.addEventListener("DOMContentLoaded", () => {
  if (!$("overlay")) return;
  $("start").addEventListener("click", start);
  $("stop").addEventListener("click", stop);
  $("next-rep").addEventListener("click", () => command("next-rep"));
  $("reset-reps").addEventListener("click", () => command("reset"));
  for (const input of document.querySelectorAll("input[name=view]")) {
    input.addEventListener("change", () => command(input.value));
  }
  document.addEventListener("keydown", (event) => {
    if ((event.key === "n" || event.key === "N") && !$("next-rep").disabled) command("next-rep");
  });
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    $("start").disabled = true;
    setStatus("This browser cannot open the camera here (it needs https or localhost).");
  }
});
