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
from turnout.domain.library import MAX_TEXT, AuthoredRoutine, key_problem
from turnout.domain.routine import Routine
from turnout.errors import ForbiddenError, InputError, NotFoundError, RoutineError
from turnout.ports import RoutineLibrary, RoutineSource

WRITERS = (Role.TEACHER, Role.ADMIN)
# A first routine to change: every kind of step, with the fields a routine file takes.
STARTER = """key = "my-warm-up"
name = "My warm-up"
description = "A short warm-up before class: rotation standing, then a gentle stretch."
tips = ["Turn out from the hips; the feet follow, they never lead."]
warnings = ["Stop at sharp, pinching or catching pain, numbness, or a joint giving way."]

[[exercises]]
key = "standing-rotation"
name = "Standing rotation"
summary = "In parallel, turn each leg out from the hip and back, slowly."
repetitions = 2
equipment = ["mirror"]
figure = "active/standing-rotation"  # a drawing that ships with turnout, or leave it out

[[exercises.setup]]
kind = "setup"
title = "Stand in parallel"
cue = "Feet under the hips, knees soft, pelvis neutral. Press Ready when set."

[[exercises.cycle]]
kind = "hold"
title = "Left leg turned out, set {rep} of 2"
cue = "Rotate the left thigh outward from the hip; keep the knee over the toes."
seconds = 20
side = "left"

[[exercises.cycle]]
kind = "switch_side"
title = "Change legs"
cue = "Back to parallel, then the right leg."
seconds = 5

[[exercises.cycle]]
kind = "hold"
title = "Right leg turned out, set {rep} of 2"
cue = "Rotate the right thigh outward from the hip; keep the knee over the toes."
seconds = 20
side = "right"

[[exercises.cycle]]
kind = "rest"
title = "Rest"
cue = "Shake the legs out."
seconds = 10
"""
LABEL = "Your routine"


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
        if len(text) > MAX_TEXT:
            raise InputError("text", f"{LABEL} is over {MAX_TEXT // 1024} kB of text; shorten it.")
        try:
            routine = self.parse(text, LABEL)
        except RoutineError as error:
            raise InputError("text", str(error)) from None
        if (problem := key_problem(routine.key, self.builtins.names())) is not None:
            raise InputError("text", f"{LABEL}, at key: {problem}.")
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
            raise ForbiddenError(
                f"The routine {key!r} was written by someone else; save yours under a key "
                "of its own."
            )

    def text(self, key: str, version: int | None = None) -> str:
        """The TOML of a routine written here: one version, or the latest."""
        found = self.library.get(key, version)
        if found is None:
            raise NotFoundError(f"No routine written here is called {key!r}" + (
                f" with a version {version}." if version else "."))  # fmt: skip
        return found.text

    def versions(self, key: str) -> list[AuthoredRoutine]:
        found = self.library.versions(key)
        if not found:
            raise NotFoundError(f"No routine written here is called {key!r}.")
        return found

    def starter(self) -> str:
        return STARTER

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
        raise ForbiddenError("On a studio's server, teachers and the admin write routines.")
