"""The classes API: a teacher's classes and class view, joining with a code, what a dancer
shares, a teacher's notes, and a guardian's consent. Who may do what is decided in
services/classes.py; a class the account has nothing to do with is not found."""

from __future__ import annotations

from fastapi import APIRouter, Response

from turnout.domain.classes import Share
from turnout.web.classes.presenters import (
    class_out,
    dancer_out,
    flag_out,
    member_out,
)
from turnout.web.classes.schemas import (
    ClassIn,
    ClassOut,
    ConsentIn,
    DancerOut,
    DancerRoutineIn,
    FlagOut,
    JoinIn,
    MemberOut,
    NoteIn,
    NoteOut,
    RoutineIn,
    ShareBody,
    TeacherIn,
    WardOut,
)
from turnout.web.deps import Acting, WebApp
from turnout.web.schema_base import RowId, errors

router = APIRouter(tags=["classes"])
Id = RowId
SEEN = errors(401, 404, 422)
CHANGED = errors(401, 403, 404, 422)


@router.post("/api/classes", status_code=201, responses=errors(401, 403, 422))
def create_class(body: ClassIn, acting: Acting, web: WebApp) -> ClassOut:
    """A teacher's new class, with its join code for the dancers."""
    return class_out(web.classes.create(acting, body.name), acting)


@router.get("/api/classes", responses=errors(401))
def list_classes(acting: Acting, web: WebApp) -> list[ClassOut]:
    """The classes the account teaches or joined (a guardian: those its dancers joined)."""
    return [class_out(c, acting) for c in web.classes.mine(acting)]


@router.get("/api/classes/{class_id:int}", responses=SEEN)
def get_class(class_id: Id, acting: Acting, web: WebApp) -> ClassOut:
    return class_out(web.classes.get(acting, class_id), acting)


@router.post("/api/classes/join", responses=CHANGED)
def join_class(body: JoinIn, acting: Acting, web: WebApp) -> MemberOut:
    """Join with the code the teacher gave. A minor shares nothing until a guardian agrees."""
    return member_out(web.classes.join(acting, body.code)[1])


@router.post("/api/classes/{class_id}/code", responses=CHANGED)
def rotate_code(class_id: Id, acting: Acting, web: WebApp) -> ClassOut:
    """A new join code; the old one stops working, and those who joined stay."""
    return class_out(web.classes.rotate_code(acting, class_id), acting)


@router.post("/api/classes/{class_id}/teachers", responses=CHANGED)
def add_teacher(class_id: Id, body: TeacherIn, acting: Acting, web: WebApp) -> ClassOut:
    """Add a co-teacher by the email of a teacher's account."""
    return class_out(web.classes.add_teacher(acting, class_id, body.email), acting)


@router.put("/api/classes/{class_id}/routine", responses=CHANGED)
def set_routine(class_id: Id, body: RoutineIn, acting: Acting, web: WebApp) -> ClassOut:
    """The routine the class practises, on each dancer's Today. A dancer's screening still
    adapts it for them (a swap for a hip condition, say): safety wins over the assignment."""
    return class_out(web.classes.set_routine(acting, class_id, body.routine), acting)


@router.put("/api/classes/{class_id}/dancers/{dancer_id}/routine", responses=CHANGED)
def set_dancer_routine(
    class_id: Id, dancer_id: Id, body: DancerRoutineIn, acting: Acting, web: WebApp
) -> MemberOut:
    """One dancer's routine instead of the class's; `null` gives them the class's again."""
    found = web.classes.set_dancer_routine(acting, class_id, dancer_id, body.routine)
    return member_out(found)


@router.delete("/api/classes/{class_id}/membership", status_code=204, responses=SEEN)
def leave_class(class_id: Id, acting: Acting, web: WebApp) -> Response:
    """Leave a class: its teachers see nothing of this dancer from now on."""
    web.classes.leave(acting, class_id)
    return Response(status_code=204)


@router.get("/api/classes/{class_id}/dancers", responses=CHANGED)
def class_dancers(class_id: Id, acting: Acting, web: WebApp) -> list[DancerOut]:
    """The roster, with what each dancer shares: last practice, this week's holds, flags,
    turnout over time with its band. For the class's teachers."""
    return [dancer_out(row) for row in web.class_views.view(acting, class_id).dancers]


@router.get("/api/classes/{class_id}/flags", responses=CHANGED)
def class_flags(class_id: Id, acting: Acting, web: WebApp) -> list[FlagOut]:
    """The red-flag inbox: every flag of the class, newest first."""
    return [flag_out(row, f) for row, f in web.class_views.view(acting, class_id).inbox()]


@router.get("/api/classes/{class_id}/export.csv", responses=CHANGED)
def class_csv(class_id: Id, acting: Acting, web: WebApp) -> Response:
    """Every hold of the dancers who share their practice, as CSV."""
    text = web.class_views.csv(acting, class_id)
    disposition = f'attachment; filename="class-{class_id}-practice.csv"'
    headers = {"Content-Disposition": disposition}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)


@router.put("/api/classes/{class_id}/dancers/{dancer_id}/share", responses=CHANGED)
def set_share(
    class_id: Id, dancer_id: Id, body: ShareBody, acting: Acting, web: WebApp
) -> MemberOut:
    """What the dancer lets the class's teachers see; set by the dancer or a guardian."""
    share = Share(body.practice, body.measurements, body.flags)
    return member_out(web.classes.set_share(acting, class_id, dancer_id, share))


@router.get("/api/classes/{class_id}/dancers/{dancer_id}/notes", responses=CHANGED)
def notes(class_id: Id, dancer_id: Id, acting: Acting, web: WebApp) -> list[NoteOut]:
    """The teachers' private notes about one dancer of the class."""
    found = web.classes.notes(acting, class_id, dancer_id)
    return [NoteOut(teacher_id=n.teacher_id, text=n.text, at=n.at) for n in found]


@router.post(
    "/api/classes/{class_id}/dancers/{dancer_id}/notes", status_code=201, responses=CHANGED
)
def add_note(class_id: Id, dancer_id: Id, body: NoteIn, acting: Acting, web: WebApp) -> NoteOut:
    note = web.classes.add_note(acting, class_id, dancer_id, body.text)
    return NoteOut(teacher_id=note.teacher_id, text=note.text, at=note.at)


@router.get("/api/guardian/dancers", responses=errors(401))
def wards(acting: Acting, web: WebApp) -> list[WardOut]:
    """The young dancers in this guardian's care, with the latest consent given."""
    return [ward_out(web, a.id) for a in web.classes.wards(acting)]


@router.put("/api/guardian/dancers/{dancer_id}/consent", responses=SEEN)
def give_consent(dancer_id: Id, body: ConsentIn, acting: Acting, web: WebApp) -> WardOut:
    """Agree (or no longer agree) to keep health answers, and to share with teachers."""
    web.classes.consent(acting, dancer_id, body.health, body.sharing)
    return ward_out(web, dancer_id)


def ward_out(web: WebApp, dancer_id: int) -> WardOut:
    account = web.classes.store.account(dancer_id)
    consent = web.classes.consent_for(dancer_id)
    return WardOut(
        dancer_id=dancer_id,
        name=account.name if account else "",
        minor=web.classes.minor(account) if account else False,
        health=bool(consent and consent.health),
        sharing=bool(consent and consent.sharing),
        consent_version=consent.version if consent else None,
        consent_at=consent.at if consent else None,
    )
