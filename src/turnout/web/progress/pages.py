"""The progress page: readings over time, compensated turnout, pain and practice volume, and
a plain HTML form to add a reading."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from turnout.domain.history import local_day, weekly_totals
from turnout.domain.measurement import METHODS, MeasurementEntry, Quantity
from turnout.errors import InputError
from turnout.i18n import _
from turnout.services import corrections, history, progress, safety
from turnout.services.measurement_text import reference_ranges
from turnout.web import svg
from turnout.web.deps import Web, WebApp
from turnout.web.forms import number, post_form, text
from turnout.web.progress.presenters import (
    compensated_charts,
    pain_chart,
    pain_rows,
    trend_charts,
)
from turnout.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/progress")
def progress_page(request: Request, web: WebApp) -> Response:
    return _progress(request, web)


def _progress(request: Request, web: Web, status: int = 200, **more: Any) -> Response:
    found = progress.report(web.uow)
    found_days = history.history(web.uow, web.now(), web.tz).days
    today = local_day(web.now(), web.tz)
    return page(
        web,
        request,
        "progress.html",
        status,
        report=found,
        trend_svgs=trend_charts(found.trends),
        compensated_svgs=compensated_charts(found.compensated),
        pain_svg=pain_chart(safety.all_pain_checks(web.uow), web.tz),
        pain_entries=pain_rows(corrections.pain_check_entries(web.uow), web.tz),
        weekly_svg=svg.weekly_chart(weekly_totals(found_days, today)),
        methods=METHODS,
        quantities=Quantity,
        references=reference_ranges(),
        today=today,
        **more,
    )


@router.post("/progress")
async def add_reading(request: Request, web: WebApp) -> Response:
    return await post_form(request, web, _add_reading, _progress, "/progress?added=1#readings")


def _add_reading(web: Web, form: FormData) -> None:
    trials = [
        number(form.get(f"trial{n}"), f"trials[{n}]") for n in (1, 2, 3) if form.get(f"trial{n}")
    ]
    taken = text(form, "taken_on")
    try:
        taken_on = date.fromisoformat(taken) if taken else None
    except ValueError:
        raise InputError("taken_on", _("taken_on: give the date as YYYY-MM-DD.")) from None
    method, side = text(form, "method") or None, text(form, "side") or None
    entry = MeasurementEntry(method, side, trials, taken_on, text(form, "note"))
    progress.add_measurement(web.uow, entry, local_day(web.now(), web.tz))
