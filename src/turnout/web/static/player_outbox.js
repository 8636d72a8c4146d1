// What the player has done that the coach has not heard yet: Pause, Resume, Stop and the other
// actions, kept in localStorage (a reload or a closed tab loses none), sent in order, each once.
// Each carries the step it was pressed on, so the coach refuses a replay that no longer fits.
"use strict";
window.turnoutOutbox = (sessionId, onAnswer, onRefused) => {
  const KEY = `turnout:outbox:${sessionId}`;
  let running = null;

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch { return []; }
  }
  function save(items) {
    if (items.length) localStorage.setItem(KEY, JSON.stringify(items));
    else localStorage.removeItem(KEY);
  }

  // Sends what is waiting, oldest first; true when nothing is left, false if the network
  // is still down (what is left goes with the next try).
  async function drain() {
    for (let items = load(); items.length; items = load()) {
      const head = items[0];
      try {
        const answer = await api("POST", head.url, head.body);
        save(load().slice(1));
        onAnswer(head, answer);
      } catch (error) {
        if (!error.status || error.status >= 500) return false;
        save(load().slice(1));
        onRefused(head, error); // the coach said no (a replay, or the session is over)
      }
    }
    return true;
  }

  function flush() {
    if (running) return running;
    const locked = navigator.locks ? navigator.locks.request(KEY, drain) : drain();
    running = locked.finally(() => { running = null; });
    return running;
  }

  function push(url, body) {
    save([...load(), { url, body }]);
    // A flush already under way may have looked at the queue just before this was added.
    return flush().then((done) => (done && load().length ? flush() : done));
  }

  return { push, flush, get size() { return load().length; } };
};
