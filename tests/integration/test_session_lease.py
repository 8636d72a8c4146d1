"""Session leases in the real log, on SQLite and on PostgreSQL: one UPDATE decides who runs a
live session, so two processes never both win it, and a process that lost its session writes
nothing more into it."""

from __future__ import annotations

import os
import socket
import threading
from dataclasses import replace

import pytest
from sqlalchemy import Engine

from tests.fakes import FakeClock, tiny_routine
from tests.integration.test_practice_log import START, a_session, save_sessions
from turnout.adapters.db.engine import session_factory
from turnout.adapters.db.uow import SqlUnitOfWork
from turnout.domain.log import Lease, OwnerKind, SessionStatus
from turnout.domain.state import Action
from turnout.errors import SessionHeldError
from turnout.services.leases import LEASE_SECONDS, Owner
from turnout.services.practice import resume_practice, start_practice

WEB = Lease("web-token 1@host", OwnerKind.WEB, START + 10.5)
CLI = Lease("cli-token 2@host", OwnerKind.CLI, START + 10.25)


def claim(uow: SqlUnitOfWork, lease: Lease, now: float, replacing: str | None = None) -> bool:
    with uow:
        won = uow.practice.claim("s-1", lease, now, replacing)
        uow.commit()
    return won


def lease_of(uow: SqlUnitOfWork, session_id: str = "s-1") -> Lease | None:
    with uow:
        return uow.practice.lease(session_id)


def test_a_claimed_lease_comes_back_with_every_field(uow: SqlUnitOfWork) -> None:
    save_sessions(uow, a_session())
    assert lease_of(uow) is None
    assert claim(uow, WEB, START)
    assert lease_of(uow) == WEB
    assert lease_of(uow, "no-such-session") is None


def test_a_live_lease_of_another_owner_is_not_taken_until_it_lapses(uow: SqlUnitOfWork) -> None:
    save_sessions(uow, a_session())
    assert claim(uow, CLI, START)
    assert not claim(uow, WEB, START + 5)
    assert lease_of(uow) == CLI
    assert claim(uow, replace(CLI, until=START + 20), START + 5)  # its owner may claim again
    assert not claim(uow, WEB, START + 19.9)
    assert claim(uow, WEB, START + 20.1)
    assert lease_of(uow) == WEB


def test_an_owner_known_to_be_gone_is_replaced_at_once(uow: SqlUnitOfWork) -> None:
    save_sessions(uow, a_session())
    assert claim(uow, CLI, START)
    assert not claim(uow, WEB, START + 1, replacing="someone else 3@host")
    assert claim(uow, WEB, START + 1, replacing=CLI.owner)
    assert lease_of(uow) == WEB


def test_only_the_holder_renews_or_releases(uow: SqlUnitOfWork) -> None:
    save_sessions(uow, a_session())
    assert claim(uow, CLI, START)
    with uow:
        assert not uow.practice.renew("s-1", replace(WEB, until=START + 60))
        assert uow.practice.renew("s-1", replace(CLI, until=START + 60))
        uow.practice.release("s-1", WEB.owner)
        uow.commit()
    assert lease_of(uow) == replace(CLI, until=START + 60)
    with uow:
        uow.practice.release("s-1", CLI.owner)
        uow.commit()
    assert lease_of(uow) is None


def test_a_session_that_ended_is_never_claimed(uow: SqlUnitOfWork) -> None:
    save_sessions(uow, replace(a_session(), status=SessionStatus.ABORTED, ended_at=START + 1))
    assert not claim(uow, WEB, START + 2)
    assert lease_of(uow) is None


def test_a_session_is_added_and_claimed_in_one_transaction(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.practice.add_session(a_session())
        assert uow.practice.claim("s-1", WEB, START)
        uow.commit()
    assert lease_of(uow) == WEB


def test_the_most_recent_unfinished_sessions_come_newest_first(uow: SqlUnitOfWork) -> None:
    ended = replace(a_session("s-0", START - 60), status=SessionStatus.FINISHED, ended_at=START)
    save_sessions(uow, ended, a_session("s-1", START), a_session("s-2", START + 60))
    with uow:
        assert [s.id for s in uow.practice.unfinished(5)] == ["s-2", "s-1"]
        assert [s.id for s in uow.practice.unfinished(1)] == ["s-2"]


def test_of_two_processes_claiming_a_lapsed_lease_at_once_exactly_one_wins(
    database: Engine,
) -> None:
    first = SqlUnitOfWork(session_factory(database))
    save_sessions(first, a_session())
    assert claim(first, CLI, START)  # lapses at START + 10.25
    owners = [Lease(f"server-{n} {n}@host", OwnerKind.WEB, START + 30) for n in range(6)]
    start, won = threading.Barrier(len(owners)), []

    def race(lease: Lease) -> None:
        uow = SqlUnitOfWork(session_factory(database))
        start.wait()
        if claim(uow, lease, START + 11):
            won.append(lease)

    threads = [threading.Thread(target=race, args=(lease,)) for lease in owners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(won) == 1
    assert lease_of(first) == won[0]


def test_a_process_that_lost_its_session_logs_no_more_holds_in_it(database: Engine) -> None:
    clock, host = FakeClock(), socket.gethostname()
    uow = SqlUnitOfWork(session_factory(database))
    terminal = Owner(f"cli {os.getpid()}@{host}", OwnerKind.CLI, wall=clock.now)
    server = Owner(f"web {os.getpid()}@{host}", OwnerKind.WEB, wall=clock.now)
    cli, _ = start_practice(uow, tiny_routine(), clock.now(), None, 0, terminal)
    cli.act(Action.READY, clock.now())
    clock.advance(LEASE_SECONDS + 1)  # the terminal hung; the web app resumes the session
    other = SqlUnitOfWork(session_factory(database))
    web, _ = resume_practice(other, tiny_routine(), cli.record, clock.now(), 0, server)
    with pytest.raises(SessionHeldError):
        cli.tick(clock.now())  # its first hold ended long ago: logging it is refused
    with other:
        assert other.practice.session_holds(cli.id) == []
        lease = other.practice.lease(cli.id)
    assert lease is not None and lease.owner == server.name and web.owned
