"""The rules of accounts: addresses, passwords, ages, and how failed sign-ins are slowed."""

from __future__ import annotations

from datetime import date

import pytest

from turnout.domain.accounts import (
    Account,
    PasswordProblem,
    Role,
    normal_email,
    password_problem,
)
from turnout.domain.sign_in import LOCK_SECONDS, PER_ACCOUNT, PER_ADDRESS, SignedIn, counted


def test_an_address_is_kept_in_lower_case_without_spaces() -> None:
    assert normal_email("  Ana.Pavlova@Example.ORG ") == "ana.pavlova@example.org"


@pytest.mark.parametrize("text", ["", "ana", "ana@", "@example.org", "ana@example", "a b@c.de"])
def test_what_cannot_be_an_address_is_refused(text: str) -> None:
    assert normal_email(text) is None


def test_an_address_longer_than_email_allows_is_refused() -> None:
    assert normal_email("a" * 250 + "@x.org") is None


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short1!", PasswordProblem.TOO_SHORT),
        ("x" * 257 + "yz", PasswordProblem.TOO_LONG),
        ("Password123", PasswordProblem.COMMON),
        ("1234567890", PasswordProblem.COMMON),
        ("abababababab", PasswordProblem.COMMON),
        ("abcdefghijklm", PasswordProblem.COMMON),
        ("zyxwvutsrqpo", PasswordProblem.COMMON),
        ("my-name-is-odette-99", PasswordProblem.LIKE_EMAIL),
        ("grand plié at the barre", None),
    ],
)
def test_a_password_is_judged_by_length_guessability_and_the_address(
    password: str, problem: PasswordProblem | None
) -> None:
    assert password_problem(password, "odette@example.org") == problem


def test_an_age_counts_whole_years_up_to_the_birthday() -> None:
    dancer = Account(1, 1, "a@b.cd", "A", Role.DANCER, date(2012, 6, 15), 0.0)
    assert dancer.age_on(date(2026, 6, 14)) == 13
    assert dancer.age_on(date(2026, 6, 15)) == 14
    assert Account(2, 2, "t@b.cd", "T", Role.TEACHER, None, 0.0).age_on(date(2026, 1, 1)) is None


def test_the_first_failures_cost_nothing_then_each_doubles_the_wait() -> None:
    assert PER_ACCOUNT.next_try_at([]) == 0
    assert PER_ACCOUNT.next_try_at([100.0, 101.0]) == 0
    assert PER_ACCOUNT.next_try_at([100.0, 101.0, 102.0]) == 103.0
    assert PER_ACCOUNT.next_try_at([100.0, 101.0, 102.0, 104.0]) == 106.0
    waits = [PER_ACCOUNT.next_try_at([float(t) for t in range(n)]) - (n - 1) for n in range(3, 10)]
    assert waits == [1, 2, 4, 8, 16, 32, 60]


def test_the_tenth_failure_locks_the_account_for_a_quarter_hour() -> None:
    failures = [float(t) for t in range(10)]
    assert PER_ACCOUNT.next_try_at(failures) == 9 + LOCK_SECONDS


def test_an_address_may_fail_more_often_than_one_account() -> None:
    nine = [float(t) for t in range(9)]
    assert PER_ACCOUNT.next_try_at(nine) > 8
    assert PER_ADDRESS.next_try_at(nine) == 0


def test_only_recent_failures_after_the_last_success_count() -> None:
    now = 10_000.0
    failures = [now - 2000, now - 800, now - 500, now - 100]
    assert counted(failures, None, now) == [now - 800, now - 500, now - 100]
    assert counted(failures, now - 600, now) == [now - 500, now - 100]


def test_a_session_is_alive_until_it_expires_or_is_revoked() -> None:
    session = SignedIn(1, 1, "h", 0.0, 0.0, 100.0, "", "")
    assert session.alive(99.0) and not session.alive(100.0)
    revoked = SignedIn(1, 1, "h", 0.0, 0.0, 100.0, "", "", revoked_at=5.0)
    assert not revoked.alive(6.0)
