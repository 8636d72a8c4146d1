// The player's sound: a voice for each role, speaking the page's language (voiceFor, common.js;
// the partner's lower, and another voice of the same language where the device has one),
// beeps, and a hush while a Stop is being answered.
"use strict";
window.turnoutSound = (prefs) => {
  const PITCH = { dancer: 1.05, partner: 0.75 };
  let audio = null;
  let hushed = false;

  speechVoices(); // some browsers only start listing their voices once asked

  // The dancer's voice is the page language's (or the browser's default when the device has
  // none); the partner gets a second voice of that same language when there is one.
  function voiceOf(role) {
    const all = speechVoices();
    const dancer = voiceFor(I18N.lang, all);
    if (role !== "partner" || !dancer) return dancer;
    const other = voicesFor(I18N.lang, all).find((voice) => voice.voiceURI !== dancer.voiceURI);
    return other || dancer;
  }

  function say(text, role = "dancer") {
    if (!prefs.voice || !text || !("speechSynthesis" in window)) return;
    const line = new SpeechSynthesisUtterance(text);
    line.lang = I18N.lang;
    line.rate = prefs.speed;
    line.pitch = PITCH[role] || 1;
    const voice = voiceOf(role);
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
