"""A photo's format and size, read from its header before a single pixel is decoded.

Pillow's `Image.open` is lazy: it parses the header (a JPEG's frame marker, a PNG's IHDR, a
TIFF's first directory...) and stops there, so a 5 MB JPEG that claims 20000x20000 pixels is
sized in microseconds instead of OpenCV allocating 1.2 GB to decode it. An iPhone's HEIC is
sized the same way by pillow-heif, which reads the container's boxes and decodes nothing until
asked. A GIF, and an AVIF when this Pillow has no AVIF reader, are refused by name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, TiffImagePlugin, features

from turnout.errors import MeasureError
from turnout.i18n import _

# What OpenCV decodes, by Pillow's name for it. A JPEG carrying a second picture (some phones
# and cameras) is opened by the JPEG reader and called "MPO".
ACCEPTED = ("JPEG", "PNG", "WEBP", "TIFF", "BMP")
HEIF, AVIF = "HEIF", "AVIF"  # decoded by pillow-heif and by Pillow, not by OpenCV
_GIF = (b"GIF87a", b"GIF89a")
# ISO base media files (ftyp) whose brands say they hold a still picture.
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_ANY_STILL = frozenset({b"mif1", b"msf1"})  # the codec is named among the compatible brands
_ORIENTATION = 0x0112


@dataclass(frozen=True)
class ImageSize:
    format: str  # Pillow's name: JPEG (or MPO), PNG, WEBP, TIFF, BMP, AVIF; or HEIF
    width: int  # as a viewer shows it, after the EXIF orientation (or the HEIF rotation)
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


def still_format(head: bytes) -> str | None:
    """HEIF or AVIF when the first bytes are an ISO media header naming a still picture."""
    if head[4:8] != b"ftyp":
        return None
    end = min(int.from_bytes(head[:4], "big"), len(head))
    compatible = {head[at : at + 4] for at in range(16, end - 3, 4)}
    for brands in ({head[8:12]}, compatible):
        if brands & _AVIF_BRANDS:
            return AVIF
        if brands & _HEIF_BRANDS:
            return HEIF
    return HEIF if head[8:12] in _ANY_STILL else None


def refuse_unreadable_kinds(name: str, head: bytes) -> None:
    """A GIF gets a message saying what to send instead."""
    if head.startswith(_GIF):
        # Translators: {name} is the file's name.
        text = _("{name} is a GIF, which cannot be measured; send a JPEG or PNG photo, or a video.")
        raise MeasureError(text.format(name=name))


def image_size(path: Path, max_pixels: int) -> ImageSize:
    """The format and upright size of the photo at `path`, from its header only. Raises
    MeasureError when it is not a photo we read, its header is damaged, or it has over
    `max_pixels`."""
    limit = max_pixels // 1_000_000
    with path.open("rb") as handle:
        kind = still_format(handle.read(64))
    found = _heif_size(path) if kind == HEIF else _pillow_size(path, kind, limit)
    if found.width <= 0 or found.height <= 0:
        # Translators: {name} is the file's name; {width}x{height} its size in pixels as its
        # header gives it; {limit} a whole number of megapixels.
        text = _(
            "{name} says it is {width}x{height} pixels; send a photo under {limit} megapixels."
        )
    elif found.pixels > max_pixels:
        # Translators: {name} is the file's name; {width}x{height} its size in pixels;
        # {limit} a whole number of megapixels.
        text = _("{name} is {width}x{height} pixels; send a photo under {limit} megapixels.")
    else:
        return found
    size = {"width": found.width, "height": found.height}
    raise MeasureError(text.format(name=path.name, limit=limit, **size))


def heif_refusal(name: str) -> MeasureError:
    # Translators: {name} is the file's name; "Settings > Camera > Formats > Most Compatible"
    # names an iPhone's own menus, as the iPhone shows them in this language.
    text = _(
        "{name} looks like a HEIC photo but cannot be decoded (corrupt or cut off); send it "
        "again, or as a JPEG (on an iPhone: Settings > Camera > Formats > Most Compatible)."
    )
    return MeasureError(text.format(name=name))


def corrupt(name: str) -> MeasureError:
    """A photo whose header reads but whose pixels do not decode."""
    # Translators: {name} is the file's name.
    text = _("{name} looks like a photo but cannot be decoded (corrupt or cut off).")
    return MeasureError(text.format(name=name))


def _heif_size(path: Path) -> ImageSize:
    import pillow_heif  # loaded only when a HEIC photo comes

    try:
        heif = pillow_heif.open_heif(path, convert_hdr_to_8bit=True)
    except (OSError, ValueError, RuntimeError, EOFError):
        raise heif_refusal(path.name) from None
    return ImageSize(HEIF, *heif.size)  # libheif's size already has the rotation applied


def _pillow_size(path: Path, kind: str | None, limit: int) -> ImageSize:
    if kind == AVIF and not features.check("avif"):
        # Translators: {name} is the file's name.
        text = _("{name} is an AVIF photo, which this install cannot read; send it as a JPEG.")
        raise MeasureError(text.format(name=path.name))
    formats = (AVIF,) if kind == AVIF else ACCEPTED
    try:
        with Image.open(path, formats=formats) as image:
            return ImageSize(image.format or "", *_upright_size(image))
    except Image.DecompressionBombError:
        # Pillow's own ceiling (about 179 megapixels) is far above ours: refuse the same way.
        # Translators: {name} is the file's name; {limit} a whole number of megapixels.
        text = _("{name} is far larger than a photo needs; send a photo under {limit} megapixels.")
        raise MeasureError(text.format(name=path.name, limit=limit)) from None
    except (OSError, ValueError, SyntaxError, EOFError):
        # Translators: {name} is the file's name.
        text = _(
            "{name} looks like a photo but cannot be decoded (corrupt or cut off); send a JPEG, "
            "PNG, WebP, TIFF, BMP or HEIC file."
        )
        raise MeasureError(text.format(name=path.name)) from None


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as a viewer shows them, after the EXIF orientation."""
    width, height = image.size
    if isinstance(image, TiffImagePlugin.TiffImageFile):
        # Recent Pillow gives a TIFF's size already turned (13 does): start from the stored one.
        width = int(image.tag_v2.get(TiffImagePlugin.IMAGEWIDTH, width))
        height = int(image.tag_v2.get(TiffImagePlugin.IMAGELENGTH, height))
    if image.format == "PNG":
        # PNG's getexif() decodes every pixel to look for a late eXIf chunk: read the header's.
        exif = Image.Exif()
        exif.load(image.info.get("exif", b""))
    else:
        exif = image.getexif()
    return (height, width) if exif.get(_ORIENTATION, 1) in (5, 6, 7, 8) else (width, height)
