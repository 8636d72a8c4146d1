"""The data folder holds health data, often a minor's: only its owner may read any of it.

The folder is 0700 and every file in it 0600. New files are made so: the process umask is set
to 077 when the app is built, and the writers of the log and the pictures pass 0600
themselves. Files left by older versions are tightened on start, in the folder and the
subfolders named, by taking away what group and others may do (the owner's own bits stay, so
a data folder set to somewhere odd loses nothing but its openness). Uploads in flight are kept
in data_dir/scratch/<pid>, one folder per process; on start the folders of processes that are
gone (killed in the middle of an upload) are removed, and those of running ones are left
alone (a `turnout history` must not pull an upload from under a running server)."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600
UMASK = 0o077
log = logging.getLogger(__name__)


def make_private(data_dir: Path, subfolders: tuple[Path, ...], scratch: Path) -> None:
    """Create the data folder if need be, tighten it, the files in it and in `subfolders`, and
    clear stale scratch. Never raises: the command that needs the folder reports a problem in
    its own words."""
    os.umask(UMASK)
    try:
        data_dir.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    except OSError as error:
        log.debug("cannot create the data folder %s: %s", data_dir, error)
        return
    for folder in (data_dir, *subfolders, scratch):
        if folder.is_dir() and not folder.is_symlink():
            tighten(folder)
            for entry in _entries(folder):
                if entry.is_file() and not entry.is_symlink():
                    tighten(entry)
    clear_stale_scratch(scratch)


def scratch_folder(scratch: Path) -> Path:
    """This process's folder for uploads in flight, made private if it is new."""
    folder = scratch / str(os.getpid())
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    tighten(scratch)
    return folder


def clear_stale_scratch(scratch: Path) -> None:
    """Remove what processes that are no longer running left in `scratch`."""
    for entry in _entries(scratch):
        if _running(entry.name):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)  # a file still in use stays (Windows)
        else:
            entry.unlink(missing_ok=True)


def _running(name: str) -> bool:
    if not name.isdigit() or os.name != "posix":
        # Elsewhere signal 0 would end the process; a folder in use there resists removal.
        return False
    pid = int(name)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, and belongs to someone else
    return True


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def tighten(path: Path) -> None:
    """No access for group and others: 0644 becomes 0600, 0755 becomes 0700."""
    try:
        mode = path.stat().st_mode & 0o7777
        if mode & 0o077:
            path.chmod(mode & ~0o077)
    except OSError as error:  # absent, not ours, or gone meanwhile: leave it
        log.debug("cannot make %s private: %s", path, error)
