"""The RoutineSource port over the built-in routines and the routines written in the app.

A routine of the library loads under its versioned key ("grade-4@3"), so that a session
started from it logs the version it practised; its plain key names the latest version."""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable

from turnout import i18n
from turnout.adapters.routines.files import routine_from_text
from turnout.domain.library import split_version, versioned
from turnout.domain.routine import Routine
from turnout.errors import RoutineNotFoundError, StorageError
from turnout.ports import RoutineLibrary, RoutineSource

log = logging.getLogger(__name__)


class LibraryRoutineSource:
    def __init__(self, builtins: RoutineSource, library: Callable[[], RoutineLibrary]) -> None:
        self.builtins, self._library = builtins, library
        self._parsed: dict[tuple[str, str, int], Routine] = {}
        self._lock = threading.Lock()

    def names(self) -> list[str]:
        """The built-in routines, then the library's keys (the built-ins alone if the log
        cannot be read: the app must still offer something to practise)."""
        try:
            own = self._library().keys()
        except StorageError as error:
            log.warning("the routine library cannot be read: %s", error)
            own = []
        return [*self.builtins.names(), *own]

    def load(self, name_or_path: str) -> Routine:
        path = name_or_path.endswith(".toml") or "/" in name_or_path or "\\" in name_or_path
        if path or name_or_path in self.builtins.names():
            return self.builtins.load(name_or_path)
        key, version = split_version(name_or_path)
        found = self._library().get(key, version)
        if found is None:
            return self.builtins.load(name_or_path)  # says which routines there are
        with self._lock:
            kept = (i18n.current(), key, found.version)  # as read in this language
            if kept not in self._parsed:
                routine = routine_from_text(found.text, f"Routine {key!r}")
                named = dataclasses.replace(routine, key=versioned(key, found.version))
                self._parsed[kept] = named
            return self._parsed[kept]


__all__ = ["LibraryRoutineSource", "RoutineNotFoundError"]
