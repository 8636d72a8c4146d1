"""The JSON API of a practice session: start it, watch it, drive it, stop it."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query

from turnout.domain.session import same_exercise
from turnout.errors import StaleActionError
from turnout.i18n import _
from turnout.services import adaptation
from turnout.services.live import LiveSession
from turnout.services.pain_text import stop_explanation, stop_label
from turnout.web.deps import Live, WebApp
from turnout.web.practice.presenters import live_view
from turnout.web.practice.schemas import (
    ActionRequest,
    EventsView,
    EventView,
    SessionView,
    StartRequest,
    StopIn,
    StopOut,
)
from turnout.web.schema_base import errors

router = APIRouter(prefix="/api/sessions", tags=["sessions"])


@router.post("", status_code=201, responses=errors(404, 409, 422))
def start_session(request: StartRequest, web: WebApp) -> SessionView:
    """Start a session of a routine, or of some of its exercises.

    While a session this server runs is under way: 409, unless `replace` ends it first (its
    holds stay saved). One another process owns is left alone."""
    key = request.routine or web.routine_key()
    routine = web.routine(key) if web.knows_routine(key) else None
    exercises = request.exercises
    if routine is not None:
        exercises = adaptation.without_resting(web.uow, routine, exercises, web.now(), web.tz)
    live = web.registry.start(key, exercises, request.client_token, request.replace)
    return live_view(live, web)


@router.get("/current", responses=errors(404))
def current_session(web: WebApp) -> SessionView:
    """The session still under way, if there is one."""
    live = web.registry.current()
    if live is None:
        raise HTTPException(404, _("No session is under way."))
    web.registry.refresh(live)
    return live_view(live, web)


@router.get("/{session_id}", responses=errors(404, 422))
def get_session(
    live: Live, web: WebApp, events_after: int | None = Query(None, ge=0, le=2**31 - 1)
) -> SessionView:
    """Where the session is now: step, countdown (as a deadline and what remains), progress;
    with `events_after`, the cues after that number too (what the player polls)."""
    view = live_view(live, web)
    if events_after is not None:
        view.events = _events(live, events_after)
    return view


@router.get("/{session_id}/events", responses=errors(404, 422))
def get_events(live: Live, after: int = Query(0, ge=0, le=2**31 - 1)) -> EventsView:
    """Cues to speak and beeps to play, numbered; ask for those after the last one you had."""
    return _events(live, after)


def _events(live: LiveSession, after: int) -> EventsView:
    with live.lock:
        entries = live.feed.after(after)
        last, feed = live.feed.last, live.feed.id
    return EventsView(feed=feed, last=last, events=[EventView(**e.__dict__) for e in entries])


@router.post("/{session_id}/actions", responses=errors(404, 409, 422))
def act(session_id: str, request: ActionRequest, live: Live, web: WebApp) -> SessionView:
    """ready, pause, resume, skip, back or abort. 409 when the action does not fit right now."""
    web.registry.act(live.practice.id, request.action, request.position, request.at)
    return live_view(live, web)


@router.post("/{session_id}/stop", tags=["safety"], responses=errors(404, 409, 422))
def post_stop(session_id: str, body: StopIn, live: Live, web: WebApp) -> dict[str, object]:
    """Stop: record what happened. A warning sign ends the exercise for today."""
    web.registry.refresh(live)
    if body.position is not None and not same_exercise(live.state, body.position):
        raise StaleActionError(
            _("That exercise has already ended; here is where the session is now.")
        )
    decision, live = web.registry.stop(live.practice.id, body.reason)
    view = live_view(live, web)
    out = StopOut(
        reason=decision.reason.value,
        label=stop_label(decision.reason),
        ends_exercise=decision.ends_exercise,
        explanation=stop_explanation(decision),
    )
    return {"decision": out.model_dump(), "session": view.model_dump()}


@router.post("/{session_id}/skip-exercise", tags=["safety"], responses=errors(404, 409, 422))
def post_skip_exercise(session_id: str, live: Live, web: WebApp) -> SessionView:
    """Leave out the rest of this exercise: for a dancer who declines a stretch."""
    return live_view(web.registry.skip_exercise(live.practice.id), web)
