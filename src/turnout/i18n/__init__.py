"""The words of turnout in the dancer's language: gettext over one Babel catalogue.

English is the source. Every user-facing string is written in English inside `_()`,
`ngettext()`, `pgettext()` or `npgettext()` (or marked with `N_()` where it is defined, and
translated with `_()` where it is used), so that `tools/i18n.py extract` finds it. The
language is per request (the web) or per process (the CLI): `speaking(lang)` sets it for a
block, `current()` says which it is. A missing translation falls back to the English text,
never to an empty string.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from turnout.i18n.catalogues import LANGUAGES, SOURCE, translations
from turnout.i18n.choice import best_match, from_environment, html_lang, normalize, own_name

__all__ = [
    "LANGUAGES",
    "N_",
    "SOURCE",
    "_",
    "best_match",
    "current",
    "from_environment",
    "gettext",
    "html_lang",
    "ngettext",
    "normalize",
    "npgettext",
    "own_name",
    "pgettext",
    "speaking",
    "use",
]

_language: ContextVar[str] = ContextVar("turnout_language", default=SOURCE)


def current() -> str:
    """The language being spoken now, as a catalogue name ("en", "fr", "pt_BR"...)."""
    return _language.get()


@contextmanager
def speaking(language: str) -> Iterator[str]:
    """Speak `language` (any spelling `normalize` accepts) inside the block."""
    chosen = normalize(language) or SOURCE
    token = _language.set(chosen)
    try:
        yield chosen
    finally:
        _language.reset(token)


def use(language: str) -> str:
    """Speak `language` from now on in this context (a CLI process, a request's task)."""
    chosen = normalize(language) or SOURCE
    _language.set(chosen)
    return chosen


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """Marks `message` for the catalogue where it is defined; `_()` translates it when used."""
    return message


def gettext(message: str) -> str:
    return translations(current()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of the message for `count` (Russian has three); format it with `count` after."""
    return translations(current()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` in `context`: "hold" the noun is not "hold" the verb."""
    return translations(current()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    return translations(current()).npgettext(context, singular, plural, count)
