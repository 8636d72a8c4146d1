"""Where a practice session stands: its phase, position, deadline and pauses, and which
actions apply. Pure values; the transitions are in `session`."""

from __future__ import annotations

from enum import StrEnum

from turnout.domain.plan import Plan, PlanItem
from turnout.domain.values import frozen
from turnout.domain.words import N_


class Phase(StrEnum):
    WAITING = "waiting"  # an untimed step: the dancer says "ready" when in position
    GET_READY = "get_ready"  # a short countdown before a hold
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    ABORTED = "aborted"


class TransitionError(ValueError):
    """The action does not apply in the session's current phase.

    The message is `template` filled with `values`; the engine's templates are English, marked
    for the catalogue (below), so the layer that shows one translates it first."""

    def __init__(self, template: str, **values: str) -> None:
        self.template, self.values = template, values
        super().__init__(template.format(**values) if values else template)


class Action(StrEnum):
    """What a dancer (or a page) can ask of a session."""

    READY = "ready"
    PAUSE = "pause"
    RESUME = "resume"
    SKIP = "skip"
    BACK = "back"
    ABORT = "abort"


ALLOWED: dict[Phase, tuple[Action, ...]] = {
    Phase.WAITING: (Action.READY, Action.SKIP, Action.BACK, Action.ABORT),
    Phase.GET_READY: (Action.PAUSE, Action.SKIP, Action.BACK, Action.ABORT),
    Phase.RUNNING: (Action.PAUSE, Action.SKIP, Action.BACK, Action.ABORT),
    Phase.PAUSED: (Action.RESUME, Action.SKIP, Action.BACK, Action.ABORT),
    Phase.FINISHED: (),
    Phase.ABORTED: (),
}
# Actions that move to another step: a stale position means a double tap or another tab.
MOVES = (Action.READY, Action.SKIP, Action.BACK)
# Why the engine refuses an action (`session.py`): Pause by the phase the session is in.
NOT_WAITING = N_("nothing is waiting for 'ready' right now")
NOT_PAUSED = N_("the session is not paused")
ENDED = N_("the session has already ended")
CANNOT_PAUSE = {
    Phase.WAITING: N_("cannot pause while waiting"),
    Phase.PAUSED: N_("cannot pause while paused"),
    Phase.FINISHED: N_("cannot pause while finished"),
    Phase.ABORTED: N_("cannot pause while aborted"),
}


@frozen
class SessionState:
    plan: Plan
    position: int
    phase: Phase
    get_ready_seconds: int = 5
    deadline: float | None = None
    step_started_at: float | None = None
    paused_at: float | None = None
    paused_from: Phase | None = None
    paused_total: float = 0.0
    next_beep: int = 0
    next_check_in: int | None = None

    @property
    def item(self) -> PlanItem | None:
        inside = 0 <= self.position < len(self.plan.items)
        return self.plan.items[self.position] if inside else None

    @property
    def upcoming(self) -> PlanItem | None:
        following = self.position + 1
        return self.plan.items[following] if following < len(self.plan.items) else None

    @property
    def is_over(self) -> bool:
        return self.phase in (Phase.FINISHED, Phase.ABORTED)

    @property
    def allowed(self) -> tuple[Action, ...]:
        """The actions that change something now; any other is refused or a no-op."""
        return ALLOWED[self.phase]

    def is_no_op(self, action: Action) -> bool:
        """Pausing twice, resuming twice or ending twice changes nothing and is no error."""
        if self.is_over:
            return action is Action.ABORT
        if action is Action.PAUSE:
            return self.phase is Phase.PAUSED
        if action is Action.RESUME:
            return self.phase in (Phase.RUNNING, Phase.GET_READY)
        return False

    def remaining(self, now: float) -> float | None:
        """Seconds left in the current countdown, frozen while paused."""
        if self.deadline is None:
            return None
        at = self.paused_at if self.phase is Phase.PAUSED and self.paused_at else now
        return max(0.0, self.deadline - at)

    def next_due(self) -> float | None:
        """When the next thing happens on its own (a beep or a deadline), so a player can
        wake up for it exactly instead of finding out on its next display tick."""
        if self.phase not in (Phase.GET_READY, Phase.RUNNING) or self.deadline is None:
            return None
        beep = self.deadline - self.next_beep if self.next_beep >= 1 else self.deadline
        return min(beep, self.deadline)

    def progress(self, now: float) -> float:
        """Share of the plan's timed seconds behind us, 0 to 1 (steps, if nothing is timed)."""
        if self.phase is Phase.FINISHED:
            return 1.0
        total = self.plan.timed_seconds
        if total == 0:
            return min(1.0, self.position / max(1, len(self.plan.items)))
        done = self.plan.timed_seconds_before(self.position) + self.active_seconds(now)
        return min(1.0, done / total)

    def active_seconds(self, now: float) -> float:
        """Time spent in the current step, pauses excluded."""
        if self.step_started_at is None:
            return 0.0
        at = self.paused_at if self.phase is Phase.PAUSED and self.paused_at else now
        return max(0.0, min(at, self.deadline or at) - self.step_started_at - self.paused_total)
