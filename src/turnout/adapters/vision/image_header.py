"""A photo's format and size, read from its header before a single pixel is decoded.

Pillow's `Image.open` is lazy: it parses the header (a JPEG's frame marker, a PNG's IHDR, a
TIFF's first directory...) and stops there, so a 5 MB JPEG that claims 20000x20000 pixels is
sized in microseconds instead of OpenCV allocating 1.2 GB to decode it. Formats that the
decoder (OpenCV) cannot read, or that nothing here can size, are refused by name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from turnout.errors import MeasureError

# What OpenCV decodes, by Pillow's name for it. A JPEG carrying a second picture (some phones
# and cameras) is opened by the JPEG reader and called "MPO".
ACCEPTED = ("JPEG", "PNG", "WEBP", "TIFF", "BMP")
_GIF = (b"GIF87a", b"GIF89a")
# ISO base media files (ftyp) whose brand is a still picture: HEIC, HEIF, AVIF.
_STILL_BRANDS = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis"}
)


@dataclass(frozen=True)
class ImageSize:
    format: str  # Pillow's name: JPEG (or MPO), PNG, WEBP, TIFF, BMP
    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


def refuse_unreadable_kinds(name: str, head: bytes) -> None:
    """A GIF, HEIC or AVIF picture gets a message saying what to send instead."""
    if head.startswith(_GIF):
        raise MeasureError(
            f"{name} is a GIF, which cannot be measured; send a JPEG or PNG photo, or a video."
        )
    if head[4:8] == b"ftyp" and head[8:12] in _STILL_BRANDS:
        raise MeasureError(
            f"{name} is a HEIC/HEIF/AVIF photo, which cannot be read here; send it as a JPEG "
            "(on an iPhone: Settings > Camera > Formats > Most Compatible)."
        )


def image_size(path: Path, max_pixels: int) -> ImageSize:
    """The format and size of the photo at `path`, from its header only. Raises MeasureError
    when it is not one of ACCEPTED, its header is damaged, or it has over `max_pixels`."""
    limit = f"send a photo under {max_pixels // 1_000_000} megapixels"
    try:
        with Image.open(path, formats=ACCEPTED) as image:
            found = ImageSize(image.format or "", *image.size)
    except Image.DecompressionBombError:
        # Pillow's own ceiling (about 179 megapixels) is far above ours: refuse the same way.
        raise MeasureError(f"{path.name} is far larger than a photo needs; {limit}.") from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise MeasureError(
            f"{path.name} looks like a photo but cannot be decoded (corrupt or cut off); "
            "send a JPEG, PNG, WebP, TIFF or BMP file."
        ) from None
    if found.width <= 0 or found.height <= 0:
        raise MeasureError(f"{path.name} says it is {found.width}x{found.height} pixels; {limit}.")
    if found.pixels > max_pixels:
        raise MeasureError(f"{path.name} is {found.width}x{found.height} pixels; {limit}.")
    return found
