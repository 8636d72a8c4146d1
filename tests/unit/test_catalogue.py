"""The one catalogue: current with the sources, complete in every shipped language, with the
same placeholders as the English; and the choice of language."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog

from turnout import i18n
from turnout.i18n.catalogues import LANGUAGES, ORDER, po_path
from turnout.i18n.scripts import plural_categories

TOOL = Path(__file__).resolve().parents[2] / "tools" / "i18n.py"


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", TOOL)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module
    spec.loader.exec_module(module)
    return module


def _keys(catalog: Catalog) -> set[tuple[object, object]]:
    return {(message.id, message.context) for message in catalog if message.id}


def test_the_template_holds_every_message_of_the_sources_and_no_other(tool: ModuleType) -> None:
    fresh, kept = _keys(tool.extract()), _keys(tool._read(tool.POT))
    assert fresh - kept == set(), "run `python tools/i18n.py extract` and `update`"
    assert kept - fresh == set(), "the .pot keeps messages the sources no longer have"


def test_the_routines_texts_are_in_the_catalogue_with_their_context(tool: ModuleType) -> None:
    kept = _keys(tool._read(tool.POT))
    assert ("Butterfly press", "routine") in kept
    assert ("Left knee down, round {rep} of 3", "routine") in kept


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_every_shipped_language_is_complete_with_the_same_placeholders(
    tool: ModuleType, language: str
) -> None:
    template = tool._read(tool.POT)
    assert tool.problems(tool._read(po_path(language), language), template) == []


def test_a_gap_or_a_changed_placeholder_is_found(tool: ModuleType) -> None:
    template = Catalog(locale=None)
    template.add("Hold for {seconds} s.")
    template.add("Tap %(name)s to start.")
    template.add(("{count} hold", "{count} holds"))
    template.add("Rest")
    french = Catalog(locale="fr")
    french.add("Hold for {seconds} s.", "Tenez {secondes} s.")
    french.add("Tap %(name)s to start.", "Touchez pour commencer.")
    french.add(("{count} hold", "{count} holds"), ("{count} maintien", "maintiens", "{count}"))
    found = tool.problems(french, template)
    assert any("{seconds}" in p and "placeholders ['secondes']" in p for p in found)
    assert any("Tap" in p and "placeholders []" in p for p in found)
    assert any("hold" in p and "placeholders []" in p for p in found)
    assert any("'Rest': not translated" in p for p in found)


def test_every_language_has_its_own_name_and_a_plural_rule() -> None:
    names = {code: i18n.own_name(code) for code in ORDER}
    assert names["fr"] == "Français" and names["ru"] == "Русский" and names["de"] == "Deutsch"
    assert plural_categories("ru") == ["one", "few", "many"]
    assert plural_categories("en") == ["one", "other"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", None),
        ("en-US,en;q=0.9", "en"),
        ("xx, *;q=0.1", None),
        ("en;q=0, zz", None),
        ("garbage;q=abc, en", "en"),
    ],
)
def test_accept_language_picks_the_best_shipped_language(header: str, expected: str) -> None:
    assert i18n.best_match(header) == expected


def test_the_terminal_language_comes_from_the_environment() -> None:
    assert i18n.from_environment({"LANG": "C.UTF-8"}) == "en"
    assert i18n.from_environment({}) == "en"
    assert i18n.normalize("en_GB.UTF-8") == "en"
    assert i18n.normalize("not a language") is None


def test_speaking_sets_the_language_for_a_block_only() -> None:
    assert i18n.current() == "en"
    with i18n.speaking("en-GB") as chosen:
        assert chosen == "en" and i18n.current() == "en"
    with i18n.speaking("klingon") as chosen:
        assert chosen == "en"
    assert i18n.current() == "en"
