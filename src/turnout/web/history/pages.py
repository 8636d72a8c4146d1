"""The history page: calendar, weekly minutes, holds per exercise, and every session with its
holds, to correct or delete."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from turnout.domain.history import local_day, weekly_totals
from turnout.domain.outcome import Outcome
from turnout.i18n.formats import when
from turnout.services import history
from turnout.services.export_columns import export_columns
from turnout.web import svg
from turnout.web.deps import WebApp
from turnout.web.history import charts
from turnout.web.history.presenters import history_data, sessions_out
from turnout.web.rendering import page

router = APIRouter(include_in_schema=False)
OUTCOMES = {
    Outcome.COMPLETED.value: "done",
    Outcome.CUT_SHORT.value: "cut short",
    Outcome.SKIPPED.value: "skipped",
}


@router.get("/history")
def history_page(
    request: Request, web: WebApp, page_number: int = Query(1, alias="page", ge=1, le=100_000)
) -> HTMLResponse:
    found = history.history(web.uow, web.now(), web.tz)
    today = local_day(web.now(), web.tz)
    progress = history.progress(web.uow, web.routines())
    grid = charts.calendar(found.days, today)
    sessions = history.sessions_page(web.uow, page_number)
    started = {
        e.session.id: when(
            datetime.fromtimestamp(e.session.started_at, web.tz), "EEE dd MMM y, HH:mm"
        )
        for e in sessions.entries
    }
    return page(
        web,
        request,
        "history.html",
        data=history_data(web),
        days=found.days,
        calendar=grid,
        months=charts.months_shown(grid),
        today=today,
        weekly_svg=svg.weekly_chart(weekly_totals(found.days, today)),
        exercise_svg=charts.exercise_chart(progress),
        log=sessions_out(sessions, web.tz),
        when=started,
        columns=export_columns(),
        outcomes=OUTCOMES,
    )
