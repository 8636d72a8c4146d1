"""`turnout progress` and `turnout measure-add`: measurements over time from the command line.

Charts load their libraries inside the command (matplotlib only for PNG), so `turnout --help`
stays fast."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from turnout.cli.common import container, wrote
from turnout.cli.language import filled
from turnout.cli.words import flag_label, side_label
from turnout.domain.measurement import METHODS, MeasurementEntry, change
from turnout.errors import UsageError
from turnout.i18n import N_, _, pgettext
from turnout.i18n.formats import number
from turnout.services.measurement_text import (
    change_text,
    error_text,
    flag_advice,
    method_label,
    reference_ranges,
)
from turnout.services.progress import Trend, add_measurement, report


def _today() -> date:
    return datetime.now().astimezone().date()


# Translators: the help of --method; {methods} lists the methods' codes, which stay as they are.
METHOD_HELP = N_("How you measured: {methods}")
ADD_HELP = N_("Add a typed-in reading: three trials (asked for if not given); the median is kept.")


def measure_add(
    ctx: typer.Context,
    method: Annotated[
        str,
        typer.Option(help=filled(METHOD_HELP, methods=", ".join(m.value for m in METHODS))),
    ],
    side: Annotated[
        str, typer.Option(help=N_("both (standing turnout), or left/right (one hip)."))
    ],
    trial: Annotated[
        list[float] | None, typer.Option("--trial", "-t", help=N_("A trial in degrees; give 3."))
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help=N_("YYYY-MM-DD; today if left out."))
    ] = None,
    note: Annotated[str, typer.Option(help=N_("Who measured, how you felt, ..."))] = "",
) -> None:
    # Translators: asked for each of the three trials; {number} is 1, 2 or 3.
    ask = _("Trial {number} (degrees)")
    trials = trial or [typer.prompt(ask.format(number=n), type=float) for n in (1, 2, 3)]
    try:
        taken_on = date.fromisoformat(on) if on else _today()
    except ValueError:
        # Translators: {value} is the date as given, quoted; YYYY-MM-DD is the format to use.
        text = _("--date: {value} is not a date; write it as YYYY-MM-DD.")
        raise UsageError(text.format(value=repr(on))) from None
    box = container(ctx)
    entry = MeasurementEntry(method, side, trials, taken_on, note)
    saved = add_measurement(box.uow(), entry, _today())
    # Translators: {value} is the reading in degrees; {method} how it was measured; {side}
    # both, left or right; {date} the day (YYYY-MM-DD); {trials} the three trials.
    text = _("Saved {value} degrees ({method}, {side}, {date}): the median of {trials}.")
    shown = text.format(
        value=number(saved.value),
        method=method_label(saved.method),
        side=side_label(saved.side.value),
        date=saved.taken_on,
        trials=", ".join(number(t) for t in saved.trials),
    )
    Console(highlight=False, markup=False).print(shown)


PROGRESS_HELP = N_(
    "Turnout over time per method and side, with error bands, and compensated turnout."
)


def progress(
    ctx: typer.Context,
    plot: Annotated[
        Path | None, typer.Option(help=N_("Write the charts to a .svg or .png file as well."))
    ] = None,
) -> None:
    box = container(ctx)
    found = report(box.uow())
    console = Console(highlight=False, markup=False)
    if not found.trends:
        console.print(_("No readings yet. Add one with `turnout measure-add`."))
    for trend in found.trends:
        console.print(_trend_table(trend))
    for method, points in found.compensated.items():
        last = points[-1]
        # Translators: {method} is how it was measured; {value} degrees; {error} a whole number
        # of degrees; {band} green, amber or red; {advice} what the band means.
        text = _(
            "Compensated turnout ({method}): {value} degrees (plus or minus about {error}), "
            "{band}. {advice}"
        )
        console.print(
            text.format(
                method=method_label(method),
                value=number(last.value),
                error=number(last.error, 0),
                band=flag_label(last.flag),
                advice=flag_advice(last.flag),
            )
        )
    # Translators: {ranges} are the reference ranges, a sentence or two each.
    console.print(
        _("For context, not targets: {ranges}").format(ranges=" ".join(reference_ranges()))
    )
    if plot is not None:
        from turnout.cli.plots import practice_weeks, write_plot  # loads only when asked for

        write_plot(found, plot, practice_weeks(box.uow(), box.clock.now()))
        console.print(wrote(plot))


def _trend_table(trend: Trend) -> Table:
    # Translators: a table's title: a trend line's name and the method's error ("about 10").
    title = _("{label} (error: {error} degrees)")
    table = Table(title=title.format(label=trend.label, error=error_text(trend.method)))
    # Translators: the columns of a trend's readings: the day, the median of the trials, the
    # trials, and the change from the reading before.
    for column in (_("Date"), _("Median"), _("Trials"), _("Change")):
        table.add_column(column)
    previous = None
    for reading in trend.readings:
        # Translators: in the Change column, for the first reading of a trend.
        first = pgettext("change from the previous reading", "first")
        step = change_text(change(previous, reading)) if previous is not None else first
        trials = ", ".join(number(t) for t in reading.trials)
        table.add_row(str(reading.taken_on), number(reading.value), trials, step)
        previous = reading
    return table
