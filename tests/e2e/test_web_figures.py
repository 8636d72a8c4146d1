"""The drawings over HTTP: served as SVG, and shown on the Routine page and the profile."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain.safety import BEIGHTON_ITEMS

ROUTINES = FileRoutineSource()


def images(html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<img class="(?:exercise|beighton)-figure" src="([^"]+)" alt="([^"]+)"', html
    )


@pytest.mark.parametrize("key", ["classic", "active"])
def test_every_exercise_card_shows_its_drawing_and_every_drawing_is_served(
    client: TestClient, key: str
) -> None:
    html = client.get(f"/routines/{key}").text
    routine = ROUTINES.load(key)
    shown = images(html)
    assert [src for src, _ in shown] == [
        f"/static/figures/{key}/{e.key}.svg" for e in routine.exercises
    ]
    for src, alt in shown:
        served = client.get(src)
        assert served.status_code == 200 and served.headers["content-type"] == "image/svg+xml"
        assert "<title" in served.text and len(alt) > 40


def test_the_routine_page_has_a_start_button_per_exercise_and_one_for_the_whole(
    client: TestClient,
) -> None:
    html = client.get("/routines/classic").text
    starts = re.findall(r'<button class="btn[^"]*" type="button" data-start ([^>]*)>', html)
    whole = [s for s in starts if "data-exercises" not in s]
    singles = re.findall(r'data-exercises="(\d+)" data-token="[0-9a-f]{32}-\1"', html)
    assert len(whole) == 1 and 'data-routine="classic"' in whole[0]
    assert singles == ["1", "2", "3", "4", "5"]
    assert html.count("<details>") == 5 and "<details open" not in html
    assert 'href="/routines/active"' in html and "builds the muscles that hold turnout" in html


def test_the_active_routine_links_back_to_the_classic_one_with_a_word_of_caution(
    client: TestClient,
) -> None:
    html = client.get("/routines/active").text
    assert 'href="/routines/classic"' in html and "as published" in html


def test_a_swapped_exercise_offers_its_replacement_once_in_one_sentence(client: TestClient) -> None:
    client.put("/api/profile", json={"age": 15, "beighton": 7})
    html = client.get("/routines/classic").text
    assert "Practise Side-lying rotation instead" in html
    assert "; because" not in html
    both = "because you are under 18 and your joints are very mobile (Beighton 7 of 9)"
    assert html.count(both) == 3  # the straddle, the wall straddle and the frog, once each
    assert "Swapped for you by Side-lying rotation" in html


def test_the_profile_self_check_shows_a_drawing_beside_each_of_the_nine_items(
    client: TestClient,
) -> None:
    html = client.get("/profile").text
    shown = images(html)
    assert [src for src, _ in shown] == [
        f"/static/figures/beighton/{k}.svg" for k in BEIGHTON_ITEMS
    ]
    assert html.count('data-testid="beighton-item"') == 9
    assert all(client.get(src).status_code == 200 for src, _ in shown)


def test_a_figure_that_does_not_exist_is_a_plain_404(client: TestClient) -> None:
    assert client.get("/static/figures/classic/nothing.svg").status_code == 404
