"""The command line's language: `--lang` anywhere on the line, else the terminal's, else
English; a language turnout does not speak is refused by name; the help, the output and the
voice (espeak-ng's `-v`) follow it.

Until the French catalogue ships, French is a pseudo-catalogue whose every message is the
English in ⟦brackets⟧: what comes out bracketed went through the catalogue."""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.fakes import CLOSE, OPEN, FakeClock, PseudoTranslations
from turnout import bootstrap, i18n
from turnout.adapters import speech
from turnout.adapters.speech import EspeakSpeaker, espeak_voice, make_speaker
from turnout.bootstrap import Container
from turnout.cli.language import named, pulled
from turnout.cli.main import app
from turnout.config import Settings
from turnout.errors import ExitCode
from turnout.i18n import choice
from turnout.i18n.catalogues import LANGUAGES, ORDER, catalog

runner = CliRunner()


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal that asks for no language, whatever the machine running the tests says."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def pseudo_french(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every language turnout speaks is installed; French (and the others) read as ⟦English⟧."""
    monkeypatch.setattr(choice, "LANGUAGES", ORDER)
    monkeypatch.setattr(
        i18n,
        "translations",
        lambda language: gettext.NullTranslations() if language == "en" else PseudoTranslations(),
    )


@pytest.fixture
def box(tmp_path: Path) -> Iterator[Container]:
    settings = Settings(
        data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/log.db", get_ready_seconds=5
    )
    yield bootstrap.build(settings, clock=FakeClock())


def turnout(box: Container, *args: str, keys: str | None = None) -> Result:
    return runner.invoke(app, list(args), obj=box, input=keys)


def test_lang_is_taken_from_anywhere_on_the_line_and_the_rest_is_left_as_it_was() -> None:
    assert pulled(["routine", "show", "classic", "--lang", "fr"]) == (
        "fr",
        ["routine", "show", "classic"],
    )
    assert pulled(["--lang=pt-BR", "routines"]) == ("pt-BR", ["routines"])
    assert pulled(["export", "--", "--lang", "fr"]) == (None, ["export", "--", "--lang", "fr"])
    assert pulled(["routines"]) == (None, ["routines"])


def test_every_spelling_of_a_language_turnout_speaks_is_known_and_no_other() -> None:
    assert [named(v) for v in ("fr", "FR", "fr-CA", "fr_FR.UTF-8", "pt-br", "pt", "ru_RU")] == [
        "fr",
        "fr",
        "fr",
        "fr",
        "pt_BR",
        "pt_BR",
        "ru",
    ]
    assert [named(v) for v in ("C", "POSIX", "en_US.UTF-8")] == ["en"] * 3
    assert [named(v) for v in ("xx", "klingon", "", "ja")] == [None] * 4


def test_routine_show_speaks_french_after_the_command(box: Container, pseudo_french: None) -> None:
    english = turnout(box, "routine", "show", "classic")
    french = turnout(box, "routine", "show", "classic", "--lang", "fr")
    assert english.exit_code == 0 and french.exit_code == 0, french.output
    assert OPEN not in english.output
    assert f"{OPEN}Total holding time: " in french.output
    assert f"{OPEN}Butterfly press{CLOSE}" in french.output  # the routine's own texts too
    assert i18n.current() == "en"  # the run's language does not outlive it


@pytest.mark.parametrize(
    "line",
    [
        ["--lang", "fr", "routine", "show", "classic"],
        ["routine", "--lang=fr", "show", "classic"],
        ["routine", "show", "classic", "--lang=fr-FR"],
    ],
)
def test_lang_means_the_same_wherever_it_is_written(
    box: Container, pseudo_french: None, line: list[str]
) -> None:
    result = turnout(box, *line)
    assert result.exit_code == 0, result.output
    assert f"{OPEN}Total holding time: " in result.output


