"""`turnout`: the command line. Each command is a few lines over the services."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from turnout.cli import data as data_cli
from turnout.cli import measure as measure_cli
from turnout.cli import practice, views
from turnout.cli import progress as progress_cli
from turnout.cli import studio as studio_cli
from turnout.cli import worker as worker_cli
from turnout.cli.common import container, friendly, out
from turnout.errors import TurnoutError
from turnout.services.history import export_holds
from turnout.services.history import history as practice_history
from turnout.services.routines import describe_routine

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
app.add_typer(studio_cli.studio_app, name="studio")
app.add_typer(studio_cli.users_app, name="users")


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
        typer.echo(json.dumps(describe_routine(routine), indent=2))
    else:
        out().print(views.routine_detail(routine))


app.command()(friendly(practice.practice))


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
    report = practice_history(box.uow(), box.clock.now(), tz, days)
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
    text = export_holds(container(ctx).uow(), format.value)
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
    workers: Annotated[
        int,
        typer.Option(
            min=1, max=64, help="Web processes to run (several only on a studio's PostgreSQL)."
        ),
    ] = 1,
) -> None:
    """Start the web app (http://127.0.0.1:8000 unless told otherwise)."""
    from turnout.web.server import serve as serve_web  # the web stack loads only when asked for

    box = container(ctx)
    box.uow()  # open and migrate the log first, so a problem is reported before the server starts
    serve_web(box, host or box.settings.host, port or box.settings.port, workers)


app.command()(friendly(measure_cli.mat))
app.command()(friendly(measure_cli.measure))
app.command()(friendly(progress_cli.progress))
app.command("measure-add")(friendly(progress_cli.measure_add))
app.command()(friendly(data_cli.backup))
app.command("import")(friendly(data_cli.import_backup))
app.command()(friendly(worker_cli.worker))


def run() -> None:
    app()
