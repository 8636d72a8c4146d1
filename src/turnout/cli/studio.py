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
from turnout.i18n import N_, _, pgettext

studio_app = typer.Typer(
    help=N_("Turn this log into a studio's, with accounts."), no_args_is_help=True
)
users_app = typer.Typer(help=N_("The studio's accounts."), no_args_is_help=True)

StdinOption = Annotated[
    bool, typer.Option("--password-stdin", help=N_("Read the password from standard input."))
]


@studio_app.command(
    "init",
    help=N_(
        "From now on every page needs a signed-in account; the log's data becomes the admin's."
    ),
)
@friendly
def init(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help=N_("The studio's name, shown on its pages."))],
    admin: Annotated[str, typer.Option("--admin", help=N_("The first admin's email address."))],
    password_stdin: StdinOption = False,
    consent_age: Annotated[
        int, typer.Option(help=N_("Below this age a guardian consents to health data (13-16)."))
    ] = CONSENT_AGE,
) -> None:
    accounts = container(ctx).accounts()
    password = _password(password_stdin, admin)
    made = accounts.init_studio(name, admin, password, consent_age)
    # Translators: {name} is the studio's name, quoted; {email} the admin's email address;
    # /signin is the address of the sign-in page.
    text = _("This log is now the studio {name}. {email} is its admin; sign in at /signin.")
    out().print(text.format(name=repr(name), email=made.email))


@users_app.command(
    "add",
    help=N_("Add an account; asks for its first password (or reads it with --password-stdin)."),
)
@friendly
def add(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help=N_("Their email address: what they sign in with."))],
    role: Annotated[Role, typer.Option("--role", help=N_("dancer, teacher, guardian or admin."))],
    name: Annotated[
        str, typer.Option("--name", help=N_("Shown to the teacher and the admin."))
    ] = "",
    born: Annotated[
        str | None, typer.Option("--born", help=N_("Birth date, YYYY-MM-DD (for a dancer)."))
    ] = None,
    password_stdin: StdinOption = False,
) -> None:
    accounts = container(ctx).accounts()
    birth = _date(born) if born else None
    password = _password(password_stdin, email)
    made = accounts.add(email, role, password, name, birth)
    # Translators: {email} is the new account's email address; {role} its role (dancer,
    # teacher, guardian or admin); {id} its number.
    text = _("Added {email} ({role}), account {id}.")
    out().print(text.format(email=made.email, role=role_label(made.role), id=made.id))


@users_app.command(
    "list", help=N_("Every account: email, name, role, birth date and when it was added.")
)
@friendly
def list_users(ctx: typer.Context) -> None:
    # Translators: the columns of the list of accounts.
    headings = (_("id"), _("email"), _("name"), _("role"), _("born"), _("added"))
    table = Table(*headings, box=None)
    for account in container(ctx).accounts().everyone():
        added = datetime.fromtimestamp(account.created_at, UTC).date().isoformat()
        born = account.born.isoformat() if account.born else ""
        role = role_label(account.role)
        table.add_row(str(account.id), account.email, account.name, role, born, added)
    out().print(table)


@users_app.command(
    "reset-password",
    help=N_("Print a one-time link (valid for a day) for that person to set a new password."),
)
@friendly
def reset_password(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help=N_("The account's email address."))],
    base: Annotated[
        str | None, typer.Option(help=N_("The server's address as people reach it."))
    ] = None,
) -> None:
    box = container(ctx)
    secret = box.accounts().reset_link(email)
    start = base or f"http://{box.settings.host}:{box.settings.port}"
    # Translators: {email} is the person's email address; the link follows on the next line.
    text = _("Give this link to {email}; it works once, for 24 hours:")
    out().print(text.format(email=email.strip()))
    typer.echo(f"{start.rstrip('/')}/reset/{secret}")


@users_app.command(
    "link-guardian",
    help=N_(
        "Make a guardian's account answer for a dancer: consent to keep health answers and to "
        "share with teachers (under Classes, on the web)."
    ),
)
@friendly
def link_guardian(
    ctx: typer.Context,
    guardian: Annotated[str, typer.Argument(help=N_("The guardian's email address."))],
    dancer: Annotated[str, typer.Argument(help=N_("The young dancer's email address."))],
) -> None:
    classes = container(ctx).classes()
    made, ward = classes.link_guardian(guardian, dancer)
    if classes.minor(ward):
        # Translators: {guardian} and {dancer} are email addresses.
        text = _("{guardian} is now a guardian of {dancer}.")
    else:
        # Translators: {guardian} and {dancer} are email addresses.
        text = _(
            "{guardian} is now a guardian of {dancer}. Note: {dancer} is not under the studio's "
            "age of consent, so their own choices stand; the guardian sees their classes only."
        )
    out().print(text.format(guardian=made.email, dancer=ward.email))


def role_label(role: Role) -> str:
    """An account's role, as the terminal shows it."""
    labels = {
        Role.DANCER: pgettext("account role", "dancer"),
        Role.TEACHER: pgettext("account role", "teacher"),
        Role.GUARDIAN: pgettext("account role", "guardian"),
        Role.ADMIN: pgettext("account role", "admin"),
    }
    return labels.get(role, role.value)


def _password(from_stdin: bool, email: str) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError(
            _("No terminal to ask for the password on: pass it with --password-stdin.")
        )
    # Translators: asked for a new account's password; {email} is the account's address.
    prompt = _("Password for {email}").format(email=email)
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=True))


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        # Translators: {value} is the date as given, quoted; YYYY-MM-DD is the format to use.
        message = _("--born {value} is not a date; write it as YYYY-MM-DD.")
        raise UsageError(message.format(value=repr(text))) from None
