"""A live session as the pages and the API see it."""

from __future__ import annotations

from typing import Literal

from turnout.domain.log import OwnerKind
from turnout.domain.plan import PlanItem
from turnout.domain.routine import StepKind
from turnout.domain.session import Phase, SessionState
from turnout.services.live import LiveSession
from turnout.services.safety_text import confirmation
from turnout.web.practice.schemas import ExerciseView, ProgressView, SessionView, StepView

# How the API names the process that runs a session this server only shows.
OWNERS: dict[OwnerKind, Literal["terminal", "web"]] = {
    OwnerKind.CLI: "terminal",
    OwnerKind.WEB: "web",
}


def session_view(live: LiveSession, now: float, time_scale: float) -> SessionView:
    state, record = live.state, live.practice.record
    item = state.item
    return SessionView(
        id=record.id,
        routine_key=record.routine_key,
        routine_name=record.routine_name,
        status=record.status.value,
        phase=state.phase.value,
        paused_from=state.paused_from.value if state.paused_from else None,
        step=step_view(item, state.position) if item else None,
        next=step_view(state.upcoming, state.position + 1) if state.upcoming else None,
        exercise=_exercise_view(item) if item else None,
        progress=_progress(state, now),
        remaining=_round(state.remaining(now)),
        duration=_duration(state),
        elapsed=_round(state.active_seconds(now)) if state.step_started_at else None,
        deadline=state.deadline,
        server_time=now,
        time_scale=time_scale,
        allowed=[] if live.read_only else list(state.allowed),
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
        exercise_number=exercise.number,
        exercise_name=exercise.name,
        confirm=confirmation(exercise) if item.index == 0 else None,
    )


def rep_label(item: PlanItem) -> str | None:
    """'rep 2 of 3' for a repeated exercise; the rest between rounds says which it follows."""
    rep, total = item.step.repetition, item.exercise.repetitions
    if rep < 1 or total < 2:
        return None
    if item.step.kind is StepKind.REST:
        return f"after rep {rep} of {total}"
    return f"rep {rep} of {total}"


def _exercise_view(item: PlanItem) -> ExerciseView:
    exercise = item.exercise
    return ExerciseView(
        number=exercise.number,
        name=exercise.name,
        repetitions=exercise.repetitions,
        equipment=list(exercise.equipment),
        partner_role=exercise.partner_role,
    )


def _progress(state: SessionState, now: float) -> ProgressView:
    items = state.plan.items
    done = sum(1 for item in items[: state.position] if item.step.is_hold)
    return ProgressView(
        step=min(state.position + 1, len(items)),
        steps=len(items),
        holds_done=done,
        holds_planned=state.plan.hold_count,
        fraction=round(state.progress(now), 4),
    )


def _duration(state: SessionState) -> float | None:
    counting = state.paused_from if state.phase is Phase.PAUSED else state.phase
    if state.deadline is None or state.item is None:
        return None
    if counting is Phase.GET_READY:
        return float(state.get_ready_seconds)
    return float(state.item.step.seconds or 0)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)
