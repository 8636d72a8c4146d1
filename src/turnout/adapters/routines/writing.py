"""A routine made in the form editor, written as TOML (tomli-w) to be checked like a file."""

from __future__ import annotations

from typing import Any

import tomli_w

from turnout.errors import InputError
from turnout.i18n import _


def routine_toml(data: dict[str, Any]) -> str:
    """The routine's fields as TOML; empty fields (null, "", []) are left out, as a file
    would leave them out. InputError if a value is not one TOML can hold."""
    try:
        return tomli_w.dumps(_without_empty(data))
    except RecursionError:
        raise InputError("routine", _("routine: nested too deeply for a routine.")) from None
    except (TypeError, ValueError) as error:
        # Translators: {error} is tomli-w's own words (in English) for the value it cannot write.
        reason = _("routine: {error}; send text, numbers, true/false or lists.")
        raise InputError("routine", reason.format(error=error)) from None


def _without_empty(value: Any) -> Any:
    if isinstance(value, dict):
        kept = {str(k): _without_empty(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, "", [])}
    if isinstance(value, list):
        return [_without_empty(v) for v in value if v not in (None, "")]
    return value
