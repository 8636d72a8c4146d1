"""The shapes of the classes API."""

from __future__ import annotations

from pydantic import Field

from turnout.domain.accounts import MAX_NAME
from turnout.services.classes import MAX_NOTE
from turnout.web.schema_base import StrictModel


class ClassIn(StrictModel):
    name: str = Field(min_length=1, max_length=MAX_NAME)


class JoinIn(StrictModel):
    code: str = Field(min_length=1, max_length=40, description="As the teacher gave it.")


class TeacherIn(StrictModel):
    email: str = Field(min_length=3, max_length=254)


class ShareBody(StrictModel):
    practice: bool = Field(True, description="Sessions and holds.")
    measurements: bool = Field(True, description="Turnout readings with their error bands.")
    flags: bool = Field(True, description="Safety flags: stops, pain to refer, forced turnout.")


class RoutineIn(StrictModel):
    routine: str = Field(min_length=1, max_length=80, examples=["classic"])


class DancerRoutineIn(StrictModel):
    routine: str | None = Field(
        min_length=1, max_length=80, description="None: the class's routine again."
    )


class ConsentIn(StrictModel):
    health: bool = Field(description="Keep the dancer's screening answers and pain checks.")
    sharing: bool = Field(description="Let the class's teachers see what the dancer shares.")


class NoteIn(StrictModel):
    text: str = Field(min_length=1, max_length=MAX_NOTE)


class ClassOut(StrictModel):
    id: int
    name: str
    routine: str
    teachers: list[int]
    teaching: bool = Field(description="The account asking is one of its teachers.")
    code: str | None = Field(None, description="The join code; only its teachers see it.")


class MemberOut(StrictModel):
    class_id: int
    dancer_id: int = Field(description="The dancer's account id.")
    joined_at: float
    share: ShareBody = Field(description="What the dancer chose to share.")
    routine: str | None = Field(None, description="The teacher's routine for this dancer.")


class TrendOut(StrictModel):
    method: str
    side: str
    label: str
    error: float = Field(description="The method's band, +/- degrees.")
    readings: list[tuple[str, float]] = Field(description="(date, degrees), oldest first.")


class FlagOut(StrictModel):
    dancer_id: int
    name: str
    kind: str = Field(description="warning_stop, see_someone, forced_turnout or missed.")
    at: float
    detail: str = Field(description="A code: the stop's reason, the referral, the value.")
    text: str = Field(description="The flag in a sentence.")


class DancerOut(StrictModel):
    dancer_id: int
    name: str
    email: str
    joined_at: float
    minor: bool
    routine: str | None = Field(None, description="An override of the class's routine.")
    shown: ShareBody = Field(description="What the teachers see now (a guardian decides).")
    last_practice: float | None = None
    week_done: int | None = Field(None, description="Holds completed since Monday.")
    week_planned: int | None = Field(
        None, description="The routine's holds for each day so far this week (since joining)."
    )
    flags: list[FlagOut] = Field(default_factory=list)
    turnout: list[TrendOut] = Field(default_factory=list)


class NoteOut(StrictModel):
    teacher_id: int
    text: str
    at: float


class WardOut(StrictModel):
    dancer_id: int
    name: str
    minor: bool
    health: bool = Field(description="The latest answer: health answers are kept.")
    sharing: bool = Field(description="The latest answer: teachers see what is shared.")
    consent_version: str | None = None
    consent_at: float | None = None
