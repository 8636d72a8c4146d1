"""Single key presses from a terminal, a pipe, or a test's input, without blocking."""

from __future__ import annotations

import contextlib
import os
import select
import sys
import termios
import tty
from collections.abc import Iterator
from typing import TextIO


class KeyReader:
    """Returns one key at a time, or None when nothing was pressed; `closed` after end of input."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.closed = False
        self.fd = _fileno(stream)

    def poll(self) -> str | None:
        if self.closed:
            return None
        if self.fd is None:
            key = self.stream.read(1)  # an in-memory stream never blocks
        elif select.select([self.fd], [], [], 0)[0]:
            key = os.read(self.fd, 1).decode(errors="ignore")
        else:
            return None
        if key == "":
            self.closed = True
            return None
        return key


def _fileno(stream: TextIO) -> int | None:
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError):
        return None


@contextlib.contextmanager
def keys(stream: TextIO | None = None) -> Iterator[KeyReader]:
    """A key reader; on a terminal, keys arrive without Enter and without echo until exit."""
    stream = stream or sys.stdin
    reader = KeyReader(stream)
    if reader.fd is None or not stream.isatty():
        yield reader
        return
    saved = termios.tcgetattr(reader.fd)
    try:
        tty.setcbreak(reader.fd)
        yield reader
    finally:
        termios.tcsetattr(reader.fd, termios.TCSADRAIN, saved)
