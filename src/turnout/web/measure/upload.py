"""An uploaded photo or video, read into memory with a cap, and measured.

The multipart body is parsed in memory; the bytes reach the media reader through a file
(0600) in this process's own scratch folder, data_dir/scratch/<pid> (0700), removed as soon
as the measurement is done. A process killed mid-upload leaves its folder for the next start
to remove (`bootstrap.build`); nothing goes to /tmp or /dev/shm, where others can list it. Only
a ticked "save the picture" keeps anything, under data_dir/measurements/, also 0600."""

from __future__ import annotations

import base64
import json
import os
import re
import tempfile
import time
import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from turnout.bootstrap import VisionKit
from turnout.domain.form import Foot, KneeVerdict
from turnout.domain.history import local_day
from turnout.i18n import _
from turnout.ports import Frame, MediaSource
from turnout.services import progress
from turnout.services.measure_jobs import Progress, record_reading
from turnout.services.measuring import Mode, Report, measure_frames
from turnout.web.deps import Web

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
PICTURE_LONG_SIDE = 1600
PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
    mode: Mode
    feet_only: bool
    save: bool
    record: bool = False  # add the first-position angle to the dancer's measurements
    paper: str = ""  # "a4" or "letter": plain paper under the feet, when not the mat


PAPERS = ("a4", "letter")  # the papers the mat is printed on, and plain paper comes in


class _InMemoryParser(MultiPartParser):
    spool_max_size = MAX_UPLOAD_BYTES  # keeps the file part in memory, never in /tmp


