"""Where the drawing of an exercise or of a Beighton test is served from.

The drawings are hand-written SVG files in `static/figures/`: one folder per built-in routine
(`classic/butterfly-press.svg`) and one for the self-check (`beighton/thumb_left.svg`). A
routine of the dancer's own, or an exercise nobody has drawn, has no figure: the functions
answer None and the page shows the words alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from functools import cache
from pathlib import Path

from turnout.i18n import pgettext

FIGURES = Path(__file__).parent / "static" / "figures"
URL = "/static/figures"
FIGURE_CONTEXT = "figure"  # the catalogue's context for what a drawing shows (its alt text)
# Keys come from routine files the dancer may write, so only plain names reach the file system.
_SAFE_KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")


def figure_url(routine_key: str, exercise_key: str, figure: str | None = None) -> str | None:
    """The /static URL of the exercise's SVG, or None when there is none. `figure`, a
    "routine/exercise" a routine file names, shows that drawing instead of the exercise's own."""
    if figure is not None:
        folder, _, name = figure.partition("/")
        return _url(folder, name)
    return _url(routine_key.partition("@")[0], exercise_key)


def beighton_figure_url(item_key: str) -> str | None:
    """The /static URL of the drawing of a Beighton self-check item, or None."""
    return _url("beighton", item_key)


def figure_title(url: str) -> str:
    """What the drawing at `url` shows, from its <title>: the alt text of an <img> of it, in
    the current language (the catalogue holds every drawing's title, context "figure")."""
    title = _titles().get(url, "")
    return pgettext(FIGURE_CONTEXT, title) if title else ""


def _url(folder: str, name: str) -> str | None:
    if not (_SAFE_KEY.fullmatch(folder) and _SAFE_KEY.fullmatch(name)):
        return None
    return f"{URL}/{folder}/{name}.svg" if (folder, name) in _drawn() else None


def drawings() -> list[str]:
    """Every exercise drawing that ships, as "routine/exercise" (the self-check's left out)."""
    return sorted(f"{f}/{n}" for f, n in _drawn() if f != "beighton")


@cache
def _drawn() -> frozenset[tuple[str, str]]:
    """Every (folder, name) drawn, read once: the files ship with the package."""
    return frozenset((svg.parent.name, svg.stem) for svg in FIGURES.glob("*/*.svg"))


def svg_title(path: Path) -> str:
    """The <title> of the drawing at `path`, as its file says it (English)."""
    title = ElementTree.parse(path).getroot().find("{http://www.w3.org/2000/svg}title")
    return (title.text or "").strip() if title is not None else ""


@cache
def _titles() -> dict[str, str]:
    found = {}
    for folder, name in _drawn():
        found[f"{URL}/{folder}/{name}.svg"] = svg_title(FIGURES / folder / f"{name}.svg")
    return found
