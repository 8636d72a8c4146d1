"""The shipped catalogues: one `.po` per language under `locale/`, compiled to `.mo` at install
(`make install`, `tools/i18n.py compile`) and, where no fresh `.mo` is there (a checkout, a
`.po` edited since), compiled in memory the first time the language is used."""

from __future__ import annotations

import gettext
import io
import logging
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

log = logging.getLogger(__name__)
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"
SOURCE = "en"
# Every language turnout speaks, in the order Settings lists them; a language ships when its
# catalogue is in LOCALE_DIR (and tests hold every shipped catalogue to 100 %).
ORDER = ("en", "fr", "es", "de", "it", "pt_BR", "ru")


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


LANGUAGES: tuple[str, ...] = tuple(
    language for language in ORDER if language == SOURCE or po_path(language).is_file()
)


@cache
def catalog(language: str) -> Catalog:
    """The `.po` of `language` as Babel reads it (an empty catalogue for the source)."""
    path = po_path(language)
    if language == SOURCE or not path.is_file():
        return Catalog(locale=SOURCE)
    with path.open("rb") as file:
        return read_po(file, locale=language)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The gettext translations of `language`; English (the msgids) for the source."""
    path = po_path(language)
    if language == SOURCE or not path.is_file():
        return gettext.NullTranslations()
    compiled = path.with_suffix(".mo")
    if compiled.is_file() and compiled.stat().st_mtime >= path.stat().st_mtime:
        with compiled.open("rb") as file:
            return gettext.GNUTranslations(file)
    buffer = io.BytesIO()
    write_mo(buffer, catalog(language))
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def compile_all() -> list[Path]:
    """Write every shipped language's `.mo` beside its `.po`; the paths written."""
    written = []
    for language in LANGUAGES[1:]:
        target = po_path(language).with_suffix(".mo")
        with target.open("wb") as file:
            write_mo(file, catalog(language))
        written.append(target)
    return written
