"""The history page: calendar, weekly minutes and holds per exercise."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from turnout.domain.history import local_day, weekly_totals
from turnout.services import history
from turnout.web import svg
from turnout.web.deps import WebApp
from turnout.web.history import charts
from turnout.web.history.presenters import history_data
from turnout.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/history")
def history_page(request: Request, web: WebApp) -> HTMLResponse:
    found = history.history(web.uow, web.now(), web.tz)
    today = local_day(web.now(), web.tz)
    progress = history.progress(web.uow, web.routines())
    return page(
        web,
        request,
        "history.html",
        data=history_data(web),
        days=found.days,
        calendar=charts.calendar(found.days, today),
        today=today,
        weekly_svg=svg.weekly_chart(weekly_totals(found.days, today)),
        exercise_svg=charts.exercise_chart(progress),
    )
