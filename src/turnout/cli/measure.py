"""`turnout mat` and `turnout measure`: thin commands over the measuring use cases.

OpenCV, NumPy and MediaPipe load inside the commands, so `turnout --help` stays fast."""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from turnout.cli.common import cannot_write, container
from turnout.domain.safety import HEIGHT_CM
from turnout.errors import UsageError
from turnout.i18n import N_, _, ngettext
from turnout.services.measuring.reading import Mode, method_text

if TYPE_CHECKING:
    from turnout.bootstrap import VisionKit
    from turnout.ports import Frame, MediaSource
    from turnout.services.measuring import Report


class PaperChoice(StrEnum):
    A4 = "a4"
    LETTER = "letter"


MAT_HELP = N_("Write the printable floor mat (four sheets) that calibrates the camera.")


def mat(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help=N_("PDF file to write (mat.pdf)."))
    ] = None,
    paper: Annotated[PaperChoice, typer.Option(help=N_("a4 or letter."))] = PaperChoice.A4,
    assembled: Annotated[
        Path | None,
        typer.Option(
            "--assembled",
            help=N_(
                "Write the mat as it lies on the floor once assembled (PNG, 1 px per mm) and "
                "its layout in mm beside it (the same name, .json), for rendering test scenes. "
                "No PDF unless -o is given too."
            ),
        ),
    ] = None,
) -> None:
    kit = container(ctx).vision()
    if assembled is not None:
        _write_assembled(kit, assembled, paper)
        if output is None:
            return
    output = output or Path("mat.pdf")
    _write(output, kit.mat_pdf(paper.value))
    # Translators: {path} is the PDF's path; {paper} is A4 or LETTER; A to D are the letters
    # printed on the sheets.
    text = _(
        "Wrote {path}: a page of assembly steps and four {paper} sheets (A to D). Print all five "
        "at 100% (Actual size), check the bar measures 100 mm, and lay the sheets as the first "
        "page shows, with the marks across each join lined up. Stand with both heels on the "
        "grey heel line."
    )
    typer.echo(text.format(path=output, paper=paper.value.upper()))


def _not_png(option: str, path: Path) -> UsageError:
    # Translators: {option} is the option given (--assembled, --annotate); {path} its value.
    text = _("{option} {path}: the picture is a PNG; use a name ending in .png.")
    return UsageError(text.format(option=option, path=path))


def _write_assembled(kit: VisionKit, path: Path, paper: PaperChoice) -> None:
    if path.suffix.lower() != ".png":
        raise _not_png("--assembled", path)
    picture, layout = kit.mat_assembled(paper.value, path.name)
    described = path.with_suffix(".json")
    _write(path, picture)
    _write(described, (json.dumps(layout, indent=2) + "\n").encode())
    # Translators: {picture} and {layout} are the paths of the files written; {paper} is A4
    # or LETTER.
    text = _(
        "Wrote {picture} (the assembled {paper} mat from above, 1 px per mm) and {layout} (its "
        "sheets, heel line, feet area and markers, in floor mm)."
    )
    typer.echo(text.format(picture=path, paper=paper.value.upper(), layout=described))


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise cannot_write(path, error) from None


Height = Annotated[
    int | None,
    typer.Option(
        help=N_("Your height in cm: foot outlines that are not the size of your feet are refused."),
        min=HEIGHT_CM[0],
        max=HEIGHT_CM[1],
    ),
]
MEASURE_HELP = N_(
    "Measure turnout in first position, knees over toes in demi-plie, or pelvis in profile."
)


def measure(
    ctx: typer.Context,
    media: Annotated[
        Path, typer.Argument(help=N_("A photo (JPEG, PNG, HEIC) or a video (MP4, MOV)."))
    ],
    as_json: Annotated[bool, typer.Option("--json", help=N_("Print JSON."))] = False,
    annotate: Annotated[
        Path | None,
        typer.Option("--annotate", help=N_("Write a picture showing how it was measured.")),
    ] = None,
    mode: Annotated[Mode, typer.Option(help=N_("What to measure."))] = Mode.FIRST_POSITION,
    feet_only: Annotated[
        bool, typer.Option("--feet-only", help=N_("Feet on the mat only, no full body needed."))
    ] = False,
    paper: Annotated[
        PaperChoice | None,
        typer.Option(help=N_("Plain paper under the feet instead of the mat: a4 or letter.")),
    ] = None,
    height: Height = None,
) -> None:
    kit = container(ctx).vision()
    source = kit.open_media(media)
    report = _measure(kit, source, mode, (feet_only, paper.value if paper else ""), height)
    if annotate is not None:
        _write_annotation(kit, annotate, source.frames(), report)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
        return
    for line in report.messages:
        typer.echo(line)
    typer.echo(_method_line(report))


def _method_line(report: Report) -> str:
    values = {
        "method": method_text(report.method),
        "used": report.frames_used,
        "seen": report.frames_seen,
    }
    if report.reference == "plain paper":
        # Translators: {method} names how it was measured; {used} of the {seen} frames of the
        # photo or video were used.
        text = ngettext(
            "Method: {method} (on plain paper); {used} of {seen} frames used.",
            "Method: {method} (on plain paper); {used} of {seen} frames used.",
            report.frames_seen,
        )
        return text.format(**values)
    # Translators: {method} names how it was measured; {used} of the {seen} frames of the photo
    # or video were used.
    text = ngettext(
        "Method: {method}; {used} of {seen} frames used.",
        "Method: {method}; {used} of {seen} frames used.",
        report.frames_seen,
    )
    return text.format(**values)


def _measure(
    kit: VisionKit, source: MediaSource, mode: Mode, how: tuple[bool, str], height: int | None
) -> Report:
    """`how`: feet only, and the plain paper's size ("" on the mat)."""
    from turnout.services.measuring import measure_frames

    vision = kit.build(source.is_video, *how)
    try:
        return measure_frames(source.frames(), vision, mode, not source.is_video, height)
    finally:
        if vision.poses is not None:
            vision.poses.close()


def _write_annotation(kit: VisionKit, path: Path, frames: Iterator[Frame], report: Report) -> None:
    if path.suffix.lower() != ".png":
        raise _not_png("--annotate", path)
    frame = next(f for i, f in enumerate(frames) if i == report.best.index)
    _write(path, kit.annotate_png(frame, report, long_side=max(frame.shape[:2])))
