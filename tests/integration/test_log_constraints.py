"""A write the log's own constraints refuse leaves the unit of work as a ConflictError that says
what was wrong, on SQLite and on PostgreSQL alike (issue 9, item 10)."""

from __future__ import annotations

import pytest

from turnout.adapters.db.uow import SqlUnitOfWork
from turnout.domain.pain import Moment, PainCheck
from turnout.errors import ConflictError


def test_a_pain_check_naming_a_session_not_in_the_log_is_a_conflict(uow: SqlUnitOfWork) -> None:
    orphan = PainCheck(Moment.BEFORE, 0.0, {}, None, False, "no-such-session")
    refused = pytest.raises(ConflictError, match="refers to something the log does not hold")
    with refused, uow:
        uow.safety.add_pain_check(orphan)
        uow.commit()
    with uow:
        assert uow.safety.pain_checks() == []
