"""The hard conditions, each a way to sample scenes: `scenes(name, count, seed)`.

Every scene varies what a real session varies: each foot's angle (30-90 deg), the foot's length
and where the heels stand, the paper (A4 or Letter), and the camera (height 800-1500 mm, 40-70
deg below the horizon, up to 300 mm aside, rolled a little; a phone's 1x lens, or its 2x when
the mat still fits). Then each condition changes one thing (or, for the legs, a few together).
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Callable

from tests.integration.hard_floor import Fault, Sheets
from tests.integration.hard_scenes import Band, Light, SceneSpec, View
from turnout.adapters.vision.mat_layout import SHEETS, Paper

SIZE = (1600, 1200)
Change = Callable[[random.Random], dict[str, object]]


def view(
    rng: random.Random,
    pitch: float | None = None,
    height: float | None = None,
    size: tuple[int, int] = SIZE,
) -> View:
    pitch = rng.uniform(40, 70) if pitch is None else pitch
    height = rng.uniform(800, 1500) if height is None else height
    reach = height / math.sin(math.radians(min(pitch, 89.5)))  # to the middle of the mat
    wide = 0.72 * size[0]  # a phone's main lens: about 70 deg across
    focal = max(wide, min(2 * wide, 0.85 * size[0] * reach / 650))
    return View(
        pitch=pitch,
        height=height,
        side=rng.uniform(-300, 300),
        roll=rng.uniform(-5, 5),
        aim=rng.uniform(40, 120),
        size=size,
        focal=focal,
    )


def base(label: str, seed: int, rng: random.Random) -> SceneSpec:
    return SceneSpec(
        label=label,
        seed=seed,
        left=round(rng.uniform(30, 90), 1),
        right=round(rng.uniform(30, 90), 1),
        foot_mm=rng.uniform(225, 265),
        heels=(rng.uniform(-8, 8), rng.uniform(4, 14)),
        paper=rng.choice(list(Paper)),
        view=view(rng),
    )


def _band(density: float) -> Change:
    def change(rng: random.Random) -> dict[str, object]:
        through = (rng.uniform(-150, 150), rng.uniform(0, 220))
        width, softness = rng.uniform(40, 150), rng.uniform(6, 20)
        return {"band": Band(density, width, rng.uniform(0, 180), through, softness)}

    return change


def _light(rng: random.Random) -> Light:
    return Light(
        density=rng.uniform(0.3, 0.5),
        elevation=rng.uniform(50, 70),
        azimuth=rng.uniform(-25, 25),
        softness=rng.uniform(5, 12),
    )


def _pitch(pitch: float) -> Change:
    return lambda rng: {"view": view(rng, pitch, rng.uniform(700, 1600))}


def _small(size: tuple[int, int], shoe: str) -> Change:
    """A smaller picture (a video frame, a live mirror's) of the same scenes."""
    return lambda rng: {"view": view(rng, size=size), "shoe": shoe}


def _fault(kind: str, seam: str, mm: float) -> Change:
    return lambda rng: {"fault": Fault(kind, seam, mm)}


def _turn(rng: random.Random) -> dict[str, object]:
    degrees = rng.choice((-1, 1)) * rng.uniform(2, 3)
    return {"fault": Fault("turn", degrees=degrees, sheet=rng.choice(SHEETS))}


def _paper(count: int, where: str = "under") -> Change:
    def change(rng: random.Random) -> dict[str, object]:
        shift = (rng.uniform(-15, 15), rng.uniform(-10, 10))
        return {"sheets": Sheets(rng.choice(list(Paper)), count, where, rng.uniform(-3, 3), shift)}

    return change


def _fixed(**change: object) -> Change:
    return lambda rng: dict(change)


CONDITIONS: dict[str, Change] = {
    "clean dark shoes": _fixed(),
    "pink satin": _fixed(shoe="pink-satin"),
    "beige satin": _fixed(shoe="beige-satin"),
    "pink canvas": _fixed(shoe="pink-canvas"),
    "white canvas": _fixed(shoe="white-canvas"),
    "bare feet (light skin)": _fixed(shoe="bare-skin"),
    "shadow band 15%": _band(0.15),
    "shadow band 30%": _band(0.30),
    "shadow band 50%": _band(0.50),
    "own shadow forward": lambda rng: {"light": _light(rng)},
    "3D dark shoes": _fixed(solid=True),
    "3D pink satin": _fixed(solid=True, shoe="pink-satin"),
    "3D + legs, black": _fixed(solid=True, legs="black"),
    "3D + legs, tights, pink satin": _fixed(solid=True, legs="tights", shoe="pink-satin"),
    "3D + legs, black + own shadow": lambda rng: {
        "solid": True,
        "legs": "black",
        "light": _light(rng),
    },
    "camera pitch 30": _pitch(30),
    "camera pitch 45": _pitch(45),
    "camera pitch 60": _pitch(60),
    "camera pitch 90": _pitch(90),
    "3D + legs, black, pitch 30": lambda rng: {**_pitch(30)(rng), "solid": True, "legs": "black"},
    "3D + legs, black, pitch 90": lambda rng: {**_pitch(90)(rng), "solid": True, "legs": "black"},
    **{f"gap left-right {mm} mm": _fault("gap", "left-right", mm) for mm in (3, 5, 8, 12)},
    **{f"gap front-back {mm} mm": _fault("gap", "front-back", mm) for mm in (3, 5, 8, 12)},
    "gap left-right 8 mm, margin shows": lambda rng: {
        "fault": Fault("gap", "left-right", 8, floor_shows=False)
    },
    "overlap left-right 5 mm": _fault("overlap", "left-right", 5),
    "overlap front-back 5 mm": _fault("overlap", "front-back", 5),
    "one sheet turned 2-3 deg": _turn,
    "plain paper, 1 sheet": _paper(1),
    "plain paper, 2 sheets": _paper(2),
    "plain paper, 2 sheets behind the feet": _paper(2, "behind"),
    "blur 1 px": _fixed(blur=1.0),
    "blur 2 px": _fixed(blur=2.0),
    "JPEG quality 60": _fixed(jpeg=60),
    "JPEG quality 30": _fixed(jpeg=30),
    # Added later, after the others so that theirs keep their scenes (seeds follow the order).
    "white canvas + shadow band 30%": lambda rng: {**_band(0.30)(rng), "shoe": "white-canvas"},
    "white canvas + own shadow": lambda rng: {"light": _light(rng), "shoe": "white-canvas"},
    "3D white canvas": _fixed(solid=True, shoe="white-canvas"),
    "3D + legs, white tights, white canvas": _fixed(solid=True, legs="white", shoe="white-canvas"),
    "plain paper, 2 sheets, pink satin": lambda rng: {**_paper(2)(rng), "shoe": "pink-satin"},
    "1280x720 video frame": _small((1280, 720), "dark"),
    "1280x720 video frame, white canvas": _small((1280, 720), "white-canvas"),
    "640x480 frame": _small((640, 480), "dark"),
    "640x480 frame, white canvas": _small((640, 480), "white-canvas"),
}
BASELINE = "clean dark shoes"


def scenes(name: str, count: int, seed: int = 1) -> list[SceneSpec]:
    """`count` scenes of one condition; the same seed gives the same scenes."""
    index = list(CONDITIONS).index(name)  # so new conditions go at the end
    out = []
    for i in range(count):
        scene_seed = seed * 1_000_000 + index * 1000 + i
        rng = random.Random(scene_seed)
        spec = base(name, scene_seed, rng)
        out.append(dataclasses.replace(spec, **CONDITIONS[name](rng)))  # type: ignore[arg-type]
    return out
