"""The JSON API of the web player's preferences."""

from __future__ import annotations

from fastapi import APIRouter

from turnout.errors import InvalidChoiceError
from turnout.web.deps import WebApp
from turnout.web.schema_base import errors
from turnout.web.settings.schemas import Preferences, PreferencesUpdate

router = APIRouter(prefix="/api", tags=["settings"])


@router.get("/settings")
def get_settings(web: WebApp) -> Preferences:
    return web.preferences.load()


@router.put("/settings", responses=errors(422))
def put_settings(change: PreferencesUpdate, web: WebApp) -> Preferences:
    """Change the fields you send; the others keep their values. On a studio's server each
    account has its own."""
    routine = change.default_routine
    if routine is not None and routine not in web.container.routines.names():
        known = ", ".join(web.container.routines.names())
        raise InvalidChoiceError(f"default_routine: no routine called '{routine}'; choose {known}.")
    return web.preferences.update(change)
