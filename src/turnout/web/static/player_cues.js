// The player's cues: the server's numbered events, each spoken or beeped once across reloads
// and tabs (the last one heard is kept in localStorage), in order, with each line's role.
"use strict";
window.turnoutCues = ({ id, feed, sound, prefs, serverNow, timeScale }) => {
  const INTERRUPTING = ["step_started", "get_ready", "session_ended"];
  let feedId = feed;
  let after = 0;

  const key = () => `turnout:heard:${id}:${feedId}`;
  const heard = () => Number(localStorage.getItem(key()) || 0);
  after = heard();

  // Everything up to `seq` counts as heard without being said (a Stop's own cues), and the
  // hush of the Stop's advice ends.
  function heardUpTo(seq) {
    if (seq > heard()) localStorage.setItem(key(), String(seq));
    sound.unhush();
  }

  // The events of one poll (`?events_after=` of the session's state, or its /events).
  async function take(data) {
    if (!data) return;
    if (data.feed !== feedId) {
      // The server restarted: a new feed, numbered from 1 again.
      feedId = data.feed;
      after = heard();
      return;
    }
    const handle = () => {
      const fresh = data.events.filter((event) => event.seq > heard());
      if (!fresh.length) return;
      localStorage.setItem(key(), String(fresh[fresh.length - 1].seq));
      if (!sound.hushed) perform(fresh);
    };
    if (navigator.locks) await navigator.locks.request(key(), handle);
    else handle();
    after = Math.max(after, data.last);
  }

  // One batch of new events: anything still queued from before gives way once, then every line
  // is said in order ("release", then the next step; the partner's cue first at a push).
  function perform(events) {
    const now = serverNow();
    const young = (event) => (now - event.at) / timeScale() < (event.kind === "beep" ? 1.5 : 8);
    const recent = events.filter(young);
    if (recent.some((event) => INTERRUPTING.includes(event.kind))) sound.cancel();
    for (const event of recent) {
      if (event.kind === "beep") {
        sound.beep(event.beep);
        if (prefs.count) sound.say(event.say, event.role);
      } else {
        sound.say(event.say, event.role);
      }
    }
  }

  return { take, after: () => after, heardUpTo };
};
