// The Measure page: send one photo or video, show what the server measured. No angle is
// computed here; the numbers come from the server's report. On the mat, the heel and toe
// points can be dragged on the top view; the server works the angles out again.
"use strict";

const SEND_AFTER_MS = 300; // a pause after the last drag or key press before asking the server
const FEET = ["left", "right"];
const ENDS = ["heel", "toe"];

// Under each reading's number, what it measures.
const LABELS = {
  "first-position": [["total", _("between the feet"), "°"], ["left", _("left foot"), "°"], ["right", _("right foot"), "°"]],
  plie: [["left_knee_inside_deg", _("left knee inside"), "°"], ["right_knee_inside_deg", _("right knee inside"), "°"]],
  profile: [["pelvis_shift_deg", _("pelvis forward"), "°"], ["trunk_lean_deg", _("trunk lean"), "°"]],
};
// How a reading was found, in words: the report names it in English, as a code.
const METHODS = {
  "mat: foot outline": _("mat: foot outline"),
  "mat: model toe points": _("mat: model toe points"),
  "mat, corrected by hand": _("mat, corrected by hand"),
  "uncalibrated: model 3D points": _("uncalibrated: model 3D points"),
  "model points, front view": _("model points, front view"),
  "model points, side view": _("model points, side view"),
};
// The knee's message of the server, whichever language it is in: {size} is how far off it is.
const KNEE_INSIDE = {
  left: _("Your left knee falls inside your foot ({size}): the turnout is being forced from the feet. Turn the foot in a little until the knee goes over the toes."),
  right: _("Your right knee falls inside your foot ({size}): the turnout is being forced from the feet. Turn the foot in a little until the knee goes over the toes."),
};

// A whole number of degrees as the page's language writes it (never "-0").
function degrees(value) {
  return formatNumber(Math.round(value) || 0);
}

function kneeInsideLine(line, sides) {
  return sides.some((side) => {
    const [before, after] = (KNEE_INSIDE[side] || "").split("{size}");
    return after !== undefined && line.startsWith(before) && line.endsWith(after);
  });
}

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
    value.textContent = `${degrees(spread.median)}${unit}`;
    const name = document.createElement("span");
    name.textContent = label;
    item.append(value, name);
    if (report.video) {
      const range = document.createElement("small");
      // Translators: the range of the middle half of a video's readings, in degrees: "38–44".
      range.textContent = _("middle half {low}–{high}", { low: degrees(spread.low), high: degrees(spread.high) });
      item.append(range);
    }
    box.append(item);
  });
}

function method(report) {
  const badge = document.getElementById("method-badge");
  const band = formatNumber(report.band_degrees);
  if (!report.calibrated) badge.textContent = _("Uncalibrated estimate ± {band}°", { band });
  else if (report.reference === "plain paper") badge.textContent = _("Calibrated on plain paper ± {band}°", { band });
  else badge.textContent = _("Calibrated on the mat ± {band}°", { band });
  badge.className = report.calibrated ? "badge ok" : "badge freq";
  const how = METHODS[report.method] || report.method;
  document.getElementById("method-text").textContent = !report.video ? _("Method: {method}.", { method: how })
    // Translators: {count} is the frames of the video, {used} those the reading is made of.
    : ngettext("Method: {method}; {used} of {count} frames used.", "Method: {method}; {used} of {count} frames used.",
      report.frames_seen, { method: how, used: report.frames_used });
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
    if (kneeInsideLine(line, inside)) document.getElementById("knee-warning-text").textContent = line;
  }
  const recorded = document.getElementById("recorded");
  recorded.hidden = !report.recorded;
  recorded.textContent = report.recorded || "";
  offerSave(report);
  const saved = document.getElementById("saved");
  saved.hidden = !report.saved;
  saved.textContent = report.saved ? _("Picture kept in your turnout folder: {path}", { path: report.saved }) : "";
  document.getElementById("result-image").src = report.image;
  corrector.start(report);
  const section = document.getElementById("result");
  section.hidden = false;
  section.scrollIntoView({ behavior: "smooth", block: "start" });
}