def test_without_lang_the_terminal_s_language_is_spoken(
    box: Container, pseudo_french: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert f"{OPEN}Total holding time: " in turnout(box, "routine", "show", "classic").output
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert OPEN not in turnout(box, "routine", "show", "classic").output
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    english = turnout(box, "routine", "show", "classic", "--lang", "en")
    assert OPEN not in english.output  # --lang wins over the terminal


def test_lang_fr_is_accepted_before_its_catalogue_ships(box: Container) -> None:
    english = turnout(box, "routine", "show", "classic")
    french = turnout(box, "routine", "show", "classic", "--lang", "fr")
    assert french.exit_code == 0, french.output
    if "fr" not in LANGUAGES:
        assert french.output == english.output  # English, as gettext falls back to it


@pytest.mark.skipif("fr" not in LANGUAGES, reason="no French catalogue ships yet")
def test_routine_show_is_french_with_the_shipped_catalogue(box: Container) -> None:
    french = turnout(box, "routine", "show", "classic", "--lang", "fr")
    assert french.exit_code == 0, french.output
    wanted = catalog("fr").get("Total holding time: {duration}")
    assert wanted is not None and wanted.string, "the French catalogue lacks the message"
    assert str(wanted.string).split("{")[0] in french.output
    assert "Total holding time" not in french.output


@pytest.mark.parametrize("line", [["routine", "show", "classic", "--lang", "xx"], ["--lang=xx"]])
def test_a_language_turnout_does_not_speak_is_refused_naming_those_it_does(
    box: Container, line: list[str]
) -> None:
    result = turnout(box, *line)
    assert result.exit_code == ExitCode.USAGE, result.output
    text = " ".join(result.output.replace("│", " ").split())
    assert "'xx' is not a language turnout speaks" in text
    for code in ORDER:
        assert f"{i18n.html_lang(code)} (" in text
    assert "fr (Français)" in text and "ru (Русский)" in text


def test_the_help_of_every_command_is_shown_in_the_language(
    box: Container, pseudo_french: None
) -> None:
    top = turnout(box, "--help", "--lang", "fr")
    assert top.exit_code == 0, top.output
    assert f"{OPEN}turnout: guided, timed and logged practice" in top.output
    assert f"{OPEN}List the built-in routines.{CLOSE}" in top.output
    show = turnout(box, "routine", "show", "--help", "--lang", "fr")
    assert f"{OPEN}A built-in routine, or a .toml file.{CLOSE}" in show.output
    add = turnout(box, "measure-add", "--help", "--lang", "fr")
    assert f"{OPEN}How you measured: camera_mat, camera," in add.output
    english = turnout(box, "measure-add", "--help")
    assert "How you measured: camera_mat, camera," in english.output and OPEN not in english.output


def test_espeak_is_given_the_voice_of_each_language() -> None:
    assert [espeak_voice(code) for code in ORDER] == ["en", "fr", "es", "de", "it", "pt-br", "ru"]
    voice = EspeakSpeaker("espeak-ng", rate=170, voice="fr")
    assert voice.command("Tenez.") == ["espeak-ng", "-v", "fr", "-s", "170", "--", "Tenez."]
    assert EspeakSpeaker("espeak-ng", rate=170).command("Hold.")[1:3] == ["-s", "170"]


class Spoken:
    """Stands in for subprocess.Popen: keeps each command, talks for no time."""

    def __init__(self) -> None:
        self.commands: list[list[str]] = []

    def __call__(self, command: list[str], **_: object) -> Spoken:
        self.commands.append(command)
        return self

    def poll(self) -> int:
        return 0


def test_practice_with_lang_fr_speaks_through_espeak_s_french_voice(
    box: Container, pseudo_french: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    spoken = Spoken()
    monkeypatch.setattr(speech.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(speech.subprocess, "Popen", spoken)
    result = turnout(box, "practice", "-e", "1", "--voice", "--lang", "fr", keys="\n")
    assert result.exit_code == 0, result.output
    assert spoken.commands, "nothing was said"
    assert all(command[1:3] == ["-v", "fr"] for command in spoken.commands)
    assert any(OPEN in command[-1] for command in spoken.commands)  # the cues are French too


def test_a_speaker_made_in_a_language_uses_its_voice(
    pseudo_french: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech.shutil, "which", lambda name: f"/usr/bin/{name}")
    with i18n.speaking("pt-BR"):
        voice = make_speaker(True)
    assert isinstance(voice, EspeakSpeaker) and voice.voice == "pt-br"
    english = make_speaker(True)
    assert isinstance(english, EspeakSpeaker) and english.voice == "en"
