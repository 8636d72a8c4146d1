"""Small, valid image files whose headers claim a huge size: decompression bombs, built here
so that no large file is stored. Decoding one would allocate width x height x 3 bytes."""

from __future__ import annotations

import io
import struct
import zlib

import cv2
import numpy as np
from PIL import Image

SIDE = 20_000  # 400 megapixels: 1.2 GB once decoded
WEBP_SIDE = 16_000  # the largest a plain WebP can say is 16384 on a side


def _small(extension: str) -> bytearray:
    picture = np.full((16, 16, 3), 120, np.uint8)
    return bytearray(cv2.imencode(extension, picture)[1].tobytes())


def jpeg(width: int = SIDE, height: int = SIDE) -> bytes:
    data = _small(".jpg")
    at = data.index(b"\xff\xc0")  # baseline frame header: length, precision, height, width
    data[at + 5 : at + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def png(width: int = SIDE, height: int = SIDE) -> bytes:
    data = _small(".png")
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))  # IHDR's checksum
    return bytes(data)


def bmp(width: int = SIDE, height: int = SIDE) -> bytes:
    data = _small(".bmp")
    data[18:26] = struct.pack("<ii", width, height)
    return bytes(data)


def webp(width: int = WEBP_SIDE, height: int = WEBP_SIDE) -> bytes:
    data = _small(".webp")
    assert data[12:16] == b"VP8L", "OpenCV wrote a lossless WebP until now"
    bits = int.from_bytes(data[21:25], "little")
    bits = (bits & ~((1 << 28) - 1)) | (width - 1) | (height - 1) << 14
    data[21:25] = bits.to_bytes(4, "little")
    return bytes(data)


def tiff(width: int = SIDE, height: int = SIDE) -> bytes:
    data = _small(".tiff")
    assert data[:4] == b"II*\x00"
    directory = int.from_bytes(data[4:8], "little")
    for n in range(int.from_bytes(data[directory : directory + 2], "little")):
        entry = directory + 2 + 12 * n
        tag, kind = struct.unpack("<HH", data[entry : entry + 4])
        if tag in (256, 257):  # ImageWidth, ImageLength
            value = width if tag == 256 else height
            layout = "<HHIH2x" if kind == 3 else "<HHII"  # SHORT or LONG
            data[entry : entry + 12] = struct.pack(layout, tag, kind, 1, value)
    return bytes(data)


def gif(width: int = SIDE, height: int = SIDE) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (120, 120, 120)).save(buffer, "GIF")
    data = bytearray(buffer.getvalue())
    data[6:10] = struct.pack("<HH", width, height)  # the logical screen
    return bytes(data)


def heic() -> bytes:
    """Only the start of an iPhone photo: an ISO media box whose brand is a still picture."""
    return struct.pack(">I", 24) + b"ftypheic" + b"\x00\x00\x00\x00" + b"mif1heic" + bytes(64)


BOMBS = {"jpeg": jpeg, "png": png, "webp": webp, "tiff": tiff, "bmp": bmp, "gif": gif}
