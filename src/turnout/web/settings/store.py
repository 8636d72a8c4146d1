"""The web player's preferences, kept in a small JSON file in the data folder: one for the
personal log's dancer (and a studio's first admin), one per dancer of a studio beside it."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

from pydantic import ValidationError

from turnout.config import Settings
from turnout.errors import StorageError
from turnout.i18n import _
from turnout.web.settings.schemas import Preferences, PreferencesUpdate

log = logging.getLogger(__name__)
FILE_NAME = "web-preferences.json"
FOLDER = "preferences"  # a studio's other dancers' files
# The CLI's speech rate is in words a minute; about 150 is a browser voice at normal speed.
NORMAL_WORDS_PER_MINUTE = 150


def defaults_from(settings: Settings) -> Preferences:
    speed = min(2.0, max(0.5, settings.voice_rate / NORMAL_WORDS_PER_MINUTE))
    return Preferences(
        voice=settings.voice,
        voice_speed=round(speed, 2),
        get_ready_seconds=settings.get_ready_seconds,
        default_routine=settings.default_routine,
    )


class PreferenceStore:
    def __init__(self, path: Path, defaults: Preferences) -> None:
        self.path, self.defaults = path, defaults
        self._lock = threading.Lock()

    def load(self) -> Preferences:
        """The saved preferences; the defaults when there is no file or it is damaged."""
        try:
            return Preferences.model_validate_json(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return self.defaults
        except (OSError, ValidationError, ValueError) as error:
            log.warning("ignoring unreadable preferences in %s: %s", self.path, error)
            return self.defaults

    def update(self, change: PreferencesUpdate) -> Preferences:
        with self._lock:
            merged = self.load().model_copy(update=change.model_dump(exclude_none=True))
            self._write(merged)
            return merged

    def _write(self, preferences: Preferences) -> None:
        # Write beside the file and rename, so a crash never leaves half a file behind.
        temporary = self.path.with_suffix(".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(preferences.model_dump(), indent=2), encoding="utf-8")
            temporary.replace(self.path)
        except OSError as error:
            raise StorageError(
                _(
                    "Cannot save preferences to {path}: {why}. Check that the data folder is "
                    "writable."
                ).format(path=self.path, why=error.strerror or error)
            ) from error


class PreferenceStores:
    """Each dancer's preferences: dancer 1's in FILE_NAME, as before there were studios; any
    other dancer's in `preferences/dancer-N.json`, starting from the server's defaults."""

    def __init__(self, data_dir: Path, defaults: Preferences) -> None:
        self.data_dir, self.defaults = data_dir, defaults
        self._each: dict[int, PreferenceStore] = {}
        self._lock = threading.Lock()

    def of(self, dancer: int) -> PreferenceStore:
        with self._lock:
            if dancer not in self._each:
                self._each[dancer] = PreferenceStore(self.path_of(dancer), self.defaults)
            return self._each[dancer]

    def path_of(self, dancer: int) -> Path:
        if dancer == 1:
            return self.data_dir / FILE_NAME
        return self.data_dir / FOLDER / f"dancer-{dancer}.json"

    def forget(self, dancer: int) -> bool:
        """Delete the dancer's preferences file; whether there was one."""
        try:
            self.path_of(dancer).unlink()
        except FileNotFoundError:
            return False
        return True
