"""Dates, times and numbers as the current language writes them, with Babel (CLDR).

The patterns are CLDR's (https://unicode.org/reports/tr35/tr35-dates.html), chosen to match
the English turnout always showed, so that only the words and separators change:
"EEE dd MMM" is "Fri 04 Dec" in English, "ven. 04 déc." in French, "пт 04 дек." in Russian.
"""

from __future__ import annotations

from datetime import date, datetime

from babel import dates, numbers

from turnout.i18n import SOURCE, _, current

DAY = "EEE dd MMM"  # Fri 04 Dec
DAY_LONG = "EEEE dd MMMM"  # Friday 04 December
DAY_YEAR = "EEE dd MMM y"  # Fri 04 Dec 2026
DATE = "dd MMM y"  # 04 Dec 2026
DATE_LONG = "d MMMM y"  # 4 December 2026
MONTH = "LLL"  # Dec, standing alone
MONTH_LONG = "LLLL"  # December, standing alone
MONTH_YEAR = "LLLL y"  # December 2026
WEEKDAY = "EEEE"  # Friday
CLOCK = "HH:mm"  # 17:30


def when(value: date | datetime, pattern: str) -> str:
    """`value` written with the CLDR `pattern`, in the current language."""
    language = current()
    if pattern == DATE_LONG and language != SOURCE:
        pattern = "long"  # "4. Dezember 2026", "4 de dezembro de 2026": the language's own
    if isinstance(value, datetime):
        return str(dates.format_datetime(value, pattern, locale=language))
    return str(dates.format_date(value, pattern, locale=language))


def number(value: float, digits: int | None = None) -> str:
    """164.2 as "164.2" in English, "164,2" in French; `digits` fixes the decimals shown
    (None: as few as the value needs, like "%g")."""
    if digits is None:
        return str(numbers.format_decimal(value, format="0.###", locale=current()))
    pattern = "0" + ("." + "0" * digits if digits else "")
    return str(numbers.format_decimal(value, format=pattern, locale=current()))


def duration(seconds: float) -> str:
    """10 -> "10 s", 90 -> "1 min 30 s", 900 -> "15 min": a hold's length, as the player and
    the pages say it, in the current language."""
    minutes, rest = divmod(round(seconds), 60)
    if not minutes:
        # Translators: a duration in seconds ("s" is the unit).
        return _("{seconds} s").format(seconds=rest)
    if not rest:
        # Translators: a duration in whole minutes ("min" is the unit).
        return _("{minutes} min").format(minutes=minutes)
    # Translators: a duration in minutes and seconds ("min" and "s" are the units).
    return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)
