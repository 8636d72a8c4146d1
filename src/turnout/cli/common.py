"""What every command shares: friendly errors, the container, and plain-text output."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console

from turnout import bootstrap
from turnout.bootstrap import Container
from turnout.errors import TurnoutError
from turnout.i18n import _

P = ParamSpec("P")
R = TypeVar("R")


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a TurnoutError into one line on stderr and its `ExitCode`: no traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except TurnoutError as error:
            # Messages quote paths and names the user typed: print them as text, not markup.
            Console(stderr=True, soft_wrap=True, markup=False).print(
                f"turnout: {error}", style="red", highlight=False
            )
            raise typer.Exit(error.exit_code) from None

    return wrapper


def container(ctx: typer.Context) -> Container:
    """The one given by a test through `obj`, or the real one built from the environment."""
    root = ctx.find_root()
    if not isinstance(root.obj, Container):
        root.obj = bootstrap.build()
    return root.obj


def out() -> Console:
    # Routine files and paths are the user's text; "[/]" in a title must not be read as markup.
    return Console(highlight=False, markup=False)


def cannot_write(path: Path, error: OSError) -> TurnoutError:
    """A file the command was told to write and could not."""
    # Translators: {path} is the file's path; {reason} the system's own words for what went
    # wrong ("Permission denied").
    text = _("Cannot write {path}: {reason}. Choose another path.")
    return TurnoutError(text.format(path=path, reason=error.strerror))


def wrote(path: Path) -> str:
    """Said once a file is written."""
    # Translators: said once a file is written; {path} is its path.
    return _("Wrote {path}").format(path=path)
