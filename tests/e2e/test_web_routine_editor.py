"""Routines written in the app: checked by the rules and messages of routine files, saved as
versions, practised, exported and imported as TOML; on a studio, written by teachers, changed
only by their author or the admin, and given to a class like a built-in one."""

from __future__ import annotations

import tomllib

from fastapi.testclient import TestClient

from tests.e2e.forms import with_token
from tests.e2e.test_web_classes import Studio, a_class, join, studio, teacher
from tests.e2e.test_web_today_flow import play, start
from turnout.services.starter import STARTER

__all__ = ["studio", "teacher"]  # the fixtures, shared with the classes tests
LONGER = STARTER.replace("seconds = 20", "seconds = 25")


def test_a_routine_is_checked_saved_as_versions_and_practised_as_the_version_shown(
    client: TestClient,
) -> None:
    checked = client.post("/api/routine-library/check", json={"text": STARTER}).json()
    assert checked == {"key": "my-warm-up", "name": "My warm-up", "exercises": 1, "holds": 4,
                       "hold_seconds": 80}  # fmt: skip
    assert client.get("/api/routine-library").json() == []  # a check saves nothing
    first = client.post("/api/routine-library", json={"text": STARTER})
    assert first.status_code == 201 and first.json()["version"] == 1
    assert client.post("/api/routine-library", json={"text": STARTER}).json()["version"] == 1
    assert client.post("/api/routine-library", json={"text": LONGER}).json()["version"] == 2
    page = client.get("/routines/my-warm-up").text
    assert "version 2" in page and 'href="/routines/my-warm-up/edit"' in page
    assert "/static/figures/active/standing-rotation.svg" in page  # the drawing it names
    session = start(client, routine="my-warm-up")
    assert session["routine_key"] == "my-warm-up@2"
    client.post("/api/routine-library", json={"text": LONGER.replace("25", "30")})
    # The session keeps the version it practised, and so do its holds once logged.
    assert client.get(f"/api/sessions/{session['id']}").json()["routine_key"] == "my-warm-up@2"
    versions = client.get("/api/routine-library/my-warm-up/versions").json()
    assert [v["version"] for v in versions] == [1, 2, 3]
    exported = client.get("/api/routine-library/my-warm-up.toml?version=2")
    assert exported.text == LONGER and "my-warm-up-v2.toml" in exported.headers[
        "content-disposition"]  # fmt: skip


def test_a_practised_version_plays_to_its_end_and_logs_its_holds_under_its_version(
    client: TestClient, clock: object
) -> None:
    client.post("/api/routine-library", json={"text": STARTER})
    session = start(client, routine="my-warm-up")
    assert play(client, clock, session["id"])["phase"] == "finished"  # type: ignore[arg-type]
    rows = client.get("/api/export/json").json()
    assert {r["routine_key"] for r in rows} == {"my-warm-up@1"} and len(rows) == 4


def test_a_mistake_is_named_where_it_is_and_nothing_is_saved(client: TestClient) -> None:
    typo = client.post(
        "/api/routine-library", json={"text": STARTER.replace('"hold"', '"hodl"', 1)}
    )
    assert typo.status_code == 422
    assert typo.json()["detail"].startswith("Your routine, at exercises[1].cycle[1].kind")
    builtin = STARTER.replace('key = "my-warm-up"', 'key = "classic"', 1)
    taken = client.post("/api/routine-library", json={"text": builtin})
    assert taken.status_code == 422 and "built-in routine" in taken.json()["detail"]
    odd = client.post(
        "/api/routine-library", json={"text": STARTER.replace("my-warm-up", "My Warm Up", 1)}
    )
    assert odd.status_code == 422 and "lower-case" in odd.json()["detail"]
    broken = client.post("/api/routine-library", json={"text": "key = [unclosed"})
    assert broken.status_code == 422 and "not valid TOML" in broken.json()["detail"]
    huge = client.post("/api/routine-library", json={"text": "#" * 70_000})
    assert huge.status_code == 422
    assert client.get("/api/routine-library").json() == []


def test_the_editor_page_checks_imports_and_saves(client: TestClient) -> None:
    page = client.get("/routines/new")
    assert page.status_code == 200 and "my-warm-up" in page.text
    shown = client.post("/routines/editor", data=with_token(client, {"text": STARTER}))
    assert shown.status_code == 200 and 'data-testid="checked"' in shown.text
    wrong = client.post("/routines/editor", data=with_token(client, {"text": "key = 1"}))
    assert wrong.status_code == 422 and 'data-testid="form-error"' in wrong.text
    assert "key = 1" in wrong.text  # what was typed comes back to be fixed
    form = with_token(client, {"action": "save"})
    files = {"file": ("warm-up.toml", LONGER.encode(), "text/plain")}
    saved = client.post("/routines/editor", data=form, files=files, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == "/routines/my-warm-up?saved=1"
    edit = client.get("/routines/my-warm-up/edit").text
    assert "seconds = 25" in edit and 'data-testid="versions"' in edit
    assert client.get("/routines/nobodys/edit").status_code == 404


def test_on_a_studio_teachers_write_routines_their_own_only_and_give_them_to_a_class(
    studio: Studio, teacher: TestClient
) -> None:
    ana = studio.client("ana@example.org")
    refused = ana.post("/api/routine-library", json={"text": STARTER})
    assert refused.status_code == 403 and "teachers and the admin" in refused.json()["detail"]
    assert teacher.post("/api/routine-library", json={"text": STARTER}).status_code == 201
    ulla = studio.client("ulla@example.org")
    theirs = ulla.post("/api/routine-library", json={"text": LONGER})
    assert theirs.status_code == 403 and "written by someone else" in theirs.json()["detail"]
    admin = studio.client("admin@example.org")
    assert admin.post("/api/routine-library", json={"text": LONGER}).json()["version"] == 2
    made = a_class(teacher)
    join(ana, made["code"])
    given = teacher.put(f"/api/classes/{made['id']}/routine", json={"routine": "my-warm-up"})
    assert given.status_code == 200
    assert "Grade 5: My warm-up." in ana.get("/").text
    assert start(ana)["routine_key"] == "my-warm-up@2"


def test_the_form_editors_fields_become_toml_that_checks_like_the_file(
    client: TestClient,
) -> None:
    fields = tomllib.loads(STARTER)
    fields["exercises"][0]["partner_role"] = ""  # an empty field is left out, as in a file
    fields["exercises"][0]["cycle"][0]["seconds"] = 40
    text = client.post("/api/routine-library/toml", json={"routine": fields}).json()["text"]
    assert "partner_role" not in text and "seconds = 40" in text
    assert client.post("/api/routine-library/check", json={"text": text}).json()["holds"] == 4
    deep = '{"routine": ' + '{"a": ' * 3000 + "{}" + "}" * 3001
    headers = {"content-type": "application/json"}
    refused = client.post("/api/routine-library/toml", content=deep, headers=headers)
    assert refused.status_code in (400, 422) and refused.json()["detail"]  # a clear refusal
    mixed = client.post("/api/routine-library/toml", json={"routine": {"key": [1, {"a": 2}]}})
    assert mixed.status_code in (200, 422)  # never a server error
