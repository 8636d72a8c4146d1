"""What the log's API takes and gives: sessions with their holds, and changes to the log."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from turnout.web.schema_base import StrictModel


class HoldOut(BaseModel):
    id: int
    exercise_number: int
    exercise_name: str
    step_title: str
    side: str | None
    status: str = Field(description="As logged: completed or skipped.")
    outcome: Literal["completed", "cut_short", "skipped"] = Field(
        description="As the dancer reads it: a skipped hold that ran for a while was cut short."
    )
    planned_seconds: int
    held_seconds: float
    started_at: str


class SessionOut(BaseModel):
    id: str
    routine_name: str
    started_at: str
    status: str
    planned_holds: int
    completed: int = Field(description="Holds done; cut-short and skipped holds never count.")
    cut_short: int
    skipped: int
    held_seconds: float
    holds: list[HoldOut]


class SessionsPageOut(BaseModel):
    sessions: list[SessionOut] = Field(description="Newest first.")
    page: int
    pages: int


class HoldStatusIn(StrictModel):
    status: str = Field(description="completed or skipped.", examples=["skipped"])
