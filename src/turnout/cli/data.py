"""`turnout backup` and `turnout import`: the whole log and the preferences as one file."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError

from turnout.bootstrap import Container
from turnout.cli.common import cannot_write, container, out, wrote
from turnout.cli.words import table_label
from turnout.errors import InputError, TurnoutError
from turnout.i18n import N_, _
from turnout.services import backup as backups

if TYPE_CHECKING:
    from turnout.web.settings.store import PreferenceStore


def _preferences(box: Container) -> PreferenceStore:
    # The web app's settings file, read and written the way the web app does; loaded only
    # when asked for, so that `turnout --help` stays quick.
    from turnout.web.settings.store import FILE_NAME, PreferenceStore, defaults_from

    settings = box.settings
    return PreferenceStore(settings.data_dir / FILE_NAME, defaults_from(settings))


BACKUP_HELP = N_(
    "Write a full backup (every session, hold, pain check, stop, reading, the profile, the "
    "record of corrections and the web app's settings) as one JSON file."
)


def backup(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output", help=N_("The file to write."))],
) -> None:
    box = container(ctx)
    data = backups.make_backup(box.uow(), _preferences(box).load().model_dump(), box.clock.now())
    try:
        output.write_text(json.dumps(data, indent=1), encoding="utf-8")
    except OSError as error:
        raise cannot_write(output, error) from None
    out().print(wrote(output))


IMPORT_HELP = N_(
    "Put a backup in place: into an empty log, or instead of what is there with --replace."
)


def import_backup(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help=N_("A file made by `turnout backup`."))],
    replace: Annotated[
        bool, typer.Option("--replace", help=N_("Replace a log that already has entries."))
    ] = False,
) -> None:
    box = container(ctx)
    try:
        raw = source.read_bytes()
    except OSError as error:
        # Translators: {path} is the file's path; {reason} the system's own words for what
        # went wrong.
        text = _("Cannot read {path}: {reason}.")
        raise TurnoutError(text.format(path=source, reason=error.strerror)) from None
    found = backups.read_backup(raw)
    from turnout.web.settings.schemas import PreferencesUpdate

    try:
        preferences = PreferencesUpdate.model_validate(found.preferences, strict=False)
    except ValidationError as error:
        # Translators: {reason} is pydantic's own words (in English) for what is wrong.
        text = _("preferences: {reason}").format(reason=error.errors()[0]["msg"])
        raise InputError("preferences", text) from None
    try:
        counts = backups.import_backup(box.uow(), found, replace, time.time())
    except backups.LogNotEmptyError:
        raise InputError(
            "replace", _("Your log already has entries; add --replace to replace all of them.")
        ) from None
    _preferences(box).update(preferences)
    # Translators: one table of a backup and how many of its rows were imported ("holds 12").
    count = _("{table} {count}")
    shown = ", ".join(count.format(table=table_label(name), count=n) for name, n in counts.items())
    # Translators: {path} is the backup's path; {counts} the rows imported, per table.
    out().print(_("Imported {path}: {counts}.").format(path=source, counts=shown))
