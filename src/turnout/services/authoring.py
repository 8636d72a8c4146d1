"""Routines written in the app: checked by the rules and messages of routine files, saved as
a new version at every change, exported as TOML. On a studio's server, teachers and the
admin write them (a routine is changed by whoever wrote it first, or the admin); on a
personal log, its dancer does.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from typing import Any

from turnout.domain.accounts import Account, Role
from turnout.domain.library import MAX_TEXT, AuthoredRoutine, key_rule
from turnout.domain.routine import Routine
from turnout.errors import ForbiddenError, InputError, NotFoundError, RoutineError
from turnout.i18n import N_, _
from turnout.ports import RoutineLibrary, RoutineSource
from turnout.services.starter import starter_text

WRITERS = (Role.TEACHER, Role.ADMIN)
# Translators: names the routine being written, in messages about its problems.
LABEL = N_("Your routine")


class Authoring:
    def __init__(
        self,
        library: RoutineLibrary,
        builtins: RoutineSource,
        parse: Callable[[str, str], Routine],
        clock: Callable[[], float],
        write: Callable[[dict[str, Any]], str],
    ) -> None:
        self.library, self.builtins, self.parse, self.clock = library, builtins, parse, clock
        self.write = write

    def check(self, text: str) -> Routine:
        """The routine the text makes; InputError("text") with the first problem if none."""
        label = _(LABEL)
        if len(text) > MAX_TEXT:
            # Translators: {routine} is "Your routine"; {size} a whole number of kilobytes.
            too_long = _("{routine} is over {size} kB of text; shorten it.")
            raise InputError("text", too_long.format(routine=label, size=MAX_TEXT // 1024))
        try:
            routine = self.parse(text, label)
        except RoutineError as error:
            raise InputError("text", str(error)) from None
        if (found := key_rule(routine.key, self.builtins.names())) is not None:
            problem = _(found[0]).format(**found[1])
            # Translators: {routine} is "Your routine"; "key" is the routine file's field, as
            # it is written there; {problem} what is wrong with it, in lower case.
            at_key = _("{routine}, at key: {problem}.")
            raise InputError("text", at_key.format(routine=label, problem=problem))
        return routine

    def save(self, acting: Account | None, text: str) -> AuthoredRoutine:
        """Save the text as the next version of its key (unchanged text: the same version)."""
        _may_write(acting)
        routine = self.check(text)
        latest = self.library.get(routine.key)
        if latest is not None:
            self._may_change(acting, routine.key)
            if latest.text == text:
                return latest
        return self.library.add(routine.key, text, acting.id if acting else None, self.clock())

    def _may_change(self, acting: Account | None, key: str) -> None:
        first = self.library.versions(key)[0]
        if acting is not None and acting.role is not Role.ADMIN and first.author_id != acting.id:
            text = _(
                "The routine {key} was written by someone else; save yours under a key of its own."
            )
            raise ForbiddenError(text.format(key=repr(key)))

    def text(self, key: str, version: int | None = None) -> str:
        """The TOML of a routine written here: one version, or the latest."""
        found = self.library.get(key, version)
        if found is None and version:
            text = _("No routine written here is called {key} with a version {version}.")
            raise NotFoundError(text.format(key=repr(key), version=version))
        if found is None:
            raise NotFoundError(_("No routine written here is called {key}.").format(key=repr(key)))
        return found.text

    def versions(self, key: str) -> list[AuthoredRoutine]:
        found = self.library.versions(key)
        if not found:
            raise NotFoundError(_("No routine written here is called {key}.").format(key=repr(key)))
        return found

    def starter(self) -> str:
        return starter_text()

    def model(self, text: str) -> dict[str, Any] | None:
        """The text's fields for the form editor; None when it is not TOML (the text box
        then says why, on Check)."""
        try:
            return tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError, ValueError):
            return None

    def text_of(self, model: dict[str, Any]) -> str:
        """The form editor's fields as TOML, to check and save like a file."""
        return self.write(model)

    def mine(self) -> list[AuthoredRoutine]:
        """The latest version of every routine written here."""
        keys = self.library.keys()
        return [found for key in keys if (found := self.library.get(key)) is not None]


def _may_write(acting: Account | None) -> None:
    if acting is not None and acting.role not in WRITERS:
        raise ForbiddenError(_("On a studio's server, teachers and the admin write routines."))
