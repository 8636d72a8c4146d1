"""Decoding a photo the way a viewer shows it: turned and mirrored exactly once.

A phone held upright stores landscape pixels and says how to turn them: an EXIF Orientation
tag (1-8) in a JPEG, or rotation and mirror boxes (irot, imir) in a HEIC or AVIF. Who applies
it differs by reader, and each reader here applies it once:
- OpenCV's `imdecode` (JPEG, PNG, WebP, TIFF; BMP has no EXIF) applies the EXIF tag itself;
- libheif, under pillow-heif, applies a HEIC's boxes, and the EXIF copy Apple keeps beside
  them must then be left alone (the HEIF rules say the boxes win), or the photo turns twice;
- Pillow's AVIF reader hands the boxes over as an EXIF tag, which `exif_transpose` applies.
tests/integration/test_photo_formats.py checks all eight values in every format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps

from turnout.adapters.vision.image_header import AVIF, HEIF, corrupt, heif_refusal

Picture = NDArray[Any]


def read_still(path: Path, kind: str) -> Picture:
    """The photo at `path` as BGR pixels, upright; `kind` is its format from `image_size`."""
    if kind == HEIF:
        return _heif(path)
    if kind == AVIF:
        return _avif(path)
    image = cv2.imdecode(np.fromfile(path, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise corrupt(path.name)
    return image


def _heif(path: Path) -> Picture:
    import pillow_heif  # loaded only when a HEIC photo comes

    try:
        heif = pillow_heif.open_heif(path, convert_hdr_to_8bit=True)
        pixels = np.asarray(heif)
    except (OSError, ValueError, RuntimeError, EOFError):
        raise heif_refusal(path.name) from None
    return _bgr(pixels, heif.mode)


def _avif(path: Path) -> Picture:
    try:
        with Image.open(path, formats=(AVIF,)) as image:
            upright = ImageOps.exif_transpose(image).convert("RGB")
    except (OSError, ValueError, SyntaxError, EOFError):
        raise corrupt(path.name) from None
    return _bgr(np.asarray(upright), "RGB")


def _bgr(pixels: Picture, mode: str) -> Picture:
    if pixels.ndim == 2:
        return cv2.cvtColor(pixels, cv2.COLOR_GRAY2BGR)
    code = cv2.COLOR_RGBA2BGR if mode.endswith("A") else cv2.COLOR_RGB2BGR
    return cv2.cvtColor(pixels, code)
