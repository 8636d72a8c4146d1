"""The shapes of the sign-in API."""

from __future__ import annotations

from pydantic import Field

from turnout.domain.accounts import MAX_EMAIL, MAX_PASSWORD
from turnout.web.schema_base import StrictModel


class LoginIn(StrictModel):
    email: str = Field(min_length=1, max_length=MAX_EMAIL)
    # Longer than any password allowed, so that a too-long one is "wrong", not a schema error.
    password: str = Field(min_length=1, max_length=MAX_PASSWORD + 1)


class MeOut(StrictModel):
    studio: bool = Field(description="False on a personal log, which has no accounts.")
    id: int | None = None
    email: str | None = None
    name: str | None = None
    role: str | None = None
    roles: list[str] = Field(default_factory=list)


class SessionOut(StrictModel):
    id: int
    created_at: float
    last_seen_at: float
    expires_at: float
    address: str
    agent: str
    this_one: bool = Field(description="The browser that asked.")


class AttemptOut(StrictModel):
    email: str = Field(description="As typed (lower case).")
    account_id: int | None = Field(description="None when no account has that email.")
    address: str
    at: float
    outcome: str = Field(description="signed_in, wrong, waiting (locked for a while), disabled.")


class AccountOut(StrictModel):
    id: int
    email: str
    name: str
    role: str
    born: str | None = Field(None, description="YYYY-MM-DD, when given.")
    created_at: float
