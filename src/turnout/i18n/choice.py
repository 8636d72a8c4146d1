"""Which language to speak: a setting, a cookie, a browser's Accept-Language, LANG/LC_ALL."""

from __future__ import annotations

import os
from collections.abc import Mapping

from babel import Locale, UnknownLocaleError

from turnout.i18n.catalogues import LANGUAGES, SOURCE


def normalize(value: str | None) -> str | None:
    """The shipped language `value` names ("fr", "fr-CA", "pt-br", "ru_RU.UTF-8"), or None."""
    if not value:
        return None
    tag = value.split(".")[0].split("@")[0].replace("-", "_").strip()
    if not tag or tag.upper() in {"C", "POSIX"}:
        return None
    try:
        asked = Locale.parse(tag)
    except (ValueError, UnknownLocaleError):
        return None
    exact = f"{asked.language}_{asked.territory}" if asked.territory else asked.language
    if exact in LANGUAGES:
        return exact
    return next((known for known in LANGUAGES if known.split("_")[0] == asked.language), None)


def best_match(accept_language: str | None) -> str | None:
    """The shipped language a browser prefers most, from its Accept-Language header."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                continue
        language = normalize(tag) if tag != "*" else None
        if language and weight > 0:
            ranked.append((-weight, position, language))
    return min(ranked)[2] if ranked else None


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the terminal asks for: LC_ALL, LC_MESSAGES, then LANG (as gettext reads
    them, LANGUAGE first), else English."""
    environ = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for value in environ.get(name, "").split(":"):
            language = normalize(value)
            if language:
                return language
    return SOURCE


def own_name(language: str) -> str:
    """The language's name in itself, as Settings lists it: "Français", "Русский"."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def html_lang(language: str) -> str:
    """The BCP 47 tag for HTML's lang and the Web Speech API: "pt-BR"."""
    return language.replace("_", "-")
