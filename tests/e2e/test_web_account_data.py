"""Data rights on a studio's server: a dancer downloads everything kept about her and deletes
her account (the teacher's view loses her at once); a guardian does both for a young dancer;
a wrong password, a missing confirmation or the last admin deletes nothing."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from tests.e2e.forms import with_token
from tests.e2e.test_web_classes import GOOD, Studio, a_class, join, roster, studio, teacher
from tests.e2e.test_web_today_flow import play, start

__all__ = ["studio", "teacher"]  # the fixtures, shared with the classes tests
DELETE = {"password": GOOD, "confirm": "delete"}


def test_a_dancer_downloads_everything_kept_about_her(studio: Studio, teacher: TestClient) -> None:
    made = a_class(teacher)
    ana = studio.client("ana@example.org")
    join(ana, made["code"])
    play(ana, studio.clock, start(ana, exercises=[1])["id"])
    ana_id = studio.id_of("ana@example.org")
    teacher.post(f"/api/classes/{made['id']}/dancers/{ana_id}/notes", json={"text": "Lovely"})
    answer = ana.get("/api/me/data")
    assert answer.status_code == 200
    assert 'filename="turnout-ana-example-org.json"' in answer.headers["content-disposition"]
    found = answer.json()
    assert found["format"] == "turnout-account" and found["account"]["email"] == "ana@example.org"
    assert len(found["log"]["holds"]) == 9 and len(found["log"]["sessions"]) == 1
    assert found["classes"][0]["class"] == "Grade 5"
    assert [n["text"] for n in found["teacher_notes_about_me"]] == ["Lovely"]
    assert [s["outcome"] for s in found["sign_ins"]] == ["signed_in"]
    # Another dancer's holds are not in it.
    ben = studio.client("ben@example.org")
    assert ben.get("/api/me/data").json()["log"]["holds"] == []


def test_deleting_an_account_takes_it_off_the_roster_and_signs_it_out(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    ana, ben = studio.client("ana@example.org"), studio.client("ben@example.org")
    join(ana, made["code"])
    join(ben, made["code"])
    play(ana, studio.clock, start(ana, exercises=[1])["id"])
    play(ben, studio.clock, start(ben, exercises=[1])["id"])
    wrong = ana.post("/api/me/delete", json={**DELETE, "password": "not my password"})
    assert wrong.status_code == 422 and "nothing was deleted" in wrong.json()["detail"]
    unconfirmed = ana.post("/api/me/delete", json={**DELETE, "confirm": "yes"})
    assert unconfirmed.status_code == 422
    assert set(roster(teacher, made["id"])) == {"ana@example.org", "ben@example.org"}

    gone = ana.post("/api/me/delete", json=DELETE)
    assert gone.status_code == 200, gone.text
    counts = gone.json()["deleted"]
    assert (counts["holds"], counts["class_members"], counts["accounts"]) == (9, 1, 1)
    assert set(roster(teacher, made["id"])) == {"ben@example.org"}
    assert ana.get("/api/me/data").status_code == 401
    again = ana.post("/api/auth/login", json={"email": "ana@example.org", "password": GOOD})
    assert again.status_code == 401
    # Ben's practice is untouched.
    assert roster(teacher, made["id"])["ben@example.org"]["week_done"] == 9


def test_a_guardian_downloads_and_deletes_a_young_dancers_account(
    studio: Studio, teacher: TestClient
) -> None:
    made = a_class(teacher)
    kid = studio.client("kid@example.org")
    join(kid, made["code"])
    studio.box.classes().link_guardian("mum@example.org", "kid@example.org")
    mum, ben = studio.client("mum@example.org"), studio.client("ben@example.org")
    kid_id = studio.id_of("kid@example.org")
    assert ben.get(f"/api/guardian/dancers/{kid_id}/data").status_code == 404
    assert mum.get(f"/api/guardian/dancers/{kid_id}/data").json()["account"]["born"] == (
        date(2013, 5, 1).isoformat()
    )
    page = mum.post("/account/delete", data=with_token(mum, {**DELETE, "dancer_id": str(kid_id)}))
    assert page.status_code == 200 and "The account is deleted" in page.text
    assert roster(teacher, made["id"]) == {}
    assert mum.get("/api/guardian/dancers").json() == []
    assert mum.get("/api/me").json()["email"] == "mum@example.org"  # still signed in


def test_the_only_admin_cannot_delete_the_studios_last_admin_account(studio: Studio) -> None:
    admin = studio.client("admin@example.org")
    refused = admin.post("/api/me/delete", json=DELETE)
    assert refused.status_code == 403 and "only admin" in refused.json()["detail"]
    page = admin.post("/account/delete", data=with_token(admin, DELETE))
    assert page.status_code == 403 and "Nothing was deleted" in page.text


def test_a_personal_log_has_no_account_to_download(client: TestClient) -> None:
    assert client.get("/api/me/data").status_code == 401
