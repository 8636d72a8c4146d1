"""The floor's reference in a picture: the printed mat, or plain paper when the user says so.

The mat is looked for first (its markers say exactly what it is). Plain paper is searched for
only when the user has named its size: a bright rectangle is no proof of paper (in ordinary
photos a wall or a window passed for one), and a rectangle seen at a slant fits A4 and Letter
alike. What the mat detector refuses (covered markers, sheets apart) is said as it is."""

from __future__ import annotations

from turnout.adapters.vision.mat_detect import ArucoMatDetector
from turnout.adapters.vision.mat_layout import Paper
from turnout.adapters.vision.paper_detect import PlainPaperDetector
from turnout.domain.mat import MatView
from turnout.ports import Frame


class FloorReference:
    def __init__(self, paper: str = "") -> None:
        """`paper`: "a4" or "letter" when the user said which plain paper lies on the floor."""
        self._mat = ArucoMatDetector()
        self._paper = PlainPaperDetector([Paper(paper)]) if paper else None

    def detect(self, frame: Frame) -> MatView | None:
        found = self._mat.detect(frame)
        if found is not None or self._paper is None:
            return found
        return self._paper.detect(frame)
