"""How well plain sheets of paper are found, against the rendered scenes' truth.

For one and two sheets, laid under the feet or behind them (tests/integration/hard_conditions,
'plain paper' conditions, each scene re-laid both ways), and with --hard also blur, JPEG, a
shadow band across the paper, a low camera and pale shoes, every scene is given to
PlainPaperDetector. The table: scenes; found (the right paper and count); refused; wrong (a
paper or count other than the truth, the worst outcome); the corners' error in the sheets' own
frame (mm: mean, 95th percentile, max); the error of the heel-to-toe vectors mapped through the
homography (mm, p95) and how often the detector's own estimate (`error_mm_at`) covers it; the
total turnout angle computed from the true feet through the homography (deg, max). Then the
same scenes with the paper named to the detector (`papers=[...]`), the commonest refusals, and
the time per picture against OpenCV's bare Otsu threshold and findContours on the same frame.

Corner error is measured in the sheets' frame: the detector assumes the sheets lie where the
dancer is told to lay them, so a sheet laid a little turned or shifted moves the whole frame,
which changes no angle between the feet.

    .venv/bin/python bench/paper_detect.py [--scenes 48] [--hard] [--jobs 2] [--seed 1]
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import multiprocessing
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.integration.hard_conditions import scenes
from tests.integration.hard_scenes import Band, SceneSpec, render

from turnout.adapters.vision.paper_detect import PaperFit, PlainPaperDetector
from turnout.domain.geometry import Point
from turnout.errors import MatError

CONDITIONS = {
    "1 sheet, under": ("plain paper, 1 sheet", "under", {}),
    "1 sheet, behind": ("plain paper, 1 sheet", "behind", {}),
    "2 sheets, under": ("plain paper, 2 sheets", "under", {}),
    "2 sheets, behind": ("plain paper, 2 sheets", "behind", {}),
}
HARD = {
    "2 sheets, under, blur 2 px": ("plain paper, 2 sheets", "under", {"blur": 2.0}),
    "2 sheets, under, JPEG 30": ("plain paper, 2 sheets", "under", {"jpeg": 30}),
    "2 sheets, under, shadow 30%": ("plain paper, 2 sheets", "under", {"band": "paper"}),
    "1 sheet, under, pink satin": ("plain paper, 1 sheet", "under", {"shoe": "pink-satin"}),
    "1 sheet, under, white canvas": ("plain paper, 1 sheet", "under", {"shoe": "white-canvas"}),
}


@dataclass(frozen=True)
class Outcome:
    label: str
    verdict: str  # found, wrong, refused, crash
    told: str  # the same, with the paper named
    refusal: str = ""
    corners: tuple[float, ...] = ()
    vectors: tuple[float, ...] = ()
    covered: tuple[bool, ...] = ()
    angle: float = 0.0
    seconds: float = 0.0
    bare: float = 0.0


def spec_for(label: str, spec: SceneSpec) -> SceneSpec:
    _, where, extra = {**CONDITIONS, **HARD}[label]
    assert spec.sheets is not None
    change: dict[str, object] = {k: v for k, v in extra.items() if k != "band"}
    if "band" in extra:
        change["band"] = Band(0.3, 90.0, 80.0, (0.0, 40.0), 12.0)
    sheets = dataclasses.replace(spec.sheets, where=where)
    return dataclasses.replace(spec, label=label, sheets=sheets, **change)  # type: ignore[arg-type]


def outer(sheets: list[list[tuple[float, float]]]) -> np.ndarray:
    if len(sheets) == 1:
        return np.array(sheets[0], np.float64)
    a, b = sheets
    return np.array([a[0], b[1], b[2], a[3]], np.float64)


def through(h: np.ndarray, points: np.ndarray) -> np.ndarray:
    return cv2.perspectiveTransform(points.reshape(-1, 1, 2), h).reshape(-1, 2)


def judge(spec: SceneSpec) -> Outcome:
    scene = render(spec)
    truth = spec.sheets
    assert truth is not None
    grey = cv2.cvtColor(scene.image, cv2.COLOR_BGR2GRAY)
    start = time.perf_counter()
    _, mask = cv2.threshold(grey, 0, 255, cv2.THRESH_OTSU)
    cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    bare = time.perf_counter() - start
    told = _verdict(PlainPaperDetector([truth.paper]), scene.image, truth)[0]
    start = time.perf_counter()
    verdict, fit, refusal = _verdict(PlainPaperDetector(), scene.image, truth)
    seconds = time.perf_counter() - start
    if fit is None or verdict != "found":
        return Outcome(spec.label, verdict, told, refusal, seconds=seconds, bare=bare)
    return _measured(spec, scene.truth.feet, scene.truth.sheets, fit, told, seconds, bare)


def _verdict(
    detector: PlainPaperDetector, image: np.ndarray, truth: object
) -> tuple[str, PaperFit | None, str]:
    try:
        fit = detector.fit(image)
    except MatError as error:
        return "refused", None, str(error)
    except Exception as error:  # a crash is a finding: report it, keep going
        return "crash", None, f"CRASH {type(error).__name__}: {error}"
    if fit is None:
        return "refused", None, "None"
    right = fit.shape.paper == truth.paper and fit.shape.count == truth.count  # type: ignore[attr-defined]
    return ("found" if right else "wrong"), fit, ""


def _measured(spec, feet, sheets, fit, told, seconds, bare) -> Outcome:  # type: ignore[no-untyped-def]
    to_image = spec.view.camera().floor_to_image()
    h = np.array(fit.view.image_to_floor)
    placed = outer(sheets)
    # The sheets' own frame: the canonical corners carried onto where the sheets really lie.
    placement, _ = cv2.findHomography(fit.shape.floor_corners(), placed, 0)
    to_own = np.linalg.inv(placement)
    seen = through(h, through(to_image, placed))
    corners = np.linalg.norm(seen - fit.shape.floor_corners(), axis=1)
    heel_mid = np.array([feet[0].heel.x + feet[1].heel.x, feet[0].heel.y + feet[1].heel.y]) / 2
    vectors, covered, dirs = [], [], []
    for foot in feet:
        ends = np.array([[foot.heel.x, foot.heel.y], [foot.toe.x, foot.toe.y], heel_mid])
        own = through(to_own, ends)
        got = through(h, through(to_image, ends))
        error = float(np.linalg.norm((got[1] - got[2]) - (own[1] - own[2])))
        bound = fit.error_mm_at(Point(*own[1]), Point(*own[2]))
        vectors.append(error)
        covered.append(error <= bound)
        dirs.append((own[1] - own[0], got[1] - got[0]))
    angle = abs(_between(dirs[0][1], dirs[1][1]) - _between(dirs[0][0], dirs[1][0]))
    return Outcome(
        spec.label,
        "found",
        told,
        "",
        tuple(corners),
        tuple(vectors),
        tuple(covered),
        angle,
        seconds,
        bare,
    )


def _between(a: np.ndarray, b: np.ndarray) -> float:
    return math.degrees(
        math.acos(float(np.clip(a @ b / np.linalg.norm(a) / np.linalg.norm(b), -1, 1)))
    )


def pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return (
        ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else math.nan
    )


def row(label: str, outs: list[Outcome]) -> str:
    n = len(outs)
    share = {v: 100 * sum(o.verdict == v for o in outs) / n for v in ("found", "refused", "wrong")}
    told = 100 * sum(o.told == "found" for o in outs) / n
    corners = [c for o in outs for c in o.corners]
    vectors = [v for o in outs for v in o.vectors]
    covered = [c for o in outs for c in o.covered]
    angles = [o.angle for o in outs if o.verdict == "found"]
    cover = 100 * sum(covered) / len(covered) if covered else math.nan
    mean = sum(corners) / len(corners) if corners else math.nan
    return (
        f"{label:<30}|{n:>4} |{share['found']:>5.0f}% |{share['refused']:>5.0f}% |"
        f"{share['wrong']:>4.0f}% |{told:>5.0f}% | {mean:5.2f} {pct(corners, 0.95):5.2f} "
        f"{max(corners, default=math.nan):5.2f} | {pct(vectors, 0.95):5.2f} {cover:4.0f}% |"
        f" {max(angles, default=math.nan):5.2f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=48, help="scenes a condition")
    parser.add_argument("--hard", action="store_true", help="also blur, JPEG, shadow, shoes")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    labels = list(CONDITIONS) + (list(HARD) if args.hard else [])
    specs = []
    for label in labels:
        name = {**CONDITIONS, **HARD}[label][0]
        specs += [spec_for(label, s) for s in scenes(name, args.scenes, args.seed)]
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        outcomes = pool.map(judge, specs, chunksize=4)
    results: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        results[outcome.label].append(outcome)
    print(f"{len(specs)} scenes, seed {args.seed}")
    print(
        f"{'condition':<30}|   n | found | refus | wrong | told  | corner mm mean p95 max"
        " | vec p95 est ok | total deg max"
    )
    for label in labels:
        print(row(label, results[label]))
    print("\nCommonest refusals (first sentence):")
    for label in labels:
        said = Counter(o.refusal.split(":")[0] for o in results[label] if o.refusal)
        if said:
            print(f"  {label}: " + "; ".join(f"{c} x {t}" for t, c in said.most_common(3)))
    found = [o for o in outcomes if o.seconds]
    ratio = np.median([o.seconds for o in found]) / np.median([o.bare for o in found])
    print(
        f"\nTime per picture: {1000 * np.median([o.seconds for o in found]):.0f} ms median "
        f"(p95 {1000 * pct([o.seconds for o in found], 0.95):.0f} ms) against "
        f"{1000 * np.median([o.bare for o in found]):.1f} ms for Otsu + findContours alone: "
        f"{ratio:.0f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
