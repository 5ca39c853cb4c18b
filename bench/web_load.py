"""Benchmark: the web API under load (goal: p95 <= 150 ms for the events and stats endpoints,
20 concurrent clients on loopback, 0 errors, with 1,000,000 events in a SQLite store).

    .venv/bin/python -m bench.web_load [--events N] [--requests R] [--clients C] [--workers W (2)]
                                       [--db PATH] [--max-seconds S]

The store is filled once with ACLED-shaped rows resampled in memory from ../shared/data
(bench/generate.py, imported with sigact.formats.acled.import_frame) into a file outside the
repository (default /tmp/sigact-web-bench-<N>.db, reused by later runs). ``sigact serve`` runs in a
subprocess on a free loopback port; C async clients (httpx) send R requests in all, drawn from a mix
of dashboard queries with varied filters (country, admin1, actor, event type, dates, pages), and
stop early after S seconds. The load starts once the server's in-memory column copy is loaded
(/api/status). The server's answer cache is on (as in normal use): the first request for each
distinct filter is computed ("cold"), repeats are cached; cold and all-request figures are printed
separately.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

GOAL_MS = 150.0


def build_store(path: Path, n: int) -> None:
    from sqlalchemy import func, select

    from sigact.store import open_store
    from sigact.store.schema import events

    store = open_store(f"sqlite:///{path}")
    with store.engine.connect() as conn:
        have = int(conn.execute(select(func.count()).select_from(events)).scalar_one())
    if have >= n:
        print(f"store: {path} already holds {have:,} events")
        return
    from bench.generate import generate_frame
    from sigact.formats.acled import import_frame

    t0 = time.perf_counter()
    frame = generate_frame(n, seed=0)
    result = import_frame(store, frame, "bench-web")
    print(f"store: imported {result.inserted:,} events into {path} in {time.perf_counter() - t0:.0f} s")
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "from sigact.cli import main; main()", "serve", "--db", str(db),
           "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/config", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def request_mix(base: str, facets: dict[str, Any], n: int, seed: int = 1) -> list[tuple[str, str, dict[str, Any]]]:
    """``n`` (group, path, params) drawn from dashboard-like queries."""
    rng = random.Random(seed)
    countries = facets["countries"] or [None]
    admin1 = [a for values in facets["admin1"].values() for a in values] or [None]
    actors = facets["actors"][:40] or [None]
    types = facets["event_types"] or [None]
    years = list(range(2018, 2025))

    def a_filter() -> dict[str, Any]:
        kind = rng.randrange(6)
        if kind == 0:
            return {}
        if kind == 1:
            return {"country": rng.choice(countries)}
        if kind == 2:
            return {"admin1": rng.choice(admin1)}
        if kind == 3:
            return {"actor": rng.choice(actors)}
        if kind == 4:
            y = rng.choice(years)
            return {"date_from": f"{y}-01-01", "date_to": f"{y}-12-31", "country": rng.choice(countries)}
        return {"event_type": rng.choice(types), "country": rng.choice(countries)}

    out = []
    for _ in range(n):
        flt = {k: v for k, v in a_filter().items() if v is not None}
        r = rng.random()
        if r < 0.45:
            out.append(("events", "/api/events", {**flt, "limit": 50, "offset": 50 * rng.randrange(4)}))
        elif r < 0.65:
            out.append(("stats/timeline", "/api/stats/timeline", {**flt, "interval": rng.choice(["week", "month"])}))
        elif r < 0.85:
            out.append(("stats/shares", "/api/stats/shares",
                        {**flt, "by": rng.choice(["event_type", "admin1", "actor1"])}))
        else:
            out.append(("stats/summary", "/api/stats/summary", flt))
    return out


async def run_load(base: str, mix: list[tuple[str, str, dict[str, Any]]], clients: int, max_seconds: float
                   ) -> tuple[dict[str, list[float]], dict[str, list[float]], int, float, int]:
    times: dict[str, list[float]] = defaultdict(list)
    cold: dict[str, list[float]] = defaultdict(list)
    seen: set[str] = set()
    errors = 0
    queue: asyncio.Queue[tuple[str, str, dict[str, Any]]] = asyncio.Queue()
    for item in mix:
        queue.put_nowait(item)
    stop_at = time.monotonic() + max_seconds
    done = 0

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors, done
        while time.monotonic() < stop_at:
            try:
                group, path, params = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            key = path + "?" + str(sorted((k, v) for k, v in params.items() if k != "offset"))
            first = key not in seen
            seen.add(key)
            t0 = time.perf_counter()
            try:
                r = await client.get(path, params=params)
                ok = r.status_code == 200
                if ok:
                    r.json()
            except (httpx.HTTPError, ValueError):
                ok = False
            ms = (time.perf_counter() - t0) * 1000
            done += 1
            if not ok:
                errors += 1
                continue
            times[group].append(ms)
            if first:
                cold[group].append(ms)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    t0 = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        await asyncio.gather(*[worker(client) for _ in range(clients)])
    return times, cold, errors, time.perf_counter() - t0, done


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report(title: str, times: dict[str, list[float]]) -> bool:
    print(f"\n{title}")
    print(f"{'endpoint':<16}{'n':>7}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    ok = True
    for group in sorted(times):
        v = times[group]
        p95 = pct(v, 95)
        ok &= p95 <= GOAL_MS
        print(f"{group:<16}{len(v):>7}{statistics.median(v):>10.1f}{p95:>10.1f}{pct(v, 99):>10.1f}{max(v):>10.1f}")
    allv = [x for v in times.values() for x in v]
    if allv:
        print(f"{'all':<16}{len(allv):>7}{statistics.median(allv):>10.1f}{pct(allv, 95):>10.1f}"
              f"{pct(allv, 99):>10.1f}{max(allv):>10.1f}")
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=4000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--max-seconds", type=float, default=180)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    db = args.db or Path(os.environ.get("TMPDIR", "/tmp")) / f"sigact-web-bench-{args.events}.db"
    build_store(db, args.events)
    port = free_port()
    proc = start_server(db, port, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        t0 = time.perf_counter()
        state, ready_in_a_row = "?", 0
        while time.perf_counter() - t0 < 300 and ready_in_a_row < 4 * args.workers:
            # each request may reach another worker: wait until several in a row say ready
            state = httpx.get(base + "/api/status", timeout=30).json()["column_copy"]
            ready_in_a_row = ready_in_a_row + 1 if state in ("ready", "off") else 0
            time.sleep(0.25 if ready_in_a_row else 1)
        print(f"server: {base} ({args.workers} worker(s)); column copy {state} after {time.perf_counter() - t0:.0f} s")
        facets = httpx.get(base + "/api/facets", timeout=120).json()
        mix = request_mix(base, facets, args.requests)
        times, cold, errors, elapsed, done = asyncio.run(run_load(base, mix, args.clients, args.max_seconds))
        print(f"\n{done:,} requests from {args.clients} concurrent clients in {elapsed:.1f} s "
              f"({done / elapsed:,.0f} req/s), errors: {errors}")
        ok = report("all requests (answer cache on, as served)", times)
        report("first request of each distinct query (computed, not cached)", cold)
        verdict = "PASS" if ok and errors == 0 else "MISS"
        print(f"\ngoal p95 <= {GOAL_MS:.0f} ms per endpoint with 0 errors: {verdict}", flush=True)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:  # still finishing slow queries
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(15)


if __name__ == "__main__":
    main()
