"""`turnout backup` and `turnout import`: the whole log and the preferences as one file."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import ValidationError

from turnout.bootstrap import Container
from turnout.cli.common import container, out
from turnout.errors import InputError, TurnoutError
from turnout.services import backup as backups

if TYPE_CHECKING:
    from turnout.web.settings.store import PreferenceStore


def _preferences(box: Container) -> PreferenceStore:
    # The web app's settings file, read and written the way the web app does; loaded only
    # when asked for, so that `turnout --help` stays quick.
    from turnout.web.settings.store import FILE_NAME, PreferenceStore, defaults_from

    settings = box.settings
    return PreferenceStore(settings.data_dir / FILE_NAME, defaults_from(settings))


def backup(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output", help="The file to write.")],
) -> None:
    """Write a full backup (every session, hold, pain check, stop, reading, the profile, the
    record of corrections and the web app's settings) as one JSON file."""
    box = container(ctx)
    data = backups.make_backup(box.uow(), _preferences(box).load().model_dump(), box.clock.now())
    try:
        output.write_text(json.dumps(data, indent=1), encoding="utf-8")
    except OSError as error:
        raise TurnoutError(
            f"Cannot write {output}: {error.strerror}. Choose another path."
        ) from None
    out().print(f"Wrote {output}")


def import_backup(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="A file made by `turnout backup`.")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace a log that already has entries.")
    ] = False,
) -> None:
    """Put a backup in place: into an empty log, or instead of what is there with --replace."""
    box = container(ctx)
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise TurnoutError(f"Cannot read {source}: {error.strerror}.") from None
    found = backups.read_backup(raw)
    from turnout.web.settings.schemas import PreferencesUpdate

    try:
        preferences = PreferencesUpdate.model_validate(found.preferences, strict=False)
    except ValidationError as error:
        raise InputError("preferences", f"preferences: {error.errors()[0]['msg']}") from None
    try:
        counts = backups.import_backup(box.uow(), found, replace, time.time())
    except backups.LogNotEmptyError:
        raise InputError(
            "replace", "Your log already has entries; add --replace to replace all of them."
        ) from None
    _preferences(box).update(preferences)
    shown = ", ".join(f"{name.replace('_', ' ')} {n}" for name, n in counts.items())
    out().print(f"Imported {source}: {shown}.")
