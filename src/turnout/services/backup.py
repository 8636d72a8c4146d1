"""Use cases for the whole log at once: a full backup, importing one, and deleting everything.

A backup is one JSON object: `format` "turnout-backup", a `version` (bump it when the shape
changes; an older turnout refuses a newer file rather than guess), when it was made, the log's
tables row by row (deleted entries with their `deleted_at`, every correction), and the web
app's preferences.

Version 2 added the profile's optional `height_cm`; a version 1 file still imports, its
profile without a height.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from turnout import __version__
from turnout.errors import InputError
from turnout.i18n import _
from turnout.ports import UnitOfWork

FORMAT = "turnout-backup"
VERSION = 2
TABLES = ("sessions", "holds", "pain_checks", "stops", "measurements", "profile", "corrections")


class LogNotEmptyError(InputError):
    """An import into a log that already holds entries, without leave to replace them."""

    def __init__(self) -> None:
        super().__init__(
            "replace",
            _(
                "Your log already has entries: importing replaces all of them. Confirm that you "
                "want to replace them, or delete your data first."
            ),
        )


@dataclass(frozen=True)
class Backup:
    tables: dict[str, list[dict[str, Any]]]
    preferences: dict[str, Any]

    def counts(self) -> dict[str, int]:
        return {name: len(self.tables.get(name, [])) for name in TABLES}


def make_backup(uow: UnitOfWork, preferences: dict[str, Any], now: float) -> dict[str, Any]:
    """Everything in the log, and the preferences, as one versioned JSON-ready object."""
    with uow:
        tables = uow.log.dump()
    return {
        "format": FORMAT,
        "version": VERSION,
        "created_at": datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "log": tables,
        "preferences": preferences,
    }


def read_backup(raw: bytes) -> Backup:
    """The backup in a file's bytes. Raises InputError saying why it cannot be imported."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        text = _("This file is not a turnout backup (it is not JSON text).")
        raise InputError("file", text) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        # Translators: "format": "turnout-backup" is the line a backup file has, as it is.
        text = _('This file is not a turnout backup (no "format": "turnout-backup").')
        raise InputError("file", text)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError("version", _("This backup has no version number turnout can read."))
    if version > VERSION:
        text = _(
            "This backup is version {version}, from a newer turnout; this one reads up to "
            "version {latest}. Update turnout, then import it."
        )
        raise InputError("version", text.format(version=version, latest=VERSION))
    return Backup(_tables(data.get("log")), _object(data.get("preferences", {}), "preferences"))


def _tables(log: object) -> dict[str, list[dict[str, Any]]]:
    tables = _object(log, "log")
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        # Translators: "log" names the part of the backup file, as it is written there.
        text = _("log: this backup version has no table '{table}'.")
        raise InputError("log", text.format(table=unknown[0]))
    for name, rows in tables.items():
        if not isinstance(rows, list):
            # Translators: {field} names a part of the backup file, as it is written there.
            text = _("{field}: expected a list of rows.")
            raise InputError(f"log.{name}", text.format(field=f"log.{name}"))
    return tables


def _object(value: object, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        # Translators: {field} names a part of the backup file, as it is written there.
        raise InputError(field, _("{field}: expected a JSON object.").format(field=field))
    return value


def import_backup(
    uow: UnitOfWork, backup: Backup, replace: bool, wall_now: float
) -> dict[str, int]:
    """Put a backup's log in place, in one transaction: into an empty log, or replacing what
    is there when `replace`. Raises LogNotEmptyError, or InputError on a row that does not
    fit or while a session is being practised (nothing is changed then)."""
    with uow.writing():
        if not uow.log.is_empty():
            if not replace:
                raise LogNotEmptyError()
            _refuse_while_live(uow, wall_now)
            uow.log.erase_all()
        uow.log.load(backup.tables)
        uow.commit()
    return backup.counts()


def erase_everything(uow: UnitOfWork, wall_now: float) -> dict[str, int]:
    """Delete every entry of the log for good: sessions, holds, pain checks, stops, readings,
    the profile and the record of corrections. How many went, by table. Refused (InputError)
    while a session is being practised."""
    with uow.writing():
        _refuse_while_live(uow, wall_now)
        counts = uow.log.erase_all()
        uow.commit()
    return {name: counts.get(name, 0) for name in TABLES}


def _refuse_while_live(uow: UnitOfWork, wall_now: float) -> None:
    # A session some process is running would go on saving holds into a log without it.
    # Leases run on the wall clock (services/leases.py), hence `wall_now`.
    for session in uow.practice.unfinished(20):
        lease = uow.practice.lease(session.id)
        if lease is not None and not lease.lapsed(wall_now):
            text = _("A session is under way; end it first, then try again.")
            raise InputError("session", text)
