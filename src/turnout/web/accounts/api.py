"""POST /api/auth/login and /logout, GET /api/me, and the account's signed-in browsers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from turnout.web.accounts.presenters import account_out, attempt_out, me, session_out
from turnout.web.accounts.schemas import AccountOut, AttemptOut, LoginIn, MeOut, SessionOut
from turnout.web.deps import Acting, WebApp, client_address, set_session_cookie
from turnout.web.schema_base import RowId, errors
from turnout.web.security.sign_in import COOKIE

router = APIRouter(tags=["accounts"])


@router.post("/api/auth/login", responses=errors(401, 422, 429))
def login(body: LoginIn, request: Request, response: Response, web: WebApp) -> MeOut:
    """Sign in to a studio's server: sets the session cookie (HttpOnly, SameSite=Lax). 401 when
    the email and password do not match, 429 after too many failures (see Retry-After)."""
    agent = request.headers.get("user-agent", "")
    secret, account = web.sign_ins.sign_in(
        body.email, body.password, client_address(request), agent
    )
    set_session_cookie(response, request, secret)
    return me(account, studio=True)


@router.post("/api/auth/logout", status_code=204, responses=errors(401))
def logout(request: Request, acting: Acting, web: WebApp) -> Response:
    """Sign this browser out; its cookie no longer opens anything."""
    web.sign_ins.sign_out(acting, request.state.signed_in)
    response = Response(status_code=204)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/api/me")
def who(request: Request, web: WebApp) -> MeOut:
    """Who is signed in, and their role; on a personal log, `studio` is false and no more."""
    return me(getattr(request.state, "account", None), web.is_studio())


@router.get("/api/me/sessions", responses=errors(401))
def my_sessions(request: Request, acting: Acting, web: WebApp) -> list[SessionOut]:
    """The account's browsers still signed in, the latest seen first."""
    current = request.state.signed_in
    return [session_out(s, current) for s in web.sign_ins.sessions(acting)]


@router.delete("/api/me/sessions/{session_id}", status_code=204, responses=errors(401, 404, 422))
def revoke_session(session_id: RowId, acting: Acting, web: WebApp) -> Response:
    """Sign one of the account's own browsers out. Another account's is not found (404)."""
    web.sign_ins.revoke(acting, session_id)
    return Response(status_code=204)


@router.get("/api/admin/sign-ins", responses=errors(401, 403, 422))
def sign_in_record(
    acting: Acting, web: WebApp, days: Annotated[int, Query(ge=1, le=366)] = 30
) -> list[AttemptOut]:
    """Every sign-in and failed try of the last `days`, the latest first: who, when, from
    where. For the studio's admin."""
    return [attempt_out(a) for a in web.sign_ins.audit(acting, days)]


@router.get("/api/admin/accounts", responses=errors(401, 403))
def every_account(acting: Acting, web: WebApp) -> list[AccountOut]:
    """The studio's accounts (no health data). For the studio's admin."""
    return [account_out(a) for a in web.accounts.everyone(acting)]
