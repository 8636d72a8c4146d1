"""For a monitor or a load balancer: /healthz says the process answers, /readyz that the log
answers and its schema is this version's. Neither needs a sign-in, and neither says more."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from starlette.concurrency import run_in_threadpool

from turnout.i18n import _
from turnout.web.deps import WebApp
from turnout.web.schema_base import errors

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """200 while the process answers."""
    return {"status": "ok"}


@router.get("/readyz", responses=errors(503))
async def readyz(web: WebApp) -> dict[str, str]:
    """200 when the log answers and its schema is current; 503 and why, otherwise (a log
    that needs `turnout db upgrade`, or a database that cannot be reached)."""
    why = await run_in_threadpool(web.container.unready)
    if why is not None:
        raise HTTPException(503, _("Not ready: {why}.").format(why=why))
    return {"status": "ok"}
