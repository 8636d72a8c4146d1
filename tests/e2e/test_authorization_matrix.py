"""Every operation of the API and every page, asked by each of eight roles about one young
dancer's things (her session, her holds, her readings, her class, her account), on SQLite and
on PostgreSQL.

Three checks, each over the whole matrix:
- every cell answers the status recorded in authorization_matrix.json (reviewed by hand; a
  new operation fails the test until its row is reviewed and added: run with
  TURNOUT_WRITE_MATRIX=1 to write the file, then read the diff);
- no answer to a role carries what that role may not read (her reading's note, her session's
  id, her teacher's private note, her email), and none is a server error;
- nothing any other role sent changed her practice log.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute

from tests.e2e.conftest import settings_for
from tests.e2e.forms import form_token
from tests.e2e.test_web_today_flow import play, start
from tests.fakes import FakeClock, cheap_hasher
from tests.integration.postgres import postgres_url, wipe
from turnout import bootstrap
from turnout.domain.accounts import Role
from turnout.services.starter import STARTER
from turnout.web.app import ROUTERS, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

GOLDEN = Path(__file__).with_name("authorization_matrix.json")
GOOD = "a long enough pass phrase"
ROLES = {  # role: the account's email (None: nobody signed in)
    "anonymous": None,
    "dancer": "kid@x.org",  # 14, in Tamara's class, her mother consented
    "another_dancer": "ben@x.org",  # an adult in Ulla's class
    "teacher": "tamara@x.org",
    "another_teacher": "ulla@x.org",
    "guardian": "mum@x.org",
    "another_guardian": "dad@x.org",  # of Lou, 13, in Ulla's class
    "admin": "admin@x.org",
}
NOTE = "canary-reading-note-7f3a"
TEACHER_NOTE = "canary-teacher-note-91c2"
# Who may read each secret of the dancer's; the session id is in the class's CSV.
READERS = {
    NOTE: {"dancer", "guardian"},
    TEACHER_NOTE: {"dancer", "guardian", "teacher"},
    "kid@x.org": {"dancer", "guardian", "teacher", "admin"},
}
# Operations that end the asker's membership or sign-in go last in each role's row, in this
# order.
LAST = (
    "DELETE /api/classes/{class_id}/membership",
    "POST /classes/{class_id}/leave",
    "DELETE /api/me/sessions/{session_id}",
    "POST /account/sessions/{session_id}/revoke",
    "POST /api/auth/logout",
    "POST /account/signout",
)
BODIES: dict[str, Any] = {
    "POST /api/sessions/{session_id}/actions": {"action": "pause"},
    "POST /api/sessions/{session_id}/stop": {"reason": "soreness"},
    "PUT /api/log/holds/{hold_id}/status": {"status": "skipped"},
    "PUT /api/profile": {"age": 30},
    "POST /api/pain-checks": {"moment": "before", "scores": {"knee": 1}},
    "POST /api/measurements": {"method": "turnout_discs", "side": "both", "trials": [110]},
    "PUT /api/settings": {"voice": False},
    "POST /api/classes": {"name": "Matrix class"},
    "POST /api/classes/join": {"code": "ZZZZ-ZZZZ"},
    "POST /api/classes/{class_id}/teachers": {"email": "tamara@x.org"},  # a no-op for her
    "PUT /api/classes/{class_id}/routine": {"routine": "classic"},
    "PUT /api/classes/{class_id}/dancers/{dancer_id}/routine": {"routine": None},
    "PUT /api/classes/{class_id}/dancers/{dancer_id}/share": {"practice": True},
    "POST /api/classes/{class_id}/dancers/{dancer_id}/notes": {"text": "from the matrix"},
    "PUT /api/guardian/dancers/{dancer_id}/consent": {"health": True, "sharing": True},
    "POST /api/me/delete": {"password": "not the password at all", "confirm": "delete"},
    "POST /api/guardian/dancers/{dancer_id}/delete": {
        "password": "not the password at all",
        "confirm": "delete",
    },
    "POST /account/delete": {"password": "not the password at all", "confirm": "delete"},
    "POST /classes/{class_id}/dancers/{dancer_id}/notes": {"text": "from the matrix"},
    "POST /classes": {"name": "Matrix class"},
    "POST /classes/join": {"code": "ZZZZ-ZZZZ"},
    "POST /classes/{class_id}/teachers": {"email": "tamara@x.org"},
    "POST /classes/{class_id}/routine": {"routine": "classic"},
    "POST /classes/{class_id}/share": {"dancer_id": "{dancer_id}", "practice": "yes"},
    "POST /guardian/{dancer_id}/consent": {"health": "yes", "sharing": "yes"},
    "POST /api/routine-library/check": {"text": STARTER},
    "POST /api/routine-library/toml": {"routine": {"key": "x", "name": "y"}},
    "POST /api/routine-library": {"text": STARTER},
    "POST /routines/editor": {"text": STARTER, "action": "check"},
}


def operations() -> list[tuple[str, str, bool]]:
    """(method, path, is a page) of every route the app serves, from its routers."""
    found: list[tuple[str, str, bool]] = []

    def walk(routes: list[Any]) -> None:
        for route in routes:
            if isinstance(route, APIRoute):
                methods = sorted(route.methods - {"HEAD"})
                found.extend((m, route.path, not route.include_in_schema) for m in methods)
            elif hasattr(route, "original_router"):
                walk(route.original_router.routes)

    for module in ROUTERS:
        walk(module.router.routes)
    return found


class Matrix:
    """A studio with the eight roles, the dancer's things made through the API."""

    def __init__(self, folder: Path, url: str | None) -> None:
        settings = settings_for(folder)
        if url:
            settings = settings.model_copy(update={"database_url": url})
        self.box = bootstrap.build(settings, clock=FakeClock())  # 2026-01-01
        self.box.hasher = cheap_hasher()
        accounts = self.box.accounts()
        accounts.init_studio("Studio Nord", "admin@x.org", GOOD, 16)
        born = {"kid@x.org": date(2011, 6, 1), "lou@x.org": date(2012, 9, 1)}
        for email in [e for e in ROLES.values() if e and e != "admin@x.org"] + ["lou@x.org"]:
            role = Role.TEACHER if email in ("tamara@x.org", "ulla@x.org") else Role.DANCER
            role = Role.GUARDIAN if email in ("mum@x.org", "dad@x.org") else role
            accounts.add(email, role, GOOD, email.partition("@")[0].title(), born.get(email))
        self.app = create_app(self.box)
        self.clients: dict[str, TestClient] = {}
        for role, email in ROLES.items():
            client = TestClient(self.app, base_url="http://127.0.0.1")
            client.__enter__()
            if email:
                signed = client.post("/api/auth/login", json={"email": email, "password": GOOD})
                assert signed.status_code == 200, signed.text
            self.clients[role] = client
        self.ids = self._things()

    def _things(self) -> dict[str, str]:
        c = self.clients
        mine = c["teacher"].post("/api/classes", json={"name": "Grade 3"}).json()
        other = c["another_teacher"].post("/api/classes", json={"name": "Grade 1"}).json()
        lou = TestClient(self.app, base_url="http://127.0.0.1")
        with lou:
            lou.post("/api/auth/login", json={"email": "lou@x.org", "password": GOOD})
            lou.post("/api/classes/join", json={"code": other["code"]})
        c["dancer"].post("/api/classes/join", json={"code": mine["code"]})
        c["another_dancer"].post("/api/classes/join", json={"code": other["code"]})
        classes = self.box.classes()
        classes.link_guardian("mum@x.org", "kid@x.org")
        classes.link_guardian("dad@x.org", "lou@x.org")
        kid = self._id("kid@x.org")
        c["guardian"].put(f"/api/guardian/dancers/{kid}/consent", json=BODIES[
            "PUT /api/guardian/dancers/{dancer_id}/consent"])  # fmt: skip
        every = {"practice": True, "measurements": True, "flags": True}
        c["guardian"].put(f"/api/classes/{mine['id']}/dancers/{kid}/share", json=every)
        return {**self._dancers_things(mine["id"], kid), "code": mine["code"]}

    def _dancers_things(self, class_id: int, kid: int) -> dict[str, str]:
        k = self.clients["dancer"]
        assert k.put("/api/profile", json={"age": 14}).status_code == 200
        assert k.post("/api/pain-checks", json={"moment": "before", "scores": {"knee": 1}})
        reading = {"method": "turnout_discs", "side": "both", "trials": [120], "note": NOTE}
        measured = k.post("/api/measurements", json=reading).json()
        session = start(k, exercises=[1])
        play(k, self.box.clock, session["id"])  # type: ignore[arg-type]
        holds = k.get("/api/log/sessions").json()["sessions"][0]["holds"]
        note = {"text": TEACHER_NOTE}
        self.clients["teacher"].post(f"/api/classes/{class_id}/dancers/{kid}/notes", json=note)
        signed_in = k.get("/api/me/sessions").json()[0]["id"]
        upload = {"file": ("notes.txt", b"not a photo", "text/plain")}
        job = k.post("/api/measure/jobs", files=upload, data={"mode": "first-position"}).json()
        return {
            "job_id": str(job["id"]),
            "class_id": str(class_id),
            "dancer_id": str(kid),
            "session_id": session["id"],
            "hold_id": str(holds[0]["id"]),
            "measurement_id": str(measured["id"]),
            "auth_session_id": str(signed_in),
        }

    def _id(self, email: str) -> int:
        return next(a.id for a in self.box.accounts().everyone() if a.email == email)

    def log_of_the_dancer(self) -> dict[str, Any]:
        with self.box.uow(self._id("kid@x.org")) as uow:
            return uow.log.dump()

    def ask(self, role: str, method: str, path: str, page: bool) -> tuple[int, str]:
        """The status and the text of the answer, less what the request itself said (an
        error that names the id asked for reveals nothing)."""
        client = self.clients[role]
        url = self._url(method, path)
        body = BODIES.get(f"{method} {path}")
        headers = {"accept": "text/html"} if page else {}  # as a browser asks for a page
        if method == "GET":
            answer = client.get(url, headers=headers, follow_redirects=False)
        elif page:
            form = {k: self.ids.get(str(v).strip("{}"), str(v)) for k, v in (body or {}).items()}
            token = form_token(client) if role != "anonymous" else ""
            data = {**form, "csrf_token": token}
            answer = client.request(method, url, data=data, headers=headers, follow_redirects=False)
        else:
            answer = client.request(method, url, json=body if body is not None else {})
        return answer.status_code, answer.text.replace(self.ids["session_id"] if
            self.ids["session_id"] in url else "\0", "")  # fmt: skip

    def _url(self, method: str, path: str) -> str:
        ids = self.ids
        entry = {
            "/api/log/sessions/": ids["session_id"],
            "/api/log/holds/": ids["hold_id"],
            "/api/measurements/": ids["measurement_id"],
            "/api/pain-checks/": "1",
        }
        where = next((v for k, v in entry.items() if path.startswith(k)), "1")
        auth = path.startswith(("/api/me/sessions/", "/account/sessions/"))
        values = {
            "session_id": ids["auth_session_id"] if auth else ids["session_id"],
            "entry_id": where,
            "hold_id": ids["hold_id"],
            "job_id": ids["job_id"],
            "class_id": ids["class_id"],
            "dancer_id": ids["dancer_id"],
            "key": "classic",
            "routine_key": "classic",
            "fmt": "csv",
            "paper": "a4",
            "name": "swagger-ui.css",
            "code": "not-a-pairing-code",
            "secret": "not-a-reset-secret",
            "device_id": "not-a-device",
        }
        return re.sub(r"{(\w+)(?::\w+)?}", lambda m: values[m.group(1)], path)

    def close(self) -> None:
        for client in self.clients.values():
            client.__exit__(None, None, None)


