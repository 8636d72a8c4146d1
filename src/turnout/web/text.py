"""Small text helpers for the templates."""

from __future__ import annotations


def duration(seconds: float | None) -> str:
    """10 -> '10 s', 90 -> '1 min 30 s', 900 -> '15 min'; None -> 'until you are ready'."""
    if seconds is None:
        return "until you are ready"
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
