"""A routine file's text: only a regular file, only up to 1 MB, only UTF-8, and no key
nested deeper than a routine needs.

A routine is a few kB. Reading whatever path was given, whole, let `/dev/zero` run the
process out of memory and a 100 MB file be read and parsed. And tomllib's memory grows with
the square of a dotted key's length: one 400 kB key (`a.a.a...`) took gigabytes."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from turnout.errors import RoutineError, RoutineNotFoundError
from turnout.i18n import _

MAX_FILE_BYTES = 1024 * 1024  # the built-in routines are under 20 kB
MAX_KEY_DOTS = 8  # a routine needs two at most: [[exercises.setup]]
# Strings and comments, found leftmost first as TOML reads them: their dots are in no key.
_NOT_KEYS = re.compile(
    "|".join(
        (
            r'"""(?:[^\\]|\\.)*?"""',  # multi-line basic string
            r"'''.*?'''",  # multi-line literal string
            r'"(?:[^"\\\n]|\\.)*"',  # basic string
            r"'[^'\n]*'",  # literal string
            r"#[^\n]*",  # comment
        )
    ),
    re.DOTALL,
)


def read_text(path: Path) -> str:
    """The text of the routine file at `path`; RoutineError, in one line, for anything else."""
    try:
        raw = _read_bytes(path)
    except FileNotFoundError:
        text = _("Routine file {path} does not exist. Check the path.")
        raise RoutineNotFoundError(text.format(path=path)) from None
    except OSError as error:
        # Translators: {reason} is the system's own words for what went wrong.
        text = _("Routine file {path} cannot be read ({reason}). Check it is a file you may read.")
        raise RoutineError(text.format(path=path, reason=error.strerror or str(error))) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        # Translators: {byte} is the byte's value in hexadecimal ("0xff").
        text = _(
            "Routine file {path}, line {line}: byte {byte} is not UTF-8 text. Save the file as "
            "UTF-8."
        )
        raise RoutineError(
            text.format(path=path, line=line, byte=f"{raw[error.start]:#04x}")
        ) from None


def _read_bytes(path: Path) -> bytes:
    """At most MAX_FILE_BYTES of a regular file. Opened without blocking, so a named pipe
    cannot hang us, and checked on the open file, so what is read is what was checked."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        kind = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(kind):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(kind):
            text = _(
                "Routine file {path} is not a regular file (a device, pipe or socket?). Give the "
                "path of a .toml file."
            )
            raise RoutineError(text.format(path=path))
        raw = _read_at_most(descriptor, MAX_FILE_BYTES + 1)
    finally:
        os.close(descriptor)
    if len(raw) > MAX_FILE_BYTES:
        # Translators: {limit} is a whole number of megabytes.
        text = _(
            "Routine file {path} is over {limit} MB; a routine is a few kB of text. Check that "
            "it is the right file."
        )
        raise RoutineError(text.format(path=path, limit=MAX_FILE_BYTES // 2**20))
    return raw


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    while (left := limit - sum(map(len, chunks))) > 0 and (chunk := os.read(descriptor, left)):
        chunks.append(chunk)
    return b"".join(chunks)


def deep_key_line(text: str) -> int | None:
    """The number of the first line with more than MAX_KEY_DOTS dots outside strings and
    comments (a dotted key or table name too deep to parse safely); None when there is none."""
    bare = _NOT_KEYS.sub(lambda found: "\n" * found.group().count("\n"), text)
    for number, line in enumerate(bare.split("\n"), start=1):
        if line.count(".") > MAX_KEY_DOTS:
            return number
    return None
