import csv
import io
import json
from datetime import UTC, timedelta

import pytest

from tests.fakes import FakeClock, FakeUnitOfWork, tiny_routine
from turnout.domain.log import SessionStatus
from turnout.domain.plan import HoldStatus
from turnout.domain.session import Phase
from turnout.domain.state import Action
from turnout.errors import TurnoutError
from turnout.services import history
from turnout.services.practice import Practice, resume_practice, start_practice
from turnout.services.practice_log import unfinished_session

DAY = 86_400.0


def play(practice: Practice, clock: FakeClock, until_holds: int | None = None) -> None:
    uow = practice.uow
    assert isinstance(uow, FakeUnitOfWork)
    while not practice.state.is_over:
        if until_holds is not None and len(uow.committed.saved_holds) >= until_holds:
            return
        if practice.state.phase is Phase.WAITING:
            practice.act(Action.READY, clock.now())
        else:
            practice.tick(clock.advance(0.5))


def test_starting_a_practice_opens_a_session_with_what_is_planned() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice, _ = start_practice(uow, tiny_routine(), clock.now(), exercises=[1])
    saved = uow.committed.saved_sessions[practice.id]
    assert (saved.planned_holds, saved.planned_seconds) == (4, 40)
    assert saved.status is SessionStatus.ACTIVE


def test_every_hold_is_committed_the_moment_it_ends() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice, _ = start_practice(uow, tiny_routine(), clock.now(), get_ready_seconds=0)
    practice.act(Action.READY, clock.now())
    practice.tick(clock.advance(9.9))
    assert uow.committed.saved_holds == []
    practice.tick(clock.advance(0.2))
    assert [h.record.step_title for h in uow.committed.saved_holds] == ["Left 1"]


def test_a_finished_session_is_closed_in_the_log() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice, _ = start_practice(uow, tiny_routine(), clock.now())
    play(practice, clock)
    saved = uow.committed.saved_sessions[practice.id]
    assert saved.status is SessionStatus.FINISHED and saved.ended_at == clock.now()
    assert len(uow.committed.saved_holds) == 5


def test_an_interrupted_session_resumes_after_its_last_logged_hold() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice, _ = start_practice(uow, tiny_routine(), clock.now())
    play(practice, clock, until_holds=3)
    # The process dies here: nothing but the log survives.
    record = unfinished_session(uow)
    assert record is not None and record.id == practice.id
    resumed, _ = resume_practice(uow, tiny_routine(), record, clock.advance(3600))
    assert resumed.state.item is not None
    assert resumed.state.position == 6  # the step after the third hold, "Left 2"
    assert resumed.state.item.step.title == "Switch"
    assert resumed.state.phase is Phase.WAITING  # no clock runs until the dancer is back
    play(resumed, clock)
    titles = [h.record.step_title for h in uow.committed.saved_holds]
    assert titles == ["Left 1", "Right 1", "Left 2", "Right 2", "Push"]
    assert unfinished_session(uow) is None


def test_resuming_with_another_routine_is_refused_with_the_right_name() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice, _ = start_practice(uow, tiny_routine(), clock.now())
    other = tiny_routine().__class__("other", "Other", "", tiny_routine().exercises)
    with pytest.raises(TurnoutError, match="--routine tiny"):
        resume_practice(uow, other, practice.record, clock.now())


def test_history_shows_planned_and_done_per_day_and_the_streak() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    for _ in range(3):
        practice, _ = start_practice(uow, tiny_routine(), clock.now(), exercises=[1])
        play(practice, clock)
        clock.advance(DAY)
    practice, _ = start_practice(uow, tiny_routine(), clock.now(), exercises=[1])
    practice.act(Action.ABORT, clock.now())
    report = history.history(uow, clock.now(), UTC)
    assert report.streak == 3  # today has no completed hold yet, the three days before count
    assert [(d.planned_holds, d.completed_holds) for d in report.days] == [(4, 0), *[(4, 4)] * 3]
    assert report.days[1].hold_seconds == 40
    assert len(history.history(uow, clock.now(), UTC, days=2).days) == 2


def test_a_missed_day_breaks_the_streak() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    for gap in (0, DAY * 2):
        clock.advance(gap)
        practice, _ = start_practice(uow, tiny_routine(), clock.now(), exercises=[1])
        play(practice, clock)
    assert history.history(uow, clock.now(), UTC).streak == 1
    later = clock.now() + timedelta(days=2).total_seconds()
    assert history.history(uow, later, UTC).streak == 0


def test_export_writes_every_hold_as_csv_and_json() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice, _ = start_practice(uow, tiny_routine(), clock.now(), get_ready_seconds=0)
    practice.act(Action.READY, clock.now())
    practice.act(Action.SKIP, clock.advance(4))
    rows = list(csv.DictReader(io.StringIO(history.export_holds(uow, "csv"))))
    assert [(r["step_title"], r["status"], r["actual_seconds"]) for r in rows] == [
        ("Left 1", "skipped", "4.0")
    ]
    data = json.loads(history.export_holds(uow, "json"))
    assert data[0]["session_id"] == practice.id
    assert data[0]["started_at"] == "2026-01-01T00:00:00.000+00:00"
    assert data[0]["status"] == HoldStatus.SKIPPED.value


def test_an_unknown_export_format_is_refused() -> None:
    with pytest.raises(TurnoutError, match="csv or json"):
        history.export_holds(FakeUnitOfWork(), "xml")


def test_an_exercise_number_outside_the_routine_is_refused_before_anything_is_saved() -> None:
    uow = FakeUnitOfWork()
    with pytest.raises(TurnoutError, match="no exercise 7; choose 1 to 2"):
        start_practice(uow, tiny_routine(), 0.0, exercises=[7])
    assert uow.committed.saved_sessions == {}
