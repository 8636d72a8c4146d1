"""What a request handler can ask for, as Annotated dependencies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response
from fastapi.templating import Jinja2Templates

from turnout.bootstrap import Container
from turnout.domain.accounts import Account, Role
from turnout.domain.classes import Assignment
from turnout.domain.library import is_named
from turnout.domain.routine import Routine
from turnout.errors import ForbiddenError, RoutineError, SignInError
from turnout.i18n import N_, _
from turnout.ports import UnitOfWork
from turnout.services.account_data import AccountData
from turnout.services.accounts import Accounts
from turnout.services.authoring import Authoring
from turnout.services.class_view import ClassViews
from turnout.services.classes import Classes
from turnout.services.live import LiveSession, SessionRegistry
from turnout.services.pairing import Pairing
from turnout.services.sign_in import SESSION_SECONDS, SignIns
from turnout.web import acting
from turnout.web.registries import Registries
from turnout.web.security.hosts import is_loopback
from turnout.web.security.sign_in import COOKIE, StudioProbe
from turnout.web.settings.store import PreferenceStore, PreferenceStores

NOT_OWNER = N_("On a studio's server, only the admin manages the devices paired with it.")
PERSONAL_LOG = N_(
    "This turnout is personal: it has no accounts, classes or guardians. A studio's server "
    "has them (`turnout studio init --name NAME --admin EMAIL`, see the README)."
)


@dataclass
class Web:
    """Everything the app built for itself, kept on `app.state.web`."""

    container: Container
    registries: Registries
    preference_stores: PreferenceStores
    templates: Jinja2Templates
    tz: tzinfo
    pairing: Pairing
    pairing_required: bool  # the server listens beyond this computer
    accounts: Accounts
    sign_ins: SignIns
    is_studio: StudioProbe
    classes: Classes
    class_views: ClassViews
    authoring: Authoring
    account_data: AccountData
    lan_address: str = ""  # where a phone reaches this computer, when it listens beyond it

    @property
    def uow(self) -> UnitOfWork:
        """A fresh unit of work for this use, on the acting dancer's rows: requests never share
        one, nor wait on each other."""
        return self.container.uow(acting.dancer())

    @property
    def preferences(self) -> PreferenceStore:
        """The acting dancer's preferences (the server's defaults for nobody signed in)."""
        return self.preference_stores.of(acting.dancer_or_nobody() or 0)

    @property
    def registry(self) -> SessionRegistry:
        """The acting dancer's live sessions."""
        return self.registries.of(acting.dancer())

    def routine_key(self) -> str:
        """The dancer's routine today: the one their teacher set in a class, else the default
        of Settings."""
        assigned = self.assignment()
        return assigned.routine_key if assigned else self.preferences.load().default_routine

    def assignment(self) -> Assignment | None:
        found = acting.account()
        return self.classes.assigned(found) if found is not None else None

    def owns_server(self) -> bool:
        """Whether this request may manage what the whole server shares (its paired devices):
        on a personal log its one dancer, on a studio's the admin."""
        found = acting.account()
        return found is None or found.role is Role.ADMIN

    def require_owner(self) -> None:
        if not self.owns_server():
            raise ForbiddenError(_(NOT_OWNER))

    def known_age(self) -> int | None:
        """A studio account's age from its birth date, for adaptations before any profile."""
        found = acting.account()
        return found.age_on(date.fromtimestamp(self.now())) if found is not None else None

    def keeps_health(self) -> bool:
        found = acting.account()
        return found is None or self.classes.keeps_health(found)

    def require_health(self) -> None:
        """Refuse (403) to keep a minor's screening answers or pain checks before a guardian
        has agreed; a personal log and adults keep them."""
        found = acting.account()
        if found is not None:
            self.classes.require_health(found)

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
        if not self.knows_routine(key):
            raise HTTPException(404, _("No routine called '{name}'.").format(name=key))
        return self.container.routines.load(key)

    def knows_routine(self, key: str) -> bool:
        """A routine's name, or a version of one written in the app ("grade-4@2")."""
        return is_named(key, self.container.routines.names())

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


def signed_in(request: Request) -> Account:
    """The account signed in on this request; 401 on a personal log or when signed out."""
    account: Account | None = getattr(request.state, "account", None)
    if account is None and not get_web(request).is_studio():
        raise SignInError(_(PERSONAL_LOG))
    if account is None:
        raise SignInError(_(acting.SIGN_IN))
    return account


Acting = Annotated[Account, Depends(signed_in)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


def set_session_cookie(response: Response, request: Request, secret: str) -> None:
    """HttpOnly (no script reads it), Lax (it comes along when a link from elsewhere is
    followed, never with another site's form: the origin check refuses those), Secure on
    HTTPS."""
    response.set_cookie(
        COOKIE,
        secret,
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def live_session(session_id: str, web: WebApp) -> LiveSession:
    live = web.registry.get(session_id)
    if live is None:
        raise HTTPException(404, _("No practice session with id '{id}'.").format(id=session_id))
    web.registry.refresh(live)
    return live


Live = Annotated[LiveSession, Depends(live_session)]
