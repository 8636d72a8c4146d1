// A small service worker: the app shell loads even when the network drops for a moment.
// Live practice data (/api) always goes to the network; the player keeps what the dancer did
// offline in its own outbox and sends it when the network is back.
const CACHE = "turnout-v4";
// The live mirror's on-device runtime and pose model (about 17 MB) are never precached: they
// are kept only once a mirror has fetched them, then served from here (their URLs carry a
// version, so a kept copy is never stale), so the mirror starts again without the network.
const MIRROR_CACHE = "turnout-mirror-v1";
const MIRROR_FILES = ["/static/vendor/tasks-vision/", "/measure/models/"];
const SHELL = ["/static/app.css", "/static/player.css", "/static/i18n.js", "/static/common.js", "/static/player.js",
  "/static/player_sound.js", "/static/player_outbox.js", "/static/player_cues.js",
  "/static/player_summary.js", "/static/player_screen.js", "/static/safety.js",
  "/static/icons/icon.svg", "/static/icons/icon-192.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  const kept = [CACHE, MIRROR_CACHE];
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => !kept.includes(k)).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || url.pathname.startsWith("/api")) return;
  if (MIRROR_FILES.some((prefix) => url.pathname.startsWith(prefix))) {
    event.respondWith(mirrorFile(event, url));
    return;
  }
  // Network first, so pages and files are always fresh; the cache only covers a dropped network.
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request).then((hit) => hit || Response.error())),
  );
});

// Cache first; a newly kept version replaces the older ones of the same file. The answer is
// not held up while 11 MB are written to the cache.
async function mirrorFile(event, url) {
  const cache = await caches.open(MIRROR_CACHE);
  const hit = await cache.match(event.request);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(keep(cache, event.request, url, response.clone()));
  return response;
}

async function keep(cache, request, url, response) {
  for (const old of await cache.keys()) {
    if (new URL(old.url).pathname === url.pathname) await cache.delete(old);
  }
  await cache.put(request, response);
}
