"""What a request handler can ask for, as Annotated dependencies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.templating import Jinja2Templates

from turnout.bootstrap import Container
from turnout.domain.routine import Routine
from turnout.errors import RoutineError
from turnout.ports import UnitOfWork
from turnout.services.live import LiveSession, SessionRegistry
from turnout.services.pairing import Pairing
from turnout.web.security.hosts import is_loopback
from turnout.web.settings.store import PreferenceStore


@dataclass
class Web:
    """Everything the app built for itself, kept on `app.state.web`."""

    container: Container
    registry: SessionRegistry
    preferences: PreferenceStore
    templates: Jinja2Templates
    tz: tzinfo
    pairing: Pairing
    pairing_required: bool  # the server listens beyond this computer
    lan_address: str = ""  # where a phone reaches this computer, when it listens beyond it

    @property
    def uow(self) -> UnitOfWork:
        """A fresh unit of work for this use: requests never share one, nor wait on each other."""
        return self.container.uow()

    def pairing_base(self, request: Request) -> str:
        """The start of a link a phone can open: this computer's network address and port."""
        port = request.url.port or 80
        if self.lan_address and is_loopback(request.url.hostname or ""):
            return f"{request.url.scheme}://{self.lan_address}:{port}"
        return f"{request.url.scheme}://{request.url.netloc}"

    def now(self) -> float:
        return self.container.clock.now()

    @property
    def time_scale(self) -> float:
        return self.container.settings.time_scale

    def routine(self, key: str) -> Routine:
        """A built-in routine by name (never a path a client sent); 404 if there is none."""
        if key not in self.container.routines.names():
            raise HTTPException(404, f"No routine called '{key}'.")
        return self.container.routines.load(key)

    def routines(self) -> dict[str, Routine]:
        """Every built-in routine that loads; a broken file must not take the pages down."""
        found: dict[str, Routine] = {}
        for key in self.container.routines.names():
            try:
                found[key] = self.container.routines.load(key)
            except RoutineError:
                continue
        return found


def get_web(request: Request) -> Web:
    web: Web = request.app.state.web
    return web


WebApp = Annotated[Web, Depends(get_web)]


def live_session(session_id: str, web: WebApp) -> LiveSession:
    live = web.registry.get(session_id)
    if live is None:
        raise HTTPException(404, f"No practice session with id '{session_id}'.")
    web.registry.refresh(live)
    return live


Live = Annotated[LiveSession, Depends(live_session)]
