"""A studio's classes over HTTP: a teacher makes a class, dancers join with its code and
practise, and the teacher sees the roster, this week's holds, the red flags and turnout with
its band, but only what each dancer shares; a minor's data waits for a guardian's consent."""

from __future__ import annotations

import html
import re
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import settings_for
from tests.e2e.forms import with_token
from tests.e2e.test_web_today_flow import play, start
from tests.fakes import FakeClock, cheap_hasher
from turnout import bootstrap
from turnout.domain.accounts import Role
from turnout.domain.plan import Plan
from turnout.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

GOOD = "a long enough pass phrase"
PEOPLE = {
    "admin@example.org": Role.ADMIN,
    "tamara@example.org": Role.TEACHER,
    "ulla@example.org": Role.TEACHER,
    "ana@example.org": Role.DANCER,
    "ben@example.org": Role.DANCER,
    "kid@example.org": Role.DANCER,
    "mum@example.org": Role.GUARDIAN,
}


class Studio:
    def __init__(self, folder: Path) -> None:
        self.clock = FakeClock()  # 2026-01-01, a Thursday
        self.box = bootstrap.build(settings_for(folder), clock=self.clock)
        self.box.hasher = cheap_hasher()
        accounts = self.box.accounts()
        accounts.init_studio("Studio Nord", "admin@example.org", GOOD, 16)
        for email, role in PEOPLE.items():
            if role is not Role.ADMIN:
                born = date(2013, 5, 1) if email.startswith("kid") else None
                accounts.add(email, role, GOOD, email.partition("@")[0].title(), born)
        self.app = create_app(self.box)
        self._clients: list[TestClient] = []

    def client(self, email: str) -> TestClient:
        made = TestClient(self.app, base_url="http://127.0.0.1")
        made.__enter__()
        self._clients.append(made)
        answer = made.post("/api/auth/login", json={"email": email, "password": GOOD})
        assert answer.status_code == 200, answer.text
        return made

    def close(self) -> None:
        for made in self._clients:
            made.__exit__(None, None, None)

    def id_of(self, email: str) -> int:
        return next(a.id for a in self.box.accounts().everyone() if a.email == email)


@pytest.fixture
def studio(tmp_path: Path) -> Iterator[Studio]:
    made = Studio(tmp_path)
    yield made
    made.close()


@pytest.fixture
def teacher(studio: Studio) -> TestClient:
    return studio.client("tamara@example.org")


def a_class(teacher: TestClient, name: str = "Grade 5") -> dict[str, Any]:
    made = teacher.post("/api/classes", json={"name": name})
    assert made.status_code == 201, made.text
    found: dict[str, Any] = made.json()
    return found


def join(client: TestClient, code: str) -> dict[str, Any]:
    joined = client.post("/api/classes/join", json={"code": code})
    assert joined.status_code == 200, joined.text
    found: dict[str, Any] = joined.json()
    return found


def roster(teacher: TestClient, class_id: int) -> dict[str, dict[str, Any]]:
    answer = teacher.get(f"/api/classes/{class_id}/dancers")
    assert answer.status_code == 200, answer.text
    return {row["email"]: row for row in answer.json()}


