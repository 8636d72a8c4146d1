"""The language of the command line: `--lang fr` anywhere on the line (`turnout --lang fr
routine show classic`, `turnout routine show classic --lang=fr`), else the terminal's
(LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English.

The root group takes `--lang` out of the arguments before click reads them, so it is the same
wherever it is written, and speaks the language for the whole run: the output, the errors, the
spoken cues and the help of every command (written in English, marked N_, shown translated).
A language turnout does not speak is put back in front of the command, where the root's own
`--lang` option refuses it with the list of those it does speak."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from babel import Locale, UnknownLocaleError
from typer.core import TyperGroup

from turnout import i18n
from turnout.cli import library_words
from turnout.i18n import N_, _
from turnout.i18n.catalogues import ORDER, SOURCE

OPTION = "--lang"
# Translators: the help of the option --lang; LANG, LANGUAGE, LC_ALL and LC_MESSAGES are the
# names of environment variables.
HELP = N_(
    "The language to speak: en, fr, es, de, it, pt-BR or ru (else LANGUAGE, LC_ALL, LC_MESSAGES "
    "or LANG; else English)."
)
# Help texts with placeholders, by their English, and what fills them once translated.
FILLS: dict[str, dict[str, str]] = {}


def filled(template: str, **values: str) -> str:
    """A help text (marked N_) whose {placeholders} are filled with `values` when shown."""
    FILLS[template] = values
    return template


def named(value: str) -> str | None:
    """The language turnout speaks that `value` names ("fr", "fr-CA", "pt-br", "ru_RU.UTF-8"),
    whether or not its catalogue ships yet; None for any other. C and POSIX are English."""
    tag = value.split(".")[0].split("@")[0].replace("-", "_").strip()
    if tag.upper() in {"C", "POSIX"}:
        return SOURCE
    if not tag:
        return None
    try:
        asked = Locale.parse(tag)
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    exact = f"{asked.language}_{asked.territory}" if asked.territory else asked.language
    if exact in ORDER:
        return exact
    return next((known for known in ORDER if known.split("_")[0] == asked.language), None)


def refusal(value: str) -> str:
    """What is said of a language turnout does not speak: the ones it does, by name."""
    spoken = ", ".join(f"{i18n.html_lang(code)} ({i18n.own_name(code)})" for code in ORDER)
    # Translators: {value} is what was given to --lang; {languages} the languages turnout
    # speaks, each as its code and its own name ("fr (Français)").
    text = _("{value} is not a language turnout speaks; give one of {languages}.")
    return text.format(value=repr(value), languages=spoken)


def check(value: str | None) -> str | None:
    """The callback of the root's `--lang`: it sees only a language that was refused."""
    if value is not None and named(value) is None:
        raise typer.BadParameter(refusal(value))
    return value


def pulled(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """The last `--lang X` or `--lang=X` before any `--`, and the arguments without them."""
    found, index = None, 0
    rest: list[str] = []
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg.startswith(OPTION + "=") or (arg == OPTION and index + 1 < len(args)):
            found = arg.partition("=")[2] if "=" in arg else args[index + 1]
            index += 1 if "=" in arg else 2
            continue
        rest.append(arg)
        index += 1
    return found, rest


def translate_help(command: Any) -> None:
    """Every help text of `command` and its subcommands in the current language; the English
    (marked N_ where it is written) is kept, so the tree can be translated again."""
    for owner in (command, *getattr(command, "params", ())):
        for attribute in ("help", "short_help", "epilog"):
            english = _english(owner, attribute)
            if english:
                shown = _(english)
                setattr(
                    owner, attribute, shown.format(**FILLS[english]) if english in FILLS else shown
                )
    for sub in getattr(command, "commands", {}).values():
        translate_help(sub)


def _english(owner: object, attribute: str) -> str | None:
    kept = f"_turnout_english_{attribute}"
    if not hasattr(owner, kept):
        setattr(owner, kept, getattr(owner, attribute, None))
    english = getattr(owner, kept)
    return english if isinstance(english, str) else None


class LanguageGroup(TyperGroup):
    """The root command: chooses the language, then runs the command line in it."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        value, remaining = pulled(list(sys.argv[1:] if args is None else args))
        language = named(value) if value is not None else i18n.from_environment()
        if value is not None and language is None:
            remaining = [OPTION, value, *remaining]  # refused, in the terminal's language
            language = i18n.from_environment()
        with i18n.speaking(language or SOURCE):
            library_words.install()
            translate_help(self)
            return super().main(remaining, *rest, **extra)
