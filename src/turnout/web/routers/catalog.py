"""The JSON API around practice: routines, history, export and preferences."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse

from turnout import services
from turnout.web.deps import WebApp
from turnout.web.history_data import history_data
from turnout.web.registry import InvalidChoiceError
from turnout.web.schemas import Preferences, PreferencesUpdate

router = APIRouter(prefix="/api")


@router.get("/routines", tags=["routines"])
def list_routines(web: WebApp) -> list[dict[str, Any]]:
    """The built-in routines, each with its exercises in brief."""
    return [_brief(services.describe_routine(r)) for r in web.routines().values()]


@router.get("/routines/{key}", tags=["routines"])
def get_routine(key: str, web: WebApp) -> dict[str, Any]:
    """One routine in full: every step, the interpretation of each exercise, tips, warnings."""
    return services.describe_routine(web.routine(key))


@router.get("/history", tags=["history"])
def get_history(web: WebApp, days: int | None = Query(None, ge=1, le=3660)) -> dict[str, Any]:
    """Practice days, streak, holds done against planned per exercise, and weekly totals."""
    return history_data(web, days)


@router.get("/export/{fmt}", tags=["history"])
def export(fmt: Literal["csv", "json"], web: WebApp) -> PlainTextResponse:
    """Every logged hold, oldest first, as a CSV or JSON download."""
    media = "text/csv" if fmt == "csv" else "application/json"
    headers = {"Content-Disposition": f'attachment; filename="turnout-holds.{fmt}"'}
    return PlainTextResponse(services.export_holds(web.uow, fmt), media_type=media, headers=headers)


@router.get("/settings", tags=["settings"])
def get_settings(web: WebApp) -> Preferences:
    return web.preferences.load()


@router.put("/settings", tags=["settings"])
def put_settings(change: PreferencesUpdate, web: WebApp) -> Preferences:
    """Change the fields you send; the others keep their values."""
    routine = change.default_routine
    if routine is not None and routine not in web.container.routines.names():
        known = ", ".join(web.container.routines.names())
        raise InvalidChoiceError(f"default_routine: no routine called '{routine}'; choose {known}.")
    return web.preferences.update(change)


def _brief(routine: dict[str, Any]) -> dict[str, Any]:
    exercises = [
        {k: e[k] for k in ("number", "key", "name", "summary", "hold_count", "hold_seconds")}
        for e in routine["exercises"]
    ]
    return {**routine, "exercises": exercises}
