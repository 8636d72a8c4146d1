"""The JSON API of the built-in routines."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from turnout.services.routines import describe_routine
from turnout.web.deps import WebApp
from turnout.web.schema_base import errors

router = APIRouter(prefix="/api", tags=["routines"])


@router.get("/routines")
def list_routines(web: WebApp) -> list[dict[str, Any]]:
    """The built-in routines, each with its exercises in brief."""
    return [_brief(describe_routine(r)) for r in web.routines().values()]


@router.get("/routines/{key}", responses=errors(404, 422))
def get_routine(key: str, web: WebApp) -> dict[str, Any]:
    """One routine in full: every step, the interpretation of each exercise, tips, warnings."""
    return describe_routine(web.routine(key))


def _brief(routine: dict[str, Any]) -> dict[str, Any]:
    exercises = [
        {k: e[k] for k in ("number", "key", "name", "summary", "hold_count", "hold_seconds")}
        for e in routine["exercises"]
    ]
    return {**routine, "exercises": exercises}
