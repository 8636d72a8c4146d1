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
from turnout.i18n import N_, _, ngettext
from turnout.i18n.formats import CLOCK, DAY, number, when
from turnout.ports import UnitOfWork
from turnout.services.leases import Owner
from turnout.services.practice import Practice, resume_practice, start_practice
from turnout.services.practice_log import resumable_session, session_holds, unfinished_session

HELP = N_("Practise a routine, guided hold by hold; every hold is saved as it ends.")


def practice(
    ctx: typer.Context,
    routine: Annotated[str | None, typer.Option(help=N_("Routine name or .toml file."))] = None,
    exercise: Annotated[
        list[int] | None,
        typer.Option("--exercise", "-e", help=N_("Only this exercise (repeatable).")),
    ] = None,
    voice: Annotated[
        bool | None, typer.Option("--voice/--no-voice", help=N_("Spoken cues."))
    ] = None,
    resume: Annotated[bool, typer.Option(help=N_("Continue the last unfinished session."))] = False,
) -> None:
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
        raise NotFoundError(
            _("There is no unfinished session to resume; start one without --resume.")
        )
    chosen = box.routines.load(routine or record.routine_key)
    now, get_ready = box.clock.now(), box.settings.get_ready_seconds
    practice, events = resume_practice(uow, chosen, record, now, get_ready, owner)
    saved = len(session_holds(uow, record.id))
    # Translators: {when} is when the session started ("Fri 04 Dec 17:30"); {count} how many
    # of its holds are saved.
    text = ngettext(
        "Resuming the session from {when}: {count} holds already saved. Get into position, then "
        "press Enter.",
        "Resuming the session from {when}: {count} holds already saved. Get into position, then "
        "press Enter.",
        saved,
    )
    out().print(text.format(when=_when(record.started_at), count=saved))
    return practice, events


def _mention_unfinished(uow: UnitOfWork, owner: Owner) -> None:
    record = resumable_session(uow, owner)
    if record is not None:
        # Translators: {when} is when the session started ("Fri 04 Dec 17:30").
        text = _(
            "An unfinished session from {when} can be picked up with `turnout practice "
            "--resume`. Starting a new one."
        )
        out().print(text.format(when=_when(record.started_at)))


def _when(timestamp: float) -> str:
    """When a session started, in the terminal's time zone: "Fri 04 Dec 17:30"."""
    return when(datetime.fromtimestamp(timestamp).astimezone(), f"{DAY} {CLOCK}")


def _summary(session: Practice) -> None:
    found, planned = tally(session_holds(session.uow, session.id)), session.record.planned_holds
    # Translators: the first part of a session's summary; then come the holds cut short and
    # skipped, if any ("Completed 7 of 9 holds, 1 cut short, 1 skipped").
    done = ngettext(
        "Completed {done} of {planned} holds", "Completed {done} of {planned} holds", planned
    )
    parts = [done.format(done=found.done, planned=planned)]
    if found.cut_short:
        # Translators: how many holds of the session were cut short.
        text = ngettext("{count} cut short", "{count} cut short", found.cut_short)
        parts.append(text.format(count=found.cut_short))
    if found.skipped:
        # Translators: how many holds of the session were skipped.
        text = ngettext("{count} skipped", "{count} skipped", found.skipped)
        parts.append(text.format(count=found.skipped))
    # Translators: {tally} says how many holds were completed, cut short and skipped; {seconds}
    # is a whole number of seconds.
    text = _("{tally}; {seconds} s of holding saved. See it with `turnout history`.")
    summary = text.format(tally=", ".join(parts), seconds=number(found.seconds_held, 0))
    praise = _("Well done.") + " " if found.done else ""  # only for work done
    out().print(praise + summary)
