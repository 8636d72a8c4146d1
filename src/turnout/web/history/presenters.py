"""History shaped for the page and the API."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from turnout.domain.history import local_day, weekly_totals
from turnout.services import history
from turnout.web.deps import Web


def history_data(web: Web, days: int | None = None) -> dict[str, Any]:
    now = web.now()
    found = history.history(web.uow, now, web.tz, days)
    today = local_day(now, web.tz)
    progress = history.progress(web.uow, web.routines())
    return {
        "today": today.isoformat(),
        "streak": found.streak,
        "days": [{**asdict(d), "day": d.day.isoformat()} for d in found.days],
        "exercises": [asdict(row) for row in progress],
        "weeks": [
            {**asdict(w), "week_start": w.week_start.isoformat()}
            for w in weekly_totals(found.days, today)
        ],
    }
