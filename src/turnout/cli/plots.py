"""The progress charts as one SVG (written by hand) or PNG (matplotlib, imported here only)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

from turnout.cli.common import cannot_write
from turnout.domain.compensation import Compensated
from turnout.domain.history import WeekTotal, local_day, weekly_totals
from turnout.errors import UsageError
from turnout.i18n import N_, _
from turnout.i18n.formats import when
from turnout.ports import UnitOfWork
from turnout.services import history
from turnout.services.measurement_text import method_label
from turnout.services.progress import ProgressReport
from turnout.web.progress.presenters import Chart, compensated_charts, trend_charts
from turnout.web.svg import weekly_chart

STYLE = """
svg { background: #17131c; font-family: system-ui, sans-serif; }
text { fill: #f5f1f7; font-size: 14px; text-anchor: middle; }
text.label, .zone-label { fill: #c4bacd; font-size: 12px; }
text.start { text-anchor: start; } text.end { text-anchor: end; }
text.heading { font-size: 16px; font-weight: 700; text-anchor: start; }
.trend { fill: none; stroke: #ff9cb8; stroke-width: 3; }
.reading { fill: #ff9cb8; stroke: #17131c; stroke-width: 2; }
.error-bar { stroke: #c4bacd; stroke-width: 2; opacity: .7; }
.grid { stroke: #3a3145; }
.bar { fill: #ff9cb8; } .axis { stroke: #6b5f78; stroke-width: 1; }
.zone-green { fill: #1d4a2b; } .zone-amber { fill: #6b5216; } .zone-red { fill: #6b2420; }
"""
WIDTH, CHART, HEADING = 640, 260, 30
WEEKLY_TITLE = N_("Practice: minutes held per week")


def write_plot(report: ProgressReport, path: Path, weeks: Sequence[WeekTotal] = ()) -> None:
    """Write every chart stacked in one file, practice volume per week last; the suffix
    chooses SVG or PNG."""
    if path.suffix.lower() == ".svg":
        text = svg_document(report, weeks)
        _write(path, lambda: path.write_text(text, encoding="utf-8"))
    elif path.suffix.lower() == ".png":
        _write(path, lambda: _png(report, path, weeks))
    else:
        # Translators: {path} is the file name given to --plot.
        text = _("--plot {path}: use a file name ending in .svg or .png.")
        raise UsageError(text.format(path=path))


def practice_weeks(uow: UnitOfWork, now: float) -> list[WeekTotal]:
    """Minutes held in each of the last weeks, in the dancer's time zone."""
    tz = datetime.now().astimezone().tzinfo or UTC
    found = history.history(uow, now, tz)
    return weekly_totals(found.days, local_day(now, tz))


def _write(path: Path, action: object) -> None:
    try:
        action()  # type: ignore[operator]
    except OSError as error:
        raise cannot_write(path, error) from None


def svg_document(report: ProgressReport, weeks: Sequence[WeekTotal] = ()) -> str:
    charts = [*compensated_charts(report.compensated), *trend_charts(report.trends)]
    if weeks:
        charts.append(Chart(_(WEEKLY_TITLE), weekly_chart(weeks), ""))
    parts, y = [], 0
    for chart in charts:
        parts.append(f'<text class="heading" x="8" y="{y + 20}">{chart.title}</text>')
        inner = str(chart.svg).replace(
            "<svg ", f'<svg x="0" y="{y + HEADING}" width="{WIDTH}" height="{CHART}" ', 1
        )
        parts.append(inner)
        y += HEADING + CHART
    height = max(y, 40)
    if not charts:
        nothing = escape(_("No readings yet."), quote=False)
        parts.append(f'<text class="heading" x="8" y="24">{nothing}</text>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}"><style>{STYLE}</style>{"".join(parts)}</svg>\n'
    )


def _png(report: ProgressReport, path: Path, weeks: Sequence[WeekTotal]) -> None:
    try:
        import matplotlib
    except ImportError:
        # Translators: {path} is the file name given to --plot; the command in `backquotes`
        # stays as it is.
        text = _(
            "--plot {path}: PNG charts need matplotlib, which this install leaves out. Write an "
            ".svg instead (any browser opens it), or install it with `pip install "
            "'turnout[plot]'`."
        )
        raise UsageError(text.format(path=path)) from None

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # Translators: a chart's title; {method} is how it was measured, in lower case.
    title = _("Compensated turnout from {method}")
    series = [
        (title.format(method=method_label(m).lower()), [_point(p) for p in points], True)
        for m, points in report.compensated.items()
    ]
    series += [
        (t.label, [(r.taken_on, r.value, r.error) for r in t.readings], False)
        for t in report.trends
    ]
    rows = max(1, len(series) + (1 if weeks else 0))
    figure, _axes = plt.subplots(rows, 1, figsize=(8, 3 * rows))
    for ax, (title, points, zones) in zip(figure.axes, series, strict=False):
        _draw(ax, title, points, zones)
    if weeks:
        _bars(figure.axes[-1], weeks)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def _bars(ax: Any, weeks: Sequence[WeekTotal]) -> None:
    labels = [when(w.week_start, "d MMM") for w in weeks]
    ax.bar(labels, [w.hold_minutes for w in weeks], color="#b0306a")
    ax.set_title(_(WEEKLY_TITLE))
    # Translators: the label of a chart's vertical axis.
    ax.set_ylabel(_("minutes"))


def _point(found: Compensated) -> tuple[date, float, float]:
    return found.standing.taken_on, found.value, found.error


def _draw(ax: Any, title: str, points: list[tuple[date, float, float]], zones: bool) -> None:
    import matplotlib.dates as mdates

    dates: Any = mdates  # matplotlib's date helpers are untyped

    days, values, errors = zip(*points, strict=True)
    if zones:
        for low, high, colour in ((-90, 15, "#cfe8d4"), (15, 25, "#f6e2b3"), (25, 200, "#f3c4bf")):
            ax.axhspan(low, high, color=colour)
        ax.set_ylim(
            min(-10, *(v - e for v, e in zip(values, errors, strict=True))) - 2,
            max(40, *(v + e for v, e in zip(values, errors, strict=True))) + 2,
        )
    ax.errorbar(days, values, yerr=errors, marker="o", capsize=4, color="#b0306a")
    ax.set_title(title)
    # Translators: the label of a chart's vertical axis.
    ax.set_ylabel(_("degrees"))
    ax.set_xlim(
        min(days) - timedelta(days=3),
        max(max(days), min(days) + timedelta(days=7)) + timedelta(days=3),
    )
    locator = dates.AutoDateLocator(maxticks=6)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
