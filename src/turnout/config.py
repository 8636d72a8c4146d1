"""Settings from the environment (prefix TURNOUT_), read when asked for, never at import."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from turnout.errors import SettingsError
from turnout.i18n import _


def _default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("turnout", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TURNOUT_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    database_url: str | None = None
    default_routine: str = "classic"
    get_ready_seconds: int = Field(default=5, ge=0, le=60)
    voice: bool = True
    voice_rate: int = Field(default=150, ge=80, le=400)
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # More names the web server answers to, comma-separated (say a name your router gives it).
    allowed_hosts: str = ""
    # The reverse proxy in front of a studio's server (its address, e.g. 127.0.0.1; comma-
    # separated): only its X-Forwarded-Proto and -For are believed, so that behind TLS the
    # pages' origin is https and each request's address is the browser's, not the proxy's.
    trusted_proxies: str = ""
    # The pose model: "full" (the default) or "lite", about a quarter faster for slow machines.
    pose_model: Literal["full", "lite"] = "full"
    # Camera analyses as jobs: the wall time one may take, how long a job nobody finished (and a
    # finished job's result) is kept, and for `turnout worker`, its heartbeat (three missed and
    # its job is started again by another) and how often stalled and expired jobs are swept.
    job_timeout_seconds: float = Field(default=600, gt=0, le=24 * 3600)
    job_expiry_seconds: float = Field(default=3600, gt=0, le=7 * 24 * 3600)
    worker_heartbeat_seconds: float = Field(default=10, ge=0.5, le=600)
    worker_sweep_seconds: int = Field(default=30, ge=1, le=59)
    # Only for tests and demos: the practice clock runs this many times faster than real time.
    time_scale: float = Field(default=1.0, gt=0, le=1000)
    # With time_scale: the moment (epoch seconds) the faster clock starts from. Several
    # processes given the same one keep the same practice time (a studio's load test).
    clock_origin: float | None = Field(default=None, gt=0)

    @property
    def allowed_host_names(self) -> list[str]:
        return [name.strip() for name in self.allowed_hosts.split(",") if name.strip()]

    @property
    def pictures_dir(self) -> Path:
        """Pictures of measurements the dancer chose to keep."""
        return self.data_dir / "measurements"

    @property
    def scratch_dir(self) -> Path:
        """Uploads while they are measured, one folder per process; emptied of stale ones on
        start."""
        return self.data_dir / "scratch"

    @property
    def on_postgres(self) -> bool:
        return self.db_url.startswith("postgresql")

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'turnout.db'}"


def get_settings() -> Settings:
    """Read the settings now; a bad value becomes one line that names the variable."""
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        # Translators: a setting of the environment whose name is not known.
        name = (
            "TURNOUT_" + str(first["loc"][0]).upper() if first["loc"] else _("a TURNOUT_ setting")
        )
        # Translators: {name} is an environment variable's name; {reason} pydantic's own words
        # (in English) for what is wrong with its value.
        text = _("{name} is invalid: {reason}.")
        raise SettingsError(text.format(name=name, reason=first["msg"])) from None
