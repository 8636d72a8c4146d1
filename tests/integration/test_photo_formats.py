"""Real photo formats, made here with Pillow and pillow-heif: an iPhone's HEIC is sized from its
header and decoded, an AVIF too, and a phone held upright (an EXIF Orientation tag, or a HEIC's
rotation boxes) comes out the way a viewer shows it, turned exactly once."""

from __future__ import annotations

import io
import struct
import time
from pathlib import Path
from typing import Any

import numpy as np
import pillow_heif
import pytest
from PIL import Image, features

from turnout.adapters.vision.image_header import AVIF, HEIF, image_size, still_format
from turnout.adapters.vision.media import MAX_IMAGE_PIXELS, open_media
from turnout.errors import MeasureError

WIDTH, HEIGHT = 120, 80  # as stored: landscape, as a phone's sensor records it
MARK = 24  # a red square in the stored picture's top-left corner
# Per the EXIF standard, orientation -> (the picture is a quarter turn away, so width and
# height swap; the corner where a viewer shows the stored top-left mark).
SHOWN = {
    1: (False, "top-left"),
    2: (False, "top-right"),  # mirrored left to right
    3: (False, "bottom-right"),  # turned half round
    4: (False, "bottom-left"),  # mirrored top to bottom
    5: (True, "top-left"),  # mirrored along the top-left to bottom-right diagonal
    6: (True, "top-right"),  # to be turned a quarter clockwise (a phone held upright)
    7: (True, "bottom-right"),
    8: (True, "bottom-left"),  # to be turned a quarter anticlockwise
}
CLASSIC = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP", "tiff": "TIFF"}
needs_avif = pytest.mark.skipif(not features.check("avif"), reason="this Pillow reads no AVIF")


def marked() -> Image.Image:
    pixels = np.full((HEIGHT, WIDTH, 3), 235, np.uint8)
    pixels[:MARK, :MARK] = (220, 20, 20)  # RGB red
    return Image.fromarray(pixels)


def exif(orientation: int) -> bytes:
    tags = Image.Exif()
    tags[0x0112] = orientation
    return tags.tobytes()


def heic(picture: Image.Image, orientation: int = 1, quality: int = 90) -> bytes:
    """An HEIC as an iPhone writes it: pillow-heif turns the EXIF tag into irot/imir boxes and
    keeps the tag beside them, as Apple does."""
    buffer = io.BytesIO()
    pillow_heif.from_pillow(picture).save(buffer, quality=quality, exif=exif(orientation))
    return buffer.getvalue()


def saved(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def photo_file(folder: Path, kind: str, orientation: int) -> Path:
    if kind == "heic":
        return saved(folder, f"o{orientation}.heic", heic(marked(), orientation))
    buffer = io.BytesIO()
    marked().save(buffer, CLASSIC.get(kind, "AVIF"), exif=exif(orientation), quality=95)
    return saved(folder, f"o{orientation}.{kind}", buffer.getvalue())


def decoded(path: Path) -> Any:
    (frame,) = open_media(path).frames()
    return frame


def corner(frame: Any) -> str:
    """Where the red mark is in a BGR frame."""
    red = (frame[..., 2] > 150) & (frame[..., 1] < 90) & (frame[..., 0] < 90)
    ys, xs = np.nonzero(red)
    assert len(ys) > MARK * MARK // 2, "the red mark is lost"
    height, width = frame.shape[:2]
    vertical = "top" if ys.mean() < height / 2 else "bottom"
    return f"{vertical}-{'left' if xs.mean() < width / 2 else 'right'}"


def shown_shape(orientation: int) -> tuple[int, int, int]:
    turned, _ = SHOWN[orientation]
    return (WIDTH, HEIGHT, 3) if turned else (HEIGHT, WIDTH, 3)


KINDS = [*CLASSIC, "heic", pytest.param("avif", marks=needs_avif)]


@pytest.mark.parametrize("orientation", SHOWN)
@pytest.mark.parametrize("kind", KINDS)
def test_every_orientation_comes_out_as_a_viewer_shows_it(
    kind: str, orientation: int, tmp_path: Path
) -> None:
    path = photo_file(tmp_path, kind, orientation)
    frame = decoded(path)
    assert frame.shape == shown_shape(orientation)
    assert corner(frame) == SHOWN[orientation][1]
    size = image_size(path, MAX_IMAGE_PIXELS)
    assert (size.height, size.width, 3) == frame.shape  # the header is read upright too


def test_the_heic_test_files_carry_both_the_rotation_box_and_the_exif_tag() -> None:
    # Otherwise the orientation test above could pass on a HEIC that was simply stored upright,
    # or would not catch the EXIF copy being applied a second time.
    data = heic(marked(), orientation=6)
    assert b"irot" in data
    raw = pillow_heif.open_heif(io.BytesIO(data)).info["exif"]
    tags = Image.Exif()
    tags.load(raw)
    assert tags[0x0112] == 6


def test_an_iphone_heic_is_sized_from_its_header_and_decoded_to_bgr(tmp_path: Path) -> None:
    picture = Image.fromarray(np.full((480, 640, 3), (30, 90, 200), np.uint8))
    path = saved(tmp_path, "IMG_0001.HEIC", heic(picture, quality=95))
    media = open_media(path)
    assert not media.is_video and media.format == HEIF
    (frame,) = media.frames()
    assert frame.shape == (480, 640, 3) and frame.dtype == np.uint8
    blue, green, red = (int(v) for v in frame[240, 320])
    assert abs(blue - 200) < 12 and abs(green - 90) < 12 and abs(red - 30) < 12


def with_size(data: bytes, width: int, height: int) -> bytes:
    """The HEIC with its image-size box (ispe) claiming another size: no pixels behind it."""
    at = data.index(b"ispe")
    return data[: at + 8] + struct.pack(">II", width, height) + data[at + 16 :]


@pytest.mark.parametrize("side", [8000, 20_000])
def test_a_heic_whose_header_claims_too_many_pixels_is_refused_before_decoding(
    side: int, tmp_path: Path
) -> None:
    path = saved(tmp_path, "big.heic", with_size(heic(marked()), side, side))
    started = time.perf_counter()
    with pytest.raises(MeasureError) as refused:
        open_media(path)
    assert str(refused.value) == (
        f"big.heic is {side}x{side} pixels; send a photo under 50 megapixels."
    )
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) - 40], id="cut-off-in-the-pixels"),
        pytest.param(lambda data: data[:200], id="cut-off-in-the-header"),
        pytest.param(lambda data: data[:32] + bytes(len(data) - 32), id="zeroed"),
    ],
)
def test_a_damaged_heic_is_refused_in_one_plain_line(damage: Any, tmp_path: Path) -> None:
    path = saved(tmp_path, "IMG_0002.HEIC", damage(heic(marked())))
    with pytest.raises(MeasureError) as refused:
        list(open_media(path).frames())
    message = str(refused.value)
    assert message.startswith("IMG_0002.HEIC looks like a HEIC photo but cannot be decoded")
    assert "Most Compatible" in message and "\n" not in message


