"""`turnout mat` and `turnout measure`: thin commands over the measuring use cases.

OpenCV, NumPy and MediaPipe load inside the commands, so `turnout --help` stays fast."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from turnout.ports import TurnoutError

if TYPE_CHECKING:
    from turnout.measuring import Report


class PaperChoice(StrEnum):
    A4 = "a4"
    LETTER = "letter"


class ModeChoice(StrEnum):
    FIRST_POSITION = "first-position"
    PLIE = "plie"
    PROFILE = "profile"


def mat(
    output: Annotated[Path, typer.Option("-o", "--output", help="PDF file to write.")] = Path(
        "mat.pdf"
    ),
    paper: Annotated[PaperChoice, typer.Option(help="a4 or letter.")] = PaperChoice.A4,
) -> None:
    """Write the printable floor mat (two sheets) that calibrates the camera."""
    from turnout.adapters.vision.mat_layout import Paper
    from turnout.adapters.vision.mat_pdf import mat_pdf

    try:
        output.write_bytes(mat_pdf(Paper(paper.value)))
    except OSError as error:
        raise TurnoutError(
            f"Cannot write {output}: {error.strerror}. Choose another path."
        ) from None
    typer.echo(
        f"Wrote {output}: two {paper.value.upper()} sheets. Print both at 100% (Actual size), "
        "check the bar measures 100 mm, cut sheet R on its dashed line and lay it on sheet L's "
        "dashed line, heel lines joined. Stand with both heels on the grey line where they meet."
    )


def measure(
    media: Annotated[Path, typer.Argument(help="A photo (JPEG, PNG) or a video (MP4, MOV).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    annotate: Annotated[
        Path | None, typer.Option("--annotate", help="Write a picture showing how it was measured.")
    ] = None,
    mode: Annotated[ModeChoice, typer.Option(help="What to measure.")] = ModeChoice.FIRST_POSITION,
    feet_only: Annotated[
        bool, typer.Option("--feet-only", help="Feet on the mat only, no full body needed.")
    ] = False,
) -> None:
    """Measure turnout in first position, knees over toes in demi-plie, or pelvis in profile."""
    from turnout.adapters.vision import build_vision
    from turnout.adapters.vision.media import open_media
    from turnout.measuring import Mode, measure_frames

    source = open_media(media)
    vision = build_vision(video=source.is_video, feet_only=feet_only)
    try:
        report = measure_frames(
            source.frames(), vision, Mode(mode.value), still=not source.is_video
        )
    finally:
        if vision.poses is not None:
            vision.poses.close()
    if annotate is not None:
        _write_annotation(annotate, source.frames(), report)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
        return
    for line in report.messages:
        typer.echo(line)
    typer.echo(
        f"Method: {report.method}; {report.frames_used} of {report.frames_seen} frames used."
    )


def _write_annotation(path: Path, frames: Iterator[Any], report: Report) -> None:
    import cv2

    from turnout.adapters.vision.draw import annotate

    frame = next(f for i, f in enumerate(frames) if i == report.best.index)
    if not cv2.imwrite(str(path), annotate(frame, report)):
        raise TurnoutError(
            f"Cannot write {path}; use a .png or .jpg name in a folder you can write."
        )
