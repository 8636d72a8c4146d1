"""How far apart the mat's sheets lie, measured from their markers.

One homography for the whole mat cannot tell a gap between two rows of sheets from a stretch
of the floor: it absorbs most of an 8 mm gap into its scale and leaves the markers within a
millimetre of their places. The markers' own shapes can: each is a 40 mm square, and a stretch
would make them oblong. So the markers are fitted again with one homography plus a shift of
each sheet against sheet BL; the shifts across each seam are the gaps.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray

from turnout.adapters.vision.mat_layout import MatLayout

Array = NDArray[Any]
SEAMS = (("BL", "BR", 0), ("FL", "FR", 0), ("BL", "FL", 1), ("BR", "FR", 1))
STEPS = 8


def seam_gaps(mat: MatLayout, seen: dict[int, Array], h: Array) -> dict[tuple[str, str], float]:
    """Each seam's gap in mm (negative: the sheets overlap), for the seams whose two sheets
    both have markers in view. `h` is the plain fit of the markers (image to floor)."""
    ids = sorted(seen)
    sheets = [m.sheet for i in ids if (m := mat.marker(i)) is not None for _ in range(4)]
    image = np.concatenate([seen[i] for i in ids]).astype(np.float64)
    floor = np.array([[c.x, c.y] for i in ids for c in _corners(mat, i)], np.float64)
    names = sorted(set(sheets) - {"BL"}) if "BL" in sheets else sorted(set(sheets))[1:]
    shifts = _fit(image, floor, np.array(sheets), names, h)
    shift = {"BL" if "BL" in sheets else sorted(set(sheets))[0]: np.zeros(2)} | shifts
    gaps = {}
    for first, second, axis in SEAMS:
        if first in shift and second in shift:
            # +x is the dancer's left (the L sheets), +y forward (the F sheets).
            gap = shift[first][axis] - shift[second][axis]
            gaps[(first, second)] = float(gap if axis == 0 else -gap)
    return gaps


def _corners(mat: MatLayout, marker_id: int) -> tuple[Any, ...]:
    marker = mat.marker(marker_id)
    assert marker is not None
    return marker.corners


def _fit(image: Array, floor: Array, sheets: Array, names: list[str], h: Array) -> dict[str, Array]:
    """Gauss-Newton on the homography (8 numbers) and each named sheet's shift (2 each)."""
    centre, scale = image.mean(axis=0), float(image.std()) or 1.0
    norm = np.array(
        [[1 / scale, 0, -centre[0] / scale], [0, 1 / scale, -centre[1] / scale], [0, 0, 1]]
    )
    start = h @ np.linalg.inv(norm)
    params = np.concatenate([(start / start[2, 2]).ravel()[:8], np.zeros(2 * len(names))])
    points = (image - centre) / scale
    which = [sheets == name for name in names]

    def residual(p: Array) -> Array:
        m = np.append(p[:8], 1.0).reshape(3, 3)
        mapped = np.c_[points, np.ones(len(points))] @ m.T
        target = floor.copy()
        for k, mask in enumerate(which):
            target[mask] += p[8 + 2 * k : 10 + 2 * k]
        out: Array = (mapped[:, :2] / mapped[:, 2:] - target).ravel()
        return out

    for _ in range(STEPS):
        r = residual(params)
        jac = np.stack([_partial(residual, params, k, r) for k in range(params.size)], axis=1)
        step = np.linalg.lstsq(jac, -r, rcond=None)[0]
        params = params + step
        if float(np.abs(step[8:]).max(initial=0.0)) < 1e-3:
            break
    shifts: dict[str, Array] = {n: params[8 + 2 * k : 10 + 2 * k] for k, n in enumerate(names)}
    return shifts


def _partial(f: Any, p: Array, k: int, base: Array) -> Array:
    eps = 1e-6 * max(1.0, abs(float(p[k])))
    moved = p.copy()
    moved[k] += eps
    result: Array = (f(moved) - base) / eps
    return result
