"""The app factory. Nothing is built at import: `create_app(container)` makes a fresh app."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from turnout import __version__, ports
from turnout.bootstrap import Container
from turnout.web import errors, text
from turnout.web.deps import Web
from turnout.web.guard import SerializedUnitOfWork
from turnout.web.preferences import FILE_NAME, PreferenceStore, defaults_from
from turnout.web.registry import SessionRegistry
from turnout.web.routers import catalog, pages, progress_api, safety, safety_pages, sessions
from turnout.web.routers.measure import router as measure_router

HERE = Path(__file__).resolve().parent
TICK_SECONDS = 0.15
log = logging.getLogger(__name__)


def create_app(container: Container) -> FastAPI:
    """A FastAPI app over this container; the lifespan restores and ticks live sessions."""
    app = FastAPI(title="turnout", version=__version__, lifespan=_lifespan)
    app.state.web = _web(container)
    app.state.templates = app.state.web.templates
    errors.install(app)
    routers = (sessions, catalog, pages, safety, progress_api, safety_pages)
    for module in routers:
        app.include_router(module.router)
    app.include_router(measure_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def _web(container: Container) -> Web:
    settings = container.settings
    uow = SerializedUnitOfWork(container.uow())
    preferences = PreferenceStore(settings.data_dir / FILE_NAME, defaults_from(settings))
    registry = SessionRegistry(
        uow, container.routines, container.clock, lambda: preferences.load().get_ready_seconds
    )
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters["duration"] = text.duration
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None  # astimezone() always attaches one
    return Web(container, uow, registry, preferences, templates, tz)


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    web: Web = app.state.web
    try:
        await asyncio.to_thread(web.registry.restore_unfinished)
    except ports.TurnoutError as error:
        log.warning("could not restore the unfinished session: %s", error)
    ticker = asyncio.create_task(_tick_forever(web))
    try:
        yield
    finally:
        ticker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await ticker


async def _tick_forever(web: Web) -> None:
    """Holds are logged the moment they end, whether or not a page is watching."""
    while True:
        try:
            await asyncio.to_thread(web.registry.tick_all)
        except Exception:  # a dead ticker would silently stop every session; keep going
            log.exception("ticking the live sessions failed")
        await asyncio.sleep(TICK_SECONDS)
