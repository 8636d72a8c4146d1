"""A unit of work that reads before it writes, while another connection writes: on SQLite a
deferred transaction cannot take the write lock once its snapshot is stale ("database is
locked" at once, whatever the busy timeout), so writing blocks start with the lock taken."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.e2e.conftest import settings_for
from turnout import bootstrap
from turnout.domain.safety import Profile
from turnout.ports import UnitOfWork


def writer(make: bootstrap.Container, age: int, done: list[int]) -> None:
    with make.uow().writing() as uow:
        uow.safety.save_profile(Profile(age=age))
        uow.commit()
    done.append(age)


def test_a_write_after_a_read_waits_for_the_other_writer_instead_of_failing(
    tmp_path: Path,
) -> None:
    container = bootstrap.build(settings_for(tmp_path))
    done: list[int] = []
    first: UnitOfWork = container.uow()
    with first.writing():
        assert first.safety.get_profile() is None  # it reads first
        other = threading.Thread(target=writer, args=(container, 30, done))
        other.start()
        other.join(timeout=0.5)  # the other writer waits for this block to finish
        assert done == []
        first.safety.save_profile(Profile(age=20))
        first.commit()
    other.join(timeout=10)
    assert done == [30]
    with container.uow() as uow:
        found = uow.safety.get_profile()
    assert found is not None and found.age == 30  # the later writer's profile stands


def test_reads_still_need_no_write_lock(tmp_path: Path) -> None:
    container = bootstrap.build(settings_for(tmp_path))
    with container.uow().writing() as holder:
        holder.safety.save_profile(Profile(age=20))
        with container.uow() as reader:
            assert reader.safety.get_profile() is None  # answered at once, from before
        holder.commit()


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
