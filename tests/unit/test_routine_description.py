"""A routine as plain data: the shape `routine show --json` and the API give."""

from __future__ import annotations

import json

from tests.fakes import tiny_routine
from turnout.services.routines import describe_routine


def test_a_routine_is_described_in_a_stable_order_with_totals() -> None:
    described = describe_routine(tiny_routine())
    assert list(described) == [
        *("key", "name", "description", "source", "equipment", "tips", "warnings"),
        *("total_hold_seconds", "exercises"),
    ]
    assert described["key"] == "tiny" and described["total_hold_seconds"] == 640
    assert described["equipment"] == ["partner"] and described["tips"] == []


def test_an_exercise_lists_its_holds_and_steps_as_json_takes_them() -> None:
    first, second = json.loads(json.dumps(describe_routine(tiny_routine())))["exercises"]
    assert first["number"] == 1 and first["hold_count"] == 4 and first["hold_seconds"] == 40
    assert first["cautions"] == [] and first["partner_role"] is None
    setup, left = first["steps"][0], first["steps"][1]
    assert setup == {
        "index": 0,
        "kind": "setup",
        "title": "Sit",
        "cue": "Sit down.",
        "seconds": None,
        "repetition": None,
        "side": None,
        "actor": "dancer",
        "partner_cue": None,
        "waits_for_ready": True,
    }
    assert (left["title"], left["repetition"], left["side"]) == ("Left 1", 1, "left")
    push = second["steps"][1]
    assert (push["actor"], push["partner_cue"], push["side"]) == ("partner", "Push gently.", "both")
    assert push["waits_for_ready"] is False
