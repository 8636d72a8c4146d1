"""What every shipped language must hold beyond its catalogue: the editor's starter is a valid
routine in it, the printed mat's font has every letter its texts use, and the routines read in
it (a text the catalogue lacks stays in the routine's own words, never empty)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fontTools.ttLib import TTFont

from turnout import i18n
from turnout.adapters.routines.files import routine_from_text
from turnout.errors import RoutineError
from turnout.i18n.catalogues import LANGUAGES, SOURCE
from turnout.services.starter import STARTER, starter_text

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "turnout"
FONT = PACKAGE / "adapters" / "vision" / "fonts" / "DejaVuSans-turnout.ttf"
SHIPPED = [language for language in LANGUAGES if language != SOURCE]


def _catalogue(language: str):  # type: ignore[no-untyped-def]
    path = PACKAGE / "i18n" / "locale" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as file:
        return read_po(file, locale=language)


def test_turnout_ships_the_seven_languages() -> None:
    assert set(LANGUAGES) == {"en", "fr", "es", "de", "it", "pt_BR", "ru"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_starter_is_a_valid_routine_in_every_language(language: str) -> None:
    with i18n.speaking(language):
        text = starter_text()
        routine = routine_from_text(text, "starter")
    assert routine.exercises and routine.exercises[0].steps
    assert (text == STARTER) == (language == SOURCE)


@pytest.mark.parametrize("language", SHIPPED)
def test_the_mat_font_has_every_letter_of_the_mats_texts(language: str) -> None:
    letters = set(TTFont(FONT).getBestCmap())
    for message in _catalogue(language):
        if not any("adapters/vision/mat" in where for where, _ in message.locations):
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        missing = {c for form in forms for c in form if ord(c) not in letters and c != "\n"}
        assert not missing, f"{message.id!r}: the font lacks {sorted(missing)}"


@pytest.mark.parametrize("language", SHIPPED)
def test_the_routines_read_in_the_language_and_keep_every_text(language: str) -> None:
    text = (PACKAGE / "routines" / "classic.toml").read_text(encoding="utf-8")
    english = routine_from_text(text, "classic")
    with i18n.speaking(language):
        translated = routine_from_text(text, "classic")
    assert translated.name != english.name
    pairs = zip(english.exercises, translated.exercises, strict=True)
    for ours, theirs in pairs:
        assert theirs.name and theirs.name != ours.name
        for step, their_step in zip(ours.steps, theirs.steps, strict=True):
            assert their_step.cue.strip() and their_step.seconds == step.seconds


def test_a_routine_carries_its_own_translations_and_keeps_what_it_lacks() -> None:
    own = STARTER + '\n[translations.fr]\n"My warm-up" = "Mon échauffement"\n'
    own += '\n[translations.pt-BR]\n"My warm-up" = "Meu aquecimento"\n"Rest" = ""\n'
    with i18n.speaking("fr"):
        french = routine_from_text(own, "mine")
        catalogue_rest = i18n.pgettext("routine", "Rest")
    with i18n.speaking("pt_BR"):
        brazilian = routine_from_text(own, "mine")
        brazilian_rest = i18n.pgettext("routine", "Rest")
    assert french.name == "Mon échauffement" and brazilian.name == "Meu aquecimento"
    assert routine_from_text(own, "mine").name == "My warm-up"
    # A text the routine does not translate (or translates as nothing) comes from the catalogue.
    assert catalogue_rest in [s.title for s in french.exercises[0].steps]
    assert brazilian_rest in [s.title for s in brazilian.exercises[0].steps]


@pytest.mark.parametrize(
    "text",
    [
        'translations = "fr"\n' + STARTER,
        STARTER + '\n[translations]\nfr = "x"\n',
        STARTER + '\n[translations.fr]\n"A" = 3\n',
    ],
)
def test_a_wrong_translations_table_is_a_clear_error(text: str) -> None:
    with pytest.raises(RoutineError, match=r"^mine: .*translations"):
        routine_from_text(text, "mine")


def test_the_history_page_explains_every_column_of_the_download() -> None:
    import csv
    import io

    from turnout.services import history
    from turnout.services.export_columns import COLUMNS

    header = next(csv.reader(io.StringIO(history._csv([]))))
    assert [name for name, _ in COLUMNS] == header
