"""Use cases for screening, pain checks, Stop and the rest-today rule; one short function each."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, time, tzinfo

from turnout.domain.events import Event
from turnout.domain.history import local_day
from turnout.domain.pain import (
    Moment,
    PainCheck,
    StopDecision,
    StopEvent,
    StopReason,
    referral,
    stop_rule,
)
from turnout.domain.routine import Routine
from turnout.domain.safety import Adaptations, HipCondition, Profile, Region, adapt
from turnout.domain.session import Phase
from turnout.domain.state import Action
from turnout.domain.validation import check_choice
from turnout.errors import InputError, NotFoundError
from turnout.i18n import N_, _
from turnout.ports import UnitOfWork
from turnout.services.inputs import validated
from turnout.services.pain_text import referral_text, stop_words
from turnout.services.practice import Practice
from turnout.services.safety_text import stop_note

DAY = 86_400.0
RECENT_DAYS = 7
# When a stop of the past week was, by the weekday it was on (Monday first).
ON_DAY = (
    N_("On Monday"),
    N_("On Tuesday"),
    N_("On Wednesday"),
    N_("On Thursday"),
    N_("On Friday"),
    N_("On Saturday"),
    N_("On Sunday"),
)


def profile(uow: UnitOfWork) -> Profile | None:
    with uow:
        return uow.safety.get_profile()


def save_profile(
    uow: UnitOfWork,
    age: int,
    growth_spurt: bool,
    hip_conditions: Iterable[str],
    pain_now: Iterable[str],
    beighton: int | None,
    now: float,
    *,
    height_cm: int | None = None,
) -> Profile:
    """Create or replace the dancer's profile; nothing is saved if any answer is impossible."""
    found = validated(
        lambda: Profile(
            age=age,
            growth_spurt=growth_spurt,
            hip_conditions=frozenset(
                check_choice("hip_conditions", HipCondition, c) for c in hip_conditions
            ),
            pain_now=frozenset(check_choice("pain_now", Region, r) for r in pain_now),
            beighton=beighton,
            updated_at=now,
            height_cm=height_cm,
        )
    )
    with uow.writing():
        uow.safety.save_profile(found)
        uow.commit()
    return found


def adaptations(uow: UnitOfWork, routine: Routine, age: int | None = None) -> Adaptations:
    """The exercises of `routine` this dancer should swap, and why. Without a profile, by
    `age` alone when it is known (a studio account's birth date), else none."""
    return adapt(routine, profile(uow) or (Profile(age) if age is not None else None))


def record_pain_check(
    uow: UnitOfWork,
    moment: str,
    scores: Mapping[str, int],
    now: float,
    soreness: int | None = None,
    wakes_at_night: bool = False,
    session_id: str | None = None,
) -> PainCheck:
    """Save a 0-10 pain check per region, before or after a session (which must be in the log:
    NotFoundError if not, and nothing is saved)."""
    check = validated(
        lambda: PainCheck(
            check_choice("moment", Moment, moment),
            now,
            {check_choice("scores", Region, k): v for k, v in scores.items()},
            soreness,
            wakes_at_night,
            session_id,
        )
    )
    with uow.writing():
        if session_id is not None and uow.practice.get_session(session_id) is None:
            text = _("No practice session with id '{id}'; nothing was saved.")
            raise NotFoundError(text.format(id=session_id[:40]))
        uow.safety.add_pain_check(check)
        uow.commit()
    return check


def pain_checks(uow: UnitOfWork, session_id: str) -> list[PainCheck]:
    with uow:
        return [c for c in uow.safety.pain_checks() if c.session_id == session_id]


def all_pain_checks(uow: UnitOfWork) -> list[PainCheck]:
    with uow:
        return uow.safety.pain_checks()


def stop(practice: Practice, reason: str, now: float) -> tuple[StopDecision, tuple[Event, ...]]:
    """The dancer pressed Stop: record why; a warning sign ends the exercise for today."""
    chosen = validated(lambda: check_choice("reason", StopReason, reason))
    item = practice.state.item
    if item is None or practice.state.is_over:
        raise InputError("session", _("The session is over; there is nothing to stop."))
    decision = stop_rule(chosen)
    event = StopEvent(
        practice.id,
        practice.record.routine_key,
        item.exercise.number,
        item.exercise.key,
        item.exercise.name,
        chosen,
        now,
    )
    with practice.uow.writing():
        practice.uow.safety.add_stop(event)
        practice.uow.commit()
    if decision.ends_exercise:
        return decision, skip_exercise(practice, now)
    counting = practice.state.phase in (Phase.GET_READY, Phase.RUNNING)
    return decision, practice.act(Action.PAUSE, now) if counting else ()


def skip_exercise(practice: Practice, now: float) -> tuple[Event, ...]:
    """Skip the rest of the exercise under way; the next one waits for the dancer."""
    item = practice.state.item
    events: list[Event] = []
    while item is not None and not practice.state.is_over:
        events += practice.act(Action.SKIP, now)
        following = practice.state.item
        if following is None or following.exercise.number != item.exercise.number:
            break
    return tuple(events)


def resting_today(uow: UnitOfWork, now: float, tz: tzinfo) -> dict[tuple[str, int], StopEvent]:
    """Exercises ended today by a warning sign, by (routine, exercise number)."""
    midnight = datetime.combine(local_day(now, tz), time(0), tz).timestamp()
    with uow:
        stops = uow.safety.stops(since=midnight)
    return {(s.routine_key, s.exercise_number): s for s in stops if s.ended_exercise}


def reminders(uow: UnitOfWork, now: float, tz: tzinfo) -> list[str]:
    """What the dancer should hear before practising: recent stops and reasons to get help."""
    with uow:
        stops = uow.safety.stops(since=now - RECENT_DAYS * DAY)
        checks = uow.safety.pain_checks(since=now - 30 * DAY)
    notes = [_stop_note(s, now, tz) for s in stops if s.ended_exercise]
    reasons = referral(checks, now)
    if reasons:
        # Translators: {reasons} are one or more reasons, in lower case, joined by "; " ("knee
        # pain has lasted more than 48 hours").
        text = _(
            "Please see a dance physiotherapist or doctor before pushing on: {reasons}. Until "
            "then, keep to what does not hurt."
        )
        notes.append(text.format(reasons="; ".join(referral_text(r) for r in reasons)))
    return notes


def _stop_note(stop: StopEvent, now: float, tz: tzinfo) -> str:
    days = (local_day(now, tz) - local_day(stop.at, tz)).days
    if days == 0:
        when = _("Earlier today")
    elif days == 1:
        when = _("Yesterday")
    else:
        when = _(ON_DAY[datetime.fromtimestamp(stop.at, tz).weekday()])
    return stop_note(days, when, stop.exercise_name, stop_words(stop.reason))
