"""What the JSON API takes and gives, as pydantic models (they also make the OpenAPI page)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from turnout.domain.state import Action
from turnout.web.schema_base import StrictModel


class StartRequest(StrictModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"routine": "classic"}]})

    routine: str | None = Field(None, description="Routine key; the default routine if left out.")
    exercises: list[Annotated[int, Field(ge=1, le=99)]] | None = Field(
        None, max_length=20, description="1-based exercise numbers, in order; all if left out."
    )
    client_token: str | None = Field(
        None, max_length=64, description="Send the same token twice and get the same session."
    )
    replace: bool = Field(
        False,
        description="End the session this server runs (its holds stay saved) and start this "
        "one. Without it, a start while one is under way answers 409.",
    )


class ActionRequest(StrictModel):
    action: Action = Field(strict=False)
    position: int | None = Field(
        None, ge=0, description="The step the page shows; a stale one is refused (double tap)."
    )
    at: float | None = Field(
        None,
        ge=0,
        description="For pause: when the dancer pressed it, on the server's clock (server_time "
        "plus the seconds since). A page that was offline sends it late; it counts only if it "
        "falls within the hold under way, else the pause starts now.",
    )


class StepView(BaseModel):
    position: int
    kind: str
    title: str
    cue: str
    seconds: int | None
    side: str | None
    actor: str
    partner_cue: str | None
    is_hold: bool
    waits_for_ready: bool
    repetition: int
    repetitions: int
    rep_label: str | None
    lying: bool = Field(False, description="An untimed setup step done lying down.")
    exercise_number: int
    exercise_name: str
    confirm: str | None = Field(
        None, description="What dance medicine says, to confirm before this exercise starts."
    )


class ExerciseView(BaseModel):
    number: int
    name: str
    repetitions: int
    equipment: list[str]
    partner_role: str | None
    figure: str | None = Field(None, description="Address of a drawing of the exercise.")


class ProgressView(BaseModel):
    step: int = Field(description="1-based number of the current step.")
    steps: int
    holds_done: int = Field(description="Holds held to the end (each step once).")
    holds_cut_short: int = Field(0, description="Holds begun and left before the end.")
    holds_skipped: int = Field(0, description="Holds left out before they began.")
    holds_planned: int
    seconds_held: float = Field(0.0, description="Seconds held in all, pauses excluded.")
    fraction: float = Field(description="Share of the session's timed seconds behind us.")


class EventView(BaseModel):
    seq: int
    kind: str
    say: str
    beep: int | None
    at: float
    role: Literal["dancer", "partner"] = Field(
        "dancer", description="Who the words are for; a page may give each a voice of its own."
    )


class EventsView(BaseModel):
    feed: str
    last: int
    events: list[EventView]


class SessionView(BaseModel):
    id: str
    routine_key: str
    routine_name: str
    status: str
    phase: str
    paused_from: str | None
    step: StepView | None
    next: StepView | None
    exercise: ExerciseView | None
    progress: ProgressView
    remaining: float | None = Field(description="Seconds left in the countdown (clock seconds).")
    duration: float | None = Field(description="Length of the current countdown.")
    elapsed: float | None = Field(description="Seconds held so far in this step, pauses excluded.")
    deadline: float | None
    server_time: float
    time_scale: float = Field(description="Clock seconds per real second (1 except in tests).")
    allowed: list[Action]
    ended_because: Literal["finished", "ended_early", "warning_sign"] | None = Field(
        None,
        description="Why the session is over: every step reached, ended early, or a warning "
        "sign ended its last exercise; null while it runs.",
    )
    feed: str
    last_event: int
    error: str | None
    read_only: bool = Field(
        description="Another process runs this session: follow it here, drive it there; every "
        "action answers 409 until that process stops (then the session can be resumed here)."
    )
    events: EventsView | None = Field(
        None,
        description="With ?events_after=N: the cues after number N, as /events gives them, so "
        "that one request a poll is enough.",
    )
    owner: Literal["terminal", "web"] | None = Field(
        description="Who runs the session when it is not this server: 'terminal' (turnout "
        "practice) or 'web' (another turnout server); null when this server runs it or nobody does."
    )


class StopIn(StrictModel):
    reason: str = Field(
        description="sharp_pain, clicking_with_pain, numbness, giving_way, soreness or other.",
        examples=["soreness"],
    )
    position: int | None = Field(
        None,
        ge=0,
        description="The step the page showed. A Stop sent again after its exercise ended (a "
        "page replaying it after a lost answer) is refused with 409 instead of ending the next.",
    )


class StopOut(BaseModel):
    reason: str
    label: str
    ends_exercise: bool
    explanation: str
