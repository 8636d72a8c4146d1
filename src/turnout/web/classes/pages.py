"""The classes pages: /classes (mine, make, join, what I share, a guardian's consent), a class
for its teachers, one dancer with the notes. Who may do what: services/classes.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from turnout.domain.accounts import Account, Role
from turnout.domain.classes import Share
from turnout.errors import ForbiddenError, InputError, NotFoundError
from turnout.services.class_text import flag_text
from turnout.web.classes.page_views import day, roster_row, ward_card
from turnout.web.deps import Acting, Web, WebApp
from turnout.web.rendering import page
from turnout.web.schema_base import FormRowId, MaybeFormRowId, RowId

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=2100)]
Check = Annotated[str, Form(max_length=10)]
STATUS = {InputError: 422, ForbiddenError: 403, NotFoundError: 404}


def _status(error: Exception) -> int:
    """The page's status for a refusal, a subclass's (InvalidChoiceError, say) included."""
    return next(code for kind, code in STATUS.items() if isinstance(error, kind))


@router.get("/classes")
def classes_page(
    request: Request, acting: Acting, web: WebApp, done: str = "", joined: int = 0
) -> Response:
    return _classes(request, web, acting, message="", done=done[:20], joined=joined)


def _classes(request: Request, web: Web, acting: Account, **more: Any) -> Response:
    mine = web.classes.mine(acting)
    members = {m.class_id: m for m in web.classes.store.members(account_id=acting.id)}
    wards = [ward_card(web, acting, a) for a in web.classes.wards(acting)]
    joined_id = more.pop("joined", 0)
    joined = next((c.name for c in mine if c.id == joined_id), "")
    return page(
        web,
        request,
        "classes.html",
        more.pop("status", 200),
        account=acting,
        classes=mine,
        members=members,
        wards=wards,
        can_create=acting.role in (Role.TEACHER, Role.ADMIN),
        can_join=acting.role is Role.DANCER,
        minor=web.classes.minor(acting),
        joined=joined,
        **more,
    )


def _act(request: Request, web: Web, acting: Account, work: Callable[[], str]) -> Response:
    """Do what the form asked; go where `work` says, or show /classes with why not."""
    try:
        target = work()
    except (InputError, ForbiddenError, NotFoundError) as error:
        status = _status(error)
        return _classes(request, web, acting, status=status, message=str(error), done="")
    return RedirectResponse(target, status_code=303)


@router.post("/classes")
def create(request: Request, acting: Acting, web: WebApp, name: Text) -> Response:
    return _act(
        request, web, acting, lambda: f"/classes/{web.classes.create(acting, name).id}?done=made"
    )


@router.post("/classes/join")
def join(request: Request, acting: Acting, web: WebApp, code: Text) -> Response:
    return _act(
        request, web, acting, lambda: f"/classes?joined={web.classes.join(acting, code)[0].id}"
    )


@router.post("/classes/{class_id}/share")
def share(
    request: Request,
    class_id: RowId,
    acting: Acting,
    web: WebApp,
    dancer_id: FormRowId,
    practice: Check = "",
    measurements: Check = "",
    flags: Check = "",
) -> Response:
    chosen = Share(practice == "yes", measurements == "yes", flags == "yes")

    def work() -> str:
        web.classes.set_share(acting, class_id, dancer_id, chosen)
        return "/classes?done=shared"

    return _act(request, web, acting, work)


@router.post("/classes/{class_id}/leave")
def leave(request: Request, class_id: RowId, acting: Acting, web: WebApp) -> Response:
    def work() -> str:
        web.classes.leave(acting, class_id)
        return "/classes?done=left"

    return _act(request, web, acting, work)


@router.post("/guardian/{dancer_id}/consent")
def consent(
    request: Request,
    dancer_id: RowId,
    acting: Acting,
    web: WebApp,
    health: Check = "",
    sharing: Check = "",
) -> Response:
    def work() -> str:
        web.classes.consent(acting, dancer_id, health == "yes", sharing == "yes")
        return "/classes?done=consent"

    return _act(request, web, acting, work)


@router.get("/classes/{class_id:int}")
def class_page(
    request: Request, class_id: RowId, acting: Acting, web: WebApp, done: str = ""
) -> Response:
    try:
        found = web.classes.get(acting, class_id)
        view = web.class_views.view(acting, class_id) if acting.id in found.teachers else None
    except (ForbiddenError, NotFoundError) as error:
        return _classes(request, web, acting, status=_status(error), message=str(error))
    rows = [roster_row(web, r) for r in view.dancers] if view else []
    inbox = [(r.account, day(web, f.at), flag_text(f)) for r, f in view.inbox()] if view else []
    return page(
        web,
        request,
        "class.html",
        dance_class=found,
        teaching=view is not None,
        rows=rows,
        inbox=inbox,
        routines=web.routines(),
        done=done[:40],
        message="",
    )


@router.post("/classes/{class_id}/code")
def rotate(request: Request, class_id: RowId, acting: Acting, web: WebApp) -> Response:
    def work() -> str:
        web.classes.rotate_code(acting, class_id)
        return f"/classes/{class_id}?done=code"

    return _act(request, web, acting, work)


@router.post("/classes/{class_id}/routine")
def routine(
    request: Request,
    class_id: RowId,
    acting: Acting,
    web: WebApp,
    routine: Text,
    dancer_id: MaybeFormRowId = None,
) -> Response:
    """The class's routine, or (with `dancer_id`) one dancer's: "" for the class's again."""

    def work() -> str:
        if dancer_id is None:
            web.classes.set_routine(acting, class_id, routine)
            return f"/classes/{class_id}?done=routine"
        web.classes.set_dancer_routine(acting, class_id, dancer_id, routine or None)
        return f"/classes/{class_id}/dancers/{dancer_id}"

    return _act(request, web, acting, work)


@router.post("/classes/{class_id}/teachers")
def co_teacher(
    request: Request, class_id: RowId, acting: Acting, web: WebApp, email: Text
) -> Response:
    def work() -> str:
        web.classes.add_teacher(acting, class_id, email)
        return f"/classes/{class_id}?done=teacher"

    return _act(request, web, acting, work)


@router.get("/classes/{class_id}/dancers/{dancer_id}")
def dancer_page(
    request: Request, class_id: RowId, dancer_id: RowId, acting: Acting, web: WebApp
) -> Response:
    try:
        notes = web.classes.notes(acting, class_id, dancer_id)
        view = web.class_views.view(acting, class_id)
    except (ForbiddenError, NotFoundError) as error:
        return _classes(request, web, acting, status=_status(error), message=str(error))
    row = next(r for r in view.dancers if r.account.id == dancer_id)
    return page(
        web,
        request,
        "class_dancer.html",
        dance_class=view.dance_class,
        row=row,
        flags=[(day(web, f.at), flag_text(f)) for f in row.flags],
        notes=[(day(web, n.at), n.text) for n in notes],
        routines=web.routines(),
        message="",
    )


@router.post("/classes/{class_id}/dancers/{dancer_id}/notes")
def note(
    request: Request, class_id: RowId, dancer_id: RowId, acting: Acting, web: WebApp, text: Text
) -> Response:
    def work() -> str:
        web.classes.add_note(acting, class_id, dancer_id, text)
        return f"/classes/{class_id}/dancers/{dancer_id}"

    return _act(request, web, acting, work)
