"""The stage of bench/studio_load.py: the studio's accounts and classes, the server processes,
a watcher of the holds table, the video to upload, and the report."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import cv2
import httpx
import numpy as np
import psycopg
from bench.load_actors import Figures
from tests.integration.postgres import wipe

from turnout import bootstrap
from turnout.config import Settings
from turnout.domain.accounts import Role

ROOT = Path(__file__).resolve().parents[1]
TURNOUT = ROOT / ".venv/bin/turnout"
PORTS = (8301, 8302)
PERSON = ROOT / "tests/assets/pose2sim/standing.jpg"


def make_studio(url: str, dancers: int, teachers: int, password: str) -> list[int]:
    """A wiped database made a studio: the dancers, the teachers (a class each, the dancers
    shared out among them) and an uploader; the classes' ids."""
    wipe(url)
    with tempfile.TemporaryDirectory() as folder:
        box = bootstrap.build(Settings(data_dir=Path(folder), database_url=url))
        accounts, classes = box.accounts(), box.classes()
        accounts.init_studio("Bench Studio", "admin@bench.org", password, 16)
        made = [
            classes.create(accounts.add(f"teacher{n}@bench.org", Role.TEACHER, password), f"C{n}")
            for n in range(teachers)
        ]
        for n in range(dancers):
            account = accounts.add(f"dancer{n}@bench.org", Role.DANCER, password)
            if made:
                classes.join(account, made[n % len(made)].code)
        accounts.add("uploader@bench.org", Role.DANCER, password)
    return [c.id for c in made]


class Processes:
    """Two web servers and a worker on the database, sharing one practice clock."""

    def __init__(self, url: str, scale: float) -> None:
        self.url, self.scale, self.origin = url, scale, time.time()
        self.bases = [f"http://127.0.0.1:{port}" for port in PORTS]
        self.web: list[subprocess.Popen[bytes]] = []
        self.worker: subprocess.Popen[bytes] | None = None
        self.killed: int | None = None
        self._folder = tempfile.TemporaryDirectory()

    def __enter__(self) -> Processes:
        env = {
            **os.environ,
            "TURNOUT_DATABASE_URL": self.url,
            "TURNOUT_DATA_DIR": self._folder.name,
            "TURNOUT_TIME_SCALE": str(self.scale),
            "TURNOUT_CLOCK_ORIGIN": repr(self.origin),
        }
        logs = (Path(self._folder.name) / "servers.log").open("wb")
        for port in PORTS:
            command = [str(TURNOUT), "serve", "--port", str(port)]
            self.web.append(subprocess.Popen(command, env=env, stdout=logs, stderr=logs))
        if subprocess.run([str(TURNOUT), "worker", "--help"], capture_output=True).returncode == 0:
            command = [str(TURNOUT), "worker", "--concurrency", "1"]
            self.worker = subprocess.Popen(command, env=env, stdout=logs, stderr=logs)
        for base in self.bases:
            _wait_for(base)
        return self

    def rss(self) -> dict[str, float]:
        """Each process's resident memory in MB (a killed one is left out)."""
        return {name: _rss(pid) for name, pid in self._named().items()}

    def cpu(self) -> dict[str, float]:
        """CPU seconds used so far: each process, this client, and PostgreSQL's processes."""
        used = {name: _cpu(pid) for name, pid in self._named().items()}
        mine = resource.getrusage(resource.RUSAGE_SELF)
        used["load client"] = mine.ru_utime + mine.ru_stime
        used["postgresql"] = sum(_cpu(int(p.name)) for p in Path("/proc").iterdir() if _pg(p))
        return used

    def _named(self) -> dict[str, int]:
        named = {f"web {p.pid}": p for p in self.web}
        if self.worker is not None:
            named[f"worker {self.worker.pid}"] = self.worker
        return {name: p.pid for name, p in named.items() if p.poll() is None}

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        for process in [*self.web, *([self.worker] if self.worker else [])]:
            if process.poll() is None:
                process.terminate()
        for process in [*self.web, *([self.worker] if self.worker else [])]:
            process.wait(30)
        self._folder.cleanup()


def _wait_for(base: str) -> None:
    for _ in range(120):
        try:
            if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{base} did not start")


