"""`turnout studio init` and `turnout users ...`: a studio's accounts, from the terminal."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from typing import Annotated

import typer
from rich.table import Table

from turnout.cli.common import container, friendly, out
from turnout.domain.accounts import CONSENT_AGE, Role
from turnout.errors import UsageError

studio_app = typer.Typer(help="Turn this log into a studio's, with accounts.", no_args_is_help=True)
users_app = typer.Typer(help="The studio's accounts.", no_args_is_help=True)

StdinOption = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input.")
]


@studio_app.command("init")
@friendly
def init(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help="The studio's name, shown on its pages.")],
    admin: Annotated[str, typer.Option("--admin", help="The first admin's email address.")],
    password_stdin: StdinOption = False,
    consent_age: Annotated[
        int, typer.Option(help="Below this age a guardian consents to health data (13-16).")
    ] = CONSENT_AGE,
) -> None:
    """From now on every page needs a signed-in account; the log's data becomes the admin's."""
    accounts = container(ctx).accounts()
    password = _password(password_stdin, f"Password for {admin}")
    made = accounts.init_studio(name, admin, password, consent_age)
    out().print(
        f"This log is now the studio {name!r}. {made.email} is its admin; sign in at /signin."
    )


@users_app.command("add")
@friendly
def add(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="Their email address: what they sign in with.")],
    role: Annotated[Role, typer.Option("--role", help="dancer, teacher, guardian or admin.")],
    name: Annotated[str, typer.Option("--name", help="Shown to the teacher and the admin.")] = "",
    born: Annotated[
        str | None, typer.Option("--born", help="Birth date, YYYY-MM-DD (for a dancer).")
    ] = None,
    password_stdin: StdinOption = False,
) -> None:
    """Add an account; asks for its first password (or reads it with --password-stdin)."""
    accounts = container(ctx).accounts()
    birth = _date(born) if born else None
    password = _password(password_stdin, f"Password for {email}")
    made = accounts.add(email, role, password, name, birth)
    out().print(f"Added {made.email} ({made.role.value}), account {made.id}.")


@users_app.command("list")
@friendly
def list_users(ctx: typer.Context) -> None:
    """Every account: email, name, role, birth date and when it was added."""
    table = Table("id", "email", "name", "role", "born", "added", box=None)
    for account in container(ctx).accounts().everyone():
        added = datetime.fromtimestamp(account.created_at, UTC).date().isoformat()
        born = account.born.isoformat() if account.born else ""
        table.add_row(str(account.id), account.email, account.name, account.role, born, added)
    out().print(table)


@users_app.command("reset-password")
@friendly
def reset_password(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The account's email address.")],
    base: Annotated[
        str | None, typer.Option(help="The server's address as people reach it.")
    ] = None,
) -> None:
    """Print a one-time link (valid for a day) for that person to set a new password."""
    box = container(ctx)
    secret = box.accounts().reset_link(email)
    start = base or f"http://{box.settings.host}:{box.settings.port}"
    out().print(f"Give this link to {email.strip()}; it works once, for 24 hours:")
    typer.echo(f"{start.rstrip('/')}/reset/{secret}")


@users_app.command("link-guardian")
@friendly
def link_guardian(
    ctx: typer.Context,
    guardian: Annotated[str, typer.Argument(help="The guardian's email address.")],
    dancer: Annotated[str, typer.Argument(help="The young dancer's email address.")],
) -> None:
    """Make a guardian's account answer for a dancer: consent to keep health answers and to
    share with teachers (under Classes, on the web)."""
    classes = container(ctx).classes()
    made, ward = classes.link_guardian(guardian, dancer)
    minor = classes.minor(ward)
    out().print(
        f"{made.email} is now a guardian of {ward.email}."
        + ("" if minor else f" Note: {ward.email} is not under the studio's age of consent, so")
        + ("" if minor else " their own choices stand; the guardian sees their classes only.")
    )


def _password(from_stdin: bool, prompt: str) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("No terminal to ask for the password on: pass it with --password-stdin.")
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=True))


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--born {text!r} is not a date; write it as YYYY-MM-DD.") from None
