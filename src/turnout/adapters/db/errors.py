"""StorageError messages for the practice log: one line each, saying what the user can do."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from turnout.errors import ConflictError, StorageError
from turnout.i18n import N_, _

_EXAMPLE = "sqlite:////tmp/turnout.db"
# Why a file is not a practice log, for `not_a_log`.
NOT_SQLITE = N_("not a SQLite database")
NO_VERSION = N_("it has tables but no turnout schema version")


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
    # Translators: {where} is the log's file or database; {reason} the system's own words for
    # what went wrong; {example} a database URL. TURNOUT_DATABASE_URL is a setting's name.
    text = _(
        "Cannot open the practice log at {where} for writing: {reason}. Set "
        "TURNOUT_DATABASE_URL to a writable location, e.g. {example}"
    )
    return StorageError(text.format(where=where, reason=reason, example=_EXAMPLE))


def newer(where: str, revision: str) -> StorageError:
    # Translators: {where} is the log's file or database; {revision} a schema's code.
    # TURNOUT_DATABASE_URL is a setting's name.
    text = _(
        "The practice log at {where} was written by a newer version of turnout (schema "
        "{revision}); upgrade turnout, or set TURNOUT_DATABASE_URL to another database. It was "
        "left untouched."
    )
    return StorageError(text.format(where=where, revision=revision))


def not_a_log(where: str, what: str) -> StorageError:
    """`what`: why, one of the reasons marked above (NOT_SQLITE, NO_VERSION)."""
    # Translators: {where} is a file or database; {what} says why it is not a log.
    # TURNOUT_DATABASE_URL is a setting's name.
    text = _(
        "{where} is not a turnout practice log ({what}); it was left untouched. Move it away, "
        "or set TURNOUT_DATABASE_URL to another database."
    )
    return StorageError(text.format(where=where, what=_(what)))


def broken_links(where: str) -> StorageError:
    # Translators: {where} is the log's file or database.
    text = _(
        "Upgrading the practice log at {where} would leave holds without their session, so it "
        "was not upgraded; please report this, and keep the file."
    )
    return StorageError(text.format(where=where))


def from_dbapi(url: str | URL, error: DBAPIError) -> StorageError:
    """Classify a driver error raised while opening or writing the log."""
    reason = _first_line(error.orig or error) or type(error.orig).__name__
    where = describe(url)
    if "file is not a database" in reason or "malformed" in reason:
        return not_a_log(where, NOT_SQLITE)
    if "locked" in reason or "busy" in reason:
        # Translators: {where} is the log's file or database.
        text = _(
            "The practice log at {where} is busy: another turnout window or process kept it "
            "locked too long. Close the other one, or try again."
        )
        return StorageError(text.format(where=where))
    return unwritable(where, reason)


def from_integrity(error: IntegrityError) -> ConflictError:
    """A write the log's constraints refused, in words; the driver's text (which can quote the
    values sent) stays out of the message."""
    reason = _first_line(error.orig or error).lower()
    if "foreign key" in reason:
        what = _("it refers to something the log does not hold (a session id, say)")
    elif "unique" in reason or "duplicate" in reason:
        what = _("the log already holds one like it")
    elif "not null" in reason or "not-null" in reason:
        what = _("a value the log needs is missing")
    else:
        what = _("a value breaks one of the log's rules")
    # Translators: {what} says which of the log's rules the write broke.
    text = _("Nothing was saved: {what}. Check the ids and values sent.")
    return ConflictError(text.format(what=what))


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""