def _rss(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pg(entry: Path) -> bool:
    try:
        return entry.name.isdigit() and entry.joinpath("comm").read_text().startswith("postgres")
    except OSError:
        return False


def _connect(url: str) -> psycopg.Connection[Any]:
    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


class HoldWatcher:
    """Notes when each hold's row appears (every 50 ms), against when the hold ended."""

    def __init__(self, url: str, origin: float, scale: float) -> None:
        self.url, self.origin, self.scale = url, origin, scale
        self.lags: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> HoldWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        # Rows can commit out of id order: look back 1000 ids, and count each id once.
        last, seen_ids = 0, set()
        with _connect(self.url) as db:
            while not self._stop.wait(0.05):
                rows = db.execute(
                    "SELECT id, extract(epoch FROM ended_at) FROM holds WHERE id > %s",
                    (last - 1000,),
                ).fetchall()
                seen = time.time()
                for hold_id, ended in rows:
                    if hold_id in seen_ids:
                        continue
                    seen_ids.add(hold_id)
                    wall = self.origin + (float(ended) - self.origin) / self.scale
                    self.lags.append(seen - wall)
                    last = max(last, hold_id)


def clip(seconds: float = 4.0, fps: int = 15) -> bytes:
    """An MP4 of a person standing (the test photo, swaying a few pixels), 640x480."""
    person = cv2.resize(cv2.imread(str(PERSON)), (640, 480))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clip.mp4"
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, (640, 480))
        for i in range(int(seconds * fps)):
            writer.write(np.roll(person, int(3 * np.sin(i / 5)), axis=1))
        writer.release()
        return path.read_bytes()


def holds_check(url: str, sessions: list[str]) -> dict[str, int]:
    """Holds lost (a finished session with fewer holds than planned) or logged twice."""
    with _connect(url) as db:
        rows = db.execute(
            "SELECT s.id, s.status, s.planned_holds, count(h.id), count(DISTINCT h.position), "
            "coalesce(max(s.run_version), 0) "
            "FROM practice_sessions s LEFT JOIN holds h ON h.session_id = s.id "
            "WHERE s.id = ANY(%s) GROUP BY s.id",
            (sessions,),
        ).fetchall()
    finished = [r for r in rows if r[1] == "finished"]
    return {
        "sessions": len(rows),
        "finished": len(finished),
        "holds": sum(r[3] for r in rows),
        "lost": sum(max(0, r[2] - r[4]) for r in finished),
        "twice": sum(r[3] - r[4] for r in rows),
        "run writes": sum(r[5] for r in rows),  # every transition of every session
    }


def log_figures(
    args: argparse.Namespace,
    figures: Figures,
    watcher: HoldWatcher,
    took: float,
    load_before: tuple[float, float, float],
    rss_before: dict[str, float],
    rss_after: dict[str, float],
    cpu: dict[str, float],
) -> None:
    print(f"\n{args.dancers} dancers, {args.teachers} teachers, {args.uploads} uploads, ", end="")
    print(f"clock x{args.scale:g}, poll {args.poll_ms} ms, kill -9: {args.kill}; {took:.0f} s")
    print(f"load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}")
    print(f"\n{'endpoint':36} {'requests':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, count, p50, p99, errors in figures.table():
        print(f"{name:36} {count:9d} {p50:8.1f} {p99:8.1f} {errors:7d}")
    print(f"connections refused and sent to the other server: {figures.failovers}")
    for name, found in figures.errors.items():
        print(f"  {name}: {found[:2]}")
    lags = sorted(watcher.lags) or [0.0]
    p99 = lags[min(len(lags) - 1, int(len(lags) * 0.99))]
    print(f"\nhold logged after its end (s, to 0.05): max {lags[-1]:.2f}, p99 {p99:.2f}, ", end="")
    print(f"median {statistics.median(lags):.2f}, over {len(watcher.lags)} holds")
    print("holds:", holds_check(args.database_url, figures.sessions))
    done = [j for j in figures.jobs if j.get("status") == "done"]
    waits = [
        (j["started_at"] - j["queued_at"]) / args.scale
        for j in figures.jobs
        if j.get("started_at") is not None and j.get("queued_at") is not None
    ]
    print(f"jobs: {len(done)} done of {len(figures.jobs)} ({args.uploads} sent)", end="")
    print(
        f", waited for a worker: max {max(waits):.1f} s, median {statistics.median(waits):.1f}"
        if waits
        else ""
    )
    failed = [j.get("message", j.get("status")) for j in figures.jobs if j.get("status") != "done"]
    if failed:
        print("  not done:", failed[:3])
    print("RSS MB before:", {k: round(v) for k, v in rss_before.items()})
    print("RSS MB after: ", {k: round(v) for k, v in rss_after.items()})
    requests = sum(count for _, count, *_ in figures.table())
    print(
        f"CPU seconds during the run ({requests} requests):", {k: round(v) for k, v in cpu.items()}
    )
