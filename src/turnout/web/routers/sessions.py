"""The JSON API of a practice session: start it, watch it, drive it."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query

from turnout.web.deps import Live, WebApp
from turnout.web.safety_views import without_resting
from turnout.web.schemas import ActionRequest, EventsView, EventView, SessionView, StartRequest
from turnout.web.views import session_view

router = APIRouter(prefix="/api/sessions", tags=["sessions"])


@router.post("", status_code=201)
def start_session(request: StartRequest, web: WebApp) -> SessionView:
    """Start a session of a routine, or of some of its exercises; it ends any under way."""
    routine = request.routine or web.preferences.load().default_routine
    exercises = without_resting(web, routine, request.exercises)
    live = web.registry.start(routine, exercises, request.client_token)
    return session_view(live, web.now(), web.time_scale)


@router.get("/current")
def current_session(web: WebApp) -> SessionView:
    """The session still under way, if there is one."""
    live = web.registry.current()
    if live is None:
        raise HTTPException(404, "No session is under way.")
    web.registry.refresh(live)
    return session_view(live, web.now(), web.time_scale)


@router.get("/{session_id}")
def get_session(live: Live, web: WebApp) -> SessionView:
    """Where the session is now: step, countdown (as a deadline and what remains), progress."""
    return session_view(live, web.now(), web.time_scale)


@router.get("/{session_id}/events")
def get_events(live: Live, after: int = Query(0, ge=0)) -> EventsView:
    """Cues to speak and beeps to play, numbered; ask for those after the last one you had."""
    with live.lock:
        entries = live.feed.after(after)
        last = live.feed.last
    events = [EventView(**entry.__dict__) for entry in entries]
    return EventsView(feed=live.feed.id, last=last, events=events)


@router.post("/{session_id}/actions")
def act(session_id: str, request: ActionRequest, live: Live, web: WebApp) -> SessionView:
    """ready, pause, resume, skip, back or abort. 409 when the action does not fit right now."""
    web.registry.act(live.practice.id, request.action, request.position)
    return session_view(live, web.now(), web.time_scale)
