"""The JSON API of screening, adaptations, pain checks, reminders and the plan as a calendar.
Stop and skip-exercise act on a session, so they live with the practice API."""

from __future__ import annotations

from datetime import UTC, datetime, time

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from turnout.domain.safety import beighton_score
from turnout.i18n import _
from turnout.services import calendar, inputs, safety
from turnout.web.deps import WebApp
from turnout.web.safety.presenters import adaptations_out, profile_out
from turnout.web.safety.schemas import AdaptationsOut, PainCheckIn, ProfileIn, ProfileOut
from turnout.web.schema_base import errors

router = APIRouter(prefix="/api", tags=["safety"])
CALENDAR = {
    "description": "The plan as an iCalendar file (RFC 5545) to import into a calendar.",
    "content": {"text/calendar": {"schema": {"type": "string"}}},
}


@router.get("/profile", responses=errors(404))
def get_profile(web: WebApp) -> ProfileOut:
    """The dancer's screening answers; 404 until the first-run profile is filled in."""
    found = safety.profile(web.uow)
    if found is None:
        raise HTTPException(404, _("No profile yet; fill it in at /profile."))
    return profile_out(found)


@router.put("/profile", responses=errors(403, 422))
def put_profile(answers: ProfileIn, web: WebApp) -> ProfileOut:
    """Create or replace the profile. Send `beighton_items` to score the self-check here. A
    studio keeps a young dancer's answers only once a guardian has agreed (else 403)."""
    web.require_health()
    beighton = answers.beighton
    if answers.beighton_items is not None:
        beighton = inputs.validated(lambda: beighton_score(answers.beighton_items or {}))
    saved = safety.save_profile(
        web.uow,
        answers.age,
        answers.growth_spurt,
        answers.hip_conditions,
        answers.pain_now,
        beighton,
        web.now(),
        height_cm=answers.height_cm,
    )
    return profile_out(saved)


@router.get("/adaptations/{routine_key}", responses=errors(404, 422))
def get_adaptations(routine_key: str, web: WebApp) -> AdaptationsOut:
    """Which exercises of the routine this dancer swaps, why, and for what."""
    routine = web.routine(routine_key)
    found = safety.adaptations(web.uow, routine, web.known_age())
    return adaptations_out(found, web.routines())


@router.post("/pain-checks", status_code=201, responses=errors(403, 404, 422))
def post_pain_check(check: PainCheckIn, web: WebApp) -> dict[str, object]:
    """A 0-10 pain check per region before or after a session (soreness after only); 403 for
    a studio's young dancer before a guardian has agreed to keep health answers."""
    web.require_health()
    saved = safety.record_pain_check(
        web.uow,
        check.moment,
        check.scores,
        web.now(),
        check.soreness,
        check.wakes_at_night,
        check.session_id,
    )
    return {"moment": saved.moment.value, "worst": saved.worst, "soreness": saved.soreness}


@router.get("/reminders")
def get_reminders(web: WebApp) -> list[str]:
    """Recent stops and any reason to see a professional, in plain words."""
    return safety.reminders(web.uow, web.now(), web.tz)


@router.get(
    "/plan.ics",
    tags=["reminders"],
    response_class=Response,
    responses={200: CALENDAR, **errors(404, 422)},
)
def plan_ics(web: WebApp, routine: str | None = None) -> Response:
    """Daily practice (and the second daily wall straddle, if it is in the plan) as iCalendar."""
    preferences = web.preferences.load()
    chosen = web.routine(routine or web.routine_key())
    adapted = safety.adaptations(web.uow, chosen, web.known_age())
    now = datetime.fromtimestamp(web.now(), web.tz)
    text = calendar.plan_calendar(
        chosen,
        adapted,
        now.date(),
        time.fromisoformat(preferences.practice_time),
        time.fromisoformat(preferences.second_time),
        datetime.fromtimestamp(web.now(), UTC),
    )
    headers = {"Content-Disposition": 'attachment; filename="turnout-plan.ics"'}
    return Response(text, media_type="text/calendar; charset=utf-8", headers=headers)
