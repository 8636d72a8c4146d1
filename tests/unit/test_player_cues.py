"""The cues a player with a voice for each role says, in order: the partner's cue first when
the partner acts, "release" at the end of a hold, the count of the last seconds, the side."""

from __future__ import annotations

from tests.fakes import tiny_routine
from turnout.domain.events import Beep, HoldEnded, Paused, SessionEnded, StepStarted
from turnout.domain.plan import Plan, PlanItem, hold_record
from turnout.domain.routine import Actor, StepKind
from turnout.services.cues import Line, lines
from turnout.services.run_state import EventFeed

PLAN = Plan.of(tiny_routine())


def first(kind: StepKind, actor: Actor = Actor.DANCER) -> tuple[int, PlanItem]:
    return next(
        (i, item)
        for i, item in enumerate(PLAN.items)
        if item.step.kind is kind and item.step.actor is actor
    )


def test_a_partner_s_hold_starts_with_the_partner_s_cue_then_the_dancer_s() -> None:
    position, push = first(StepKind.HOLD, Actor.PARTNER)
    assert lines(StepStarted(push, position)) == (
        Line("partner", "Partner: Push gently."),
        Line("dancer", "Both sides. Relax."),
    )


def test_a_hold_with_a_side_says_the_side_first() -> None:
    position, left = first(StepKind.HOLD)
    assert lines(StepStarted(left, position)) == (Line("dancer", "Left side. Press left."),)


def test_a_step_without_a_side_or_partner_says_its_cue_alone() -> None:
    assert lines(StepStarted(PLAN.items[0], 0)) == (Line("dancer", "Sit down."),)


def test_a_hold_held_to_its_end_says_release_and_one_skipped_says_nothing() -> None:
    position, _ = first(StepKind.HOLD)
    done = hold_record(PLAN, position, 0.0, 10.0, 10.0, True)
    skipped = hold_record(PLAN, position, 0.0, 2.0, 2.0, False)
    assert lines(HoldEnded(done)) == (Line("dancer", "Release."),)
    assert lines(HoldEnded(skipped)) == ()


def test_the_last_seconds_are_counted_in_words() -> None:
    assert [lines(Beep(n))[0].text for n in (3, 2, 1)] == ["three", "two", "one"]


def test_the_end_of_a_session_praises_nobody_the_summary_knows_what_was_done() -> None:
    assert lines(SessionEnded(True)) == (Line("dancer", "That is the end of the session."),)
    assert lines(SessionEnded(False)) == (Line("dancer", "Session ended."),)
    assert lines(Paused()) == (Line("dancer", "Paused."),)


def test_the_feed_numbers_each_utterance_and_keeps_its_role() -> None:
    feed = EventFeed()
    position, push = first(StepKind.HOLD, Actor.PARTNER)
    feed.add([StepStarted(push, position), Beep(3)], at=1.0)
    entries = feed.after(0)
    assert [(e.seq, e.kind, e.role) for e in entries] == [
        (1, "step_started", "partner"),
        (2, "step_started", "dancer"),
        (3, "beep", "dancer"),
    ]
    assert entries[2].beep == 3 and entries[2].say == "three"


def test_an_event_with_nothing_to_say_still_reaches_the_feed() -> None:
    feed = EventFeed()
    position, _ = first(StepKind.HOLD)
    feed.add([HoldEnded(hold_record(PLAN, position, 0.0, 1.0, 1.0, False))], at=0.0)
    assert [(e.kind, e.say) for e in feed.after(0)] == [("hold_ended", "")]
