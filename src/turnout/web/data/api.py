"""The dancer's data as a whole: a full backup to download, importing one, deleting it all.

The paired-devices file stays when everything is deleted: it says which devices may reach
this server, not anything about the dancer.
"""

from __future__ import annotations

import json
import time
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field, ValidationError

from turnout.errors import InputError
from turnout.i18n import _
from turnout.services import backup
from turnout.web import acting
from turnout.web.deps import WebApp
from turnout.web.schema_base import StrictModel, errors
from turnout.web.settings.schemas import PreferencesUpdate

router = APIRouter(prefix="/api", tags=["data"])
CONFIRM_WORD = "delete"
BACKUP = {
    "description": "The whole log and the preferences as one JSON file (an attachment).",
    "content": {"application/json": {"schema": {"type": "object"}}},
}
IMPORT_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "description": "A file made by GET /api/backup.",
                "properties": {
                    "format": {"type": "string", "enum": [backup.FORMAT]},
                    "version": {"type": "integer"},
                    "log": {"type": "object"},
                    "preferences": {"type": "object"},
                },
            }
        }
    },
}


class Imported(BaseModel):
    imported: dict[str, int] = Field(description="Rows put in place, by table.")
    message: str


class EraseIn(StrictModel):
    confirm: str = Field(description=f'Type "{CONFIRM_WORD}" to confirm.', max_length=40)


class Erased(BaseModel):
    erased: dict[str, int] = Field(description="Rows deleted for good, by table.")
    preferences_reset: bool
    message: str


@router.get("/backup", response_class=Response, responses={200: BACKUP})
def download_backup(web: WebApp) -> Response:
    """Everything: sessions, holds, pain checks, stops, readings, the profile, the record of
    corrections (deleted entries with their mark) and the preferences, versioned."""
    data = backup.make_backup(web.uow, web.preferences.load().model_dump(), web.now())
    day = data["created_at"][:10]
    headers = {"Content-Disposition": f'attachment; filename="turnout-backup-{day}.json"'}
    return Response(json.dumps(data, indent=1), media_type="application/json", headers=headers)


@router.post(
    "/backup/import", responses=errors(409, 415, 422), openapi_extra={"requestBody": IMPORT_BODY}
)
async def import_backup(request: Request, web: WebApp, replace: bool = Query(False)) -> Imported:
    """A backup file as the body. Refused (422) if it is not a turnout backup or is from a
    newer version; refused (409) if the log has entries, unless `replace=true`."""
    found = backup.read_backup(await request.body())
    preferences = _preferences(found.preferences)
    try:
        counts = backup.import_backup(web.uow, found, replace, time.time())
    except backup.LogNotEmptyError as error:
        raise HTTPException(409, str(error)) from None
    web.preferences.update(preferences)
    return Imported(imported=counts, message=_("Your backup is in place."))


def _preferences(raw: dict[str, Any]) -> PreferencesUpdate:
    try:
        return PreferencesUpdate.model_validate(raw, strict=False)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "preferences"
        raise InputError("preferences", f"preferences.{where}: {first['msg']}") from None


@router.post("/data/erase", responses=errors(422))
def erase(confirm: EraseIn, web: WebApp) -> Erased:
    """Delete the whole log and the preferences for good. The paired devices stay."""
    if confirm.confirm.strip().lower() != CONFIRM_WORD:
        # Translators: {word} is the word to type, which stays English ("delete").
        message = _('confirm: type "{word}" to delete all your data.').format(word=CONFIRM_WORD)
        raise InputError("confirm", message)
    counts = backup.erase_everything(web.uow, time.time())
    reset = web.preference_stores.forget(acting.dancer())
    return Erased(erased=counts, preferences_reset=reset, message=_erased_text(counts, reset))


def _erased_text(counts: dict[str, int], reset: bool) -> str:
    # Translators: each is a kind of record and how many were deleted ("sessions 3").
    parts = [
        _("sessions {count}").format(count=counts["sessions"]),
        _("holds {count}").format(count=counts["holds"]),
        _("pain checks {count}").format(count=counts["pain_checks"]),
        _("stops {count}").format(count=counts["stops"]),
        _("readings {count}").format(count=counts["measurements"]),
        _("profile {count}").format(count=counts["profile"]),
    ]
    if reset:
        # Translators: {counts} lists what was deleted ("sessions 3, holds 40, ...").
        text = _("Deleted for good: {counts}; settings back to their defaults.")
    else:
        text = _("Deleted for good: {counts}; settings already at their defaults.")
    # Translators: said after the deletion of everything.
    return text.format(counts=", ".join(parts)) + " " + _("Paired devices are kept.")
