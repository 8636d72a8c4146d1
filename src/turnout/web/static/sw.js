// A small service worker: the app shell loads even when the network drops for a moment.
// Live practice data (/api) always goes to the network; the player keeps what the dancer did
// offline in its own outbox and sends it when the network is back.
const CACHE = "turnout-v2";
const SHELL = ["/static/app.css", "/static/player.css", "/static/common.js", "/static/player.js",
  "/static/player_sound.js", "/static/player_outbox.js", "/static/player_cues.js",
  "/static/player_summary.js", "/static/player_screen.js", "/static/safety.js",
  "/static/icons/icon.svg", "/static/icons/icon-192.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || url.pathname.startsWith("/api")) return;
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
