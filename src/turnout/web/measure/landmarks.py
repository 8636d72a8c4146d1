"""The on-device mirror's messages, checked before anything trusts them.

The browser runs the pose model and sends one JSON text message per frame:

    {"width": 640, "height": 480, "landmarks": [[x, y, visibility], ... 33 of them]}

x and y are shares of the picture's width and height (MediaPipe's normalised coordinates),
visibility is the model's 0-1 confidence; `"landmarks": null` means no one was found. Actions
are `{"action": "next-rep"}` as on the server mirror. Anything else gets a `LandmarkError`
saying what was wrong, and the socket carries on: a page with a bug must learn what it is."""

from __future__ import annotations

import json
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from turnout.domain.pose import Joint, Landmark, Pose

MAX_MESSAGE_CHARS = 16 * 1024  # 33 points at full float precision are about 2.5 KB
POINTS = 33  # BlazePose's landmarks, in its order (domain/pose.py numbers them the same)
MAX_SIDE = 8192  # pixels; a camera picture is far smaller
# The model places joints it guesses outside the picture a little beyond 0-1; further than
# this is not a pose but a bug or a forgery.
LOW, HIGH = -1.0, 2.0
PER_SECOND = 30  # the page sends at most 15 a second


class LandmarkError(Exception):
    """A message the on-device mirror cannot use; the text says what to change."""


@dataclass(frozen=True)
class Action:
    name: object


@dataclass(frozen=True)
class Seen:
    """One frame's pose from the browser (None: no one in view) and the picture's size."""

    pose: Pose | None
    width: int
    height: int


def parse(text: str) -> Action | Seen:
    """An action or a frame's pose; LandmarkError naming the first thing that is wrong."""
    if len(text) > MAX_MESSAGE_CHARS:
        raise LandmarkError(
            f"That message is {len(text)} characters; one frame's landmarks fit in "
            f"{MAX_MESSAGE_CHARS}. It was skipped."
        )
    try:
        message = json.loads(text)
    except (ValueError, RecursionError):
        raise LandmarkError("That message is not JSON; it was skipped.") from None
    if not isinstance(message, dict):
        raise LandmarkError('Send a JSON object: {"width", "height", "landmarks"} or {"action"}.')
    if "action" in message:
        return Action(message["action"])
    width, height = _side(message, "width"), _side(message, "height")
    if "landmarks" not in message:
        raise LandmarkError('The message has no "landmarks" (null when no one is in view).')
    points = message["landmarks"]
    pose = None if points is None else _pose(points, width, height)
    return Seen(pose, width, height)


def _side(message: dict[str, object], name: str) -> int:
    value = message.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not 16 <= value <= MAX_SIDE:
        raise LandmarkError(
            f'"{name}" must be the picture\'s {name} in pixels, a whole number from 16 to '
            f"{MAX_SIDE}; got {_shown(value)}."
        )
    return value


def _pose(points: object, width: int, height: int) -> Pose:
    if not isinstance(points, list) or len(points) != POINTS:
        count = f"{len(points)} points" if isinstance(points, list) else _shown(points)
        raise LandmarkError(f'"landmarks" must be a list of {POINTS} points; got {count}.')
    found = [_numbers(point, index) for index, point in enumerate(points)]
    marks = {j: Landmark(found[j][0] * width, found[j][1] * height, found[j][2]) for j in Joint}
    return Pose(marks, width, height)


def _numbers(point: object, index: int) -> tuple[float, float, float]:
    if not isinstance(point, list) or len(point) != 3:
        raise LandmarkError(f"Point {index} must be [x, y, visibility]; got {_shown(point)}.")
    x, y, seen = (_number(value, index) for value in point)
    if not (LOW <= x <= HIGH and LOW <= y <= HIGH):
        raise LandmarkError(
            f"Point {index} is at ({x:g}, {y:g}): x and y are shares of the picture's width "
            f"and height, from {LOW:g} to {HIGH:g}."
        )
    if not 0.0 <= seen <= 1.0:
        raise LandmarkError(f"Point {index} has visibility {seen:g}; it goes from 0 to 1.")
    return x, y, seen


def _number(value: object, index: int) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise LandmarkError(f"Point {index} holds {_shown(value)} where a number goes.")
    number = float(value)
    if not math.isfinite(number):
        raise LandmarkError(f"Point {index} holds {value}; only finite numbers are allowed.")
    return number


def _shown(value: object) -> str:
    text = json.dumps(value) if not isinstance(value, float) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class RateLimit:
    """At most `per_second` messages in any second; the ones over are skipped, not queued."""

    def __init__(
        self, per_second: int = PER_SECOND, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_second, self.clock = per_second, clock
        self._times: deque[float] = deque()

    def allow(self) -> bool:
        now = self.clock()
        while self._times and now - self._times[0] >= 1.0:
            self._times.popleft()
        if len(self._times) >= self.per_second:
            return False
        self._times.append(now)
        return True

    @property
    def refusal(self) -> str:
        return (
            f"Too many messages: the mirror takes at most {self.per_second} a second. "
            "This one was skipped."
        )
