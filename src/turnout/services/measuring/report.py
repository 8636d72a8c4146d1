"""The summary of a photo or video: medians over the steady frames, spread, method and band,
and what the user is told."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from turnout.domain.geometry import median, percentile
from turnout.i18n import _
from turnout.services.form_text import knee_message, profile_message
from turnout.services.measuring.reading import (
    MIN_PLIE_BEND,
    FrameReading,
    Mode,
    ReadingMethod,
    first_position_message,
)


@dataclass(frozen=True)
class Spread:
    median: float
    low: float  # 25th percentile over the steady frames
    high: float  # 75th percentile


@dataclass(frozen=True)
class Report:
    mode: Mode
    method: ReadingMethod
    calibrated: bool
    band: float
    frames_seen: int
    frames_used: int
    values: dict[str, Spread]
    messages: list[str]
    best: FrameReading
    refused: dict[str, int] = field(default_factory=dict)

    @property
    def reference(self) -> str | None:
        """What calibrated the floor: "mat", "plain paper", or None."""
        mat = self.best.mat
        return None if mat is None else "plain paper" if mat.plain_paper else "mat"

    def as_dict(self) -> dict[str, object]:
        return {
            "mode": self.mode.value,
            "method": self.method,
            "calibrated": self.calibrated,
            "reference": self.reference,
            "band_degrees": self.band,
            "frames_seen": self.frames_seen,
            "frames_used": self.frames_used,
            "values": {k: vars(v) for k, v in self.values.items()},
            "messages": self.messages,
            "frames_refused": self.refused,
        }


def summarise(
    readings: list[FrameReading], mode: Mode, seen: int, refused: dict[str, int]
) -> Report:
    used = _steady(readings, mode)
    values = {key: _spread([r.values[key] for r in used]) for key in used[0].values}
    key = _key(mode)
    best = min(used, key=lambda r: abs(r.values[key] - values[key].median))
    method = Counter(r.method for r in used).most_common(1)[0][0]
    # Whole degrees, rounded up: a band is a promise, and 6.9 is not 6.
    calibrated, band = method.calibrated, float(math.ceil(max(r.honest_band for r in used) - 1e-9))
    return Report(
        mode,
        method,
        calibrated,
        band,
        seen,
        len(used),
        values,
        _messages(mode, best, values, band),
        best,
        refused,
    )


def _key(mode: Mode) -> str:
    return {
        Mode.FIRST_POSITION: "total",
        Mode.PLIE: "left_knee_bend",
        Mode.PROFILE: "pelvis_shift_deg",
    }[mode]


def _steady(readings: list[FrameReading], mode: Mode) -> list[FrameReading]:
    """Frames whose main value sits near the median (first position, profile), or the deepest
    part of the plie."""
    if mode is Mode.PLIE:
        depth = [min(r.values["left_knee_bend"], r.values["right_knee_bend"]) for r in readings]
        deepest = max(depth)
        return [r for r, d in zip(readings, depth, strict=True) if d >= 0.7 * deepest]
    key = _key(mode)
    middle = median(r.values[key] for r in readings)
    mad = median(abs(r.values[key] - middle) for r in readings)
    limit = max(2.0, 3 * 1.4826 * mad)
    return [r for r in readings if abs(r.values[key] - middle) <= limit]


def _spread(values: list[float]) -> Spread:
    return Spread(median(values), percentile(values, 0.25), percentile(values, 0.75))


def _messages(mode: Mode, best: FrameReading, values: dict[str, Spread], band: float) -> list[str]:
    if mode is Mode.FIRST_POSITION:
        total = values["total"].median
        rough = _("Uncalibrated estimate, without the mat: treat it as rough.")
        note = "" if best.mat else f" {rough}"
        left, right = values["left"].median, values["right"].median
        return [first_position_message(total, left, right, band, note)]
    if mode is Mode.PLIE:
        if best.knees is None or min(k.bend for k in best.knees) < MIN_PLIE_BEND:
            return [_("No demi-plie seen: bend both knees over the toes, then measure again.")]
        return [knee_message(k) for k in best.knees]
    assert best.profile is not None
    return [profile_message(best.profile)]
