"""What a session's holds came to and why it ended: the numbers of an honest summary."""

from __future__ import annotations

from dataclasses import replace

from tests.fakes import tiny_routine
from turnout.domain import session as engine
from turnout.domain.outcome import Ending, HoldTally, ending, tally
from turnout.domain.plan import HoldRecord, Plan, hold_record
from turnout.domain.state import Phase

PLAN = Plan.of(tiny_routine())
LEFT_1, RIGHT_1 = 1, 3  # positions of the first two holds of the tiny routine


def hold(position: int, held: float, done: bool) -> HoldRecord:
    return hold_record(PLAN, position, 0.0, held, held, done)


def test_holds_held_to_the_end_are_done_and_their_seconds_add_up() -> None:
    found = tally([hold(LEFT_1, 10.0, True), hold(RIGHT_1, 10.0, True)])
    assert found == HoldTally(done=2, cut_short=0, skipped=0, seconds_held=20.0)


def test_a_hold_left_part_way_is_cut_short_and_one_left_before_it_began_is_skipped() -> None:
    found = tally([hold(LEFT_1, 4.2, False), hold(RIGHT_1, 0.0, False)])
    assert (found.done, found.cut_short, found.skipped) == (0, 1, 1)
    assert found.seconds_held == 4.2


def test_a_tap_on_skip_just_as_a_hold_began_is_no_hold_at_all() -> None:
    assert tally([hold(LEFT_1, 0.3, False)]).skipped == 1


def test_a_hold_done_again_after_back_counts_once_as_last_logged_but_all_its_time_counts() -> None:
    found = tally([hold(LEFT_1, 3.0, False), hold(LEFT_1, 10.0, True)])
    assert (found.done, found.cut_short, found.skipped, found.seconds_held) == (1, 0, 0, 13.0)


def test_no_holds_make_an_empty_tally() -> None:
    assert tally([]) == HoldTally()


def test_a_session_still_running_has_no_ending() -> None:
    for phase in (Phase.WAITING, Phase.GET_READY, Phase.RUNNING, Phase.PAUSED):
        assert ending(phase, PLAN, []) is None


def test_an_aborted_session_ended_early_whatever_stopped_before() -> None:
    assert ending(Phase.ABORTED, PLAN, [2]) is Ending.ENDED_EARLY


def test_a_finished_session_whose_last_exercise_a_warning_sign_ended_ended_for_that_sign() -> None:
    assert ending(Phase.FINISHED, PLAN, [2]) is Ending.WARNING_SIGN


def test_a_warning_sign_in_an_earlier_exercise_leaves_a_finished_session_finished() -> None:
    assert ending(Phase.FINISHED, PLAN, [1]) is Ending.FINISHED
    assert ending(Phase.FINISHED, PLAN, []) is Ending.FINISHED


def test_a_step_of_the_exercise_under_way_still_fits_and_one_of_another_does_not() -> None:
    state, _ = engine.start(PLAN, 0.0)
    assert engine.same_exercise(state, 0) and engine.same_exercise(state, RIGHT_1)
    second = next(i for i, item in enumerate(PLAN.items) if item.exercise.number == 2)
    assert not engine.same_exercise(state, second)
    assert not engine.same_exercise(state, len(PLAN.items))
    assert not engine.same_exercise(replace(state, phase=Phase.FINISHED, position=99), 0)
