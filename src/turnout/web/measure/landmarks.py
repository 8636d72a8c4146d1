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
from turnout.i18n import _, ngettext

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
            _(
                "That message is {length} characters; one frame's landmarks fit in {most}. "
                "It was skipped."
            ).format(length=len(text), most=MAX_MESSAGE_CHARS)
        )
    try:
        message = json.loads(text)
    except (ValueError, RecursionError):
        raise LandmarkError(_("That message is not JSON; it was skipped.")) from None
    if not isinstance(message, dict):
        raise LandmarkError(_('Send a JSON object: "width", "height", "landmarks" or "action".'))
    if "action" in message:
        return Action(message["action"])
    width, height = _side(message, "width"), _side(message, "height")
    if "landmarks" not in message:
        raise LandmarkError(_('The message has no "landmarks" (null when no one is in view).'))
    points = message["landmarks"]
    pose = None if points is None else _pose(points, width, height)
    return Seen(pose, width, height)


def _side(message: dict[str, object], name: str) -> int:
    value = message.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or not 16 <= value <= MAX_SIDE:
        # Translators: {name} is "width" or "height" (JSON keys, as sent); {most} a number.
        text = _(
            '"{name}" must be the picture\'s size in pixels, a whole number from 16 to {most}; '
            "got {value}."
        )
        raise LandmarkError(text.format(name=name, most=MAX_SIDE, value=_shown(value)))
    return value


def _pose(points: object, width: int, height: int) -> Pose:
    if not isinstance(points, list) or len(points) != POINTS:
        if isinstance(points, list):
            # Translators: {count} points are needed; {got} points came (the number decides).
            message = ngettext(
                '"landmarks" must be a list of {count} points; got {got} point.',
                '"landmarks" must be a list of {count} points; got {got} points.',
                len(points),
            )
            raise LandmarkError(message.format(count=POINTS, got=len(points)))
        message = _('"landmarks" must be a list of {count} points; got {got}.')
        raise LandmarkError(message.format(count=POINTS, got=_shown(points)))
    found = [_numbers(point, index) for index, point in enumerate(points)]
    marks = {j: Landmark(found[j][0] * width, found[j][1] * height, found[j][2]) for j in Joint}
    return Pose(marks, width, height)


def _numbers(point: object, index: int) -> tuple[float, float, float]:
    if not isinstance(point, list) or len(point) != 3:
        raise LandmarkError(
            _("Point {index} must be [x, y, visibility]; got {got}.").format(
                index=index, got=_shown(point)
            )
        )
    x, y, seen = (_number(value, index) for value in point)
    if not (LOW <= x <= HIGH and LOW <= y <= HIGH):
        message = _(
            "Point {index} is at ({x}, {y}): x and y are shares of the picture's width and "
            "height, from {low} to {high}."
        )
        raise LandmarkError(
            message.format(index=index, x=f"{x:g}", y=f"{y:g}", low=f"{LOW:g}", high=f"{HIGH:g}")
        )
    if not 0.0 <= seen <= 1.0:
        message = _("Point {index} has visibility {seen}; it goes from 0 to 1.")
        raise LandmarkError(message.format(index=index, seen=f"{seen:g}"))
    return x, y, seen


def _number(value: object, index: int) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        message = _("Point {index} holds {value} where a number goes.")
        raise LandmarkError(message.format(index=index, value=_shown(value)))
    number = float(value)
    if not math.isfinite(number):
        message = _("Point {index} holds {value}; only finite numbers are allowed.")
        raise LandmarkError(message.format(index=index, value=value))
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
        message = _(
            "Too many messages: the mirror takes at most {count} a second. This one was skipped."
        )
        return message.format(count=self.per_second)
