"""Rich views of routines and history for the terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from turnout.cli.render import duration_text
from turnout.domain.routine import Exercise, Routine
from turnout.services.history import History


def routine_list(routines: list[Routine]) -> Table:
    table = Table(title="Routines", show_lines=False)
    for column in ("name", "title", "exercises", "holding"):
        table.add_column(column)
    for routine in routines:
        table.add_row(
            routine.key,
            routine.name,
            str(len(routine.exercises)),
            duration_text(routine.hold_seconds),
        )
    return table


def routine_detail(routine: Routine) -> RenderableType:
    parts: list[RenderableType] = [
        Text(routine.name, style="bold"),
        Text(routine.description),
        Text(f"Source: {routine.source}", style="dim") if routine.source else Text(""),
    ]
    parts += [_exercise(exercise) for exercise in routine.exercises]
    parts.append(Text(f"Total holding time: {duration_text(routine.hold_seconds)}", style="bold"))
    parts += [Text(f"Tip: {tip}", style="green") for tip in routine.tips]
    parts += [Text(f"Warning: {warning}", style="bold red") for warning in routine.warnings]
    return Group(*parts)


def _exercise(exercise: Exercise) -> Panel:
    steps = Table(show_header=True, header_style="bold", expand=True)
    for column in ("#", "kind", "step", "time", "rep", "side", "who", "partner"):
        steps.add_column(column, overflow="fold")
    for index, step in enumerate(exercise.steps, start=1):
        steps.add_row(
            str(index),
            step.kind.value.replace("_", " "),
            step.title,
            duration_text(step.seconds) if step.seconds else "ready",
            str(step.repetition or ""),
            step.side.value if step.side else "",
            step.actor.value,
            step.partner_cue or "",
        )
    facts = [
        f"{exercise.summary}",
        f"Equipment: {', '.join(exercise.equipment) or 'none'}",
        f"Holds: {len(exercise.holds)}, {duration_text(exercise.hold_seconds)} in all",
    ]
    if exercise.frequency:
        facts.append(f"How often: {exercise.frequency}")
    if exercise.partner_role:
        facts.append(f"Partner: {exercise.partner_role}")
    if exercise.interpretation:
        facts.append(f"How we read the article: {exercise.interpretation}")
    facts += [f"Caution: {caution}" for caution in exercise.cautions]
    body = Group(*(Text(fact) for fact in facts), steps)
    return Panel(body, title=f"{exercise.number}. {exercise.name}", title_align="left")


def history_view(report: History) -> RenderableType:
    table = Table(title=f"Practice streak: {report.streak} day(s)")
    for column in ("day", "sessions", "holds done", "planned", "skipped", "holding"):
        table.add_column(column)
    for day in report.days:
        table.add_row(
            day.day.isoformat(),
            str(day.sessions),
            str(day.completed_holds),
            str(day.planned_holds),
            str(day.skipped_holds),
            duration_text(round(day.hold_seconds)),
        )
    if not report.days:
        return Text("No practice logged yet. Start with: turnout practice")
    return table
