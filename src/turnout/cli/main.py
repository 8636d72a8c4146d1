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
from turnout.cli.common import cannot_write, container, friendly, out, wrote
from turnout.cli.language import HELP as LANG_HELP
from turnout.cli.language import LanguageGroup, check
from turnout.i18n import N_, _
from turnout.services.history import export_holds
from turnout.services.history import history as practice_history
from turnout.services.routines import describe_routine

# Every help text is written in English, marked N_, and shown in the run's language (see
# cli/language.py).
app = typer.Typer(
    cls=LanguageGroup,
    help=N_("turnout: guided, timed and logged practice for ballet turnout."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
routine_app = typer.Typer(help=N_("Show a routine, step by step."), no_args_is_help=True)
db_app = typer.Typer(help=N_("The practice log's database."), no_args_is_help=True)
JSON_HELP = N_("Print JSON.")
app.add_typer(routine_app, name="routine")
app.add_typer(db_app, name="db")
app.add_typer(studio_cli.studio_app, name="studio")
app.add_typer(studio_cli.users_app, name="users")


@app.callback()
def choose_language(
    lang: Annotated[
        str | None, typer.Option("--lang", metavar="LANG", help=LANG_HELP, callback=check)
    ] = None,
) -> None:
    """The language is chosen before click reads the line (LanguageGroup.main), so `--lang`
    can be anywhere on it; the option is declared here for --help, and to refuse a language
    turnout does not speak."""


@app.command(help=N_("List the built-in routines."))
@friendly
def routines(ctx: typer.Context) -> None:
    source = container(ctx).routines
    out().print(views.routine_list([source.load(name) for name in source.names()]))


@routine_app.command(
    "show",
    help=N_("Every exercise, step, hold, repetition, side, partner cue and piece of equipment."),
)
@friendly
def routine_show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=N_("A built-in routine, or a .toml file."))],
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    routine = container(ctx).routines.load(name)
    if as_json:
        typer.echo(json.dumps(describe_routine(routine), indent=2))
    else:
        out().print(views.routine_detail(routine))


app.command(help=practice.HELP)(friendly(practice.practice))


@app.command(
    help=N_("Sessions per day, holds done against planned, and the streak of practice days.")
)
@friendly
def history(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
    days: Annotated[int | None, typer.Option(min=1, help=N_("Only the last N days."))] = None,
) -> None:
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


@app.command(help=N_("Write every logged hold, as CSV or JSON, to a file or to standard output."))
@friendly
def export(
    ctx: typer.Context,
    format: Annotated[Format, typer.Option("--format", "-f", help=N_("csv or json."))] = Format.CSV,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help=N_("File to write."))
    ] = None,
) -> None:
    text = export_holds(container(ctx).uow(), format.value)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise cannot_write(output, error) from None
    out().print(wrote(output))


@db_app.command(
    "upgrade", help=N_("Create the practice log, or bring it up to this version's schema.")
)
@friendly
def db_upgrade(ctx: typer.Context) -> None:
    box = container(ctx)
    box.uow()
    # Translators: {url} is where the practice log is (a database URL).
    out().print(_("Practice log ready: {url}").format(url=box.settings.db_url))


@app.command(help=N_("Start the web app (http://127.0.0.1:8000 unless told otherwise)."))
@friendly
def serve(
    ctx: typer.Context,
    host: Annotated[
        str | None, typer.Option(help=N_("Address to listen on; 0.0.0.0 for a phone."))
    ] = None,
    port: Annotated[
        int | None, typer.Option(min=1, max=65535, help=N_("Port to listen on."))
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1, max=64, help=N_("Web processes to run (several only on a studio's PostgreSQL).")
        ),
    ] = 1,
) -> None:
    from turnout.web.server import serve as serve_web  # the web stack loads only when asked for

    box = container(ctx)
    box.uow()  # open and migrate the log first, so a problem is reported before the server starts
    serve_web(box, host or box.settings.host, port or box.settings.port, workers)


app.command(help=measure_cli.MAT_HELP)(friendly(measure_cli.mat))
app.command(help=measure_cli.MEASURE_HELP)(friendly(measure_cli.measure))
app.command(help=progress_cli.PROGRESS_HELP)(friendly(progress_cli.progress))
app.command("measure-add", help=progress_cli.ADD_HELP)(friendly(progress_cli.measure_add))
app.command(help=data_cli.BACKUP_HELP)(friendly(data_cli.backup))
app.command("import", help=data_cli.IMPORT_HELP)(friendly(data_cli.import_backup))
app.command(help=worker_cli.HELP)(friendly(worker_cli.worker))


def run() -> None:
    app()
