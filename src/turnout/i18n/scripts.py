"""The page scripts' share of the catalogue, as JSON: made from the same `.po` files.

A page carries it in `<script type="application/json" id="turnout-messages">`; `i18n.js` reads
it. Plural forms are keyed by the message's singular; `plural_categories` says which CLDR
category (what the browser's `Intl.PluralRules` answers) each gettext form index stands for.
"""

from __future__ import annotations

import gettext
from collections.abc import Sequence
from functools import cache
from typing import Any

from babel import Locale
from babel.messages.plurals import get_plural

from turnout.i18n.catalogues import SOURCE, catalog

CONTEXT_SEPARATOR = "\x04"  # gettext's own, between a context and its message
SAMPLES = (0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 100, 101, 102, 111, 1000, 1_000_000)


def _from_script(locations: Sequence[tuple[str, object]]) -> bool:
    return any(filename.endswith(".js") for filename, _ in locations)


def plural_categories(language: str) -> list[str]:
    """For each gettext plural form of `language`, the CLDR category it stands for."""
    forms, expression = get_plural(language)
    rule = gettext.c2py(expression)  # the stdlib's own reading of a .po's plural expression
    categories = []
    for index in range(forms):
        sample = next((n for n in SAMPLES if rule(n) == index), None)
        found = Locale.parse(language).plural_form(sample) if sample is not None else "other"
        categories.append(found)
    return categories


@cache
def script_messages(language: str) -> dict[str, Any]:
    """{"messages": {msgid or context\\x04msgid: text or [forms]}, "plural_categories": [...]}"""
    messages: dict[str, str | list[str]] = {}
    if language != SOURCE:
        for message in catalog(language):
            if not message.id or message.fuzzy or not _from_script(message.locations):
                continue
            singular = str(message.id[0] if isinstance(message.id, tuple) else message.id)
            key = f"{message.context}{CONTEXT_SEPARATOR}{singular}" if message.context else singular
            if isinstance(message.string, tuple):
                if all(message.string):
                    messages[key] = list(message.string)
            elif message.string:
                messages[key] = message.string
    return {"messages": messages, "plural_categories": plural_categories(language)}
