"""Rendering pages: one helper for every page, and the text filters the templates use."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from turnout import i18n
from turnout.i18n import _, formats
from turnout.i18n.scripts import script_messages
from turnout.services import measurement_text, safety_text
from turnout.services.equipment_text import equipment_text

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    from turnout.web.deps import Web


def page(web: Web, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The template `name` with the dancer's preferences and `context`, with `status`."""
    context.setdefault("preferences", web.preferences.load())
    response: HTMLResponse = web.templates.TemplateResponse(request, name, context)
    response.status_code = status
    return response


def context_of(value: DataclassInstance) -> dict[str, Any]:
    """A dataclass's fields as template variables, shallow (values stay as they are)."""
    return {f.name: getattr(value, f.name) for f in fields(value)}


def duration(seconds: float | None) -> str:
    """10 -> '10 s', 90 -> '1 min 30 s', 900 -> '15 min'; None -> 'until you are ready'."""
    if seconds is None:
        return _("until you are ready")
    return formats.duration(seconds)


def sentence(text: str) -> str:
    """The text with its first letter in capitals and the rest as written (Jinja's capitalize
    would lower "Beighton" to "beighton")."""
    return text[:1].upper() + text[1:]


def inside(name: str) -> str:
    """A name inside a sentence: "the classic turnout routine" in English, where the name's
    capital would look wrong; as written in other languages, whose nouns keep theirs."""
    return name.lower() if i18n.current() == i18n.SOURCE else name


# The template filters: wording of domain values comes from services, never from the domain.
FILTERS = {
    "duration": duration,
    "sentence": sentence,
    "inside": inside,
    "equipment": equipment_text,
    "region_label": safety_text.region_label,
    "because": safety_text.because,
    "notices": safety_text.notices,
    "method_label": measurement_text.method_label,
    "change_text": measurement_text.change_text,
    "flag_advice": measurement_text.flag_advice,
}


def install(env: Environment) -> None:
    """The filters, and gettext for the templates (`_()`, `ngettext()`, `pgettext()` and
    `{% trans %}`), each looking up the request's language when the page is drawn."""
    env.filters.update(FILTERS)
    # `{{ day|when(formats.DAY) }}`, `{{ 164.2|number }}`: as the page's language writes them.
    env.filters.update(when=formats.when, number=formats.number)
    env.globals["formats"] = formats
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext,
        i18n.ngettext,
        newstyle=True,
        pgettext=i18n.pgettext,
        npgettext=i18n.npgettext,
    )
    env.globals.update(
        language=i18n.current,
        html_lang=lambda: i18n.html_lang(i18n.current()),
        script_messages=lambda: script_messages(i18n.current()),
        languages=lambda: [(code, i18n.own_name(code)) for code in i18n.LANGUAGES],
    )
