"""A studio's accounts on a real log (SQLite and PostgreSQL): making the studio, adding people,
signing in and out, slowing guessers, the audit, and reset links."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, select

from tests.fakes import FakeClock, cheap_hasher
from turnout.adapters.db.account_store import SqlAccountStore
from turnout.adapters.db.account_tables import AccountRow, AuthSessionRow
from turnout.adapters.db.engine import session_factory
from turnout.domain.accounts import Role
from turnout.domain.sign_in import LOCK_SECONDS, Outcome
from turnout.errors import (
    ConflictError,
    ForbiddenError,
    InputError,
    NotFoundError,
    SignInError,
    WaitError,
)
from turnout.services.accounts import Accounts
from turnout.services.sign_in import SESSION_SECONDS, SignIns

GOOD = "a long enough pass phrase"
HERE = "192.0.2.7"


class Studio:
    def __init__(self, database: Engine) -> None:
        self.clock = FakeClock()
        store = SqlAccountStore(session_factory(database))
        hasher = cheap_hasher()
        self.sessions = session_factory(database)
        self.accounts = Accounts(store, hasher, self.clock.now)
        self.sign_ins = SignIns(store, hasher, self.clock.now)

    def sign_in(self, email: str, password: str = GOOD, address: str = HERE) -> str:
        return self.sign_ins.sign_in(email, password, address, "test browser")[0]


@pytest.fixture
def studio(database: Engine) -> Studio:
    made = Studio(database)
    made.accounts.init_studio("Studio Nord", "Admin@Example.org", GOOD, 16)
    return made


def test_the_first_admin_owns_the_personal_logs_rows_and_later_people_their_own(
    studio: Studio,
) -> None:
    teacher = studio.accounts.add("t@example.org", Role.TEACHER, GOOD, "Tamara K")
    dancer = studio.accounts.add("d@example.org", Role.DANCER, GOOD, born=date(2012, 5, 1))
    admin, *_ = studio.accounts.everyone()
    assert (admin.email, admin.role, admin.dancer_id) == ("admin@example.org", Role.ADMIN, 1)
    assert teacher.dancer_id != dancer.dancer_id and 1 not in (teacher.dancer_id, dancer.dancer_id)
    assert (dancer.name, dancer.born) == ("d", date(2012, 5, 1))


def test_a_log_becomes_a_studio_only_once(studio: Studio) -> None:
    with pytest.raises(ConflictError, match="already a studio"):
        studio.accounts.init_studio("Again", "other@example.org", GOOD, 16)


def test_no_one_is_added_before_the_log_is_a_studio(database: Engine) -> None:
    with pytest.raises(NotFoundError, match="studio init"):
        Studio(database).accounts.add("d@example.org", Role.DANCER, GOOD)


def test_an_address_has_one_account_whatever_its_capitals(studio: Studio) -> None:
    studio.accounts.add("d@example.org", Role.DANCER, GOOD)
    with pytest.raises(ConflictError, match="already has an account"):
        studio.accounts.add(" D@Example.ORG", Role.TEACHER, GOOD)


@pytest.mark.parametrize(
    ("email", "password", "born", "field"),
    [
        ("not an address", GOOD, None, "email"),
        ("d@example.org", "short", None, "password"),
        ("d@example.org", "password123", None, "password"),
        ("d@example.org", GOOD, date(1850, 1, 1), "born"),
        ("d@example.org", GOOD, date(2030, 1, 1), "born"),
    ],
)
def test_bad_details_are_refused_by_name_and_nothing_is_added(
    studio: Studio, email: str, password: str, born: date | None, field: str
) -> None:
    with pytest.raises(InputError) as refused:
        studio.accounts.add(email, Role.DANCER, password, born=born)
    assert refused.value.field == field
    assert len(studio.accounts.everyone()) == 1


def test_the_password_is_stored_only_as_an_argon2_hash(studio: Studio) -> None:
    with studio.sessions() as db:
        stored = db.scalars(select(AccountRow.password_hash)).one()
    assert stored.startswith("$argon2id$") and GOOD not in stored


def test_signing_in_opens_a_session_known_only_by_its_hash(studio: Studio) -> None:
    secret = studio.sign_in("ADMIN@example.org")
    found = studio.sign_ins.account_for(secret)
    assert found is not None and found[0].email == "admin@example.org"
    assert found[1].expires_at == studio.clock.now() + SESSION_SECONDS
    with studio.sessions() as db:
        assert secret not in db.scalars(select(AuthSessionRow.token_hash)).one()
    assert studio.sign_ins.account_for(secret + "x") is None
    assert studio.sign_ins.account_for("") is None


def test_a_wrong_password_and_an_unknown_address_get_the_same_answer(studio: Studio) -> None:
    with pytest.raises(SignInError) as wrong_password:
        studio.sign_in("admin@example.org", "not the password at all")
    with pytest.raises(SignInError) as nobody:
        studio.sign_in("nobody@example.org")
    assert str(wrong_password.value) == str(nobody.value)


def test_a_session_ends_when_it_expires_or_the_browser_signs_out(studio: Studio) -> None:
    first, second = studio.sign_in("admin@example.org"), studio.sign_in("admin@example.org")
    admin, session = studio.sign_ins.account_for(first) or pytest.fail("signed in")
    assert len(studio.sign_ins.sessions(admin)) == 2
    studio.sign_ins.sign_out(admin, session)
    assert studio.sign_ins.account_for(first) is None
    assert studio.sign_ins.account_for(second) is not None
    studio.clock.advance(SESSION_SECONDS + 1)
    assert studio.sign_ins.account_for(second) is None


def test_an_account_revokes_its_own_browsers_and_not_anothers(studio: Studio) -> None:
    studio.accounts.add("d@example.org", Role.DANCER, GOOD)
    theirs = studio.sign_in("d@example.org")
    studio.sign_in("admin@example.org")
    admin = studio.accounts.everyone()[0]
    dancer, their_session = studio.sign_ins.account_for(theirs) or pytest.fail("signed in")
    with pytest.raises(NotFoundError):
        studio.sign_ins.revoke(admin, their_session.id)
    assert studio.sign_ins.account_for(theirs) is not None
    studio.sign_ins.revoke(dancer, their_session.id)
    assert studio.sign_ins.account_for(theirs) is None


def test_failures_slow_the_next_try_then_lock_the_account(studio: Studio) -> None:
    for _ in range(3):
        with pytest.raises(SignInError):
            studio.sign_in("admin@example.org", "wrong guess number")
    with pytest.raises(WaitError) as waiting:
        studio.sign_in("admin@example.org")  # even the right password waits its turn
    assert waiting.value.retry_after == 1
    for _ in range(7):
        studio.clock.advance(61)
        with pytest.raises(SignInError):
            studio.sign_in("admin@example.org", "wrong guess again")
    studio.clock.advance(61)
    with pytest.raises(WaitError) as locked:
        studio.sign_in("admin@example.org")
    assert LOCK_SECONDS - 61 <= locked.value.retry_after <= LOCK_SECONDS
    studio.clock.advance(LOCK_SECONDS)
    assert studio.sign_in("admin@example.org")


def test_a_guesser_cannot_keep_an_account_locked_by_trying_while_it_waits(
    studio: Studio,
) -> None:
    for _ in range(3):
        with pytest.raises(SignInError):
            studio.sign_in("admin@example.org", "wrong guess number")
    for _ in range(20):
        with pytest.raises(WaitError):
            studio.sign_in("admin@example.org", "wrong guess number")
    studio.clock.advance(2)
    assert studio.sign_in("admin@example.org")


def test_one_address_trying_many_accounts_is_slowed_too(studio: Studio) -> None:
    for n in range(10):
        with pytest.raises(SignInError):
            studio.sign_in(f"guess{n}@example.org")
    with pytest.raises(WaitError):
        studio.sign_in("admin@example.org")
    assert studio.sign_in("admin@example.org", address="198.51.100.1")


def test_the_admin_sees_every_try_and_no_one_else_does(studio: Studio) -> None:
    dancer = studio.accounts.add("d@example.org", Role.DANCER, GOOD)
    with pytest.raises(SignInError):
        studio.sign_in("d@example.org", "wrong guess number")
    studio.sign_in("d@example.org")
    admin = studio.accounts.everyone()[0]
    seen = studio.sign_ins.audit(admin)
    assert [(a.email, a.outcome, a.address) for a in seen] == [
        ("d@example.org", Outcome.SIGNED_IN, HERE),
        ("d@example.org", Outcome.WRONG, HERE),
    ]
    with pytest.raises(ForbiddenError):
        studio.sign_ins.audit(dancer)
    with pytest.raises(ForbiddenError):
        studio.accounts.everyone(dancer)


def test_a_reset_link_sets_a_password_once_and_signs_every_browser_out(studio: Studio) -> None:
    old = studio.sign_in("admin@example.org")
    secret = studio.accounts.reset_link("admin@example.org")
    with pytest.raises(InputError):
        studio.accounts.set_password(secret, "short")
    studio.accounts.set_password(secret, "another pass phrase here")
    assert studio.sign_ins.account_for(old) is None
    with pytest.raises(SignInError):
        studio.sign_in("admin@example.org")
    assert studio.sign_in("admin@example.org", "another pass phrase here")
    with pytest.raises(NotFoundError, match="expired or was already used"):
        studio.accounts.set_password(secret, "a third pass phrase now")


def test_a_reset_link_lasts_a_day(studio: Studio) -> None:
    secret = studio.accounts.reset_link("admin@example.org")
    studio.clock.advance(24 * 3600 + 1)
    with pytest.raises(NotFoundError):
        studio.accounts.set_password(secret, "another pass phrase here")
    with pytest.raises(NotFoundError, match="No account"):
        studio.accounts.reset_link("nobody@example.org")
