"""The web player's preferences as the API takes and gives them."""

from __future__ import annotations

from pydantic import Field

from turnout.i18n.catalogues import ORDER
from turnout.web.schema_base import StrictModel

CLOCK = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"  # a wall-clock time, HH:MM
# A language turnout speaks, or "" for the device's own (a cookie, then the browser's).
LANGUAGE = "^(" + "|".join(("", *ORDER)) + ")$"


class Preferences(StrictModel):
    voice: bool = True
    voice_speed: float = Field(1.0, ge=0.5, le=2.0)
    beeps: bool = True
    count_aloud: bool = True  # "three, two, one" spoken at the end of every countdown
    auto_start_lying: bool = False  # setup steps done lying down start after a countdown
    get_ready_seconds: int = Field(5, ge=0, le=60)
    default_routine: str = Field("classic", min_length=1, max_length=100)
    practice_time: str = Field("17:30", pattern=CLOCK)
    second_time: str = Field("20:30", pattern=CLOCK)
    notify: bool = False
    language: str = Field("", pattern=LANGUAGE)


class PreferencesUpdate(StrictModel):
    voice: bool | None = None
    voice_speed: float | None = Field(None, ge=0.5, le=2.0)
    beeps: bool | None = None
    count_aloud: bool | None = None
    auto_start_lying: bool | None = None
    get_ready_seconds: int | None = Field(None, ge=0, le=60)
    default_routine: str | None = Field(None, min_length=1, max_length=100)
    practice_time: str | None = Field(None, pattern=CLOCK)
    second_time: str | None = Field(None, pattern=CLOCK)
    notify: bool | None = None
    language: str | None = Field(None, pattern=LANGUAGE)
