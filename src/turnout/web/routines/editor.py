"""Writing routines in the app: the editor page (a routine's TOML, checked by the rules of
routine files, with what it makes shown before saving), its API, versions and TOML export.
Who may write is decided in services/authoring.py."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from turnout.domain.library import MAX_TEXT, AuthoredRoutine
from turnout.domain.plan import Plan
from turnout.domain.routine import Routine
from turnout.errors import ForbiddenError, InputError, NotFoundError
from turnout.i18n import _
from turnout.services.authoring import WRITERS
from turnout.web import acting
from turnout.web.deps import WebApp
from turnout.web.figures import drawings
from turnout.web.rendering import page
from turnout.web.schema_base import StrictModel, errors

router = APIRouter(tags=["routines"])
Text = Annotated[str, Form(max_length=MAX_TEXT + 1)]
TOML = {"description": "The routine as TOML.", "content": {"text/plain": {}}}


class RoutineText(StrictModel):
    text: str = Field(max_length=MAX_TEXT + 1, description="The routine as TOML.")


class RoutineFields(StrictModel):
    routine: dict[str, Any] = Field(description="The form editor's fields, as a routine file's.")


class RoutineTextOut(BaseModel):
    text: str


class Checked(BaseModel):
    key: str
    name: str
    exercises: int
    holds: int
    hold_seconds: int


class Version(BaseModel):
    key: str
    version: int
    author_id: int | None
    created_at: float


def checked(routine: Routine) -> Checked:
    plan = Plan.of(routine)
    return Checked(
        key=routine.key,
        name=routine.name,
        exercises=len(routine.exercises),
        holds=plan.hold_count,
        hold_seconds=plan.hold_seconds,
    )


def version_out(found: AuthoredRoutine) -> Version:
    return Version(
        key=found.key, version=found.version, author_id=found.author_id, created_at=found.created_at
    )


@router.post("/api/routine-library/check", responses=errors(401, 422))
def check(body: RoutineText, web: WebApp) -> Checked:
    """What the TOML makes, checked by the rules and messages of routine files; nothing saved."""
    return checked(web.authoring.check(body.text))


@router.post("/api/routine-library/toml", responses=errors(401, 422))
def as_toml(body: RoutineFields, web: WebApp) -> RoutineTextOut:
    """The form editor's fields written as TOML (not checked: check or save the text)."""
    text = web.authoring.text_of(body.routine)
    if len(text) > MAX_TEXT:
        message = _("routine: over {size} kB as TOML; shorten it.").format(size=MAX_TEXT // 1024)
        raise InputError("routine", message)
    return RoutineTextOut(text=text)


@router.post("/api/routine-library", status_code=201, responses=errors(401, 403, 422))
def save(body: RoutineText, web: WebApp) -> Version:
    """Save the TOML as the next version of its key (the same text twice: one version)."""
    return version_out(web.authoring.save(acting.account(), body.text))


@router.get("/api/routine-library", responses=errors(401))
def library(web: WebApp) -> list[Version]:
    """The latest version of each routine written here."""
    return [version_out(found) for found in web.authoring.mine()]


@router.get("/api/routine-library/{key}/versions", responses=errors(401, 404, 422))
def versions(key: str, web: WebApp) -> list[Version]:
    """Every version of a routine written here, oldest first; sessions name the one they
    practised ("key@version")."""
    return [version_out(v) for v in web.authoring.versions(key)]


@router.get("/api/routine-library/{key}.toml", responses={200: TOML, **errors(401, 404, 422)})
def export(
    key: str, web: WebApp, version: Annotated[int | None, Query(ge=1, le=999_999)] = None
) -> Response:
    """A routine written here as a TOML file (the latest version unless `version` says)."""
    text = web.authoring.text(key, version)
    name = f"{key}-v{version}.toml" if version else f"{key}.toml"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(text, media_type="text/plain; charset=utf-8", headers=headers)


@router.get("/routines/new", include_in_schema=False)
def new_page(request: Request, web: WebApp) -> Response:
    return _editor(request, web, web.authoring.starter(), editing="")


@router.get("/routines/{key}/edit", include_in_schema=False)
def edit_page(key: str, request: Request, web: WebApp) -> Response:
    try:
        text = web.authoring.text(key)
    except NotFoundError as error:
        message = _("{problem} Start a new one here.").format(problem=error)
        starter = web.authoring.starter()
        return _editor(request, web, starter, editing="", status=404, message=message)
    return _editor(request, web, text, editing=key)


@router.post("/routines/editor", include_in_schema=False)
async def editor_post(
    request: Request,
    web: WebApp,
    text: Text = "",
    action: Annotated[str, Form(max_length=10)] = "check",
    file: UploadFile | None = None,
) -> Response:
    if file is not None and file.filename:
        raw = await file.read(MAX_TEXT + 1)
        text = raw.decode("utf-8", errors="replace")
    try:
        if action == "save":
            saved = web.authoring.save(acting.account(), text)
            return RedirectResponse(f"/routines/{saved.key}?saved={saved.version}", 303)
        summary = checked(web.authoring.check(text))
    except (InputError, ForbiddenError) as error:
        status = 403 if isinstance(error, ForbiddenError) else 422
        return _editor(request, web, text, editing="", status=status, message=str(error))
    return _editor(request, web, text, editing="", summary=summary)


def _editor(
    request: Request,
    web: WebApp,
    text: str,
    editing: str,
    status: int = 200,
    message: str = "",
    summary: Checked | None = None,
) -> Response:
    history = web.authoring.versions(editing) if editing else []
    who = acting.account()
    can_save = who is None or who.role in WRITERS
    return page(
        web, request, "editor.html", status, text=text, editing=editing, message=message,
        summary=summary, history=history, can_save=can_save, model=web.authoring.model(text),
        figures=sorted(drawings()),
    )  # fmt: skip
