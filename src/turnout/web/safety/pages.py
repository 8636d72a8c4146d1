"""The profile page: the screening as a plain HTML form, so it works without JavaScript."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from turnout.domain.safety import (
    BEIGHTON_ITEMS,
    HEIGHT_CM,
    HipCondition,
    Region,
    beighton_score,
)
from turnout.errors import InputError
from turnout.i18n import _
from turnout.services import safety
from turnout.services.safety_text import beighton_items
from turnout.web.deps import Web, WebApp
from turnout.web.figures import beighton_figure_url, figure_title
from turnout.web.forms import post_form, whole
from turnout.web.rendering import page
from turnout.web.safety.presenters import adaptations_out

router = APIRouter(include_in_schema=False)


@router.get("/profile")
def profile_page(request: Request, web: WebApp, saved: int = 0) -> Response:
    return _profile(request, web, saved=bool(saved))


def _profile(request: Request, web: Web, status: int = 200, **more: Any) -> Response:
    profile = safety.profile(web.uow)
    routine = web.routine(web.routine_key())
    found = safety.adaptations(web.uow, routine, web.known_age())
    adapted = adaptations_out(found, web.routines())
    return page(
        web,
        request,
        "profile.html",
        status,
        profile=profile,
        adapted=adapted,
        routine=routine,
        beighton_items=_beighton_items(),
        hip_conditions=list(HipCondition),
        regions=list(Region),
        height_range=HEIGHT_CM,
        keeps_health=web.keeps_health(),
        **more,
    )


def _beighton_items() -> list[tuple[str, str, str | None, str]]:
    """Each self-check item: (form key, what to try, its drawing's URL, the drawing in words)."""
    found = []
    for key, text in beighton_items():
        url = beighton_figure_url(key)
        found.append((key, text, url, figure_title(url) if url else ""))
    return found


@router.post("/profile")
async def save_profile(request: Request, web: WebApp) -> Response:
    return await post_form(request, web, _save_profile, _profile, "/profile?saved=1")


def _save_profile(web: Web, form: FormData) -> None:
    web.require_health()
    age = whole(form.get("age"), "age")
    checked = form.get("beighton_done") == "yes"
    answers = {key: form.get(key) == "yes" for key in BEIGHTON_ITEMS}
    safety.save_profile(
        web.uow,
        age,
        form.get("growth_spurt") == "yes",
        [str(v) for v in form.getlist("hip_conditions")],
        [str(v) for v in form.getlist("pain_now")],
        beighton_score(answers) if checked else None,
        web.now(),
        height_cm=_height(form),
    )


def _height(form: FormData) -> int | None:
    """The height typed in, in centimetres; None when the field is left empty."""
    typed = str(form.get("height_cm") or "").strip()
    if not typed:
        return None
    try:
        return int(typed)
    except ValueError:
        message = _("height_cm: enter your height in whole centimetres, or leave it empty.")
        raise InputError("height_cm", message) from None
