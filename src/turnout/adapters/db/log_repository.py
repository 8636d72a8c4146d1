"""The log as a whole: deletion marks, the record of corrections, erasing everything, and the
rows of every table as plain values for a backup (and back)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from turnout.adapters.db.safety_repository import _measurement, _pain_check, _profile, _stop
from turnout.adapters.db.tables import (
    Base,
    CorrectionRow,
    HoldRow,
    MeasurementRow,
    PainCheckRow,
    ProfileRow,
    SessionRow,
    StopRow,
    UtcDateTime,
)
from turnout.adapters.db.translate import to_datetime, to_epoch, to_record, to_session
from turnout.domain.corrections import Action, Correction, Target
from turnout.errors import InputError
from turnout.i18n import _

# What a backup calls each table, in the order rows must go in (sessions before what refers
# to them) and come out (the reverse, when everything is erased).
TABLES: dict[str, type[Base]] = {
    "sessions": SessionRow,
    "holds": HoldRow,
    "pain_checks": PainCheckRow,
    "stops": StopRow,
    "measurements": MeasurementRow,
    "profile": ProfileRow,
    "corrections": CorrectionRow,
}
# How each table's rows read back as the domain's values: a row they cannot read (a status,
# method or side this version does not know) is refused before it goes in.
_READERS: dict[type[Base], Callable[[Any], object]] = {
    SessionRow: to_session,
    HoldRow: to_record,
    PainCheckRow: _pain_check,
    StopRow: _stop,
    MeasurementRow: _measurement,
    ProfileRow: _profile,
    CorrectionRow: lambda row: _correction(row),
}
# Which process runs a live session belongs to that process, not to the dancer's log; whose
# rows they are is set by the log a backup goes into (a backup holds one dancer's rows).
NOT_BACKED_UP = frozenset({"owner", "owner_kind", "lease_until", "dancer_id"})
_Marked = SessionRow | HoldRow | MeasurementRow | PainCheckRow
_MARKED: dict[Target, type[_Marked]] = {
    Target.SESSION: SessionRow,
    Target.HOLD: HoldRow,
    Target.MEASUREMENT: MeasurementRow,
    Target.PAIN_CHECK: PainCheckRow,
}


class SqlLogRepository:
    """The caller's unit of work owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._db = session

    def mark_deleted(self, target: Target, target_id: str, at: float | None) -> bool | None:
        """Mark an entry deleted at `at`, or clear the mark (None). None if there is no such
        entry; otherwise whether the mark changed."""
        row = self._row(target, target_id)
        if row is None:
            return None
        before = row.deleted_at
        row.deleted_at = None if at is None else to_datetime(at)
        return (before is None) != (at is None)

    def is_deleted(self, target: Target, target_id: str) -> bool | None:
        """Whether the entry is marked deleted; None if there is no such entry."""
        row = self._row(target, target_id)
        return None if row is None else row.deleted_at is not None

    def add_correction(self, correction: Correction) -> None:
        self._db.add(
            CorrectionRow(
                target=correction.target.value,
                target_id=correction.target_id,
                action=correction.action.value,
                at=to_datetime(correction.at),
                before=correction.before,
                after=correction.after,
            )
        )

    def corrections(self, target: Target | None = None) -> list[Correction]:
        """Every change the dancer made, oldest first."""
        query = select(CorrectionRow).order_by(CorrectionRow.at, CorrectionRow.id)
        if target is not None:
            query = query.where(CorrectionRow.target == target.value)
        return [_correction(row) for row in self._db.scalars(query)]

    def is_empty(self) -> bool:
        """True when no table of the log holds a row."""
        return all(self._db.scalar(select(t).limit(1)) is None for t in TABLES.values())

    def erase_all(self) -> dict[str, int]:
        """Delete every row of every table for good; how many went from each."""
        counts = {}
        for name, table in reversed(TABLES.items()):
            counts[name] = len(self._db.scalars(select(table)).all())
            self._db.execute(delete(table))
        return counts

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table, deleted ones with their mark, as JSON-ready values."""
        return {
            name: [_plain(row) for row in self._db.scalars(select(table))]
            for name, table in TABLES.items()
        }

    def load(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Insert the rows of a dump into an empty log. Raises InputError naming the table,
        row and column of a value that does not fit."""
        for name, table in TABLES.items():
            rows = tables.get(name, [])
            self._db.add_all(_from_plain(table, name, i, raw) for i, raw in enumerate(rows))
            self._db.flush()
        if self._db.get_bind().dialect.name == "postgresql":
            self._advance_sequences()

    def _advance_sequences(self) -> None:
        # Rows went in with their ids; the next id PostgreSQL hands out must come after them.
        for table in TABLES.values():
            name = table.__tablename__
            if name in ("practice_sessions", "dancer_profile"):
                continue  # text ids, or always 1: no sequence
            self._db.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
                )
            )

    def _row(self, target: Target, target_id: str) -> _Marked | None:
        table = _MARKED[target]
        if table is SessionRow:
            return self._db.get(SessionRow, target_id)
        if not target_id.isdigit() or int(target_id) >= 2**31:
            return None  # integer ids only; a larger one would overflow the column
        return cast(_Marked | None, self._db.get(table, int(target_id)))


