"""Accounts of a studio log: who signs in, with which role, and the rules a password must meet.

Every account has a dancer id of its own in the log: any account may keep its own practice
(a teacher practises too), and the personal log's rows, dancer 1, become the first admin's.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from itertools import pairwise

from turnout.domain.values import frozen

MIN_PASSWORD = 10  # characters; length is what makes a password hard to guess
MAX_PASSWORD = 256  # hashing a megabyte of "password" is a cheap way to load the server
MAX_EMAIL = 254
MAX_NAME = 80
CONSENT_AGE = 16  # GDPR Art. 8: member states may set 13 to 16
CONSENT_AGES = range(13, 17)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


class Role(StrEnum):
    DANCER = "dancer"
    TEACHER = "teacher"
    GUARDIAN = "guardian"
    ADMIN = "admin"


class PasswordProblem(StrEnum):
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    COMMON = "common"
    LIKE_EMAIL = "like_email"


@frozen
class Account:
    id: int
    dancer_id: int  # whose rows in the log are the account's own
    email: str  # lower case, as normal_email makes it
    name: str
    role: Role
    born: date | None
    created_at: float  # seconds since the Unix epoch
    disabled_at: float | None = None

    def age_on(self, day: date) -> int | None:
        """Whole years on `day`, when the birth date is known."""
        if self.born is None:
            return None
        before_birthday = (day.month, day.day) < (self.born.month, self.born.day)
        return day.year - self.born.year - before_birthday


@frozen
class NewAccount:
    """An account to add; the store gives it its ids."""

    email: str
    name: str
    role: Role
    born: date | None
    password_hash: str
    created_at: float


@frozen
class Studio:
    name: str
    created_at: float
    consent_age: int = CONSENT_AGE


def normal_email(text: str) -> str | None:
    """The address in lower case without surrounding spaces; None if it cannot be one."""
    email = text.strip().lower()
    if len(email) > MAX_EMAIL or not _EMAIL.fullmatch(email):
        return None
    return email


def password_problem(password: str, email: str) -> PasswordProblem | None:
    """What makes `password` a poor choice for the account `email`; None when it is fine."""
    if len(password) < MIN_PASSWORD:
        return PasswordProblem.TOO_SHORT
    if len(password) > MAX_PASSWORD:
        return PasswordProblem.TOO_LONG
    folded = password.lower()
    if folded in COMMON_PASSWORDS or _one_character(folded) or _counting(folded):
        return PasswordProblem.COMMON
    local = email.partition("@")[0]
    if len(local) >= 4 and local in folded:
        return PasswordProblem.LIKE_EMAIL
    return None


def _one_character(text: str) -> bool:
    return len(set(text)) <= 2


def _counting(text: str) -> bool:
    steps = {ord(b) - ord(a) for a, b in pairwise(text)}
    return steps <= {1} or steps <= {-1}


# Long enough to pass the length rule, yet among the first tried by anyone guessing.
COMMON_PASSWORDS = frozenset(
    {
        "1234567890",
        "0987654321",
        "1q2w3e4r5t",
        "1qaz2wsx3edc",
        "qwertyuiop",
        "asdfghjkl;",
        "zxcvbnm,./",
        "qwerty1234",
        "qwerty12345",
        "password12",
        "password123",
        "password1234",
        "passw0rd123",
        "p@ssw0rd123",
        "iloveyou123",
        "letmein1234",
        "welcome123",
        "welcome1234",
        "football123",
        "baseball123",
        "sunshine123",
        "princess123",
        "dragon1234",
        "monkey1234",
        "superman123",
        "trustno1234",
        "changeme123",
        "administrator",
        "admin12345",
        "turnout123",
        "turnout1234",
        "ballet1234",
        "ballerina1",
        "ballerina123",
        "dancer1234",
        "dancing123",
        "pirouette1",
        "arabesque1",
        "1111111111",
        "abcdefghij",
    }
)
