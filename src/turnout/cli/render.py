"""What the terminal player shows: a big countdown, the step, the partner's cue, what is next."""

from __future__ import annotations

from rich.align import Align
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from turnout.domain.plan import PlanItem
from turnout.domain.session import Phase, SessionState

KEYS_HELP = "space pause/resume · n skip · b back · q quit"

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
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def big(text: str) -> Align:
    """The countdown in block digits, twice as wide as tall, so it reads from across a room."""
    rows = ["  ".join(_wide(_FONT[ch][row]) for ch in text if ch in _FONT) for row in range(5)]
    return Align.center(Text("\n".join(rows), style="bold cyan"))


def _wide(row: str) -> str:
    return "".join(ch * 2 for ch in row)


def step_line(item: PlanItem) -> str:
    step, exercise = item.step, item.exercise
    parts = [step.kind.value.replace("_", " ").upper()]
    if step.side:
        parts.append(step.side.value)
    if step.repetition and exercise.repetitions > 1:
        parts.append(f"rep {step.repetition} of {exercise.repetitions}")
    return " · ".join(parts)


def screen(state: SessionState, now: float, confirm_quit: bool = False) -> RenderableType:
    item = state.item
    if item is None:
        return Panel(Text("Session over.", style="bold"), title="turnout")
    body = Table.grid(padding=(0, 1))
    body.add_row(Text(step_line(item), style="bold magenta"))
    body.add_row(Text(item.step.title, style="bold"))
    body.add_row(_countdown(state, now))
    body.add_row(Text(item.step.cue))
    if item.step.partner_cue:
        body.add_row(Panel(Text(item.step.partner_cue), title="Partner", border_style="yellow"))
    body.add_row(Text(_next(state), style="dim"))
    body.add_row(_progress(state, now))
    footer = (
        "End the session? y = end and keep what is done, n = carry on"
        if confirm_quit
        else (KEYS_HELP)
    )
    body.add_row(Text(footer, style="reverse" if confirm_quit else "dim"))
    title = f"{item.exercise.number}. {item.exercise.name}"
    return Panel(body, title=title, subtitle=state.plan.routine_name, border_style="cyan")


def _countdown(state: SessionState, now: float) -> RenderableType:
    if state.phase is Phase.WAITING:
        return Text("Press Enter when you are ready", style="bold green")
    remaining = state.remaining(now) or 0.0
    label = {Phase.GET_READY: "get ready", Phase.PAUSED: "paused"}.get(state.phase, "")
    parts: list[RenderableType] = [big(clock_text(remaining))]
    seconds = state.item.step.seconds if state.item else None
    if seconds and seconds >= 300 and state.phase is not Phase.GET_READY:
        done = mmss(state.active_seconds(now))
        parts.append(Align.center(Text(f"{done} done of {mmss(seconds)}", style="cyan")))
    if label:
        parts.append(Align.center(Text(label.upper(), style="bold yellow")))
    return Group(*parts)


def _next(state: SessionState) -> str:
    upcoming = state.upcoming
    if upcoming is None:
        return "Next: the end of the session"
    seconds = f" ({duration_text(upcoming.step.seconds)})" if upcoming.step.seconds else ""
    return f"Next: {upcoming.step.title}{seconds}"


def _progress(state: SessionState, now: float) -> RenderableType:
    share = state.progress(now)
    row = Table.grid(padding=(0, 1))
    row.add_row(ProgressBar(total=1.0, completed=share, width=40), Text(f"{share:.0%}"))
    return row