@pytest.fixture(params=["sqlite", "postgresql"])
def matrix(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Matrix]:
    url = None
    if request.param == "postgresql":
        url = postgres_url()  # skips when PostgreSQL is not set up
        wipe(url)
    made = Matrix(tmp_path, url)
    yield made
    made.close()


def test_every_operation_and_page_answers_each_role_as_reviewed(matrix: Matrix) -> None:
    ops = operations()
    ops.sort(key=lambda op: LAST.index(f"{op[0]} {op[1]}") + 1 if f"{op[0]} {op[1]}" in LAST else 0)
    others = [r for r in ROLES if r != "dancer"]
    before = matrix.log_of_the_dancer()
    found: dict[str, dict[str, int]] = {f"{m} {p}": {} for m, p, _ in ops}
    leaks: list[str] = []
    for role in [*others, "dancer"]:  # hers last: she may change her own log
        if role == "dancer":
            assert matrix.log_of_the_dancer() == before, "another role changed her log"
        for method, path, page in ops:
            status, text = matrix.ask(role, method, path, page)
            found[f"{method} {path}"][role] = status
            leaks += [
                f"{role} {method} {path}: {secret}"
                for secret, readers in [*READERS.items(), (matrix.ids["session_id"], set())]
                if secret in text and role not in readers | _session_readers(secret, matrix)
            ]
    assert not [f"{op} {r}" for op, row in found.items() for r, s in row.items() if s >= 500]
    assert leaks == [], "\n".join(leaks)
    if os.environ.get("TURNOUT_WRITE_MATRIX"):
        GOLDEN.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
    golden = json.loads(GOLDEN.read_text())
    changed = [
        f"{op}: {golden.get(op)} -> {row}" for op, row in found.items() if golden.get(op) != row
    ]
    gone = sorted(set(golden) - set(found))
    assert changed == [] and gone == [], "\n".join(changed + gone)
    assert len(found) * len(ROLES) >= 800  # the size the closing note reports


def _session_readers(secret: str, matrix: Matrix) -> set[str]:
    """The session id is hers, her guardian's, and in her teacher's CSV of the class."""
    return {"dancer", "guardian", "teacher"} if secret == matrix.ids["session_id"] else set()