// "Save this reading": offered for a first-position angle; it stores the number shown.
let toSave = null;

function offerSave(report) {
  const total = report.mode === "first-position" && report.values.total;
  toSave = total ? {
    total: Math.round(total.median),
    calibrated: Boolean(report.calibrated),
    note: `${report.method}, +/- ${report.band_degrees} deg`.slice(0, 200),
  } : null;
  document.getElementById("save-reading").hidden = !toSave;
  document.getElementById("save-reading-button").disabled = false;
}

async function saveShown() {
  if (!toSave) return;
  const button = document.getElementById("save-reading-button");
  button.disabled = true;
  const recorded = document.getElementById("recorded");
  try {
    const done = await api("POST", "/api/measure/save", toSave);
    recorded.textContent = done.recorded;
    document.getElementById("save-reading").hidden = true;
  } catch (error) {
    recorded.textContent = error.message;
    button.disabled = false;
  }
  recorded.hidden = false;
}

// An upload is a job on the server: queued at once, then followed until it is done.
const POLL_MS = 400;
const POLL_RETRIES = 5; // a poll the network drops is tried again, this many times in a row

function progressText(job) {
  const { done, total } = job.progress;
  if (job.status === "queued") {
    return job.attempts ? _("Waiting to be measured again: the worker measuring it stopped.")
      : _("Waiting for its turn to be measured…");
  }
  if (total === 1) return _("Measuring the photo…");
  // Translators: English keeps the plural for every number here; give your language's forms.
  if (total === null) return ngettext("Analysed {count} frames…", "Analysed {count} frames…", done);
  // Translators: {count} is the frames of the video, {done} those analysed so far.
  return ngettext("Analysed {done} of {count} frames", "Analysed {done} of {count} frames", total, { done });
}

function jobFailed(message) {
  const error = new Error(message);
  error.status = 422;
  return error;
}

async function follow(url, status) {
  let misses = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    let job;
    try {
      job = await api("GET", url);
      misses = 0;
    } catch (error) {
      if (error.status !== undefined || ++misses > POLL_RETRIES) throw error;
      continue;
    }
    if (job.status === "done") return job.result;
    if (job.status === "failed") throw jobFailed(job.message);
    status.textContent = progressText(job);
  }
}

async function send(form) {
  const file = chosenFile(form);
  if (!file) { showError(_("Choose a photo or a video first.")); return; }
  const body = new FormData();
  body.append("file", file, file.name || "camera.jpg");
  body.append("mode", form.elements.mode.value);
  body.append("feet_only", form.elements.feet_only.checked ? "true" : "false");
  body.append("save", form.elements.save.checked ? "true" : "false");
  body.append("paper", form.elements.paper.value);
  body.append("record", "false"); // nothing is stored until the dancer saves what is shown
  const button = document.getElementById("measure-button");
  const status = document.getElementById("measure-status");
  button.disabled = true;
  status.textContent = _("Sending…");
  try {
    const response = await fetch("/api/measure/jobs", { method: "POST", body, headers: csrfHeaders(), cache: "no-store" });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) { showError(data.detail || _("The server answered {status}.", { status: response.status })); return; }
    status.textContent = progressText({ ...data, attempts: 0, progress: { done: 0, total: null } });
    showResult(await follow(data.url, status));
  } catch (error) {
    showError(error.status !== undefined ? error.message
      : _("The server could not be reached; check the connection and try again."));
  } finally {
    button.disabled = false;
    status.textContent = "";
  }
}

function messages(lines) {
  const list = document.getElementById("messages");
  list.replaceChildren();
  for (const line of lines) {
    const item = document.createElement("li");
    item.textContent = line;
    list.append(item);
  }
}

