// The live mirror's on-device mode: MediaPipe's pose model runs in this browser (WebAssembly)
// and only its 33 landmarks leave the page; the picture never does. The runtime and the model
// come from our own server (static/vendor/tasks-vision, /measure/models/), nothing from
// elsewhere. No angle is computed here: the server reads the landmarks, as it reads its own.

const RUNTIME = "/static/vendor/tasks-vision/";
const RUNTIME_VERSION = "0.10.35";  // in the URLs, so that a cached copy is never a stale one
const MIN_FPS = 5;                  // slower than this, the computer's model is the better mirror
const TRIAL_MS = 2000;

const runtimeFile = (name) => `${RUNTIME}${name}?v=${RUNTIME_VERSION}`;
const round = (value, places) => Number(value.toFixed(places));
const share = (value) => round(Math.min(2, Math.max(-1, value)), 4); // the server's sane range
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

// A pose model running on `video`, or an Error whose message says, in a few words, why not.
export async function openDevice(video, modelUrl) {
  if (typeof WebAssembly !== "object") throw new Error(_("this browser has WebAssembly turned off"));
  const vision = await load(() => import(runtimeFile("vision_bundle.mjs")));
  if (!(await vision.FilesetResolver.isSimdSupported())) {
    throw new Error(_("this browser's WebAssembly has no SIMD"));
  }
  const landmarker = await load(() => vision.PoseLandmarker.createFromOptions(
    { wasmLoaderPath: runtimeFile("vision_wasm_internal.js"), wasmBinaryPath: runtimeFile("vision_wasm_internal.wasm") },
    { baseOptions: { modelAssetPath: modelUrl, delegate: "CPU" }, runningMode: "VIDEO", numPoses: 1 },
  ));
  const device = new Device(landmarker, video);
  const fps = await device.trial();
  if (fps < MIN_FPS) {
    device.close();
    // Translators: why the mirror does not run on this device: its speed, under the least it needs.
    throw new Error(_("it ran at {fps} frames a second here, under {least}", { fps: formatNumber(fps, 1), least: formatNumber(MIN_FPS) }));
  }
  return device;
}

async function load(step) {
  try {
    return await step();
  } catch (error) {
    console.warn("on-device pose model:", error);
    throw new Error(_("the pose model could not be loaded in this browser"));
  }
}

class Device {
  constructor(landmarker, video) {
    this.landmarker = landmarker;
    this.video = video;
    this.last = 0;
    this.fps = 0;
  }

  // The model's own speed on this device, over two seconds of the live camera.
  async trial() {
    this.detect(); // the first run sets the graph up: not counted
    const start = performance.now();
    let runs = 0;
    while (performance.now() - start < TRIAL_MS) {
      this.detect();
      runs += 1;
      await nextTurn();
    }
    this.fps = runs / ((performance.now() - start) / 1000);
    return this.fps;
  }

  // One frame's message for the server: the picture's size and 33 [x, y, visibility] (shares
  // of the width and height), or landmarks null when no one is in view.
  detect() {
    this.last = Math.max(performance.now(), this.last + 1); // VIDEO mode needs rising times
    const result = this.landmarker.detectForVideo(this.video, this.last);
    const pose = result.landmarks && result.landmarks[0];
    return {
      width: this.video.videoWidth,
      height: this.video.videoHeight,
      landmarks: pose ? pose.map((p) => [share(p.x), share(p.y), round(p.visibility ?? 0, 3)]) : null,
    };
  }

  close() {
    this.landmarker.close();
  }
}
