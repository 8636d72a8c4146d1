"""What the terminal player shows: a big countdown, the step, the partner's cue, what is next."""

from __future__ import annotations

from rich.align import Align
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from turnout.cli.words import kind_label, side_label
from turnout.domain.plan import PlanItem
from turnout.domain.session import Phase, SessionState
from turnout.i18n import N_, _

# Translators: the player's keys; the keys themselves (space, n, b, q) stay as they are.
KEYS_HELP = N_("space pause/resume · n skip · b back · q quit")

_FONT = {
    "0": ["███", "█ █", "█ █", "█ █", "███"],
    "1": [" █ ", "██ ", " █ ", " █ ", "███"],
    "2": ["███", "  █", "███", "█  ", "███"],
    "3": ["███", "  █", "███", "  █", "███"],
    "4": ["█ █", "█ █", "███", "  █", "  █"],
    "5": ["███", "█  ", "███", "  █", "███"],
    "6": ["███", "█  ", "███", "█ █", "███"],
    "7": ["███", "  █", "  █", "  █", "  █"],
    "8": ["███", "█ █", "███", "█ █", "███"],
    "9": ["███", "█ █", "███", "  █", "███"],
    ":": ["   ", " █ ", "   ", " █ ", "   "],
}


def clock_text(seconds: float) -> str:
    """Whole seconds rounded up, so a countdown shows 1 until the very end; m:ss past a minute."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60}:{whole % 60:02d}" if whole >= 60 else str(whole)


def mmss(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def duration_text(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        # Translators: a duration in seconds ("s" is the unit).
        return _("{seconds} s").format(seconds=rest)
    if not rest:
        # Translators: a duration in whole minutes ("min" is the unit).
        return _("{minutes} min").format(minutes=minutes)
    # Translators: a duration in minutes and seconds ("min" and "s" are the units).
    return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)


def big(text: str) -> Align:
    """The countdown in block digits, twice as wide as tall, so it reads from across a room."""
    rows = ["  ".join(_wide(_FONT[ch][row]) for ch in text if ch in _FONT) for row in range(5)]
    return Align.center(Text("\n".join(rows), style="bold cyan"))


def _wide(row: str) -> str:
    return "".join(ch * 2 for ch in row)


def step_line(item: PlanItem) -> str:
    step, exercise = item.step, item.exercise
    parts = [kind_label(step.kind).upper()]
    if step.side:
        parts.append(side_label(step.side.value))
    if step.repetition and exercise.repetitions > 1:
        # Translators: which repetition of the exercise this step belongs to ("rep 2 of 3").
        text = _("rep {repetition} of {repetitions}")
        parts.append(text.format(repetition=step.repetition, repetitions=exercise.repetitions))
    return " · ".join(parts)


def screen(state: SessionState, now: float, confirm_quit: bool = False) -> RenderableType:
    item = state.item
    if item is None:
        return Panel(Text(_("Session over."), style="bold"), title="turnout")
    body = Table.grid(padding=(0, 1))
    body.add_row(Text(step_line(item), style="bold magenta"))
    body.add_row(Text(item.step.title, style="bold"))
    body.add_row(_countdown(state, now))
    body.add_row(Text(item.step.cue))
    if item.step.partner_cue:
        body.add_row(Panel(Text(item.step.partner_cue), title=_("Partner"), border_style="yellow"))
    body.add_row(Text(_next(state), style="dim"))
    body.add_row(_progress(state, now))
    # Translators: asked when q is pressed; the keys y and n stay as they are.
    ending = _("End the session? y = end and keep what is done, n = carry on")
    footer = ending if confirm_quit else _(KEYS_HELP)
    body.add_row(Text(footer, style="reverse" if confirm_quit else "dim"))
    title = f"{item.exercise.number}. {item.exercise.name}"
    return Panel(body, title=title, subtitle=state.plan.routine_name, border_style="cyan")


def _countdown(state: SessionState, now: float) -> RenderableType:
    if state.phase is Phase.WAITING:
        return Text(_("Press Enter when you are ready"), style="bold green")
    remaining = state.remaining(now) or 0.0
    # Translators: shown in capitals under the countdown.
    labels = {Phase.GET_READY: N_("get ready"), Phase.PAUSED: N_("paused")}
    label = _(labels[state.phase]) if state.phase in labels else ""
    parts: list[RenderableType] = [big(clock_text(remaining))]
    seconds = state.item.step.seconds if state.item else None
    if seconds and seconds >= 300 and state.phase is not Phase.GET_READY:
        done = mmss(state.active_seconds(now))
        # Translators: the time held so far of a long hold, both as m:ss ("4:10 done of 10:00").
        text = _("{done} done of {total}").format(done=done, total=mmss(seconds))
        parts.append(Align.center(Text(text, style="cyan")))
    if label:
        parts.append(Align.center(Text(label.upper(), style="bold yellow")))
    return Group(*parts)


def _next(state: SessionState) -> str:
    upcoming = state.upcoming
    if upcoming is None:
        return _("Next: the end of the session")
    if not upcoming.step.seconds:
        # Translators: the next step's title.
        return _("Next: {title}").format(title=upcoming.step.title)
    # Translators: the next step's title and how long it lasts ("45 s").
    text = _("Next: {title} ({duration})")
    return text.format(title=upcoming.step.title, duration=duration_text(upcoming.step.seconds))


def _progress(state: SessionState, now: float) -> RenderableType:
    share = state.progress(now)
    row = Table.grid(padding=(0, 1))
    row.add_row(ProgressBar(total=1.0, completed=share, width=40), Text(f"{share:.0%}"))
    return row
