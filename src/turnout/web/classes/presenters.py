"""Classes, members and the class view as the API gives them."""

from __future__ import annotations

from turnout.domain.accounts import Account
from turnout.domain.classes import DanceClass, Member, RedFlag, Share
from turnout.domain.measurement import METHODS
from turnout.services.class_text import flag_text
from turnout.services.class_view import DancerRow
from turnout.services.progress import Trend
from turnout.web.classes.schemas import (
    ClassOut,
    DancerOut,
    FlagOut,
    MemberOut,
    ShareBody,
    TrendOut,
)


def class_out(dance_class: DanceClass, acting: Account) -> ClassOut:
    teaching = acting.id in dance_class.teachers
    return ClassOut(
        id=dance_class.id,
        name=dance_class.name,
        routine=dance_class.routine_key,
        teachers=list(dance_class.teachers),
        teaching=teaching,
        code=dance_class.code if teaching else None,
    )


def share_body(share: Share) -> ShareBody:
    return ShareBody(practice=share.practice, measurements=share.measurements, flags=share.flags)


def member_out(member: Member) -> MemberOut:
    return MemberOut(
        class_id=member.class_id,
        dancer_id=member.account_id,
        joined_at=member.joined_at,
        share=share_body(member.share),
        routine=member.routine_key,
    )


def flag_out(row: DancerRow, flag: RedFlag) -> FlagOut:
    return FlagOut(
        dancer_id=row.account.id,
        name=row.account.name,
        kind=flag.kind.value,
        at=flag.at,
        detail=flag.detail,
        text=flag_text(flag),
    )


def trend_out(trend: Trend) -> TrendOut:
    return TrendOut(
        method=trend.method.value,
        side=trend.side.value,
        label=trend.label,
        error=METHODS[trend.method].error,
        readings=[(r.taken_on.isoformat(), r.value) for r in trend.readings],
    )


def dancer_out(row: DancerRow) -> DancerOut:
    return DancerOut(
        dancer_id=row.account.id,
        name=row.account.name,
        email=row.account.email,
        joined_at=row.member.joined_at,
        minor=row.minor,
        routine=row.member.routine_key,
        shown=share_body(row.share),
        last_practice=row.last_practice,
        week_done=row.week_done,
        week_planned=row.week_planned,
        flags=[flag_out(row, f) for f in row.flags],
        turnout=[trend_out(t) for t in row.trends],
    )
