"""A studio's evening on one machine: two `turnout serve` processes and one `turnout worker`
on PostgreSQL, the practice clock 10x, 200 dancers practising, 10 teachers watching their
classes, 20 videos analysed in the background. Optionally one web process is killed with
kill -9 half-way. Prints each endpoint's p50/p99 and errors, the lag between each hold's end
and its row in the log, holds lost or logged twice, the jobs, and each process's RSS.

    .venv/bin/python bench/studio_load.py --database-url postgresql+psycopg://... --wipe
    .venv/bin/python bench/studio_load.py --database-url ... --wipe --kill

The database is wiped first (--wipe is required to say so): give it a throw-away one.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load_actors import Figures, Servers, dancer, teacher, upload
from bench.load_setup import (
    HoldWatcher,
    Processes,
    clip,
    log_figures,
    make_studio,
)

PASSWORD = "a long enough pass phrase"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("TURNOUT_BENCH_POSTGRES_URL"))
    parser.add_argument("--wipe", action="store_true", help="yes, wipe that database first")
    parser.add_argument("--dancers", type=int, default=200)
    parser.add_argument("--teachers", type=int, default=10)
    parser.add_argument("--uploads", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=180.0, help="the run's longest time")
    parser.add_argument("--poll-ms", type=int, default=250, help="poll at the end of a countdown")
    parser.add_argument("--exercises", default="1,2", help="of the classic routine (1,2: 46 s)")
    parser.add_argument(
        "--arrive", type=float, default=60.0, help="seconds over which they sign in"
    )
    parser.add_argument("--scale", type=float, default=10.0, help="practice clock speed")
    parser.add_argument("--kill", action="store_true", help="kill -9 one web process half-way")
    parsed = parser.parse_args()
    if not parsed.database_url or not parsed.database_url.startswith("postgresql"):
        parser.error("give --database-url postgresql+psycopg://... (a throw-away database)")
    if not parsed.wipe:
        parser.error("the database is wiped first: add --wipe to say that is fine")
    return parsed


async def run(args: argparse.Namespace, processes: Processes, classes: list[int]) -> Figures:
    figures = Figures()
    limits = httpx.Limits(max_connections=600, max_keepalive_connections=600)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        servers = Servers(client, processes.bases, figures)
        until = time.monotonic() + args.seconds
        exercises = [int(n) for n in args.exercises.split(",")]
        apart = args.arrive / max(1, args.dancers)
        work = [
            dancer(servers, f"dancer{n}@bench.org", PASSWORD, args.poll_ms, exercises, n * apart)
            for n in range(args.dancers)
        ]
        work += [
            teacher(servers, f"teacher{n}@bench.org", PASSWORD, classes[n], until)
            for n in range(args.teachers)
        ]
        if args.uploads and processes.worker is not None:
            cookie = await servers.sign_in("uploader@bench.org", PASSWORD)
            video = clip()
            work += [upload(servers, cookie, video, 5 + n * 3, until) for n in range(args.uploads)]
        if args.kill:
            work.append(_kill_one(processes, args.seconds / 4))
        await asyncio.wait_for(asyncio.gather(*work), timeout=args.seconds + 30)
    return figures


async def _kill_one(processes: Processes, after: float) -> None:
    await asyncio.sleep(after)
    victim = processes.web[0]
    print(f"kill -9 web process {victim.pid} at {after:.0f} s", flush=True)
    os.kill(victim.pid, signal.SIGKILL)
    processes.killed = victim.pid


def main() -> None:
    args = arguments()
    random.seed(7)
    classes = make_studio(args.database_url, args.dancers, args.teachers, PASSWORD)
    with Processes(args.database_url, args.scale) as processes:
        watcher = HoldWatcher(args.database_url, processes.origin, args.scale)
        load_before = os.getloadavg()
        rss_before, cpu_before = processes.rss(), processes.cpu()
        began = time.monotonic()
        with watcher:
            figures = asyncio.run(run(args, processes, classes))
            time.sleep(1.5)  # the last holds' rows
        took = time.monotonic() - began
        rss_after = processes.rss()
        cpu = {k: v - cpu_before.get(k, 0.0) for k, v in processes.cpu().items()}
    log_figures(args, figures, watcher, took, load_before, rss_before, rss_after, cpu)


if __name__ == "__main__":
    main()
