// The player's sound: a voice for each role (the partner's lower, and another voice where the
// browser has more than one), beeps, and a hush while a Stop is being answered.
"use strict";
window.turnoutSound = (prefs) => {
  const PITCH = { dancer: 1.05, partner: 0.75 };
  let audio = null;
  let hushed = false;

  function voices() {
    return "speechSynthesis" in window ? speechSynthesis.getVoices() : [];
  }

  // The partner gets a voice of their own when the browser has a second one in the language.
  function voiceFor(role) {
    const all = voices();
    if (role !== "partner" || all.length < 2) return null;
    const lang = (navigator.language || "en").slice(0, 2);
    const same = all.filter((voice) => voice.lang && voice.lang.startsWith(lang));
    const pool = same.length > 1 ? same : all;
    const first = pool.find((voice) => voice.default) || pool[0];
    return pool.find((voice) => voice !== first) || null;
  }

  function say(text, role = "dancer") {
    if (!prefs.voice || !text || !("speechSynthesis" in window)) return;
    const line = new SpeechSynthesisUtterance(text);
    line.rate = prefs.speed;
    line.pitch = PITCH[role] || 1;
    const voice = voiceFor(role);
    if (voice) line.voice = voice;
    speechSynthesis.speak(line);
  }

  function cancel() {
    if ("speechSynthesis" in window) speechSynthesis.cancel();
  }

  // The advice of a Stop, said at once over anything queued, and nothing after it until the
  // coach has answered (the cues of the steps a warning sign leaves out are never said).
  function advise(text) {
    hushed = true;
    cancel();
    say(text);
  }

  function beep(remaining) {
    if (!prefs.beeps || !audio) return;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = remaining <= 1 ? 1320 : 880;
    gain.gain.setValueAtTime(0.25, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.18);
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.2);
  }

  // Browsers only make sound after the person has touched the page.
  function unlock() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!audio && Context) audio = new Context();
    if (audio && audio.state === "suspended") audio.resume();
  }

  return {
    say, cancel, advise, beep, unlock,
    get hushed() { return hushed; },
    unhush() { hushed = false; },
  };
};
