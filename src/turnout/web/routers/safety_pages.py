"""The profile and progress pages: plain HTML forms, so they work without JavaScript."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from turnout import progress_services, safety_services, services
from turnout.domain.history import local_day
from turnout.domain.measurement import METHODS, REFERENCE_RANGES, Quantity
from turnout.domain.safety import BEIGHTON_ITEMS, HipCondition, Region, beighton_score
from turnout.ports import InputError
from turnout.web import charts
from turnout.web.deps import Web, WebApp
from turnout.web.history_data import weekly_totals
from turnout.web.safety_views import adaptations_out
from turnout.web.trend_views import compensated_charts, pain_chart, trend_charts

router = APIRouter(include_in_schema=False)


def _page(web: Web, request: Request, name: str, status: int = 200, **context: Any) -> Response:
    context.setdefault("preferences", web.preferences.load())
    page: HTMLResponse = web.templates.TemplateResponse(request, name, context)
    page.status_code = status
    return page


@router.get("/profile")
def profile_page(request: Request, web: WebApp, saved: int = 0) -> Response:
    return _profile(request, web, saved=bool(saved))


def _profile(request: Request, web: Web, status: int = 200, **more: Any) -> Response:
    profile = safety_services.profile(web.uow)
    routine = web.routine(web.preferences.load().default_routine)
    adapted = adaptations_out(web, safety_services.adaptations(web.uow, routine))
    return _page(
        web,
        request,
        "profile.html",
        status,
        profile=profile,
        adapted=adapted,
        routine=routine,
        beighton_items=BEIGHTON_ITEMS,
        hip_conditions=list(HipCondition),
        regions=list(Region),
        **more,
    )


@router.post("/profile")
async def save_profile(request: Request, web: WebApp) -> Response:
    form = await request.form()
    try:
        await run_in_threadpool(_save_profile, web, form)
    except InputError as error:
        return _profile(request, web, 422, error=str(error), field=error.field, form=form)
    return RedirectResponse("/profile?saved=1", 303)


def _save_profile(web: Web, form: FormData) -> None:
    age = _whole(form.get("age"), "age")
    checked = form.get("beighton_done") == "yes"
    answers = {key: form.get(key) == "yes" for key, _ in BEIGHTON_ITEMS}
    safety_services.save_profile(
        web.uow,
        age,
        form.get("growth_spurt") == "yes",
        [str(v) for v in form.getlist("hip_conditions")],
        [str(v) for v in form.getlist("pain_now")],
        beighton_score(answers) if checked else None,
        web.now(),
    )


def _whole(value: object, field: str) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise InputError(field, f"{field}: enter a whole number.") from None


@router.get("/progress")
def progress_page(request: Request, web: WebApp) -> Response:
    return _progress(request, web)


def _progress(request: Request, web: Web, status: int = 200, **more: Any) -> Response:
    found = progress_services.report(web.uow)
    history = services.history(web.uow, web.now(), web.tz)
    today = local_day(web.now(), web.tz)
    return _page(
        web,
        request,
        "progress.html",
        status,
        report=found,
        trend_svgs=trend_charts(found.trends),
        compensated_svgs=compensated_charts(found.compensated),
        pain_svg=pain_chart(safety_services.all_pain_checks(web.uow), web.tz),
        weekly_svg=charts.weekly_chart(weekly_totals(history.days, today)),
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
    progress_services.add_measurement(
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
