"""A routine's page: every exercise as a card with its drawing and a Practise button, the
steps folded away, and what the safety layer changes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from turnout.domain.routine import Exercise, Routine
from turnout.services import adaptation
from turnout.web.deps import WebApp
from turnout.web.figures import figure_title, figure_url
from turnout.web.rendering import context_of, page

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class Card:
    """What an exercise's card shows above its folded steps."""

    exercise: Exercise
    figure: str | None  # the drawing's URL
    figure_alt: str
    rounds: int
    holds_per_round: int
    hold_seconds: int  # one hold
    total_seconds: int  # every hold of the exercise


def card(routine: Routine, exercise: Exercise) -> Card:
    url = figure_url(routine.key, exercise.key, exercise.figure)
    holds = exercise.holds
    return Card(
        exercise,
        url,
        figure_title(url) if url else "",
        exercise.repetitions,
        max(1, len(holds) // max(1, exercise.repetitions)),
        holds[0].seconds or 0 if holds else 0,
        exercise.hold_seconds,
    )


@router.get("/routines/{key}")
def routine_page(key: str, request: Request, web: WebApp, saved: int = 0) -> HTMLResponse:
    routine = web.routine(key)
    routines = web.routines()
    found = adaptation.outlook(web.uow, routine, routines, web.now(), web.tz, web.known_age())
    others = [(k, r.name) for k, r in routines.items() if r.key != routine.key]
    return page(
        web,
        request,
        "routine.html",
        routine=routine,
        cards=[card(routine, e) for e in routine.exercises],
        others=others,
        token=uuid.uuid4().hex,
        saved=saved,
        authored=key if "@" in routine.key else "",
        **context_of(found),
    )


@router.get("/routine")
def default_routine(web: WebApp) -> RedirectResponse:
    return RedirectResponse(f"/routines/{web.routine_key()}", 307)
