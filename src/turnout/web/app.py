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
from turnout.services.class_view import ClassViews
from turnout.services.pairing import Pairing
from turnout.web import docs, errors, glossary, health, rendering, security
from turnout.web.accounts import api as accounts_api
from turnout.web.accounts import pages as accounts_pages
from turnout.web.accounts import rights as accounts_rights
from turnout.web.classes import api as classes_api
from turnout.web.classes import pages as classes_pages
from turnout.web.data import api as data_api
from turnout.web.deps import Web
from turnout.web.history import api as history_api
from turnout.web.history import pages as history_pages
from turnout.web.language import DancerLanguage, LanguageChoice
from turnout.web.measure import api as measure_api
from turnout.web.measure import pages as measure_pages
from turnout.web.measure.upload import MAX_UPLOAD_BYTES
from turnout.web.pairing import api as pairing_api
from turnout.web.pairing import pages as pairing_pages
from turnout.web.practice import api as practice_api
from turnout.web.practice import pages as practice_pages
from turnout.web.progress import api as progress_api
from turnout.web.progress import pages as progress_pages
from turnout.web.registries import Registries
from turnout.web.routines import api as routines_api
from turnout.web.routines import editor as routines_editor
from turnout.web.routines import pages as routines_pages
from turnout.web.safety import api as safety_api
from turnout.web.safety import pages as safety_pages
from turnout.web.schema_base import COMMON_ERRORS
from turnout.web.security.hosts import WILDCARDS, allowed_hosts, is_loopback, lan_address
from turnout.web.security.sign_in import StudioProbe
from turnout.web.settings import api as settings_api
from turnout.web.settings import pages as settings_pages
from turnout.web.settings.store import PreferenceStores, defaults_from
from turnout.web.ticker import Ticker

HERE = Path(__file__).resolve().parent
UPLOAD_OVERHEAD = 1024 * 1024  # the multipart envelope and the form's other fields
BACKUP_BYTES = 32 * 1024 * 1024  # years of daily practice: a hold is about 200 bytes of JSON
log = logging.getLogger(__name__)
# Each feature's JSON API, then its pages.
ROUTERS = (
    practice_api,
    practice_pages,
    routines_api,
    routines_editor,
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
    pairing_api,
    pairing_pages,
    data_api,
    accounts_api,
    accounts_pages,
    accounts_rights,
    classes_api,
    classes_pages,
    glossary,
    docs,
    health,
)


def create_app(container: Container, host: str | None = None) -> FastAPI:
    """A FastAPI app over this container, for a server listening on `host` (the settings' host
    unless given); the lifespan restores and ticks live sessions."""
    app = FastAPI(
        title="turnout",
        version=__version__,
        lifespan=_lifespan,
        docs_url=None,  # web/docs.py serves /docs from local files
        redoc_url=None,
    )
    bind = host if host is not None else container.settings.host
    web = app.state.web = _web(container, bind)
    app.state.templates = web.templates
    errors.install(app)
    hosts = allowed_hosts(bind, container.settings.allowed_host_names)
    bodies = {
        "/api/measure": MAX_UPLOAD_BYTES + UPLOAD_OVERHEAD,
        "/api/measure/jobs": MAX_UPLOAD_BYTES + UPLOAD_OVERHEAD,
        "/api/backup/import": BACKUP_BYTES,
    }
    app.add_middleware(DancerLanguage, chosen=lambda: web.preferences.load().language)
    security.install(app, hosts, web, bodies)
    app.add_middleware(LanguageChoice)
    for module in ROUTERS:
        app.include_router(module.router, responses=COMMON_ERRORS)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def _web(container: Container, bind: str) -> Web:
    settings = container.settings
    preferences = PreferenceStores(settings.data_dir, defaults_from(settings))
    registries = Registries(
        container.uow,
        container.routines,
        container.clock,
        lambda dancer: preferences.of(dancer).load().get_ready_seconds,
        container.free_sessions() if container.shared_log else None,
    )
    templates = Jinja2Templates(directory=HERE / "templates")
    rendering.install(templates.env)
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None  # astimezone() always attaches one
    pairing = Pairing(container.devices())
    wide = not is_loopback(bind)
    lan = (lan_address() if bind in WILDCARDS else bind) if wide else ""
    accounts, sign_ins = container.accounts(), container.sign_ins()
    probe = StudioProbe(accounts.store.studio)
    classes = container.classes()
    views = ClassViews(classes, container.uow, container.routines, lambda: tz)
    return Web(
        container,
        registries,
        preferences,
        templates,
        tz,
        pairing,
        wide,
        accounts,
        sign_ins,
        probe,
        classes,
        views,
        container.authoring(),
        container.account_data(),
        lan,
    )


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    web: Web = app.state.web
    # The ticker runs on a thread of its own, never queued behind requests in the shared pool.
    ticker = Ticker(web.registries)
    await asyncio.to_thread(ticker.start)
    try:
        yield
    finally:
        await asyncio.to_thread(ticker.stop)
