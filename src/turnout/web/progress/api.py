"""The JSON API of measurements over time: add readings, read trends and compensated turnout."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from turnout.domain.corrections import Target
from turnout.domain.history import local_day
from turnout.domain.measurement import MeasurementEntry
from turnout.services import progress
from turnout.services.measurement_text import change_text, flag_advice, reference_ranges
from turnout.web.deps import WebApp
from turnout.web.log_changes import undoable
from turnout.web.progress.presenters import measurement_out
from turnout.web.progress.schemas import MeasurementIn, MeasurementOut
from turnout.web.schema_base import errors

router = APIRouter(prefix="/api", tags=["progress"])


@router.get("/measurements")
def list_measurements(web: WebApp) -> list[MeasurementOut]:
    """Every reading, oldest first, with its method, side, trials, median and error band."""
    return [measurement_out(r) for r in progress.measurements(web.uow)]


@router.post("/measurements", status_code=201, responses=errors(422))
def add_measurement(reading: MeasurementIn, web: WebApp) -> MeasurementOut:
    """One measuring session: three trials advised; the median is kept. 422 names a bad field."""
    today = local_day(web.now(), web.tz)
    day = reading.taken_on or today  # as the schema says: today when left out
    entry = MeasurementEntry(reading.method, reading.side, reading.trials, day, reading.note)
    saved = progress.add_measurement(web.uow, entry, today)
    return measurement_out(saved)


undoable(router, "/measurements/{entry_id}", Target.MEASUREMENT, "a reading")
undoable(router, "/pain-checks/{entry_id}", Target.PAIN_CHECK, "a pain check")


@router.get("/progress")
def get_progress(web: WebApp) -> dict[str, Any]:
    """Trend lines per method and side, changes against each method's error, compensated
    turnout with its flag, and reference ranges (context, not targets)."""
    found = progress.report(web.uow)
    return {
        "trends": [_trend(t) for t in found.trends],
        "compensated": {
            method.value: [
                {
                    "taken_on": p.standing.taken_on.isoformat(),
                    "value": p.value,
                    "error": p.error,
                    "flag": p.flag.value,
                    "advice": flag_advice(p.flag),
                }
                for p in points
            ]
            for method, points in found.compensated.items()
        },
        "reference_ranges": list(reference_ranges()),
    }


def _trend(trend: progress.Trend) -> dict[str, Any]:
    latest, overall = trend.latest_change, trend.overall_change
    return {
        "method": trend.method.value,
        "side": trend.side.value,
        "label": trend.label,
        "readings": [measurement_out(r).model_dump(mode="json") for r in trend.readings],
        "latest_change": change_text(latest) if latest else None,
        "overall_change": change_text(overall) if overall else None,
    }
