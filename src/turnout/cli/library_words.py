"""The words click and typer write themselves ("Usage:", "Options", "Show this message and
exit.", "No such command 'x'."), in the command line's language.

Both libraries look their words up with the standard library's gettext, which knows nothing of
turnout's catalogue; `install()` has them look them up in it instead. The catalogue holds the
ones a dancer meets (marked below, as the libraries spell them). A translation whose
placeholders ({name!r}, {message}...) differ from the English is not used: the libraries fill
them in, and a wrong one must not stop the command."""

from __future__ import annotations

import re
from types import ModuleType

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
from typer import rich_utils

from turnout import i18n
from turnout.i18n import N_

FIELD = re.compile(r"\{[^{}]*\}|%\(\w+\)s")
# Translators: the words below are the command line's own (from the libraries click and
# typer); keep every {name}, {name!r} and %(name)s exactly as it is.
WORDS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Arguments"),
    N_("Error"),
    N_("Aborted."),
    N_("Aborted!"),
    N_("Show this message and exit."),
    N_("Try '{command} {option}' for help."),
    N_("Try [blue]'{command_path} {help_option}'[/] for help."),
    N_("No such command {name!r}."),
    N_("No such option {name!r}."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("Error: {message}"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{name} {filename!r} does not exist."),
    N_("Do you want to continue?"),
    N_("Repeat for confirmation"),
    N_("Error: The two entered values do not match."),
    N_("[default: {}]"),
    N_("[required]"),
    N_("default: {default}"),
)
MODULES: tuple[ModuleType, ...] = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.termui,
    click.types,
)
# typer writes these once, when it is imported: their English, to put them again in a language.
TYPER_NAMES = (
    "ARGUMENTS_PANEL_TITLE",
    "OPTIONS_PANEL_TITLE",
    "COMMANDS_PANEL_TITLE",
    "ERRORS_PANEL_TITLE",
    "ABORTED_TEXT",
    "RICH_HELP",
    "DEFAULT_STRING",
    "REQUIRED_LONG_STRING",
)
TYPER = {name: getattr(rich_utils, name) for name in TYPER_NAMES}


def _kept(english: str, translated: str) -> str:
    same = sorted(FIELD.findall(english)) == sorted(FIELD.findall(translated))
    return translated if same else english


def gettext(message: str) -> str:
    """`message` from turnout's catalogue, in the current language, its placeholders intact."""
    return _kept(message, i18n.gettext(message))


def ngettext(singular: str, plural: str, count: int) -> str:
    english = singular if count == 1 else plural
    return _kept(english, i18n.ngettext(singular, plural, count))


def install() -> None:
    """click and typer write their words in the current language from now on."""
    for module in MODULES:
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    for name, english in TYPER.items():
        setattr(rich_utils, name, gettext(english))
