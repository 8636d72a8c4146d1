"""A body pose, independent of the model that found it: named joints in image pixels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from enum import IntEnum

from turnout.domain.geometry import Point
from turnout.domain.values import frozen


class Joint(IntEnum):
    """The joints we use, numbered as in BlazePose's 33 landmarks. Left is the dancer's left."""

    NOSE = 0
    LEFT_EAR = 7
    RIGHT_EAR = 8
    LEFT_SHOULDER = 11
    RIGHT_SHOULDER = 12
    LEFT_HIP = 23
    RIGHT_HIP = 24
    LEFT_KNEE = 25
    RIGHT_KNEE = 26
    LEFT_ANKLE = 27
    RIGHT_ANKLE = 28
    LEFT_HEEL = 29
    RIGHT_HEEL = 30
    LEFT_TOE = 31
    RIGHT_TOE = 32


FEET = (Joint.LEFT_HEEL, Joint.RIGHT_HEEL, Joint.LEFT_TOE, Joint.RIGHT_TOE)
LEGS = (Joint.LEFT_HIP, Joint.RIGHT_HIP, Joint.LEFT_KNEE, Joint.RIGHT_KNEE, *FEET)


@frozen
class Landmark:
    """A joint in image pixels, with the model's own confidence that it is visible (0 to 1)."""

    x: float
    y: float
    visibility: float = 1.0

    @property
    def point(self) -> Point:
        return Point(self.x, self.y)


@frozen
class Point3:
    """A point in metres, in the model's body-centred frame (y down, z toward the camera)."""

    x: float
    y: float
    z: float


@frozen
class Pose:
    """One person in one image of `width` x `height` pixels."""

    landmarks: Mapping[Joint, Landmark]
    width: int
    height: int
    world: Mapping[Joint, Point3] = field(default_factory=dict)

    def point(self, joint: Joint) -> Point:
        return self.landmarks[joint].point

    def is_visible(self, joint: Joint, threshold: float = 0.5) -> bool:
        mark = self.landmarks.get(joint)
        return mark is not None and mark.visibility >= threshold

    def in_frame(self, joint: Joint, margin: float = 0.0) -> bool:
        """Whether the joint lies inside the image, `margin` pixels in from the edges."""
        mark = self.landmarks.get(joint)
        if mark is None:
            return False
        inside_x = margin <= mark.x <= self.width - 1 - margin
        return inside_x and margin <= mark.y <= self.height - 1 - margin
