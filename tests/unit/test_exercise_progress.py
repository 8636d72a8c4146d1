from tests.fakes import FakeClock, FakeUnitOfWork, tiny_routine
from turnout.domain.progress import ExerciseProgress, exercise_progress
from turnout.domain.session import Phase
from turnout.domain.state import Action
from turnout.services.practice import Practice, start_practice


def play_to_end(practice: Practice, clock: FakeClock) -> None:
    while not practice.state.is_over:
        if practice.state.phase is Phase.WAITING:
            practice.act(Action.READY, clock.now())
        else:
            practice.tick(clock.advance(0.5))


def test_each_exercise_shows_holds_planned_by_sessions_against_holds_done() -> None:
    uow, clock, routine = FakeUnitOfWork(), FakeClock(), tiny_routine()
    finished, _ = start_practice(uow, routine, clock.now(), get_ready_seconds=0)
    play_to_end(finished, clock)
    cut_short, _ = start_practice(uow, routine, clock.now(), [1], get_ready_seconds=0)
    cut_short.act(Action.READY, clock.now())
    cut_short.act(Action.ABORT, clock.advance(4))
    rows = exercise_progress(
        uow.committed.sessions(), uow.committed.holds(), {routine.key: routine}
    )
    assert rows == [
        ExerciseProgress(
            "tiny",
            1,
            "Press",
            planned_holds=8,
            completed_holds=4,
            skipped_holds=1,
            hold_seconds=44.0,
        ),
        ExerciseProgress(
            "tiny", 2, "Long hold", planned_holds=1, completed_holds=1, hold_seconds=600.0
        ),
    ]


def test_holds_of_a_routine_no_longer_known_still_count_as_done() -> None:
    uow, clock, routine = FakeUnitOfWork(), FakeClock(), tiny_routine()
    practice, _ = start_practice(uow, routine, clock.now(), [1], get_ready_seconds=0)
    play_to_end(practice, clock)
    rows = exercise_progress(uow.committed.sessions(), uow.committed.holds(), {})
    assert [(r.exercise_number, r.planned_holds, r.completed_holds) for r in rows] == [(1, 0, 4)]