def test_a_rotated_jpeg_header_over_the_limit_is_refused_with_its_upright_size(
    tmp_path: Path,
) -> None:
    buffer = io.BytesIO()
    marked().save(buffer, "JPEG", exif=exif(6))
    data = bytearray(buffer.getvalue())
    at = data.index(b"\xff\xc0")  # baseline frame header: length, precision, height, width
    data[at + 5 : at + 9] = struct.pack(">HH", 6000, 9000)  # stored 9000 wide, 6000 high
    with pytest.raises(MeasureError) as refused:
        open_media(saved(tmp_path, "tall.jpg", bytes(data)))
    assert str(refused.value) == "tall.jpg is 6000x9000 pixels; send a photo under 50 megapixels."


@needs_avif
def test_an_avif_photo_is_read(tmp_path: Path) -> None:
    media = open_media(photo_file(tmp_path, "avif", 1))
    assert media.format == AVIF
    (frame,) = media.frames()
    assert frame.shape == (HEIGHT, WIDTH, 3) and corner(frame) == "top-left"


def test_an_avif_is_refused_by_name_where_pillow_cannot_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = struct.pack(">I", 28) + b"ftypavif" + bytes(4) + b"avifmif1miaf" + bytes(64)
    path = saved(tmp_path, "photo.avif", head)
    monkeypatch.setattr(features, "check", lambda name: False)
    with pytest.raises(MeasureError) as refused:
        open_media(path)
    assert str(refused.value) == (
        "photo.avif is an AVIF photo, which this install cannot read; send it as a JPEG."
    )


@pytest.mark.parametrize(
    ("brands", "kind"),
    [
        (b"heic" + b"mif1heic", HEIF),  # an iPhone
        (b"mif1" + b"mif1heic", HEIF),
        (b"mif1" + b"mif1miafavif", AVIF),
        (b"avif" + b"avifmif1", AVIF),
        (b"isom" + b"isomiso2avc1mp41", None),  # an MP4 video
        (b"qt  " + b"qt  ", None),  # an iPhone's MOV video
    ],
)
def test_a_still_picture_is_told_from_a_video_by_its_brands(
    brands: bytes, kind: str | None
) -> None:
    major, compatible = brands[:4], brands[4:]
    head = struct.pack(">I", 16 + len(compatible)) + b"ftyp" + major + bytes(4) + compatible
    assert still_format(head + bytes(64 - len(head))) == kind


def test_a_gif_is_still_refused_by_name(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    marked().save(buffer, "GIF")
    with pytest.raises(MeasureError, match=r"a\.gif is a GIF, which cannot be measured"):
        open_media(saved(tmp_path, "a.gif", buffer.getvalue()))
