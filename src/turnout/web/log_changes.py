"""Delete and undo for any log entry, answered the same way by every feature's API."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from turnout.domain.corrections import Target
from turnout.services import corrections
from turnout.web.deps import Web, WebApp
from turnout.web.schema_base import errors

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


def undoable(router: APIRouter, path: str, target: Target, what: str) -> None:
    """Add `DELETE path` and `POST path/restore` for one kind of log entry (`{entry_id}` in
    `path`): a delete only marks the entry, so the restore brings it back whole. An id that
    names no entry (not a number where ids are numbers, say) is a 404."""

    def delete_entry(entry_id: str, web: WebApp) -> LogChange:
        return delete(web, target, entry_id)

    def restore_entry(entry_id: str, web: WebApp) -> LogChange:
        return restore(web, target, entry_id)

    marked = f"Delete {what} (marked, so `POST {path}/restore` brings it back). 404 if none."
    for method, route, endpoint, verb, text in (
        ("DELETE", path, delete_entry, "Delete", marked),
        ("POST", f"{path}/restore", restore_entry, "Restore", f"Undo the deletion of {what}."),
    ):
        endpoint.__name__ = f"{endpoint.__name__}_{target.value}"
        router.add_api_route(
            route,
            endpoint,
            methods=[method],
            responses=errors(404, 422),
            summary=f"{verb} {what}",
            description=text,
        )