def too_big(limit: int) -> HTTPException:
    return HTTPException(
        413,
        _(
            "The file is larger than {size} MB. Send a photo, or a video of 5-20 s at 1080p or "
            "less."
        ).format(size=limit // 2**20),
    )


async def read_upload(request: Request, limit: int) -> Upload:
    """The form of the Measure page; 413 as soon as the body passes `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_big(limit)
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise HTTPException(
            415, _("Send the photo or video as a multipart form with a 'file' field.")
        )
    parser = _InMemoryParser(request.headers, _capped(request.stream(), limit), max_files=1)
    try:
        form = await parser.parse()
    except MultiPartException as error:
        message = _("The upload is not a valid form: {why}").format(why=error.message)
        raise HTTPException(422, message) from None
    file = form.get("file")
    if not isinstance(file, UploadFile):
        raise HTTPException(422, _("Choose a photo or a video to measure."))
    data = await file.read()
    if not data:
        raise HTTPException(422, _("The file is empty; choose a photo or a video."))
    return Upload(
        _safe_name(file.filename),
        data,
        _mode(str(form.get("mode") or Mode.FIRST_POSITION.value)),
        _ticked(form, "feet_only"),
        _ticked(form, "save"),
        _ticked(form, "record"),
        _paper(str(form.get("paper") or "")),
    )


async def _capped(stream: AsyncIterator[bytes], limit: int) -> AsyncGenerator[bytes, None]:
    seen = 0
    async for chunk in stream:
        seen += len(chunk)
        if seen > limit:
            raise too_big(limit)
        yield chunk


def _mode(value: str) -> Mode:
    try:
        return Mode(value)
    except ValueError:
        choices = ", ".join(m.value for m in Mode)
        raise HTTPException(422, f"mode must be one of {choices}.") from None


def _paper(value: str) -> str:
    if value and value not in PAPERS:
        raise HTTPException(422, _("paper must be a4 or letter (or left out for the printed mat)."))
    return value


TICKED, NOT_TICKED = ("true",), ("false",)  # what the page sends, as its schema says


def _ticked(form: Mapping[str, object], name: str) -> bool:
    """A checkbox: left out or false, not ticked; true, ticked; anything else, 422 (a value
    the page never sends means the request is not what its sender thinks it is)."""
    value = form.get(name)
    if value is None:
        return False
    said = value.strip().lower() if isinstance(value, str) else None
    if said not in (*TICKED, *NOT_TICKED):
        raise HTTPException(422, _("{name} must be true or false, or left out.").format(name=name))
    return said in TICKED


def _safe_name(name: str | None) -> str:
    """The file's own name, for messages; never used as a path outside our scratch folder."""
    stem = re.sub(r"[^A-Za-z0-9._ -]", "_", Path(name or "").name)[-80:].strip(" .")
    return stem or "upload"


@contextmanager
def _held(upload: Upload, scratch: Path) -> Iterator[Path]:
    # mkdtemp makes the folder 0700; the file inside is made 0600, whatever the umask.
    with tempfile.TemporaryDirectory(prefix="upload-", dir=scratch) as folder:
        path = Path(folder) / upload.name
        write_private(path, upload.data)
        yield path


def write_private(path: Path, data: bytes) -> None:
    """A new file that only its owner may read (0600 from the start, never briefly 0644)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def measure_upload(
    kit: VisionKit,
    upload: Upload,
    pictures: Path,
    scratch: Path,
    height_cm: int | None = None,
    progress: Progress | None = None,
) -> tuple[Report, dict[str, object]]:
    """The report, and as JSON with the picture as a PNG data URL. Raises MeasureError.
    The upload is held in `scratch` while it is measured; a kept picture goes to `pictures`.
    `height_cm`, the dancer's from the profile, lets outlines the wrong size be refused;
    `progress` hears the frames analysed, of the total the file announces."""
    with _held(upload, scratch) as path:
        source = kit.open_media(path)
        report = _report(kit, source, upload, height_cm, progress)
        frame = next(f for i, f in enumerate(source.frames()) if i == report.best.index)
        png = kit.annotate_png(frame, report, PICTURE_LONG_SIDE)
        top = _top_view(kit, frame, report)
    saved = save_picture(pictures, png, report.as_dict()) if upload.save else None
    return report, {
        **report.as_dict(),
        "messages": [for_the_page(line) for line in report.messages],
        "video": source.is_video,
        "knees_inside": _knees_inside(report),
        "image": "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
        "saved": saved,
        **top,
    }


def _report(
    kit: VisionKit, source: MediaSource, upload: Upload, height: int | None, told: Progress | None
) -> Report:
    total, heard = source.expected_frames, None
    if told is not None:  # a header's frame count can be short: never more done than the total
        heard = lambda done: told(done, None if total is None else max(total, done))  # noqa: E731
        told(0, total)
    vision = kit.build(source.is_video, upload.feet_only, upload.paper)
    still = not source.is_video
    try:
        return measure_frames(source.frames(), vision, upload.mode, still, height, heard)
    finally:
        if vision.poses is not None:
            vision.poses.close()


def _top_view(kit: VisionKit, frame: Frame, report: Report) -> dict[str, object]:
    """On the mat: the rectified floor as its own picture, with the map between its pixels and
    floor millimetres, and each foot's heel and toe in floor mm, for correcting them by hand."""
    mat, feet = report.best.mat, report.best.feet
    if mat is None or feet is None:
        return {"top_view": None, "feet": None}
    png, mm_per_px, origin = kit.top_view_png(frame, mat)
    return {
        "top_view": {
            "image": "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
            "mm_per_px": mm_per_px,
            "origin_mm": {"x": origin.x, "y": origin.y},
        },
        "feet": {side: _foot(f) for side, f in zip(("left", "right"), feet, strict=True)},
    }


def _foot(foot: Foot) -> dict[str, dict[str, float]]:
    return {
        "heel": {"x": round(foot.heel.x, 1), "y": round(foot.heel.y, 1)},
        "toe": {"x": round(foot.toe.x, 1), "y": round(foot.toe.y, 1)},
    }


def record(web: Web, report: Report) -> str:
    """Add a first-position angle to the dancer's measurements; the sentence says what happened."""
    return record_reading(web.uow, report, local_day(web.now(), web.tz))


def add_total(web: Web, method: str, total: float, note: str, how: str = "") -> str:
    """Save a standing first-position total for today; the sentence says so."""
    today = local_day(web.now(), web.tz)
    return progress.record_total(web.uow, method, total, note, today, how)


def for_the_page(message: str) -> str:
    """The measuring messages name the command line's options; say what the page calls them."""
    return message.replace("use --feet-only", 'tick "Feet only"').replace(
        "print it with `turnout mat`", "print it (link below)"
    )


def _knees_inside(report: Report) -> list[str]:
    knees = report.best.knees or ()
    return [k.side for k in knees if k.verdict is KneeVerdict.INSIDE]


def save_picture(folder: Path, png: bytes, summary: dict[str, object]) -> str:
    """Keep the picture and the measurement's `summary` (JSON) under `folder`, in the data
    folder; where the picture went, relative to the data folder."""
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    stem = f"{time.strftime('%Y%m%d-%H%M%S')}-{summary['mode']}-{uuid.uuid4().hex[:6]}"
    write_private(folder / f"{stem}.png", png)
    write_private(folder / f"{stem}.json", json.dumps(summary, indent=2).encode())
    return f"{folder.name}/{stem}.png"
