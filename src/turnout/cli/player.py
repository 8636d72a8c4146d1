"""The terminal player: ticks the session, reads keys, speaks and shows what to do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console, RenderableType
from rich.live import Live

from turnout.cli.keys import KeyReader
from turnout.cli.render import duration_text, screen, step_line
from turnout.cli.words import status_label
from turnout.domain.events import Beep, Event, HoldEnded, SessionEnded, StepStarted
from turnout.domain.session import Phase, TransitionError
from turnout.domain.state import Action
from turnout.i18n import _, pgettext
from turnout.i18n.formats import number
from turnout.ports import Clock, Speaker
from turnout.services import cues
from turnout.services.practice import Practice

TICK = 0.1
READY_KEYS = {"\n", "\r", " ", "r"}


@dataclass
class Player:
    practice: Practice
    clock: Clock
    speaker: Speaker
    keys: KeyReader
    console: Console
    confirm_quit: bool = False

    def run(self, events: tuple[Event, ...]) -> None:
        """Play the session to its end (or until the dancer quits or input closes)."""
        self.announce(events)
        if self.console.is_terminal:
            with Live(self.view(), console=self.console, auto_refresh=False) as live:
                self._loop(lambda: live.update(self.view(), refresh=True))
        else:
            self._loop(lambda: None)

    def view(self) -> RenderableType:
        return screen(self.practice.state, self.clock.now(), self.confirm_quit)

    def _loop(self, refresh: Callable[[], None]) -> None:
        while not self.practice.state.is_over:
            key = self.keys.poll()
            self.announce(self._act(key) if key else self.practice.tick(self.clock.now()))
            # Closed input can never say "ready" or "resume": end the session, keep what is done.
            if self.keys.closed and self.practice.state.phase in (Phase.WAITING, Phase.PAUSED):
                self.console.print(_("Input closed while waiting for you; ending the session."))
                self.announce(self.practice.act(Action.ABORT, self.clock.now()))
            refresh()
            self._wait(refresh)

    def _wait(self, refresh: Callable[[], None]) -> None:
        def handle(events: tuple[Event, ...]) -> None:
            self.announce(events)
            refresh()

        wait_one_tick(self.practice, self.clock, handle)

    def _act(self, key: str) -> tuple[Event, ...]:
        now, state = self.clock.now(), self.practice.state
        if self.confirm_quit:
            return self._answer_quit(key.lower(), now)
        actions = {"n": Action.SKIP, "b": Action.BACK}
        try:
            if key.lower() == "q":
                return self._ask_quit(now)
            if state.phase is Phase.WAITING and key in READY_KEYS:
                return self.practice.act(Action.READY, now)
            if key == " ":
                paused = state.phase is Phase.PAUSED
                return self.practice.act(Action.RESUME if paused else Action.PAUSE, now)
            if key.lower() in actions:
                return self.practice.act(actions[key.lower()], now)
        except TransitionError:
            pass  # a key that means nothing right now is ignored, as on any player
        return self.practice.tick(now)

    def _ask_quit(self, now: float) -> tuple[Event, ...]:
        self.confirm_quit = True
        if self.practice.state.phase in (Phase.RUNNING, Phase.GET_READY):
            return self.practice.act(Action.PAUSE, now)
        return ()

    def _answer_quit(self, key: str, now: float) -> tuple[Event, ...]:
        if key not in ("y", "n", "\x1b"):
            return ()
        self.confirm_quit = False
        if key == "y":
            return self.practice.act(Action.ABORT, now)
        if self.practice.state.phase is Phase.PAUSED:
            return self.practice.act(Action.RESUME, now)
        return ()

    def announce(self, events: tuple[Event, ...]) -> None:
        for event in events:
            if isinstance(event, Beep):
                self.speaker.beep(event.remaining)
            elif words := cues.say(event):
                self.speaker.say(words)
            if not self.console.is_terminal:
                self._log_line(event)

    def _log_line(self, event: Event) -> None:
        # Without a live screen (a pipe, a log file, a test) the session reads as a transcript.
        if isinstance(event, StepStarted):
            step = event.item.step
            # Translators: in the transcript of a session, for a step that waits for the dancer.
            waits = pgettext("untimed step", "waits for ready")
            timing = duration_text(step.seconds) if step.seconds else waits
            label = cues.item_label(event.item)
            self.console.print(f"> {label} [{step_line(event.item)}] ({timing})")
        elif isinstance(event, HoldEnded):
            record = event.record
            # Translators: a hold just saved: how it ended ("completed", "skipped") and how many
            # seconds it was held.
            text = _("logged: {status}, {seconds} s")
            shown = text.format(
                status=status_label(record.status), seconds=number(record.actual_seconds)
            )
            self.console.print(f"  {shown}")
        elif isinstance(event, SessionEnded):
            self.console.print(cues.say(event))


def wait_one_tick(
    practice: Practice, clock: Clock, handle: Callable[[tuple[Event, ...]], None]
) -> None:
    """Let one display tick pass, waking exactly for any beep or deadline inside it, so a
    hold's end is noticed within milliseconds however slowly the display ticks."""
    end = clock.now() + TICK
    for _tick in range(4):  # at most a deadline and three beeps fit in one tick
        due = practice.state.next_due()
        if due is None or due >= end:
            break
        clock.sleep(due - clock.now())
        handle(practice.tick(clock.now()))
    clock.sleep(end - clock.now())
