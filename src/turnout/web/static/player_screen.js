// The player's screen: it stays on while practising (Wake Lock), and may fill the whole
// screen (Fullscreen API; the button shows only where the browser has it).
"use strict";
window.turnoutScreen = (() => {
  const $ = (id) => document.getElementById(id);
  let wake = null;

  async function keepAwake(practising) {
    const want = practising && document.visibilityState === "visible";
    if (!("wakeLock" in navigator)) {
      $("wake-status").textContent = _("This browser cannot keep the screen on; lengthen the screen timeout.");
      return;
    }
    if (want && !wake) {
      wake = "asking";
      try {
        wake = await navigator.wakeLock.request("screen");
        wake.addEventListener("release", () => { wake = null; });
      } catch {
        wake = null;
      }
    } else if (!want && wake && wake.release) {
      wake.release();
      wake = null;
    }
  }

  function wireFullscreen() {
    const button = $("fullscreen");
    if (!document.fullscreenEnabled || !document.documentElement.requestFullscreen) return;
    button.hidden = false;
    button.addEventListener("click", () => {
      if (document.fullscreenElement) document.exitFullscreen();
      else document.documentElement.requestFullscreen().catch(() => toast(_("This browser would not go full screen.")));
    });
    document.addEventListener("fullscreenchange", () => {
      const on = Boolean(document.fullscreenElement);
      button.textContent = on ? _("Exit full screen") : _("Full screen");
      button.setAttribute("aria-pressed", String(on));
    });
  }

  return { keepAwake, wireFullscreen };
})();