def test_the_teacher_sees_the_week_flags_and_turnout_with_its_band_of_a_dancer_who_shares(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    assert made["teaching"] and len(made["code"]) == 8
    ana = studio.client("ana@example.org")
    assert join(ana, made["code"].lower())["share"] == {
        "practice": True, "measurements": True, "flags": True,
    }  # fmt: skip
    assert ana.get(f"/api/classes/{made['id']}").json()["code"] is None  # for teachers only
    session = start(ana, exercises=[1])
    assert play(ana, studio.clock, session["id"])["phase"] == "finished"
    reading = {"method": "turnout_discs", "side": "both", "trials": [120, 124, 122]}
    assert ana.post("/api/measurements", json=reading).status_code == 201
    second = start(ana, exercises=[3])
    ana.post(f"/api/sessions/{second['id']}/actions", json={"action": "ready", "position": 0})
    assert ana.post(f"/api/sessions/{second['id']}/stop", json={"reason": "sharp_pain"}).is_success

    row = roster(teacher, made["id"])["ana@example.org"]
    classic = Plan.of(studio.box.routines.load("classic")).hold_count
    assert (row["week_done"], row["week_planned"]) == (9, classic)  # she joined today
    assert row["last_practice"] is not None and not row["minor"]
    assert [(f["kind"], f["detail"]) for f in row["flags"]] == [("warning_stop", "sharp_pain")]
    assert "Sharp" in row["flags"][0]["text"]
    [trend] = row["turnout"]
    assert (trend["method"], trend["error"], trend["readings"][0][1]) == ("turnout_discs", 10, 122)
    inbox = teacher.get(f"/api/classes/{made['id']}/flags").json()
    assert [(f["name"], f["kind"]) for f in inbox] == [("Ana", "warning_stop")]
    studio.clock.advance(86_400)  # Friday: a second day planned, nothing more done
    row = roster(teacher, made["id"])["ana@example.org"]
    assert (row["week_done"], row["week_planned"]) == (9, classic * 2)


def test_a_dancer_who_stops_sharing_practice_shows_only_what_she_still_shares(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    ana = studio.client("ana@example.org")
    join(ana, made["code"])
    play(ana, studio.clock, start(ana, exercises=[1])["id"])
    me = studio.id_of("ana@example.org")
    wanted = {"practice": False, "measurements": True, "flags": False}
    changed = ana.put(f"/api/classes/{made['id']}/dancers/{me}/share", json=wanted)
    assert changed.status_code == 200 and changed.json()["share"] == wanted
    row = roster(teacher, made["id"])["ana@example.org"]
    assert (row["last_practice"], row["week_done"], row["flags"]) == (None, None, [])
    assert "Ana" not in teacher.get(f"/api/classes/{made['id']}/export.csv").text
    refused = teacher.put(f"/api/classes/{made['id']}/dancers/{me}/share", json=wanted)
    assert refused.status_code == 403


def test_a_minors_data_waits_for_a_guardian_and_then_reaches_the_teacher(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    kid = studio.client("kid@example.org")
    assert join(kid, made["code"])["share"] == {
        "practice": False, "measurements": False, "flags": False,
    }  # fmt: skip
    refused = kid.put("/api/profile", json={"age": 12})
    assert refused.status_code == 403 and "guardian has not agreed" in refused.json()["detail"]
    pain = kid.post("/api/pain-checks", json={"moment": "before", "scores": {"knee": 2}})
    assert pain.status_code == 403
    assert kid.get("/api/profile").status_code == 404  # nothing was kept
    today = kid.get("/").text
    assert 'data-testid="waiting-for-consent"' in today and "for your age (12)" in today
    assert 'data-testid="profile-prompt"' not in today
    assert today.count('data-testid="adaptation"') == 3  # under 18: adapted by age alone
    assert kid.get("/api/adaptations/classic").json()["replaced"]
    session = start(kid, exercises=[1])
    player = kid.get(f"/practice/{session['id']}").text
    assert 'data-testid="no-pain-checks"' in player and 'id="pain-before"' not in player
    play(kid, studio.clock, session["id"])  # the timer works without them
    row = roster(teacher, made["id"])["kid@example.org"]
    assert row["minor"] and row["week_done"] is None and row["last_practice"] is None

    studio.box.classes().link_guardian("mum@example.org", "kid@example.org")
    mum = studio.client("mum@example.org")
    kid_id = studio.id_of("kid@example.org")
    [ward] = mum.get("/api/guardian/dancers").json()
    assert (ward["dancer_id"], ward["minor"], ward["health"]) == (kid_id, True, False)
    yes = {"health": True, "sharing": True}
    agreed = mum.put(f"/api/guardian/dancers/{kid_id}/consent", json=yes).json()
    assert agreed["health"] and agreed["consent_version"] and agreed["consent_at"]
    everything = {"practice": True, "measurements": True, "flags": True}
    shared = mum.put(f"/api/classes/{made['id']}/dancers/{kid_id}/share", json=everything)
    assert shared.status_code == 200
    assert kid.put("/api/profile", json={"age": 12}).status_code == 200
    assert 'data-testid="waiting-for-consent"' not in kid.get("/").text
    row = roster(teacher, made["id"])["kid@example.org"]
    assert row["week_done"] == 9 and row["shown"] == everything


def test_a_rotated_code_refuses_newcomers_and_leaving_takes_the_dancer_off_the_roster(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    ana, ben = studio.client("ana@example.org"), studio.client("ben@example.org")
    join(ana, made["code"])
    rotated = teacher.post(f"/api/classes/{made['id']}/code").json()
    assert rotated["code"] != made["code"]
    late = ben.post("/api/classes/join", json={"code": made["code"]})
    assert late.status_code == 404 and "No class has the code" in late.json()["detail"]
    join(ben, rotated["code"])
    assert set(roster(teacher, made["id"])) == {"ana@example.org", "ben@example.org"}
    assert ana.delete(f"/api/classes/{made['id']}/membership").status_code == 204
    assert set(roster(teacher, made["id"])) == {"ben@example.org"}


def test_notes_and_the_csv_export_stay_with_the_classs_teachers(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    ana = studio.client("ana@example.org")
    join(ana, made["code"])
    play(ana, studio.clock, start(ana, exercises=[1])["id"])
    me = studio.id_of("ana@example.org")
    notes = f"/api/classes/{made['id']}/dancers/{me}/notes"
    assert teacher.post(notes, json={"text": "Knees over toes: better"}).status_code == 201
    assert [n["text"] for n in teacher.get(notes).json()] == ["Knees over toes: better"]
    assert ana.get(notes).status_code == 403
    exported = teacher.get(f"/api/classes/{made['id']}/export.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    lines = exported.text.splitlines()
    assert lines[0].startswith("dancer,email,session_id") and len(lines) == 1 + 9
    assert ana.get(f"/api/classes/{made['id']}/export.csv").status_code == 403


# --- Who may do what ------------------------------------------------------------------------

OPERATIONS = [
    ("GET", "/api/classes/{c}", None),
    ("POST", "/api/classes/{c}/code", None),
    ("POST", "/api/classes/{c}/teachers", {"email": "ulla@example.org"}),
    ("GET", "/api/classes/{c}/dancers", None),
    ("GET", "/api/classes/{c}/flags", None),
    ("GET", "/api/classes/{c}/export.csv", None),
    ("GET", "/api/classes/{c}/dancers/{d}/notes", None),
    ("POST", "/api/classes/{c}/dancers/{d}/notes", {"text": "a note"}),
    ("PUT", "/api/classes/{c}/dancers/{d}/share", {"practice": True}),
]
# The status each role gets, per operation above: the class's teacher, another teacher, a
# dancer in the class (not the one the URL names), a dancer outside it, a guardian of nobody in
# it, the admin.
EXPECTED = {
    "tamara@example.org": [200, 200, 200, 200, 200, 200, 200, 201, 403],
    "ulla@example.org": [404, 404, 404, 404, 404, 404, 404, 404, 404],
    "ben@example.org": [200, 403, 403, 403, 403, 403, 403, 403, 403],
    "kid@example.org": [404, 404, 404, 404, 404, 404, 404, 404, 404],
    "mum@example.org": [404, 404, 404, 404, 404, 404, 404, 404, 404],
    "admin@example.org": [200, 200, 200, 403, 403, 403, 403, 403, 403],
}


@pytest.mark.parametrize("email", list(EXPECTED))
def test_each_role_reaches_only_what_it_may(
    studio: Studio, teacher: TestClient, email: str
) -> None:
    made = a_class(teacher)
    ana, ben = studio.client("ana@example.org"), studio.client("ben@example.org")
    join(ana, made["code"])
    join(ben, made["code"])
    client = teacher if email == "tamara@example.org" else studio.client(email)
    ids = {"c": made["id"], "d": studio.id_of("ana@example.org")}
    got = [
        client.request(method, url.format(**ids), json=body).status_code
        for method, url, body in OPERATIONS
    ]
    assert got == EXPECTED[email]


def test_a_class_is_not_found_by_guessing_ids_and_huge_ids_are_refused_cleanly(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    assert teacher.get(f"/api/classes/{made['id'] + 1}").status_code == 404
    assert teacher.get("/api/classes/99999999999999999999").status_code == 422
    ben = studio.client("ben@example.org")
    assert ben.post("/api/classes", json={"name": "Mine"}).status_code == 403
    guess = ben.post("/api/classes/join", json={"code": "AAAA-AAAA"})
    assert guess.status_code == 404


def test_a_personal_log_has_no_classes_and_says_to_sign_in(client: TestClient) -> None:
    answer = client.get("/api/classes")
    assert answer.status_code == 401 and "turnout studio init" in answer.json()["detail"]


def test_another_web_page_cannot_make_a_class_with_the_teachers_cookie(
    teacher: TestClient,
) -> None:
    forged = teacher.post(
        "/api/classes", json={"name": "Forged"}, headers={"origin": "https://evil.example"}
    )
    assert forged.status_code == 403
    assert teacher.get("/api/classes").json() == []


def test_a_co_teacher_sees_the_class_and_its_code(studio: Studio, teacher: TestClient) -> None:
    made = a_class(teacher)
    added = teacher.post(f"/api/classes/{made['id']}/teachers", json={"email": "ulla@example.org"})
    assert added.status_code == 200 and len(added.json()["teachers"]) == 2
    ulla = studio.client("ulla@example.org")
    assert ulla.get(f"/api/classes/{made['id']}").json()["code"] == made["code"]
    assert ulla.get(f"/api/classes/{made['id']}/dancers").status_code == 200


# --- The pages ------------------------------------------------------------------------------


def test_a_guardian_answers_on_the_classes_page_and_the_answer_is_dated(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    kid = studio.client("kid@example.org")
    join(kid, made["code"])
    studio.box.classes().link_guardian("mum@example.org", "kid@example.org")
    mum = studio.client("mum@example.org")
    kid_id = studio.id_of("kid@example.org")
    play(kid, studio.clock, start(kid, exercises=[1])["id"])
    page = mum.get("/classes").text
    assert "You have not answered yet" in page and "Grade 5: what its teachers see" in page
    # The guardian sees all that is kept of her daughter, whatever the teachers may see.
    week = re.search(r'data-testid="ward-week">([^<]*)', page)
    assert (
        week and week.group(1).startswith("This week: 9 of ") and "last practice" in week.group(1)
    )
    assert studio.client("ben@example.org").get("/classes").text.count('data-testid="ward"') == 0
    form = with_token(mum, {"health": "yes", "sharing": "yes"})
    saved = mum.post(f"/guardian/{kid_id}/consent", data=form, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"] == "/classes?done=consent"
    page = mum.get("/classes?done=consent").text
    assert "health answers kept, sharing with teachers on" in page
    tokenless = mum.post(f"/guardian/{kid_id}/consent", data={"health": "yes"})
    assert tokenless.status_code == 403


def test_the_class_page_lists_the_dancers_and_a_note_is_added_from_the_dancers_page(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    ana = studio.client("ana@example.org")
    join(ana, made["code"])
    ana_id = studio.id_of("ana@example.org")
    page = teacher.get(f"/classes/{made['id']}").text
    assert f"{made['code'][:4]}-{made['code'][4:]}" in page and ">Ana</a>" in page
    for url in (
        "/classes",
        f"/classes/{made['id']}",
        f"/classes/{made['id']}/dancers/{ana_id}",
        "/account",
    ):
        title = re.search(r"<title>(.*?)</title>", teacher.get(url).text, re.S)
        assert title and "<" not in title.group(1), url
    url = f"/classes/{made['id']}/dancers/{ana_id}/notes"
    posted = teacher.post(url, data=with_token(teacher, {"text": "Lovely port de bras"}))
    assert posted.status_code == 200 and "Lovely port de bras" in posted.text
    # A dancer opening the teacher's pages gets the classes page with why not.
    refused = ana.get(f"/classes/{made['id']}/dancers/{ana_id}")
    assert refused.status_code == 403 and "teachers" in refused.text
    assert "Lovely" not in refused.text
    stranger = studio.client("ben@example.org").get(f"/classes/{made['id']}")
    assert stranger.status_code == 404


# --- The class's routine --------------------------------------------------------------------


def test_the_teachers_routine_is_on_today_and_a_dancers_screening_still_wins(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    ana, ben = studio.client("ana@example.org"), studio.client("ben@example.org")
    join(ana, made["code"])
    join(ben, made["code"])
    assert 'data-testid="assigned"' in ana.get("/").text  # the class's default routine
    bad = teacher.put(f"/api/classes/{made['id']}/routine", json={"routine": "ballet-101"})
    assert bad.status_code == 422 and "choose active, classic" in bad.json()["detail"]
    set_active = teacher.put(f"/api/classes/{made['id']}/routine", json={"routine": "active"})
    assert set_active.status_code == 200 and set_active.json()["routine"] == "active"
    today = ana.get("/").text
    assert "Your teacher set this routine for Grade 5: Active turnout." in html.unescape(today)
    assert start(ben)["routine_key"] == "active"  # Start with no routine named: the class's

    ana_id = studio.id_of("ana@example.org")
    url = f"/api/classes/{made['id']}/dancers/{ana_id}/routine"
    assert teacher.put(url, json={"routine": "classic"}).json()["routine"] == "classic"
    assert ana.put("/api/profile", json={"age": 30, "hip_conditions": ["impingement"]}).is_success
    # Ana's hip condition rules out four of the classic's five exercises: Start offers the one
    # left, whatever her teacher assigned.
    assert 'data-exercises="3"' in ana.get("/").text
    assert ana.put(url, json={"routine": "classic"}).status_code == 403  # teachers only
    back = teacher.put(url, json={"routine": None}).json()
    assert back["routine"] is None
    assert "Grade 5: Active turnout." in html.unescape(ana.get("/").text)


def test_the_dancers_page_sets_her_own_routine_and_not_the_classs(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    ana = studio.client("ana@example.org")
    join(ana, made["code"])
    ana_id = studio.id_of("ana@example.org")
    form = with_token(teacher, {"routine": "active", "dancer_id": str(ana_id)})
    done = teacher.post(f"/classes/{made['id']}/routine", data=form, follow_redirects=False)
    assert done.status_code == 303
    assert teacher.get(f"/api/classes/{made['id']}").json()["routine"] == "classic"
    assert roster(teacher, made["id"])["ana@example.org"]["routine"] == "active"


def test_ids_too_large_for_the_database_are_refused_on_every_page_never_a_500(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    big = str(2**63)
    assert teacher.get(f"/classes/{big}").status_code == 422
    assert teacher.get(f"/classes/{made['id']}/dancers/{big}").status_code == 422
    for url, form in (
        (f"/classes/{big}/code", {}),
        (f"/classes/{made['id']}/share", {"dancer_id": big}),
        (f"/guardian/{big}/consent", {}),
        (f"/classes/{made['id']}/dancers/{big}/notes", {"text": "x"}),
        (f"/classes/{made['id']}/routine", {"routine": "classic", "dancer_id": big}),
        ("/account/delete", {"password": "x", "confirm": "delete", "dancer_id": big}),
        (f"/account/sessions/{big}/revoke", {}),
    ):
        assert teacher.post(url, data=with_token(teacher, form)).status_code == 422, url
    assert teacher.delete(f"/api/me/sessions/{big}").status_code == 422


def test_the_roster_shows_the_latest_standing_reading_whatever_its_method(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    ana = studio.client("ana@example.org")
    join(ana, made["code"])
    for day, method, value in (
        ("2025-12-29", "turnout_discs", 120),
        ("2025-12-30", "typed_in", 130),
        ("2025-12-31", "turnout_discs", 125),
    ):
        reading = {"method": method, "side": "both", "trials": [value], "taken_on": day}
        assert ana.post("/api/measurements", json=reading).status_code == 201
    row = re.search(
        r"<tr>\s*<td><a[^>]*>Ana</a>.*?</tr>", teacher.get(f"/classes/{made['id']}").text, re.S
    )
    assert row and "125 ± 10°" in row.group(0)