// Heel and toe points on the rectified top view. Points are kept in floor millimetres; the
// top view's map (floor = origin + pixel * mm_per_px, x right, y down) only places them.
const corrector = {
  report: null, // the measurement as the server first gave it
  points: null, // { left: { heel: {x, y}, toe: {x, y} }, right: ... } in floor mm
  timer: null,
  asked: 0, // the number of the last request, so that a late answer to an older one is dropped
  corrected: null, // the last corrected result, for saving

  start(report) {
    const section = document.getElementById("correct");
    this.report = report;
    this.corrected = null;
    clearTimeout(this.timer);
    this.asked += 1;
    section.hidden = !(report.top_view && report.feet);
    if (section.hidden) return;
    this.map = report.top_view;
    this.points = structuredClone(report.feet);
    const image = document.getElementById("topview-image");
    image.onload = () => this.draw();
    image.src = report.top_view.image;
    this.status("");
    const save = document.getElementById("save-corrected");
    save.hidden = false; // saving the corrected angle is the dancer's choice
    save.disabled = true;
    document.getElementById("reset-corrected").disabled = true;
  },

  size() {
    const image = document.getElementById("topview-image");
    return { width: image.naturalWidth, height: image.naturalHeight };
  },

  toPixel(p) {
    const m = this.map;
    return { x: (p.x - m.origin_mm.x) / m.mm_per_px, y: (p.y - m.origin_mm.y) / m.mm_per_px };
  },

  toFloor(px) {
    const m = this.map;
    return { x: m.origin_mm.x + px.x * m.mm_per_px, y: m.origin_mm.y + px.y * m.mm_per_px };
  },

  // Floor mm kept on the picture, to a tenth of a millimetre.
  clamp(p) {
    const { width, height } = this.size();
    const low = this.toFloor({ x: 0, y: 0 });
    const high = this.toFloor({ x: width, y: height });
    const tenth = (v) => Math.round(v * 10) / 10;
    return {
      x: tenth(Math.min(Math.max(p.x, low.x), high.x)),
      y: tenth(Math.min(Math.max(p.y, low.y), high.y)),
    };
  },

  draw() {
    const { width, height } = this.size();
    if (!width || !this.points) return;
    const svg = document.getElementById("topview-lines");
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.replaceChildren();
    for (const foot of FEET) {
      const heel = this.toPixel(this.points[foot].heel);
      const toe = this.toPixel(this.points[foot].toe);
      const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
      line.setAttribute("class", foot);
      line.setAttribute("x1", heel.x); line.setAttribute("y1", heel.y);
      line.setAttribute("x2", toe.x); line.setAttribute("y2", toe.y);
      svg.append(line);
      for (const end of ENDS) {
        const at = this.toPixel(this.points[foot][end]);
        const handle = document.querySelector(`.handle[data-foot="${foot}"][data-end="${end}"]`);
        handle.style.left = `${(at.x / width) * 100}%`;
        handle.style.top = `${(at.y / height) * 100}%`;
      }
    }
  },

  move(foot, end, point) {
    this.points[foot][end] = this.clamp(point);
    this.draw();
  },

  // Pointer (mouse, touch, pen) position in floor mm, less where in the handle it was caught.
  pointerFloor(event, grip) {
    const rect = document.getElementById("topview-image").getBoundingClientRect();
    const { width, height } = this.size();
    const px = {
      x: ((event.clientX - grip.x - rect.left) / rect.width) * width,
      y: ((event.clientY - grip.y - rect.top) / rect.height) * height,
    };
    return this.toFloor(px);
  },

  changed() {
    document.getElementById("save-corrected").disabled = true;
    document.getElementById("reset-corrected").disabled = false;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send(false), SEND_AFTER_MS);
  },

  body(record) {
    return JSON.stringify({ left: this.points.left, right: this.points.right, record });
  },

  async send(record) {
    const number = ++this.asked;
    if (!record) this.status(_("Working out the angle…"));
    let data = {};
    let ok = false;
    try {
      const response = await fetch("/api/measure/feet", {
        method: "POST",
        headers: csrfHeaders({ "Content-Type": "application/json" }),
        body: this.body(record),
        cache: "no-store",
      });
      data = await response.json().catch(() => ({}));
      ok = response.ok;
      if (!ok) data.detail = data.detail || _("The server answered {status}.", { status: response.status });
    } catch (error) {
      data = { detail: _("The server could not be reached; check the connection and try again.") };
    }
    if (number !== this.asked) return; // the points moved again since; a newer answer follows
    if (!ok) { this.status(data.detail, true); return; }
    this.corrected = data;
    document.getElementById("save-reading").hidden = true; // the shown angle is the corrected one now
    readout(data);
    method(data);
    messages(data.messages);
    this.status(_("Corrected by hand: {angle}° between the feet.", { angle: degrees(data.values.total.median) }));
    const save = document.getElementById("save-corrected");
    if (record) {
      const recorded = document.getElementById("recorded");
      recorded.textContent = data.recorded || "";
      recorded.hidden = !data.recorded;
      save.disabled = true;
    } else {
      save.disabled = false;
    }
  },

  reset() {
    if (!this.report) return;
    clearTimeout(this.timer);
    this.asked += 1;
    this.points = structuredClone(this.report.feet);
    this.draw();
    readout(this.report);
    method(this.report);
    messages(this.report.messages);
    this.status(_("The points are back where they were measured."));
    document.getElementById("save-corrected").disabled = true;
    document.getElementById("reset-corrected").disabled = true;
  },

  status(text, problem = false) {
    const line = document.getElementById("correct-status");
    line.textContent = text;
    line.classList.toggle("problem", problem);
  },

  wire() {
    const image = document.getElementById("topview-image");
    if (!image) return;
    new ResizeObserver(() => this.draw()).observe(image);
    for (const handle of document.querySelectorAll(".handle")) {
      const { foot, end } = handle.dataset;
      let grip = null;
      handle.addEventListener("pointerdown", (event) => {
        if (event.button !== 0) return;
        event.preventDefault();
        handle.focus();
        const box = handle.getBoundingClientRect();
        grip = { x: event.clientX - (box.left + box.width / 2), y: event.clientY - (box.top + box.height / 2) };
        handle.setPointerCapture(event.pointerId);
        handle.classList.add("dragging");
        clearTimeout(this.timer);
      });
      handle.addEventListener("pointermove", (event) => {
        if (!grip) return;
        this.move(foot, end, this.pointerFloor(event, grip));
      });
      const drop = () => {
        if (!grip) return;
        grip = null;
        handle.classList.remove("dragging");
        this.changed();
      };
      handle.addEventListener("pointerup", drop);
      handle.addEventListener("pointercancel", drop);
      handle.addEventListener("keydown", (event) => {
        const step = event.shiftKey ? 5 : 1; // mm
        const by = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[event.key];
        if (!by) return;
        event.preventDefault();
        const at = this.points[foot][end];
        // Screen right is floor +x and screen down is floor +y (the map has no turn or flip).
        this.move(foot, end, { x: at.x + by[0], y: at.y + by[1] });
        this.changed();
      });
    }
    document.getElementById("save-corrected").addEventListener("click", () => this.send(true));
    document.getElementById("reset-corrected").addEventListener("click", () => this.reset());
  },
};

document.addEventListener("DOMContentLoaded", () => {
  corrector.wire();
  const saveButton = document.getElementById("save-reading-button");
  if (saveButton) saveButton.addEventListener("click", saveShown);
  const form = document.getElementById("measure-form");
  if (!form) return;
  for (const input of form.querySelectorAll("input[type=file]")) {
    input.addEventListener("change", () => {
      form.chosen = input.files[0] || null;
      // Translators: a file chosen to send, and its size in megabytes: "plie.mp4 (12.5 MB)".
      document.getElementById("file-name").textContent = form.chosen ? _("{name} ({size} MB)", {
        name: form.chosen.name, size: formatNumber(form.chosen.size / 1048576, 1),
      }) : _("No file chosen.");
    });
  }
  form.addEventListener("submit", (event) => { event.preventDefault(); send(form); });
});
