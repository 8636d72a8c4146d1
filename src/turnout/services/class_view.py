"""What a class's teacher sees: the roster with each dancer's last practice and this week's
holds against the routine's, the red flags of those who share them, and turnout over time
with its error band for those who share their readings.

Nothing of a dancer's log is read unless the dancer (or, for a minor, a guardian) shares it:
a row that shares nothing says only who joined and when.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta, tzinfo

from turnout.domain.accounts import Account
from turnout.domain.classes import NOTHING, DanceClass, Member, RedFlag, Share, red_flags, shown
from turnout.domain.compensation import Compensated
from turnout.domain.history import local_day
from turnout.domain.log import LoggedHold
from turnout.domain.measurement import Method
from turnout.domain.plan import HoldStatus, Plan
from turnout.domain.routine import Routine
from turnout.errors import NotFoundError
from turnout.i18n import _
from turnout.ports import RoutineSource, UnitOfWork
from turnout.services import progress
from turnout.services.classes import Classes
from turnout.services.progress import Trend

CSV_COLUMNS = (
    "dancer",
    "email",
    "session_id",
    "exercise_number",
    "exercise_name",
    "step_title",
    "side",
    "planned_seconds",
    "actual_seconds",
    "started_at",
    "status",
)


@dataclass(frozen=True)
class DancerRow:
    account: Account
    member: Member
    share: Share  # what the teachers see of this dancer now
    minor: bool
    last_practice: float | None = None  # only when practice is shared
    week_done: int | None = None
    week_planned: int | None = None
    flags: tuple[RedFlag, ...] = ()  # only when flags are shared
    trends: tuple[Trend, ...] = ()  # only when measurements are shared


@dataclass(frozen=True)
class ClassView:
    dance_class: DanceClass
    routine: Routine
    week_start: float
    dancers: list[DancerRow]

    def inbox(self) -> list[tuple[DancerRow, RedFlag]]:
        """Every flag of the class, newest first."""
        found = [(row, flag) for row in self.dancers for flag in row.flags]
        return sorted(found, key=lambda pair: -pair[1].at)


class ClassViews:
    """The class view, over the classes service and each dancer's own log."""

    def __init__(
        self,
        classes: Classes,
        uows: Callable[[int], UnitOfWork],
        routines: RoutineSource,
        tz: Callable[[], tzinfo],
    ) -> None:
        self.classes, self.uows, self.routines, self.tz = classes, uows, routines, tz

    def view(self, acting: Account, class_id: int) -> ClassView:
        """For the class's teachers only (not the admin: health data needs a reason to see)."""
        dance_class = self.classes.teaches(acting, class_id)
        routine = self.routines.load(dance_class.routine_key)
        now = self.classes.clock()
        since = _week_start(now, self.tz())
        per_day = Plan.of(routine).hold_count
        rows = [
            self._row(m, since, per_day, now) for m in self.classes.store.members(class_id=class_id)
        ]
        return ClassView(dance_class, routine, since, [r for r in rows if r is not None])

    def ward(self, acting: Account, dancer_id: int) -> DancerRow:
        """A young dancer's week and flags, for a guardian of theirs: all that is kept."""
        found = self.classes.store.account(dancer_id)
        if found is None or dancer_id not in self.classes.store.guardianships(guardian=acting.id):
            raise NotFoundError(_("No dancer with id {id} is in your care.").format(id=dancer_id))
        assigned = self.classes.assigned(found)
        routine = self.routines.load(
            assigned.routine_key if assigned else self.classes.default_routine
        )
        now = self.classes.clock()
        member = Member(0, found.id, Share(), found.created_at)
        row = self._row(
            member, _week_start(now, self.tz()), Plan.of(routine).hold_count, now, Share()
        )
        assert row is not None  # the account was found above
        return row

    def csv(self, acting: Account, class_id: int) -> str:
        """Every hold of every dancer who shares their practice, one row each, oldest first."""
        self.classes.teaches(acting, class_id)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for member in self.classes.store.members(class_id=class_id):
            found = self._account(member)
            if found is None or not self._share(found, member).practice:
                continue
            with self.uows(found.dancer_id) as uow:
                holds = uow.practice.holds()
            writer.writerows(_csv_row(found, hold) for hold in holds)
        return out.getvalue()

    def _row(
        self, member: Member, since: float, per_day: int, now: float, share: Share | None = None
    ) -> DancerRow | None:
        """One dancer's row, showing what `share` allows (by default what the class sees)."""
        found = self._account(member)
        if found is None:
            return None
        minor = self.classes.minor(found)
        share = share or self._share(found, member)
        if share == NOTHING:
            return DancerRow(found, member, share, minor)
        with self.uows(found.dancer_id) as uow:
            holds = uow.practice.holds()
            stops = uow.safety.stops() if share.flags else []
            checks = uow.safety.pain_checks() if share.flags else []
        # The readings are read only for what they are shown or flagged for.
        read = share.flags or share.measurements
        report = progress.report(self.uows(found.dancer_id)) if read else None
        last = max((h.record.ended_at for h in holds), default=None)
        flags: tuple[RedFlag, ...] = ()
        if share.flags and report is not None:
            worst = _latest(report.compensated)
            flags = red_flags(stops, checks, worst, last, member.joined_at, now)
        row = DancerRow(found, member, share, minor, flags=flags)
        if share.measurements and report is not None:
            row = replace(row, trends=tuple(report.trends))
        if share.practice:
            done = sum(1 for h in holds if h.record.started_at >= since and _completed(h))
            planned = per_day * _days(now, max(since, _day_start(member.joined_at, self.tz())))
            row = replace(row, last_practice=last, week_done=done, week_planned=planned)
        return row

    def _account(self, member: Member) -> Account | None:
        return self.classes.store.account(member.account_id)

    def _share(self, account: Account, member: Member) -> Share:
        minor = self.classes.minor(account)
        return shown(member.share, minor, self.classes.consent_for(account.id) if minor else None)


def _latest(lines: Mapping[Method, list[Compensated]]) -> Compensated | None:
    every = [c for line in lines.values() for c in line]
    return max(every, key=lambda c: c.standing.taken_on, default=None)


def _week_start(now: float, tz: tzinfo) -> float:
    """Monday 00:00 of this week, in the studio's time zone."""
    today = local_day(now, tz)
    monday = today - timedelta(days=today.weekday())
    return datetime.combine(monday, time(0), tz).timestamp()


def _day_start(at: float, tz: tzinfo) -> float:
    return datetime.combine(local_day(at, tz), time(0), tz).timestamp()


def _days(now: float, since: float) -> int:
    """Days from `since` (a midnight) to today, both counted: the days practice was planned."""
    return int((now - since) // 86_400) + 1


def _csv_row(dancer: Account, hold: LoggedHold) -> list[object]:
    r = hold.record
    return [
        _cell(dancer.name),
        _cell(dancer.email),
        hold.session_id,
        r.exercise_number,
        _cell(r.exercise_name),
        _cell(r.step_title),
        r.side or "",
        r.planned_seconds,
        round(r.actual_seconds, 1),
        _iso(r.started_at),
        r.status.value,
    ]


def _cell(text: str) -> str:
    """A text a spreadsheet must not run as a formula (a name that starts with "=", say)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _completed(hold: LoggedHold) -> bool:
    return hold.record.status is HoldStatus.COMPLETED


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")
