"""`turnout`: the command line. Each command is a few lines over the services."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console

from turnout import bootstrap, services
from turnout.bootstrap import Container
from turnout.cli import measure as measure_cli
from turnout.cli import views
from turnout.cli.keys import keys
from turnout.cli.player import Player
from turnout.ports import TurnoutError, UnitOfWork

app = typer.Typer(
    help="turnout: guided, timed and logged practice for ballet turnout.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
routine_app = typer.Typer(help="Show a routine, step by step.", no_args_is_help=True)
db_app = typer.Typer(help="The practice log's database.", no_args_is_help=True)
app.add_typer(routine_app, name="routine")
app.add_typer(db_app, name="db")

P = ParamSpec("P")
R = TypeVar("R")


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a TurnoutError into one line on stderr and exit code 1: no traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except TurnoutError as error:
            # Messages quote paths and names the user typed: print them as text, not markup.
            Console(stderr=True, soft_wrap=True, markup=False).print(
                f"turnout: {error}", style="red", highlight=False
            )
            raise typer.Exit(1) from None

    return wrapper


def container(ctx: typer.Context) -> Container:
    """The one given by a test through `obj`, or the real one built from the environment."""
    root = ctx.find_root()
    if not isinstance(root.obj, Container):
        root.obj = bootstrap.build()
    return root.obj


def out() -> Console:
    # Routine files and paths are the user's text; "[/]" in a title must not be read as markup.
    return Console(highlight=False, markup=False)


@app.command()
@friendly
def routines(ctx: typer.Context) -> None:
    """List the built-in routines."""
    source = container(ctx).routines
    out().print(views.routine_list([source.load(name) for name in source.names()]))


@routine_app.command("show")
@friendly
def routine_show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A built-in routine, or a .toml file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every exercise, step, hold, repetition, side, partner cue and piece of equipment."""
    routine = container(ctx).routines.load(name)
    if as_json:
        typer.echo(json.dumps(services.describe_routine(routine), indent=2))
    else:
        out().print(views.routine_detail(routine))


@app.command()
@friendly
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
    uow, now = box.uow(), box.clock.now()
    if resume:
        record = services.unfinished_session(uow)
        if record is None:
            raise TurnoutError(
                "There is no unfinished session to resume; start one without --resume."
            )
        chosen = box.routines.load(routine or record.routine_key)
        saved = len(services.session_holds(uow, record.id))
        out().print(
            f"Resuming the session from {_when(record.started_at)}: {saved} holds already saved. "
            "Get into position, then press Enter."
        )
        session, events = services.resume_practice(
            uow, chosen, record, now, box.settings.get_ready_seconds
        )
    else:
        _mention_unfinished(uow)
        chosen = box.routines.load(routine or box.settings.default_routine)
        session, events = services.start_practice(
            uow, chosen, now, exercise, box.settings.get_ready_seconds
        )
    with keys() as reader:
        Player(session, box.clock, box.speaker(voice), reader, out()).run(events)
    _summary(session)


def _mention_unfinished(uow: UnitOfWork) -> None:
    record = services.unfinished_session(uow)
    if record is not None:
        out().print(
            f"An unfinished session from {_when(record.started_at)} can be picked up with "
            "`turnout practice --resume`. Starting a new one."
        )


def _when(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).astimezone().strftime("%a %d %b %H:%M")


def _summary(session: services.Practice) -> None:
    done = services.session_holds(session.uow, session.id)
    completed = sum(1 for h in done if h.status == "completed")
    held = sum(h.actual_seconds for h in done)
    short = f", {len(done) - completed} cut short or skipped" if len(done) > completed else ""
    out().print(
        f"Completed {completed} of {session.record.planned_holds} holds{short}; "
        f"{held:.0f} s of holding saved. See it with `turnout history`."
    )


@app.command()
@friendly
def history(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    days: Annotated[int | None, typer.Option(min=1, help="Only the last N days.")] = None,
) -> None:
    """Sessions per day, holds done against planned, and the streak of practice days."""
    box = container(ctx)
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None
    report = services.history(box.uow(), box.clock.now(), tz, days)
    if as_json:
        data = {"streak": report.streak, "days": [asdict(d) for d in report.days]}
        typer.echo(json.dumps(data, indent=2, default=str))
    else:
        out().print(views.history_view(report))


class Format(StrEnum):
    CSV = "csv"
    JSON = "json"


@app.command()
@friendly
def export(
    ctx: typer.Context,
    format: Annotated[Format, typer.Option("--format", "-f", help="csv or json.")] = Format.CSV,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write.")] = None,
) -> None:
    """Write every logged hold, as CSV or JSON, to a file or to standard output."""
    text = services.export_holds(container(ctx).uow(), format.value)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise TurnoutError(
            f"Cannot write {output}: {error.strerror}. Choose another path."
        ) from None
    out().print(f"Wrote {output}")


@db_app.command("upgrade")
@friendly
def db_upgrade(ctx: typer.Context) -> None:
    """Create the practice log, or bring it up to this version's schema."""
    box = container(ctx)
    box.uow()
    out().print(f"Practice log ready: {box.settings.db_url}")


@app.command()
@friendly
def serve(
    ctx: typer.Context,
    host: Annotated[
        str | None, typer.Option(help="Address to listen on; 0.0.0.0 for a phone.")
    ] = None,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help="Port to listen on.")] = None,
) -> None:
    """Start the web app (http://127.0.0.1:8000 unless told otherwise)."""
    from turnout.web.server import serve as serve_web  # the web stack loads only when asked for

    box = container(ctx)
    box.uow()  # open and migrate the log first, so a problem is reported before the server starts
    serve_web(box, host or box.settings.host, port or box.settings.port)


app.command()(friendly(measure_cli.mat))
app.command()(friendly(measure_cli.measure))


def run() -> None:
    app()
