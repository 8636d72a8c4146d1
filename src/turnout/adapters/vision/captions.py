"""Text written on a picture, in any language turnout speaks.

OpenCV's own (Hershey) fonts draw ASCII only: an "é" or a Cyrillic letter comes out as "?".
Text that is all ASCII is drawn by OpenCV, as it always was; any other is drawn by Pillow with
the DejaVu Sans subset the printed mat embeds (Latin with its accents, and Cyrillic), at about
the same size."""

from __future__ import annotations

from functools import cache
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFont

from turnout.adapters.vision.mat_pdf_font import FONT as FONT_FILE

FONT = cv2.FONT_HERSHEY_SIMPLEX
PX_PER_SCALE = 34  # a TrueType size, in pixels, as tall as Hershey's letters at scale 1
Picture = NDArray[Any]


@cache
def _font(size_px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), size_px)


def _size_px(scale: float) -> int:
    return max(6, round(PX_PER_SCALE * scale))


def text_width(text: str, scale: float) -> int:
    """How wide `text` is drawn at OpenCV's font `scale`, in pixels."""
    if text.isascii():
        return int(cv2.getTextSize(text, FONT, scale, 1)[0][0])
    return round(_font(_size_px(scale)).getlength(text))


def put_text(
    image: Picture,
    text: str,
    at: tuple[int, int],
    scale: float,
    colour: tuple[int, ...],
    line: int = cv2.LINE_AA,
) -> None:
    """`text` on `image` (in place), its baseline starting at `at`, as cv2.putText does
    (`line`: OpenCV's line type, for ASCII)."""
    if text.isascii():
        cv2.putText(image, text, at, FONT, scale, colour, 1, line)
        return
    canvas = Image.fromarray(np.ascontiguousarray(image))
    font, shown = _font(_size_px(scale)), text.replace("\u202f", "\u00a0")  # the font lacks it
    ImageDraw.Draw(canvas).text(at, shown, fill=colour, font=font, anchor="ls")
    image[:] = np.asarray(canvas)
