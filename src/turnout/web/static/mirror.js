// The live mirror, in one of two modes. On this device (mirror_device.js): the pose model runs
// in the browser and only its landmarks go to the server. On the computer: camera frames go to
// the server as JPEGs. Either way one message is in flight at a time over a WebSocket, and the
// server answers with the landmarks and the readings, which are drawn here. No angle is
// computed in the browser.
"use strict";

const FPS = 8;                 // JPEG frames a second at most; a frame is skipped while one is in flight
const DEVICE_FPS = 15;         // landmark messages a second at most (the server takes up to 30)
const SEND_WIDTH = 640;
const $ = (id) => document.getElementById(id);

const live = { socket: null, stream: null, timer: null, inFlight: false, sentAt: 0, answered: [], device: null, preferServer: false };
const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];
// What the page calls the device it runs on: each sentence is written for a phone and for any
// other device, so that a translation can say either its own way.
const ON_PHONE = /Mobi|Android/i.test(navigator.userAgent);
const here = (phone, device) => (ON_PHONE ? phone : device);
const ON_DEVICE_NO_ANGLE = here(
  _("On this phone the mirror watches the knees and hips. The angle between the feet needs the picture of the mat: for it, press “Use the computer”."),
  _("On this device the mirror watches the knees and hips. The angle between the feet needs the picture of the mat: for it, press “Use the computer”."));

// A waiting state in words, never a lone dash where the number goes.
function showAngle(value) {
  const waiting = value === undefined || value === null;
  $("live-angle-box").classList.toggle("is-waiting", waiting);
  $("live-angle-unit").hidden = waiting;
  const looking = live.device ? _("Knees and hips") : _("Looking for your feet…");
  $("live-angle").textContent = waiting ? (live.stream ? looking : _("No angle yet")) : formatNumber(Math.round(value) || 0);
}

function setStatus(text) { $("live-status").textContent = text; }

// A phone held upright films upright: asked for a landscape picture, the browser crops the
// top and bottom off, and with them the feet.
function cameraShape() {
  const upright = window.matchMedia("(orientation: portrait)").matches;
  return upright ? { width: { ideal: 480 }, height: { ideal: 640 } } : { width: { ideal: 640 }, height: { ideal: 480 } };
}

async function start() {
  try {
    live.stream = await navigator.mediaDevices.getUserMedia({
      video: { ...cameraShape(), facingMode: "user" }, audio: false,
    });
  } catch (error) {
    setStatus(_("The camera is not available: allow it in the browser, or use the Measure page with a photo."));
    return;
  }
  const video = $("camera");
  video.srcObject = live.stream;
  await video.play();
  if (video.videoWidth && video.videoHeight) {
    $("stage").style.aspectRatio = `${video.videoWidth} / ${video.videoHeight}`;
  }
  // On a phone the page's top (menu, text) would push the reading below the screen.
  if (window.matchMedia("(max-width: 700px)").matches) $("stage").scrollIntoView({ block: "start" });
  $("placeholder").hidden = true;
  showAngle(null);
  $("start").hidden = true;
  $("stop").hidden = false;
  await openMirror();
}

// On this device when it can (WebAssembly, the model loads, 5 frames a second or more),
// else on the computer; the line under the picture says which, and why.
async function openMirror() {
  let reason = "";
  $("switch-mode").hidden = true;
  if (!live.preferServer) {
    setStatus(_("Loading the pose model on this device…"));
    try {
      const { openDevice } = await import("/static/mirror_device.js");
      live.device = await openDevice($("camera"), $("stage").dataset.model);
    } catch (error) {
      reason = error.message || String(error);
    }
    if (!live.stream) { closeDevice(); return; } // stopped while it loaded
  }
  showMode(reason);
  connect(live.device ? "/api/mirror/landmarks" : "/api/mirror/ws");
}

function showMode(reason) {
  $("live-mode").textContent = modeText(reason);
  $("live-mode").dataset.mode = live.device ? "device" : "server";
  $("switch-mode").textContent = live.device ? _("Use the computer (for the angle on the mat)")
    : here(_("Run on this phone instead"), _("Run on this device instead"));
  $("switch-mode").hidden = false;
}

// Where the mirror runs, and why not here when it could not ({reason} is in a few words).
function modeText(reason) {
  if (live.device) return here(_("Running on this phone: pictures stay here."), _("Running on this device: pictures stay here."));
  if (!reason) return _("Running on the computer: pictures are sent to it, never stored.");
  return here(
    _("Running on the computer: pictures are sent to it, never stored. (Not on this phone: {reason}.)", { reason }),
    _("Running on the computer: pictures are sent to it, never stored. (Not on this device: {reason}.)", { reason }));
}

async function switchMode() {
  live.preferServer = Boolean(live.device);
  disconnect();
  closeDevice();
  await openMirror();
}

