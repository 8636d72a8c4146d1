"""The practice plan as iCalendar (RFC 5545) text: daily reminders a dancer can take along."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from turnout.domain.values import frozen

PRODUCT = "-//turnout//practice reminders//EN"
MAX_OCTETS = 75


@frozen
class Reminder:
    """A daily event at a local wall-clock time (floating: it follows the dancer's zone)."""

    uid: str
    summary: str
    description: str
    first_day: date
    at: time
    minutes: int


def ics(reminders: Iterable[Reminder], stamp: datetime) -> str:
    """A VCALENDAR with one daily VEVENT (and an alarm) per reminder, CRLF-terminated."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN"]
    for reminder in reminders:
        lines += _event(reminder, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event(reminder: Reminder, stamp: datetime) -> list[str]:
    start = datetime.combine(reminder.first_day, reminder.at)
    return [
        "BEGIN:VEVENT",
        f"UID:{reminder.uid}",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART:{start:%Y%m%dT%H%M%S}",
        f"DURATION:PT{reminder.minutes}M",
        "RRULE:FREQ=DAILY",
        f"SUMMARY:{escape(reminder.summary)}",
        f"DESCRIPTION:{escape(reminder.description)}",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape(reminder.summary)}",
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
    ]


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon and comma escaped, newlines as \\n."""
    for plain, escaped in (
        ("\\", "\\\\"),
        (";", "\\;"),
        (",", "\\,"),
        ("\r\n", "\\n"),
        ("\n", "\\n"),
    ):
        text = text.replace(plain, escaped)
    return text


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces joined by CRLF and a space; never inside a
    character's UTF-8 bytes."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = MAX_OCTETS if not pieces else MAX_OCTETS - 1  # the leading space is an octet
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)
