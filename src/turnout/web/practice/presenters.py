"""A live session as the pages and the API see it."""

from __future__ import annotations

from typing import Literal

from turnout.domain.log import OwnerKind
from turnout.domain.outcome import HoldTally
from turnout.domain.pain import StopReason, stop_rule
from turnout.domain.plan import PlanItem
from turnout.domain.routine import StepKind
from turnout.domain.session import Phase, SessionState
from turnout.services.live import LiveSession
from turnout.services.outcome import Outcome, session_outcome
from turnout.services.pain_text import stop_explanation, stop_label
from turnout.services.safety_text import confirmation
from turnout.web.deps import Web
from turnout.web.figures import figure_url
from turnout.web.practice.schemas import ExerciseView, ProgressView, SessionView, StepView

# How the API names the process that runs a session this server only shows.
OWNERS: dict[OwnerKind, Literal["terminal", "web"]] = {
    OwnerKind.CLI: "terminal",
    OwnerKind.WEB: "web",
}


def live_view(live: LiveSession, web: Web) -> SessionView:
    """The session as a page shows it, with what it came to as the log has it."""
    outcome = session_outcome(web.uow, live.practice.record, live.state)
    return session_view(live, web.now(), web.time_scale, outcome)


def session_view(
    live: LiveSession, now: float, time_scale: float, outcome: Outcome | None = None
) -> SessionView:
    """The session as the API gives it; the counts and the ending come from `outcome` (none
    known without it: use `live_view`)."""
    state, record = live.state, live.practice.record
    item = state.item
    why = outcome.ended_because if outcome else None
    return SessionView(
        id=record.id,
        routine_key=record.routine_key,
        routine_name=record.routine_name,
        status=record.status.value,
        phase=state.phase.value,
        paused_from=state.paused_from.value if state.paused_from else None,
        step=step_view(item, state.position) if item else None,
        next=step_view(state.upcoming, state.position + 1) if state.upcoming else None,
        exercise=_exercise_view(item, record.routine_key) if item else None,
        progress=_progress(state, now, outcome.holds if outcome else HoldTally()),
        **_timing(state, now),
        server_time=now,
        time_scale=time_scale,
        allowed=[] if live.read_only else list(state.allowed),
        ended_because=why.value if why else None,
        feed=live.feed.id,
        last_event=live.feed.last,
        error=live.error,
        read_only=live.read_only,
        owner=OWNERS[live.holder.kind] if live.holder else None,
    )


def step_view(item: PlanItem, position: int) -> StepView:
    step, exercise = item.step, item.exercise
    return StepView(
        position=position,
        kind=step.kind.value,
        title=step.title,
        cue=step.cue,
        seconds=step.seconds,
        side=step.side.value if step.side else None,
        actor=step.actor.value,
        partner_cue=step.partner_cue,
        is_hold=step.is_hold,
        waits_for_ready=not step.is_timed,
        repetition=step.repetition,
        repetitions=exercise.repetitions,
        rep_label=rep_label(item),
        lying=step.lying,
        exercise_number=exercise.number,
        exercise_name=exercise.name,
        confirm=confirmation(exercise) if item.index == 0 else None,
    )


def rep_label(item: PlanItem) -> str | None:
    """'rep 2 of 3' for a repeated exercise; the rest between rounds says which it follows."""
    rep, total = item.step.repetition, item.exercise.repetitions
    if rep < 1 or total < 2 or f"{rep} of {total}" in item.step.title:
        return None  # said once: the title already says which round
    if item.step.kind is StepKind.REST:
        return f"after rep {rep} of {total}"
    return f"rep {rep} of {total}"


def _exercise_view(item: PlanItem, routine_key: str) -> ExerciseView:
    exercise = item.exercise
    return ExerciseView(
        number=exercise.number,
        name=exercise.name,
        repetitions=exercise.repetitions,
        equipment=list(exercise.equipment),
        partner_role=exercise.partner_role,
        figure=figure_url(routine_key, exercise.key, exercise.figure),
    )


def _progress(state: SessionState, now: float, holds: HoldTally) -> ProgressView:
    items = state.plan.items
    return ProgressView(
        step=min(state.position + 1, len(items)),
        steps=len(items),
        holds_done=holds.done,
        holds_cut_short=holds.cut_short,
        holds_skipped=holds.skipped,
        seconds_held=holds.seconds_held,
        holds_planned=state.plan.hold_count,
        fraction=round(state.progress(now), 4),
    )


def _timing(state: SessionState, now: float) -> dict[str, float | None]:
    """The countdown: what remains, how long it is, what was held so far, and its deadline."""
    return {
        "remaining": _round(state.remaining(now)),
        "duration": _duration(state),
        "elapsed": _round(state.active_seconds(now)) if state.step_started_at else None,
        "deadline": state.deadline,
    }


def _duration(state: SessionState) -> float | None:
    counting = state.paused_from if state.phase is Phase.PAUSED else state.phase
    if state.deadline is None or state.item is None:
        return None
    if counting is Phase.GET_READY:
        return float(state.get_ready_seconds)
    return float(state.item.step.seconds or 0)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def stop_advice() -> dict[str, dict[str, object]]:
    """What each answer to "What happened?" means, by reason, as the Stop dialog shows it."""
    advice: dict[str, dict[str, object]] = {}
    for reason in StopReason:
        decision = stop_rule(reason)
        advice[reason.value] = {
            "label": stop_label(reason),
            "explanation": stop_explanation(decision),
            "ends_exercise": decision.ends_exercise,
        }
    return advice
