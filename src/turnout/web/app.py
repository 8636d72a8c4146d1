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

from turnout import __version__
from turnout.bootstrap import Container
from turnout.errors import TurnoutError
from turnout.services.live import SessionRegistry
from turnout.web import errors, rendering
from turnout.web.deps import Web
from turnout.web.history import api as history_api
from turnout.web.history import pages as history_pages
from turnout.web.measure import api as measure_api
from turnout.web.measure import pages as measure_pages
from turnout.web.practice import api as practice_api
from turnout.web.practice import pages as practice_pages
from turnout.web.progress import api as progress_api
from turnout.web.progress import pages as progress_pages
from turnout.web.routines import api as routines_api
from turnout.web.routines import pages as routines_pages
from turnout.web.safety import api as safety_api
from turnout.web.safety import pages as safety_pages
from turnout.web.settings import api as settings_api
from turnout.web.settings import pages as settings_pages
from turnout.web.settings.store import FILE_NAME, PreferenceStore, defaults_from

HERE = Path(__file__).resolve().parent
TICK_SECONDS = 0.15
log = logging.getLogger(__name__)
# Each feature's JSON API, then its pages.
ROUTERS = (
    practice_api,
    practice_pages,
    routines_api,
    routines_pages,
    history_api,
    history_pages,
    safety_api,
    safety_pages,
    progress_api,
    progress_pages,
    measure_api,
    measure_pages,
    settings_api,
    settings_pages,
)


def create_app(container: Container) -> FastAPI:
    """A FastAPI app over this container; the lifespan restores and ticks live sessions."""
    app = FastAPI(title="turnout", version=__version__, lifespan=_lifespan)
    app.state.web = _web(container)
    app.state.templates = app.state.web.templates
    errors.install(app)
    for module in ROUTERS:
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def _web(container: Container) -> Web:
    settings = container.settings
    preferences = PreferenceStore(settings.data_dir / FILE_NAME, defaults_from(settings))
    registry = SessionRegistry(
        container.uow,
        container.routines,
        container.clock,
        lambda: preferences.load().get_ready_seconds,
    )
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.filters.update(rendering.FILTERS)
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None  # astimezone() always attaches one
    return Web(container, registry, preferences, templates, tz)


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    web: Web = app.state.web
    try:
        await asyncio.to_thread(web.registry.restore_unfinished)
    except TurnoutError as error:
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
