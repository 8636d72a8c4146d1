"""The sign-in form, the page of a password-reset link, and the account's own page."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from turnout.domain.accounts import Role
from turnout.domain.sign_in import Attempt, Outcome
from turnout.errors import InputError, NotFoundError, SignInError, WaitError
from turnout.i18n import N_, _, formats
from turnout.web.accounts.presenters import session_out
from turnout.web.deps import Acting, WebApp, client_address, set_session_cookie
from turnout.web.rendering import page
from turnout.web.schema_base import RowId
from turnout.web.security.sign_in import COOKIE

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=300)]
OUTCOMES = {
    # Translators: how a sign-in attempt ended, in the admin's list of attempts.
    Outcome.SIGNED_IN: N_("signed in"),
    Outcome.WRONG: N_("wrong email or password"),
    Outcome.WAITING: N_("refused: too many failures, locked for a while"),
    Outcome.DISABLED: N_("refused: the account is disabled"),
}


@router.get("/signin")
def signin_page(request: Request, web: WebApp, next: str = "/") -> Response:
    if not web.is_studio():
        return RedirectResponse("/", status_code=303)  # a personal log has nobody to sign in
    return page(web, request, "signin.html", next=_local(next), message="", email="")


@router.post("/signin")
def signin(
    request: Request, web: WebApp, email: Text, password: Text, next: Text = "/"
) -> Response:
    agent = request.headers.get("user-agent", "")
    try:
        secret, _ = web.sign_ins.sign_in(email, password, client_address(request), agent)
    except (SignInError, WaitError) as error:
        status = 429 if isinstance(error, WaitError) else 401
        return page(
            web, request, "signin.html", status, next=_local(next), message=str(error), email=email
        )
    response = RedirectResponse(_local(next), status_code=303)
    set_session_cookie(response, request, secret)
    return response


@router.get("/reset/{secret}")
def reset_page(secret: str, request: Request, web: WebApp) -> HTMLResponse:
    return page(web, request, "reset.html", secret=secret, message="", done=False)


@router.post("/reset/{secret}")
def reset(secret: str, request: Request, web: WebApp, password: Text) -> HTMLResponse:
    try:
        web.accounts.set_password(secret, password)
    except (InputError, NotFoundError) as error:
        status = 422 if isinstance(error, InputError) else 404
        return page(
            web, request, "reset.html", status, secret=secret, message=str(error), done=False
        )
    return page(web, request, "reset.html", secret="", message="", done=True)


@router.get("/account")
def account_page(request: Request, acting: Acting, web: WebApp) -> HTMLResponse:
    current = request.state.signed_in
    sessions = [session_out(s, current) for s in web.sign_ins.sessions(acting)]
    admin = acting.role is Role.ADMIN
    record = [_attempt(web, a) for a in web.sign_ins.audit(acting, 30)[:50]] if admin else []
    people = web.accounts.everyone(acting) if admin else []
    return page(
        web, request, "account.html", account=acting, sessions=sessions, record=record,
        people=people,
    )  # fmt: skip


def _attempt(web: WebApp, attempt: Attempt) -> dict[str, str]:
    when = formats.when(datetime.fromtimestamp(attempt.at, web.tz), "dd MMM y HH:mm")
    return {"when": when, "email": attempt.email, "address": attempt.address,
            "outcome": _(OUTCOMES[attempt.outcome])}  # fmt: skip


@router.post("/account/signout")
def signout(request: Request, acting: Acting, web: WebApp) -> Response:
    web.sign_ins.sign_out(acting, request.state.signed_in)
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.post("/account/sessions/{session_id}/revoke")
def revoke(session_id: RowId, acting: Acting, web: WebApp) -> Response:
    web.sign_ins.revoke(acting, session_id)
    return RedirectResponse("/account", status_code=303)


def _local(target: str) -> str:
    """Where to go after signing in: a path on this server only, never another site."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target if not target.startswith("/\\") else "/"
