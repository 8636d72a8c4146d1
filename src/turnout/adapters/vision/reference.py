"""The floor's reference in a picture: the printed mat, or else plain paper.

The mat is looked for first (its markers say exactly what it is); only a picture without it is
searched for plain sheets, which take longer to find. What the mat detector refuses (covered
markers, sheets apart) is said as it is, not hidden by a search for paper."""

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
        papers = [Paper(paper)] if paper else None
        self._paper = PlainPaperDetector(papers, required=False)

    def detect(self, frame: Frame) -> MatView | None:
        found = self._mat.detect(frame)
        return found if found is not None else self._paper.detect(frame)