function closeDevice() {
  if (live.device) { live.device.close(); live.device = null; }
}

function disconnect() {
  clearInterval(live.timer);
  live.inFlight = false;
  if (live.socket) { const s = live.socket; live.socket = null; s.close(); }
}

function connect(path) {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}${path}`);
  live.socket = socket;
  setStatus(live.device ? _("Connecting…") : _("Starting the pose model on the computer…"));
  socket.addEventListener("message", (event) => onMessage(JSON.parse(event.data)));
  socket.addEventListener("close", () => {
    live.inFlight = false;
    if (live.socket === socket && live.stream) setStatus(_("Disconnected from the server; press Stop, then Start camera."));
    enable(false);
  });
}

function enable(on) {
  $("next-rep").disabled = !on;
  $("reset-reps").disabled = !on;
}

function stop() {
  disconnect();
  closeDevice();
  if (live.stream) for (const track of live.stream.getTracks()) track.stop();
  live.stream = null;
  $("camera").srcObject = null;
  clearOverlay();
  showAngle(null);
  $("live-method").textContent = _("Camera off");
  $("live-method").className = "badge freq";
  $("placeholder").hidden = false;
  $("start").hidden = false;
  $("stop").hidden = true;
  $("switch-mode").hidden = true;
  $("live-mode").textContent = "";
  setStatus(_("Camera off."));
}

function sendFrame() {
  const video = $("camera");
  const socket = live.socket;
  if (live.inFlight || !socket || socket.readyState !== WebSocket.OPEN || !video.videoWidth) return;
  if (live.device) { sendLandmarks(socket); return; }
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

// The model runs here; only what it found is sent, as JSON text.
function sendLandmarks(socket) {
  const seen = live.device.detect();
  live.inFlight = true;
  live.sentAt = performance.now();
  socket.send(JSON.stringify(seen));
}

function onMessage(data) {
  if (data.type === "ready") {
    setStatus(_("Live."));
    enable(true);
    showReps(data.reps);
    live.timer = setInterval(sendFrame, 1000 / (live.device ? DEVICE_FPS : FPS));
    return;
  }
  if (data.type === "reading" || data.frame) {
    live.inFlight = false;
    const now = performance.now();
    live.answered = live.answered.filter((t) => now - t < 2000).concat(now);
    const span = (now - live.answered[0]) / 1000;
    const rate = span > 0 ? (live.answered.length - 1) / span : 0;
    // Translators: the mirror's speed: frames a second, and milliseconds for each frame.
    setStatus(_("{rate} frames/s, {ms} ms a frame", { rate: formatNumber(rate), ms: Math.round(now - live.sentAt) }));
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
    const band = formatNumber(turnout.band);
    badge.textContent = turnout.calibrated ? _("On the mat ± {band}°", { band }) : _("Rough estimate ± {band}°", { band });
    badge.className = turnout.calibrated ? "badge ok" : "badge freq";
  } else if (data.on_device) {
    badge.textContent = here(_("No angle on this phone: knees and hips only"), _("No angle on this device: knees and hips only"));
    badge.className = "badge freq";
  } else {
    badge.textContent = turnout.needs_mat ? _("No angle: the mat is not in view") : _("No angle in this frame");
    badge.className = "badge freq";
  }
  const form = data.form || {};
  const turnoutNote = data.on_device && turnout.needs_mat ? ON_DEVICE_NO_ANGLE : turnout.message;
  let note = data.person ? (form.message || turnoutNote || "") : data.message;
  if (!data.person && turnout.live !== undefined) note = _("Feet on the mat: measured without the body.");
  $("live-message").textContent = note || "";
  const clear = !(data.knees_inside && data.knees_inside.length);
  $("live-knees").hidden = clear;
  $("stage-knees").hidden = clear; // on the picture too, big enough to read from the mat
  drawOverlay(data);
}

function command(action) {
  if (live.socket && live.socket.readyState === WebSocket.OPEN) live.socket.send(JSON.stringify({ action }));
}

// On the computer that runs the server, its model is no further away and also reads the angle
// on the mat; on any other device the model runs there. ?mode=device or ?mode=computer decides.
function prefersServer() {
  const asked = new URLSearchParams(location.search).get("mode");
  if (asked === "device" || asked === "computer") return asked === "computer";
  return LOOPBACK.includes(location.hostname);
}

document.addEventListener("DOMContentLoaded", () => {
  if (!$("overlay")) return;
  live.preferServer = prefersServer();
  $("start").addEventListener("click", start);
  $("stop").addEventListener("click", stop);
  $("switch-mode").addEventListener("click", switchMode);
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
    setStatus(_("This browser cannot open the camera here (it needs https or localhost)."));
  }
});
