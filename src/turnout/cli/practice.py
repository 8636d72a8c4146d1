"""`turnout practice`: a guided session in the terminal, saved hold by hold."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from turnout.bootstrap import Container
from turnout.cli.common import container, out
from turnout.cli.keys import keys
from turnout.cli.player import Player
from turnout.domain.events import Event
from turnout.domain.log import OwnerKind
from turnout.domain.outcome import tally
from turnout.errors import NotFoundError
from turnout.ports import UnitOfWork
from turnout.services.leases import Owner
from turnout.services.practice import Practice, resume_practice, start_practice
from turnout.services.practice_log import resumable_session, session_holds, unfinished_session


def practice(
    ctx: typer.Context,
    routine: Annotated[str | None, typer.Option(help="Routine name or .toml file.")] = None,
    exercise: Annotated[
        list[int] | None, typer.Option("--exercise", "-e", help="Only this exercise (repeatable).")
    ] = None,
    voice: Annotated[bool | None, typer.Option("--voice/--no-voice", help="Spoken cues.")] = None,
    resume: Annotated[bool, typer.Option(help="Continue the last unfinished session.")] = False,
) -> None:
    """Practise a routine, guided hold by hold; every hold is saved as it ends."""
    box = container(ctx)
    # This process runs the session: the web app shows it but cannot drive it meanwhile.
    owner = Owner.this_process(OwnerKind.CLI)
    if resume:
        session, events = _resume(box, routine, owner)
    else:
        _mention_unfinished(box.uow(), owner)
        chosen = box.routines.load(routine or box.settings.default_routine)
        session, events = start_practice(
            box.uow(), chosen, box.clock.now(), exercise, box.settings.get_ready_seconds, owner
        )
    try:
        with keys() as reader:
            Player(session, box.clock, box.speaker(voice), reader, out()).run(events)
    finally:
        session.release()  # after Ctrl+C too: resumable at once, here or in the web app
    _summary(session)


def _resume(
    box: Container, routine: str | None, owner: Owner
) -> tuple[Practice, tuple[Event, ...]]:
    uow = box.uow()
    # One that another process runs right now is refused by resume_practice, saying where.
    record = resumable_session(uow, owner) or unfinished_session(uow)
    if record is None:
        raise NotFoundError("There is no unfinished session to resume; start one without --resume.")
    chosen = box.routines.load(routine or record.routine_key)
    now, get_ready = box.clock.now(), box.settings.get_ready_seconds
    practice, events = resume_practice(uow, chosen, record, now, get_ready, owner)
    saved = len(session_holds(uow, record.id))
    out().print(
        f"Resuming the session from {_when(record.started_at)}: {saved} holds already saved. "
        "Get into position, then press Enter."
    )
    return practice, events


def _mention_unfinished(uow: UnitOfWork, owner: Owner) -> None:
    record = resumable_session(uow, owner)
    if record is not None:
        out().print(
            f"An unfinished session from {_when(record.started_at)} can be picked up with "
            "`turnout practice --resume`. Starting a new one."
        )


def _when(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).astimezone().strftime("%a %d %b %H:%M")


def _summary(session: Practice) -> None:
    found = tally(session_holds(session.uow, session.id))
    parts = [f"{found.cut_short} cut short"] if found.cut_short else []
    parts += [f"{found.skipped} skipped"] if found.skipped else []
    praise = "Well done. " if found.done else ""  # only for work done
    out().print(
        f"{praise}Completed {found.done} of {session.record.planned_holds} holds"
        f"{''.join(', ' + part for part in parts)}; {found.seconds_held:.0f} s of holding "
        "saved. See it with `turnout history`."
    )
