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

from turnout.cli.common import container
from turnout.domain.measurement import METHODS, MeasurementEntry, change
from turnout.errors import UsageError
from turnout.services.measurement_text import (
    REFERENCE_RANGES,
    change_text,
    error_text,
    flag_advice,
    method_label,
)
from turnout.services.progress import Trend, add_measurement, report


def _today() -> date:
    return datetime.now().astimezone().date()


def measure_add(
    ctx: typer.Context,
    method: Annotated[
        str, typer.Option(help="How you measured: " + ", ".join(m.value for m in METHODS))
    ],
    side: Annotated[str, typer.Option(help="both (standing turnout), or left/right (one hip).")],
    trial: Annotated[
        list[float] | None, typer.Option("--trial", "-t", help="A trial in degrees; give 3.")
    ] = None,
    on: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD; today if left out.")] = None,
    note: Annotated[str, typer.Option(help="Who measured, how you felt, ...")] = "",
) -> None:
    """Add a typed-in reading: three trials (asked for if not given); the median is kept."""
    trials = trial or [typer.prompt(f"Trial {n} (degrees)", type=float) for n in (1, 2, 3)]
    try:
        taken_on = date.fromisoformat(on) if on else _today()
    except ValueError:
        raise UsageError(f"--date: {on!r} is not a date; write it as YYYY-MM-DD.") from None
    box = container(ctx)
    entry = MeasurementEntry(method, side, trials, taken_on, note)
    saved = add_measurement(box.uow(), entry, _today())
    label = method_label(saved.method)
    Console(highlight=False, markup=False).print(
        f"Saved {saved.value:g} degrees ({label}, {saved.side.value}, {saved.taken_on}): "
        f"the median of {', '.join(f'{t:g}' for t in saved.trials)}."
    )


def progress(
    ctx: typer.Context,
    plot: Annotated[
        Path | None, typer.Option(help="Write the charts to a .svg or .png file as well.")
    ] = None,
) -> None:
    """Turnout over time per method and side, with error bands, and compensated turnout."""
    box = container(ctx)
    found = report(box.uow())
    console = Console(highlight=False, markup=False)
    if not found.trends:
        console.print("No readings yet. Add one with `turnout measure-add`.")
    for trend in found.trends:
        console.print(_trend_table(trend))
    for method, points in found.compensated.items():
        last = points[-1]
        console.print(
            f"Compensated turnout ({method_label(method)}): {last.value:g} degrees "
            f"(plus or minus about {last.error:.0f}), {last.flag.value}. {flag_advice(last.flag)}"
        )
    console.print("For context, not targets: " + " ".join(REFERENCE_RANGES))
    if plot is not None:
        from turnout.cli.plots import practice_weeks, write_plot  # loads only when asked for

        write_plot(found, plot, practice_weeks(box.uow(), box.clock.now()))
        console.print(f"Wrote {plot}")


def _trend_table(trend: Trend) -> Table:
    table = Table(title=f"{trend.label} (error: {error_text(trend.method)} degrees)")
    for column in ("Date", "Median", "Trials", "Change"):
        table.add_column(column)
    previous = None
    for reading in trend.readings:
        step = change_text(change(previous, reading)) if previous is not None else "first"
        trials = ", ".join(f"{t:g}" for t in reading.trials)
        table.add_row(str(reading.taken_on), f"{reading.value:g}", trials, step)
        previous = reading
    return table
