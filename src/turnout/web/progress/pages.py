"""The progress page: readings over time, compensated turnout, pain and practice volume, and
a plain HTML form to add a reading."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from turnout.domain.history import local_day, weekly_totals
from turnout.domain.measurement import METHODS, Quantity
from turnout.errors import InputError
from turnout.services import history, progress, safety
from turnout.services.measurement_text import REFERENCE_RANGES
from turnout.web import svg
from turnout.web.deps import Web, WebApp
from turnout.web.progress.presenters import compensated_charts, pain_chart, trend_charts
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
        weekly_svg=svg.weekly_chart(weekly_totals(found_days, today)),
        methods=METHODS,
        quantities=Quantity,
        references=REFERENCE_RANGES,
        today=today,
        **more,
    )


@router.post("/progress")
async def add_reading(request: Request, web: WebApp) -> Response:
    form = await request.form()
    try:
        await run_in_threadpool(_add_reading, web, form)
    except InputError as error:
        return _progress(request, web, 422, error=str(error), field=error.field, form=form)
    return RedirectResponse("/progress?added=1#readings", 303)


def _add_reading(web: Web, form: FormData) -> None:
    trials = [_number(form.get(f"trial{n}"), n) for n in (1, 2, 3) if form.get(f"trial{n}")]
    taken = str(form.get("taken_on") or "")
    try:
        taken_on = date.fromisoformat(taken) if taken else None
    except ValueError:
        raise InputError("taken_on", "taken_on: give the date as YYYY-MM-DD.") from None
    progress.add_measurement(
        web.uow,
        str(form.get("method") or "") or None,
        str(form.get("side") or "") or None,
        trials,
        taken_on,
        local_day(web.now(), web.tz),
        str(form.get("note") or ""),
    )


def _number(value: object, trial: int) -> float:
    try:
        return float(str(value))
    except ValueError:
        raise InputError(f"trials[{trial}]", f"trials[{trial}]: enter a number.") from None
