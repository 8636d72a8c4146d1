"""What the classes pages show of a dancer: a roster row, a guardian's card of a young
dancer, and dates as people read them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from turnout.domain.accounts import Account
from turnout.i18n.formats import DAY_YEAR, when
from turnout.services.class_text import flag_text
from turnout.services.class_view import DancerRow
from turnout.web.deps import Web


def ward_card(web: Web, acting: Account, ward: Account) -> dict[str, Any]:
    consent = web.classes.consent_for(ward.id)
    week = web.class_views.ward(acting, ward.id)
    memberships = web.classes.store.members(account_id=ward.id)
    names = {c.id: c.name for c in web.classes.store.classes(member=ward.id)}
    return {
        "account": ward,
        "consent": consent,
        "when": day(web, consent.at) if consent else "",
        "memberships": [(m, names.get(m.class_id, "")) for m in memberships],
        "week": week,
        "last": day(web, week.last_practice) if week.last_practice else "",
        "flags": [(day(web, f.at), flag_text(f)) for f in week.flags],
    }


def roster_row(web: Web, row: DancerRow) -> dict[str, Any]:
    standing = [r for t in row.trends if t.side.value == "both" for r in t.readings]
    latest = max(standing, key=lambda r: (r.taken_on, r.id or 0), default=None)
    return {
        "row": row,
        "last": day(web, row.last_practice) if row.last_practice else "",
        "turnout": f"{latest.value:.0f} ± {latest.error:.0f}°" if latest else "",
        "flags": len(row.flags),
    }


def day(web: Web, at: float) -> str:
    return when(datetime.fromtimestamp(at, web.tz), DAY_YEAR)
