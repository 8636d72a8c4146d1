"""`turnout worker`: measure a studio's queued camera analyses, on any machine that reaches
its PostgreSQL. A personal log (SQLite) measures uploads in its web process instead."""

from __future__ import annotations

from typing import Annotated

import typer

from turnout.cli.common import container, out
from turnout.errors import UsageError
from turnout.i18n import N_, _, ngettext

# Translators: TURNOUT_DATABASE_URL is a setting's name; postgresql+psycopg://... a URL.
ON_SQLITE = N_(
    "workers need a studio's PostgreSQL; a personal log analyses uploads in the web process. "
    "Set TURNOUT_DATABASE_URL to the studio's database (postgresql+psycopg://...)."
)
HELP = N_(
    "Measure the uploads queued by the web (PostgreSQL only), until Ctrl-C or SIGTERM: the "
    "jobs running then are finished first; a second signal stops at once."
)


def worker(
    ctx: typer.Context,
    concurrency: Annotated[
        int, typer.Option(min=1, max=32, help=N_("Uploads measured at the same time."))
    ] = 1,
) -> None:
    from turnout.web.measure.jobs import build_jobs  # the measuring code loads only when asked

    box = container(ctx)
    if not box.settings.on_postgres:
        raise UsageError(_(ON_SQLITE))
    # Translators: {count} uploads are measured at the same time.
    text = ngettext(
        "Measuring uploads, {count} at a time. Stop with Ctrl-C.",
        "Measuring uploads, {count} at a time. Stop with Ctrl-C.",
        concurrency,
    )
    out().print(text.format(count=concurrency))
    box.run_workers(build_jobs(box), concurrency)
