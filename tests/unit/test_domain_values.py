"""`@frozen`, the domain's way of declaring a value: a frozen dataclass in every respect."""

from __future__ import annotations

import dataclasses

import pytest

from turnout.domain.events import Beep, Paused, Resumed, StepStarted
from turnout.domain.geometry import Point
from turnout.domain.pose import Pose


def test_a_value_cannot_be_changed_once_made() -> None:
    point = Point(1.0, 2.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 3.0  # type: ignore[misc]


def test_values_compare_and_hash_by_their_fields_and_copy_with_replace() -> None:
    point = Point(1.0, 2.0)
    assert point == Point(1.0, 2.0) and hash(point) == hash(Point(1.0, 2.0))
    assert dataclasses.replace(point, y=5.0) == Point(1.0, 5.0) and point.y == 2.0
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y"]


def test_values_of_different_classes_never_compare_equal_even_with_no_fields() -> None:
    paused: object = Paused()
    assert paused != Resumed() and Beep(3) != Beep(2) and Beep(3) == Beep(3)


def test_a_default_factory_gives_each_value_its_own_default() -> None:
    first, second = Pose({}, 10, 10), Pose({}, 20, 20)
    assert first.world == {} and first.world is not second.world


def test_values_match_by_keyword_and_by_position() -> None:
    match Beep(2):
        case Beep(remaining) if remaining == 2:
            matched = True
        case _:
            matched = False
    assert matched and StepStarted.__match_args__ == ("item", "position")
