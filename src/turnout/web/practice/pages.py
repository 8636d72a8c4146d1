"""The pages of practising: Today (the home page) and the player, and the app's shell."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from turnout.domain.pain import WARNING_SIGNS
from turnout.domain.routine import Routine
from turnout.domain.safety import Region
from turnout.services import adaptation, history, today
from turnout.services.pain_text import stop_labels
from turnout.web.deps import Live, Web, WebApp
from turnout.web.practice.presenters import live_view, stop_advice
from turnout.web.rendering import context_of, page

STATIC = Path(__file__).resolve().parent.parent / "static"
router = APIRouter(include_in_schema=False)


def today_context(web: Web, routine: Routine | None) -> dict[str, Any]:
    """Today's plan, what Start plays and the safety outlook, as template variables."""
    if routine is None:
        return {"plan": []}
    age = web.known_age()
    found = today.today(web.uow, routine, web.routines(), web.now(), web.tz, age)
    return {"plan": found.plan, "start": found.start, **context_of(found.outlook)}


@router.get("/")
def home(request: Request, web: WebApp) -> HTMLResponse:
    routines = web.routines()
    key = web.routine_key()
    routine = routines.get(key) or next(iter(routines.values()), None)
    found = history.history(web.uow, web.now(), web.tz)
    live = web.registry.current()
    if live is not None:
        web.registry.refresh(live)  # up to the clock, or as the log has it if run elsewhere
    return page(
        web,
        request,
        "home.html",
        routine=routine,
        routines=routines,
        streak=found.streak,
        last_day=found.days[0] if found.days else None,
        current=live_view(live, web) if live else None,
        assignment=web.assignment(),
        keeps_health=web.keeps_health(),
        known_age=web.known_age(),
        token=uuid.uuid4().hex,
        **today_context(web, routine),
    )


@router.get("/practice/{session_id}")
def player(live: Live, request: Request, web: WebApp) -> HTMLResponse:
    view = live_view(live, web)
    over = view.phase in ("finished", "aborted")
    # A session the terminal runs asks its questions there.
    logged = view.progress.holds_done + view.progress.holds_cut_short + view.progress.holds_skipped
    fresh = logged == 0 and not over and not view.read_only
    checks = adaptation.player_checks(web.uow, view.id, fresh, web.now(), web.tz)
    health = web.keeps_health()  # a young dancer's pain checks wait for a guardian's yes
    return page(
        web,
        request,
        "player.html",
        session=view,
        state_json=view.model_dump_json().replace("</", "<\\/"),
        ask_before=checks.ask_before and health,
        ask_after=checks.ask_after and health,
        keeps_health=health,
        reminders=checks.reminders,
        regions=list(Region),
        stop_reasons=stop_labels(),
        warning_signs=WARNING_SIGNS,
        # The advice of every Stop answer is on the page before a hold starts: it shows and
        # is spoken at once, with or without a network.
        advice_json=json.dumps(stop_advice()).replace("</", "<\\/"),
    )


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    return FileResponse(STATIC / "manifest.webmanifest", media_type="application/manifest+json")


@router.get("/sw.js")
def service_worker() -> Response:
    # Served from the root so that it may look after every page of the app.
    return FileResponse(STATIC / "sw.js", media_type="text/javascript")
