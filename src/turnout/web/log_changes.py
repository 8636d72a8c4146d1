"""Delete and undo for any log entry, answered the same way by every feature's API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from turnout.domain.corrections import Target
from turnout.services import corrections
from turnout.web.deps import Web

DELETED = "{name} deleted. Backups keep it, marked as deleted."
RESTORED = "{name} is back in your log."


class LogChange(BaseModel):
    """What a delete or an undo did."""

    target: Literal["session", "hold", "measurement", "pain_check"]
    id: str
    deleted: bool = Field(description="Whether the entry is now deleted (an undo says false).")
    message: str


def delete(web: Web, target: Target, target_id: str) -> LogChange:
    """Mark the entry deleted; NotFoundError (404) if there is none."""
    corrections.delete_entry(web.uow, target, target_id, web.now())
    return _change(target, target_id, True)


def restore(web: Web, target: Target, target_id: str) -> LogChange:
    """Bring a deleted entry back; NotFoundError (404) if there is none."""
    corrections.restore_entry(web.uow, target, target_id, web.now())
    return _change(target, target_id, False)


def _change(target: Target, target_id: str, deleted: bool) -> LogChange:
    name = corrections.NAMES[target].capitalize()
    text = (DELETED if deleted else RESTORED).format(name=name)
    return LogChange(target=target.value, id=target_id, deleted=deleted, message=text)
