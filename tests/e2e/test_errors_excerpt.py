"""A huge bad value is not sent back whole: the message quotes an excerpt of it (issue 9, item 9),
and a refused method names every method its path takes (item 11)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.e2e.forms import with_token
from turnout.web.errors import EXCERPT, clipped, excerpt

HUGE = "x" * 900_000  # under the 1 MB body cap, so that the value itself is what is refused


def small(response_text: str) -> bool:
    return len(response_text) < 4_000


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("PUT", "/api/profile", {"age": 14, "hip_conditions": [HUGE]}),  # a choice, in the domain
        ("POST", "/api/sessions", {"routine": HUGE}),  # a routine name, in the use case
        ("PUT", "/api/profile", {"age": 14, HUGE: 1}),  # a field name, in the schema's errors
        ("POST", "/api/pain-checks", {"moment": "before", "scores": {HUGE: 1}}),  # a dict key
        ("POST", "/api/measurements", {"method": HUGE, "trials": [120]}),
    ],
)
def test_a_huge_bad_value_comes_back_as_an_excerpt(
    client: TestClient, method: str, path: str, body: dict[str, object]
) -> None:
    response = client.request(method, path, json=body)
    assert response.status_code == 422
    assert small(response.text), len(response.text)
    assert "x" * EXCERPT + "…" in response.text


def test_a_huge_value_posted_in_a_form_comes_back_in_the_page_as_an_excerpt(
    client: TestClient,
) -> None:
    form = with_token(client, {"age": "14", "hip_conditions": HUGE})
    page = client.post("/profile", data=form)
    assert page.status_code == 422 and "x" * EXCERPT + "…" in page.text
    assert len(page.text) < 100_000, len(page.text)


def test_a_huge_routine_in_the_address_comes_back_as_an_excerpt(client: TestClient) -> None:
    response = client.get("/api/routines/" + "y" * 5_000)
    assert response.status_code == 404 and small(response.text)
    assert "y" * EXCERPT + "…" in response.json()["detail"]


def test_an_excerpt_keeps_short_values_and_cuts_long_ones() -> None:
    assert excerpt("classic") == "classic"
    assert excerpt("z" * 81) == "z" * 80 + "…"


def test_only_the_quoted_value_is_cut_and_what_follows_it_stays() -> None:
    message = "pain_now: '" + "q" * 500 + "' is not one of: hip_groin, knee."
    assert clipped(message) == "pain_now: '" + "q" * 80 + "…' is not one of: hip_groin, knee."


def test_a_message_is_never_longer_than_a_few_hundred_characters() -> None:
    assert len(clipped("w" * 100_000)) <= 401


@pytest.mark.parametrize(
    ("path", "allow"),
    [("/api/profile", "GET, PUT"), ("/api/settings", "GET, PUT"), ("/api/sessions", "POST")],
)
def test_a_method_a_path_does_not_take_is_a_405_that_names_all_it_takes(
    client: TestClient, path: str, allow: str
) -> None:
    response = client.request("DELETE", path)
    assert response.status_code == 405 and response.headers["allow"] == allow
    assert response.json()["detail"]


def test_a_page_refuses_a_method_with_allow_too(client: TestClient) -> None:
    response = client.request("DELETE", "/history", headers={"accept": "text/html"})
    assert response.status_code == 405 and response.headers["allow"] == "GET"
