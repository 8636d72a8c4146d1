"""Rich views of routines and history for the terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from turnout.cli.render import duration_text
from turnout.cli.words import actor_label, kind_label, side_label
from turnout.domain.routine import Exercise, Routine
from turnout.i18n import _, ngettext, pgettext
from turnout.services.history import History


def routine_list(routines: list[Routine]) -> Table:
    table = Table(title=_("Routines"), show_lines=False)
    # Translators: column headings of the list of routines; "holding" is the time held in all.
    for column in (_("name"), _("title"), _("exercises"), _("holding")):
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
    source = _("Source: {source}").format(source=routine.source) if routine.source else ""
    total = _("Total holding time: {duration}").format(duration=duration_text(routine.hold_seconds))
    parts: list[RenderableType] = [
        Text(routine.name, style="bold"),
        Text(routine.description),
        Text(source, style="dim"),
    ]
    parts += [_exercise(exercise) for exercise in routine.exercises]
    parts.append(Text(total, style="bold"))
    parts += [Text(_("Tip: {tip}").format(tip=tip), style="green") for tip in routine.tips]
    parts += [
        Text(_("Warning: {warning}").format(warning=warning), style="bold red")
        for warning in routine.warnings
    ]
    return Group(*parts)


def _steps(exercise: Exercise) -> Table:
    steps = Table(show_header=True, header_style="bold", expand=True)
    # Translators: column headings of an exercise's steps: number, kind of step, its title,
    # how long, which repetition, which side, who does it (dancer or partner), the partner's cue.
    headings = ("#", _("kind"), _("step"), _("time"), _("rep"), _("side"), _("who"), _("partner"))
    for column in headings:
        steps.add_column(column, overflow="fold")
    for index, step in enumerate(exercise.steps, start=1):
        steps.add_row(
            str(index),
            kind_label(step.kind),
            step.title,
            # Translators: in the steps' time column, for a step that waits for the dancer.
            duration_text(step.seconds) if step.seconds else pgettext("untimed step", "ready"),
            str(step.repetition or ""),
            side_label(step.side.value) if step.side else "",
            actor_label(step.actor),
            step.partner_cue or "",
        )
    return steps


def _exercise(exercise: Exercise) -> Panel:
    # Translators: an exercise's equipment when it needs none.
    equipment = ", ".join(_(item) for item in exercise.equipment) or pgettext("equipment", "none")
    facts = [
        f"{exercise.summary}",
        _("Equipment: {equipment}").format(equipment=equipment),
        # Translators: {count} holds, taking {duration} ("2 min 30 s") together.
        ngettext(
            "Holds: {count}, {duration} in all",
            "Holds: {count}, {duration} in all",
            len(exercise.holds),
        ).format(count=len(exercise.holds), duration=duration_text(exercise.hold_seconds)),
    ]
    if exercise.frequency:
        facts.append(_("How often: {frequency}").format(frequency=exercise.frequency))
    if exercise.partner_role:
        facts.append(_("Partner: {role}").format(role=exercise.partner_role))
    if exercise.interpretation:
        # Translators: {interpretation} says how the routine's authors read the research article
        # the exercise comes from.
        text = _("How we read the article: {interpretation}")
        facts.append(text.format(interpretation=exercise.interpretation))
    facts += [_("Caution: {caution}").format(caution=caution) for caution in exercise.cautions]
    body = Group(*(Text(fact) for fact in facts), _steps(exercise))
    return Panel(body, title=f"{exercise.number}. {exercise.name}", title_align="left")


def history_view(report: History) -> RenderableType:
    if not report.days:
        return Text(_("No practice logged yet. Start with: turnout practice"))
    # Translators: the number of days in a row with practice.
    title = ngettext(
        "Practice streak: {count} day(s)", "Practice streak: {count} day(s)", report.streak
    )
    table = Table(title=title.format(count=report.streak))
    # Translators: column headings of the practice history, one row per day.
    headings = (_("day"), _("sessions"), _("holds done"), _("planned"), _("skipped"))
    for column in (*headings, _("holding")):
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
    return table
