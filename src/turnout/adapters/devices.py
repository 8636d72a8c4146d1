"""Paired devices in a small JSON file in the data folder, readable by its owner only."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

from turnout.domain.devices import PairedDevice
from turnout.errors import StorageError
from turnout.i18n import _

FILE_NAME = "paired-devices.json"


class JsonDeviceStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[PairedDevice]:
        """The paired devices; none when there is no file."""
        try:
            rows = json.loads(self.path.read_text(encoding="utf-8"))
            return [PairedDevice(**row) for row in rows]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, TypeError) as error:
            # Translators: {path} is the file's path; {error} what is wrong with it (in English).
            text = _(
                "Cannot read the paired devices in {path}: {error}. Delete the file and pair your "
                "devices again."
            )
            raise StorageError(text.format(path=self.path, error=error)) from error

    def save(self, devices: list[PairedDevice]) -> None:
        """Write beside the file with mode 0600 and rename, so no half file is ever read."""
        temporary = self.path.with_suffix(".tmp")
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                json.dump([asdict(device) for device in devices], out, indent=2)
            temporary.replace(self.path)
        except OSError as error:
            # Translators: {path} is the file's path; {reason} the system's own words for what
            # went wrong.
            text = _("Cannot save the paired devices to {path}: {reason}.")
            reason = error.strerror or error
            raise StorageError(text.format(path=self.path, reason=reason)) from error
