"""What a player says for each event of a session, and how a step is labelled."""

from __future__ import annotations

import pytest

from tests.fakes import tiny_routine
from turnout.domain.events import (
    Beep,
    CheckIn,
    GetReady,
    HoldEnded,
    Paused,
    Resumed,
    SessionEnded,
    StepStarted,
)
from turnout.domain.plan import Plan, PlanItem, hold_record
from turnout.services.cues import check_in, item_label, say


def items() -> tuple[PlanItem, ...]:
    return Plan.of(tiny_routine()).items


def test_a_step_says_its_cue_from_the_routine_file() -> None:
    assert say(StepStarted(items()[0], 0)) == "Sit down."


def test_a_partner_step_adds_the_partner_cue_after_the_dancer_s_cue() -> None:
    push = next(item for item in items() if item.step.partner_cue)
    assert say(StepStarted(push, 1)) == "Relax. Partner: Push gently."


def test_get_ready_names_the_step_to_come() -> None:
    assert say(GetReady(items()[1], 5)) == "Get ready: Left 1."


def test_a_beep_says_the_seconds_left_and_pause_and_resume_say_so() -> None:
    assert [say(Beep(3)), say(Paused()), say(Resumed())] == ["3", "Paused.", "Resuming."]


def test_the_end_of_a_finished_session_says_well_done_and_an_early_end_does_not() -> None:
    assert say(SessionEnded(True)) == "That is the end of the session."
    assert say(SessionEnded(False)) == "Session ended."


def test_a_logged_hold_says_nothing_because_the_next_cue_says_what_to_do() -> None:
    plan = Plan.of(tiny_routine())
    assert say(HoldEnded(hold_record(plan, 1, 0.0, 10.0, 10.0, True))) == ""


def test_a_check_in_counts_whole_minutes_done_and_rounds_the_minutes_to_go() -> None:
    assert say(CheckIn(180, 420)) == (
        "3 minutes done, about 7 to go. Breathe, and come out at once "
        "if anything pinches or goes numb."
    )
    assert check_in(239, 90).startswith("3 minutes done, about 2 to go.")


@pytest.mark.parametrize("remaining", [0, 20, 60])
def test_a_check_in_near_the_end_still_says_about_one_minute_to_go(remaining: int) -> None:
    assert check_in(540, remaining).startswith("9 minutes done, about 1 to go.")


def test_a_step_label_names_the_exercise_by_number_then_the_step() -> None:
    assert item_label(items()[1]) == "1. Press: Left 1"