def _columns(table: type[Base]) -> dict[str, Any]:
    return {c.name: c for c in table.__table__.columns if c.name not in NOT_BACKED_UP}


def _plain(row: Base) -> dict[str, Any]:
    out = {}
    for name in _columns(type(row)):
        value = getattr(row, name)
        out[name] = value.isoformat() if isinstance(value, (date, datetime)) else value
    return out


def _from_plain(table: type[Base], name: str, index: int, raw: object) -> Base:
    where = f"{name}[{index}]"
    if not isinstance(raw, dict):
        # Translators: {where} names a row of a backup file ("holds[3]").
        raise InputError(where, _("{where}: each row must be a JSON object.").format(where=where))
    columns = _columns(table)
    unknown = sorted(set(raw) - set(columns))
    if unknown:
        # Translators: {where} names a row of a backup file ("holds[3]"); {column} a column's name.
        text = _("{where}: this backup version has no column '{column}'.")
        raise InputError(where, text.format(where=where, column=unknown[0]))
    values = {
        key: _value(column, f"{where}.{key}", raw.get(key)) for key, column in columns.items()
    }
    row = table(**values)
    try:
        _READERS[table](row)
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        # Translators: {where} names a row of a backup file; {error} the reason, in English.
        text = _("{where}: this version cannot read it ({error}).")
        raise InputError(where, text.format(where=where, error=error)) from None
    return row


def _value(column: Any, where: str, value: object) -> object:
    if value is None:
        if column.nullable or (column.primary_key and column.autoincrement is True):
            return None
        # Translators: {where} names a value in a backup file ("holds[3].status").
        raise InputError(where, _("{where}: a value is needed here.").format(where=where))
    kind = datetime if isinstance(column.type, UtcDateTime) else column.type.python_type
    try:
        if kind is datetime and isinstance(value, str):
            return _aware(datetime.fromisoformat(value), where)
        if kind is date and isinstance(value, str):
            return date.fromisoformat(value)
    except ValueError:
        # Translators: {where} names a value in a backup file; {value} the value as written.
        text = _("{where}: '{value}' is not a date and time.")
        raise InputError(where, text.format(where=where, value=value)) from None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, kind) and (kind is bool or not isinstance(value, bool)):
        longest = getattr(column.type, "length", None)
        if longest is not None and len(str(value)) > longest:
            # Translators: {where} names a value in a backup file; {longest} a whole number.
            text = _("{where}: at most {longest} characters.")
            raise InputError(where, text.format(where=where, longest=longest))
        return value
    # Translators: {where} names a value in a backup file; {expected} and {got} are Python's
    # names of types ("int", "str").
    text = _("{where}: expected a {expected}, got {got}.")
    raise InputError(
        where, text.format(where=where, expected=kind.__name__, got=type(value).__name__)
    )


def _aware(moment: datetime, where: str) -> datetime:
    if moment.tzinfo is None:
        # Translators: {where} names a value in a backup file ("holds[3].started_at").
        raise InputError(where, _("{where}: a time needs its UTC offset.").format(where=where))
    return moment


def _correction(row: CorrectionRow) -> Correction:
    return Correction(
        target=Target(row.target),
        target_id=row.target_id,
        action=Action(row.action),
        at=to_epoch(row.at),
        before=row.before,
        after=row.after,
    )
