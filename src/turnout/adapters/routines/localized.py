"""The routines in the dancer's language. Every text field of a routine file (titles, cues,
partner cues, interpretations, tips, warnings...) is looked up in the catalogue with the
context "routine" as the file is read, before its steps are numbered ("round {rep} of 3"), so
that a routine loads in the language of the request or run that asks for it.

`tools/i18n.py extract` puts the built-in routines' texts in the catalogue; a text it does not
have (a routine written in the app, in whatever language) stays as its author wrote it, never
empty. A routine file can carry its own translations, a table per language from its own texts
to theirs, which win over the catalogue's:

    [translations.fr]
    "Sit in butterfly" = "Assis en papillon"
"""

from __future__ import annotations

from typing import Any

from turnout import i18n

CONTEXT = "routine"
# The text fields of a routine file, at every level; keys, kinds, numbers and the equipment (a
# fixed list of names, worded where it is shown) are not text.
TEXT_FIELDS = frozenset(
    {
        "name",
        "description",
        "summary",
        "title",
        "cue",
        "partner_cue",
        "tips",
        "warnings",
        "interpretation",
        "cautions",
        "partner_role",
        "frequency",
        "source",
    }
)


def texts(value: Any, field: str = "") -> list[str]:
    """Every text of a routine file's data, in file order (what the catalogue holds)."""
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in texts(item, key)]
    if isinstance(value, list):
        return [text for item in value for text in texts(item, field)]
    return [value] if isinstance(value, str) and field in TEXT_FIELDS and value.strip() else []


class TranslationsError(ValueError):
    """The file's `translations` table is not a table per language of texts to texts."""


def translated(data: dict[str, Any]) -> dict[str, Any]:
    """A routine file's data with every text in the current language, its own translations
    first (and the `translations` table taken out: the routine itself does not hold it)."""
    data = dict(data)
    own = _own(data.pop("translations", {}))
    return {key: _texts_in(item, key, own) for key, item in data.items()}


def _own(table: Any) -> dict[str, str]:
    """The file's translations into the current language (or its base: "pt" for "pt_BR")."""
    if not isinstance(table, dict) or not all(isinstance(v, dict) for v in table.values()):
        raise TranslationsError(
            i18n._('"translations" must hold a table per language, such as [translations.fr].')
        )
    for language, texts_of in table.items():
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in texts_of.items()):
            message = i18n._('[translations.{language}] must map texts to texts ("A" = "B").')
            raise TranslationsError(message.format(language=language))
    # "pt-BR", "pt_br" or "pt": the file's spelling of a language, as the catalogue names it.
    by_language = {i18n.normalize(language) or language: texts for language, texts in table.items()}
    found = by_language.get(i18n.current(), {})
    return {key: text for key, text in found.items() if text.strip()}


def _texts_in(value: Any, field: str, own: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {key: _texts_in(item, key, own) for key, item in value.items()}
    if isinstance(value, list):
        return [_texts_in(item, field, own) for item in value]
    if isinstance(value, str) and field in TEXT_FIELDS and value.strip():
        return own.get(value) or i18n.pgettext(CONTEXT, value)
    return value
