"""StorageError messages for the practice log: one line each, saying what the user can do."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from turnout.errors import ConflictError, StorageError

_ELSEWHERE = "set TURNOUT_DATABASE_URL to another database"
_EXAMPLE = "sqlite:////tmp/turnout.db"


def sqlite_file(url: str | URL) -> Path | None:
    """The file behind a SQLite URL; None for other databases and in-memory ones."""
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:") or parsed.query.get("uri"):
        return None  # a sqlite3 URI: its options are not ours to parse
    return Path(database)


def describe(url: str | URL) -> str:
    """Where the log is, for a message: a SQLite file path, else the URL without password."""
    path = sqlite_file(url)
    if path is not None:
        return str(path.absolute())
    return make_url(url).render_as_string(hide_password=True)


def unwritable(where: str, reason: str) -> StorageError:
    return StorageError(
        f"Cannot open the practice log at {where} for writing: {reason}. "
        f"Set TURNOUT_DATABASE_URL to a writable location, e.g. {_EXAMPLE}"
    )


def newer(where: str, revision: str) -> StorageError:
    return StorageError(
        f"The practice log at {where} was written by a newer version of turnout "
        f"(schema {revision}); upgrade turnout, or {_ELSEWHERE}. It was left untouched."
    )


def not_a_log(where: str, what: str) -> StorageError:
    return StorageError(
        f"{where} is not a turnout practice log ({what}); it was left untouched. "
        f"Move it away, or {_ELSEWHERE}."
    )


def broken_links(where: str) -> StorageError:
    return StorageError(
        f"Upgrading the practice log at {where} would leave holds without their session, "
        "so it was not upgraded; please report this, and keep the file."
    )


def from_dbapi(url: str | URL, error: DBAPIError) -> StorageError:
    """Classify a driver error raised while opening or writing the log."""
    reason = _first_line(error.orig or error) or type(error.orig).__name__
    where = describe(url)
    if "file is not a database" in reason or "malformed" in reason:
        return not_a_log(where, "not a SQLite database")
    if "locked" in reason or "busy" in reason:
        return StorageError(
            f"The practice log at {where} is busy: another turnout window or process kept it "
            "locked too long. Close the other one, or try again."
        )
    return unwritable(where, reason)


def from_integrity(error: IntegrityError) -> ConflictError:
    """A write the log's constraints refused, in words; the driver's text (which can quote the
    values sent) stays out of the message."""
    reason = _first_line(error.orig or error).lower()
    if "foreign key" in reason:
        what = "it refers to something the log does not hold (a session id, say)"
    elif "unique" in reason or "duplicate" in reason:
        what = "the log already holds one like it"
    elif "not null" in reason or "not-null" in reason:
        what = "a value the log needs is missing"
    else:
        what = "a value breaks one of the log's rules"
    return ConflictError(f"Nothing was saved: {what}. Check the ids and values sent.")


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""
