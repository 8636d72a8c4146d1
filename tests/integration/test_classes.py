"""A studio's classes on a real log (SQLite and PostgreSQL): a teacher makes a class and
rotates its code, dancers join, a minor shares nothing until a guardian agrees, notes stay
with the class's teachers, and a class someone has nothing to do with is not found."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from tests.fakes import FakeClock, cheap_hasher
from turnout.adapters.db.engine import session_factory
from turnout.adapters.db.studio_store import SqlStudioStore as SqlClassStore
from turnout.domain.accounts import Account, Role
from turnout.domain.classes import CONSENT_VERSION, NOTHING, Share
from turnout.errors import ForbiddenError, InputError, NotFoundError
from turnout.services.accounts import Accounts
from turnout.services.classes import Classes

GOOD = "a long enough pass phrase"
TODAY = date(2026, 12, 4)


class Studio:
    def __init__(self, database: Engine) -> None:
        self.clock = FakeClock()
        store = SqlClassStore(session_factory(database))
        self.accounts = Accounts(store, cheap_hasher(), self.clock.now)
        self.classes = Classes(
            store, self.clock.now, lambda: TODAY, "classic", lambda: ["classic", "active"]
        )
        self.admin = self.accounts.init_studio("Studio Nord", "admin@example.org", GOOD, 16)

    def add(self, email: str, role: Role, born: date | None = None) -> Account:
        return self.accounts.add(email, role, GOOD, email.partition("@")[0], born)


@pytest.fixture
def studio(database: Engine) -> Studio:
    return Studio(database)


def test_a_teacher_makes_a_class_and_a_dancer_joins_it_with_the_code_as_typed(
    studio: Studio,
) -> None:
    teacher, dancer = studio.add("t@x.org", Role.TEACHER), studio.add("d@x.org", Role.DANCER)
    made = studio.classes.create(teacher, "  Grade 5   Tuesday ")
    assert (made.name, made.routine_key) == ("Grade 5 Tuesday", "classic")
    assert made.teachers == (teacher.id,)
    typed = f"{made.code[:4].lower()}-{made.code[4:]}"
    joined, member = studio.classes.join(dancer, typed)
    assert joined.id == made.id and member.share == Share(True, True, True)
    assert [m.account_id for m in studio.classes.members(teacher, made.id)] == [dancer.id]
    assert [c.id for c in studio.classes.mine(dancer)] == [made.id]
    # Joining twice changes nothing.
    assert studio.classes.join(dancer, made.code)[1].joined_at == member.joined_at


def test_a_rotated_code_stops_working_and_those_who_joined_stay(studio: Studio) -> None:
    teacher = studio.add("t@x.org", Role.TEACHER)
    first, second = studio.add("a@x.org", Role.DANCER), studio.add("b@x.org", Role.DANCER)
    made = studio.classes.create(teacher, "Pointe")
    studio.classes.join(first, made.code)
    rotated = studio.classes.rotate_code(teacher, made.id)
    assert rotated.code != made.code
    with pytest.raises(NotFoundError, match="No class has the code"):
        studio.classes.join(second, made.code)
    assert [m.account_id for m in studio.classes.members(teacher, made.id)] == [first.id]


def test_only_teachers_make_classes_and_only_dancers_join(studio: Studio) -> None:
    teacher, dancer = studio.add("t@x.org", Role.TEACHER), studio.add("d@x.org", Role.DANCER)
    guardian = studio.add("g@x.org", Role.GUARDIAN)
    with pytest.raises(ForbiddenError):
        studio.classes.create(dancer, "Mine")
    made = studio.classes.create(teacher, "Grade 3")
    with pytest.raises(ForbiddenError):
        studio.classes.join(guardian, made.code)
    with pytest.raises(InputError, match="1 to"):
        studio.classes.create(teacher, "   ")


def test_another_teachers_class_is_not_found_until_she_is_added_as_co_teacher(
    studio: Studio,
) -> None:
    owner, other = studio.add("t@x.org", Role.TEACHER), studio.add("u@x.org", Role.TEACHER)
    made = studio.classes.create(owner, "Grade 4")
    for look in (studio.classes.get, studio.classes.members, studio.classes.rotate_code):
        with pytest.raises(NotFoundError, match=f"No class with id {made.id}"):
            look(other, made.id)
    with_two = studio.classes.add_teacher(owner, made.id, "U@x.org ")
    assert with_two.teachers == (owner.id, other.id)
    assert studio.classes.members(other, made.id) == []
    with pytest.raises(InputError, match="No teacher's account"):
        studio.classes.add_teacher(owner, made.id, "admin@example.org")


def test_a_member_who_is_not_a_teacher_cannot_change_the_class(studio: Studio) -> None:
    teacher, dancer = studio.add("t@x.org", Role.TEACHER), studio.add("d@x.org", Role.DANCER)
    made = studio.classes.create(teacher, "Grade 4")
    studio.classes.join(dancer, made.code)
    assert studio.classes.get(dancer, made.id).id == made.id
    with pytest.raises(ForbiddenError):
        studio.classes.rotate_code(dancer, made.id)
    with pytest.raises(ForbiddenError):
        studio.classes.members(dancer, made.id)


def test_a_minor_shares_nothing_and_keeps_no_health_answers_until_a_guardian_agrees(
    studio: Studio,
) -> None:
    teacher = studio.add("t@x.org", Role.TEACHER)
    minor = studio.add("kid@x.org", Role.DANCER, born=date(2013, 3, 1))
    guardian = studio.add("mum@x.org", Role.GUARDIAN)
    made = studio.classes.create(teacher, "Grade 2")
    assert studio.classes.join(minor, made.code)[1].share == NOTHING
    with pytest.raises(ForbiddenError, match="guardian has not agreed"):
        studio.classes.require_health(minor)
    with pytest.raises(NotFoundError):  # not linked yet
        studio.classes.consent(guardian, minor.id, health=True, sharing=True)
    studio.classes.link_guardian("MUM@x.org", "kid@x.org")
    assert [a.id for a in studio.classes.wards(guardian)] == [minor.id]
    assert [c.id for c in studio.classes.mine(guardian)] == [made.id]
    given = studio.classes.consent(guardian, minor.id, health=True, sharing=False)
    assert given.version == CONSENT_VERSION
    studio.classes.require_health(minor)  # now kept
    studio.clock.advance(60)
    studio.classes.consent(guardian, minor.id, health=False, sharing=False)
    assert not studio.classes.keeps_health(minor)  # the latest answer counts


def test_what_is_shared_is_changed_by_the_dancer_or_a_guardian_only(studio: Studio) -> None:
    teacher = studio.add("t@x.org", Role.TEACHER)
    minor = studio.add("kid@x.org", Role.DANCER, born=date(2013, 3, 1))
    guardian = studio.add("mum@x.org", Role.GUARDIAN)
    made = studio.classes.create(teacher, "Grade 2")
    studio.classes.join(minor, made.code)
    wanted = Share(True, False, True)
    with pytest.raises(ForbiddenError):
        studio.classes.set_share(teacher, made.id, minor.id, wanted)
    studio.classes.link_guardian("mum@x.org", "kid@x.org")
    assert studio.classes.set_share(guardian, made.id, minor.id, wanted).share == wanted
    assert studio.classes.members(teacher, made.id)[0].share == wanted


def test_an_adult_without_a_birth_date_keeps_health_answers(studio: Studio) -> None:
    dancer = studio.add("d@x.org", Role.DANCER)
    studio.classes.require_health(dancer)
    assert studio.classes.keeps_health(studio.add("e@x.org", Role.DANCER, date(1990, 1, 1)))


def test_notes_are_private_to_the_classs_teachers(studio: Studio) -> None:
    teacher, dancer = studio.add("t@x.org", Role.TEACHER), studio.add("d@x.org", Role.DANCER)
    made = studio.classes.create(teacher, "Grade 6")
    with pytest.raises(NotFoundError, match="not in class"):
        studio.classes.add_note(teacher, made.id, dancer.id, "Strong left side")
    studio.classes.join(dancer, made.code)
    studio.classes.add_note(teacher, made.id, dancer.id, "  Strong left side  ")
    assert [n.text for n in studio.classes.notes(teacher, made.id, dancer.id)] == [
        "Strong left side"
    ]
    with pytest.raises(ForbiddenError):
        studio.classes.notes(dancer, made.id, dancer.id)
    with pytest.raises(ForbiddenError):  # the admin sees classes, not a teacher's notes
        studio.classes.notes(studio.admin, made.id, dancer.id)
    with pytest.raises(InputError, match="1 to"):
        studio.classes.add_note(teacher, made.id, dancer.id, "x" * 2001)
