"""Spoken cues through espeak-ng when it is there; the terminal bell when it is not."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import TextIO

from turnout import i18n

# espeak-ng's voice for each language turnout speaks (`espeak-ng --voices` lists them).
VOICES = {"en": "en", "fr": "fr", "es": "es", "de": "de", "it": "it", "pt_BR": "pt-br", "ru": "ru"}


def espeak_voice(language: str) -> str:
    """The espeak-ng voice that speaks `language` (a catalogue name: "fr", "pt_BR")."""
    return VOICES.get(language) or VOICES.get(language.split("_")[0], "en")


class BellSpeaker:
    """No voice: ring the terminal bell for the last seconds, stay silent otherwise."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    def say(self, text: str) -> None:
        return

    def beep(self, remaining: int) -> None:
        self.stream.write("\a")
        self.stream.flush()


class EspeakSpeaker:
    """Speaks through an espeak-ng process; the newest cue wins, because timing matters most.
    `voice` is espeak-ng's voice (`-v`), None for its default."""

    def __init__(self, program: str, rate: int = 150, voice: str | None = None) -> None:
        self.program, self.rate, self.voice = program, rate, voice
        self.current: subprocess.Popen[bytes] | None = None

    def command(self, text: str) -> list[str]:
        """The program and its arguments that say `text`."""
        voice = ["-v", self.voice] if self.voice else []
        return [self.program, *voice, "-s", str(self.rate), "--", text]

    def say(self, text: str) -> None:
        if not text:
            return
        self._stop()
        try:
            self.current = subprocess.Popen(
                self.command(text),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.current = None  # a voice that fails must never stop the practice

    def beep(self, remaining: int) -> None:
        self.say(str(remaining))

    def _stop(self) -> None:
        if self.current is not None and self.current.poll() is None:
            self.current.terminate()


def make_speaker(
    voice: bool, rate: int = 150, language: str | None = None
) -> BellSpeaker | EspeakSpeaker:
    """espeak-ng when asked for and installed, else the bell; never an error. It speaks
    `language` (the current language when None), as the cues are written."""
    program = shutil.which("espeak-ng") or shutil.which("espeak")
    if voice and program:
        return EspeakSpeaker(program, rate, espeak_voice(language or i18n.current()))
    return BellSpeaker()
