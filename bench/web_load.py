"""Benchmark: the web API under load (goal: p95 <= 150 ms for the events and stats endpoints,
20 concurrent clients on loopback, 0 errors, with 1,000,000 events in a SQLite store).

    .venv/bin/python -m bench.web_load [--events N] [--requests R] [--clients C] [--workers W (2)]
                                       [--db PATH] [--max-seconds S]

The store is filled once with ACLED-shaped rows resampled in memory from ../shared/data
(bench/generate.py, imported with sigact.formats.acled.import_frame) into a file outside the
repository (default /tmp/sigact-web-bench-<N>.db, reused by later runs). ``sigact serve`` runs in a
subprocess on a free loopback port; C concurrent clients send R requests in all, drawn from a mix
of dashboard queries with varied filters (country, admin1, actor, event type, dates, pages), and
stop early after S seconds. The load tool (``--tool``): ``wrk`` (default when /usr/bin/wrk or
``wrk`` on PATH exists: C, one thread and one keep-alive connection per client, a Lua script walks
the pre-generated request list and times each request) or ``httpx`` (Python async clients; the
fallback when wrk is absent; it burns more of the CPU it shares with the server). The tool used is
printed. The load starts once the server's in-memory column copy is loaded
(/api/status). The server's answer cache is on (as in normal use): the first request for each
distinct filter is computed ("cold"), repeats are cached; cold and all-request figures are printed
separately.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

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


WRK_SCRIPT = r"""
-- sigact bench/web_load.py: thread k (one connection) sends requests k, k+T, k+2T... of the list,
-- times each one (CLOCK_MONOTONIC) and writes "index status ms start_ms bytes" lines to its file.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } sigact_timespec;
int clock_gettime(int clk, sigact_timespec *tp);
]]
local ts = ffi.new("sigact_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local mine, pos, started, out, out_dir, threads = {}, 0, 0, nil, nil, 1  -- pos: answered so far
function init(args)
  local paths_file = args[1]
  out_dir = args[2]
  threads = tonumber(args[3])
  local i = 0
  for line in io.lines(paths_file) do
    if i % threads == id then mine[#mine + 1] = {i, line} end
    i = i + 1
  end
  out = io.open(out_dir .. "/wrk-" .. id .. ".txt", "w")
end

function request()
  -- wrk calls request() once in thread 0 to check the script before the run: nothing here
  -- advances the list; response() does
  if pos >= #mine then
    -- nothing left: a cheap request that is not recorded (the thread stops on its answer)
    return wrk.format("GET", "/api/config")
  end
  started = now_ms()
  return wrk.format("GET", mine[pos + 1][2])
end

function response(status, headers, body)
  if pos < #mine then
    pos = pos + 1
    local ok = status
    local first = string.sub(body or "", 1, 1)
    if status == 200 and first ~= "{" and first ~= "[" then ok = 0 end
    out:write(string.format("%d %d %.3f %.3f %d\n", mine[pos][1], ok, now_ms() - started, started, #(body or "")))
  end
  if pos >= #mine then
    out:close()
    io.open(out_dir .. "/done-" .. id, "w"):close()  -- tells the bench to end wrk (it waits out -d)
    wrk.thread:stop()
  end
end
"""


def wrk_path() -> str | None:
    return shutil.which("wrk") or (shutil.which("/usr/bin/wrk"))


def run_wrk(wrk: str, base: str, mix: list[tuple[str, str, dict[str, Any]]], clients: int, max_seconds: float
            ) -> tuple[dict[str, list[float]], dict[str, list[float]], int, float, int]:
    """The mix sent by wrk (``clients`` threads, one connection each); same figures as run_load.
    A request missing from the threads' logs (not answered in time, socket error) is an error."""
    with tempfile.TemporaryDirectory(prefix="sigact-wrk-") as tmp:
        paths = Path(tmp) / "paths.txt"
        paths.write_text("".join(f"{path}?{urlencode(params, doseq=True)}\n" if params else f"{path}\n"
                                 for _g, path, params in mix))
        script = Path(tmp) / "mix.lua"
        script.write_text(WRK_SCRIPT)
        cmd = [wrk, "-t", str(clients), "-c", str(clients), "-d", f"{int(max_seconds)}s", "--timeout", "30s",
               "-s", str(script), base, "--", str(paths), tmp, str(clients)]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # wrk always runs for its whole -d: interrupt it (as Ctrl-C does) once every thread is done
        while proc.poll() is None and time.perf_counter() - t0 < max_seconds + 30:
            if len(list(Path(tmp).glob("done-*"))) >= clients:
                proc.send_signal(signal.SIGINT)
                break
            time.sleep(0.1)
        try:
            stdout, stderr = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
        wall = time.perf_counter() - t0
        if proc.returncode not in (0, -signal.SIGINT):
            raise SystemExit(f"wrk failed ({proc.returncode}): {stderr or stdout}")
        rows: list[tuple[float, int, int, float]] = []
        for f in Path(tmp).glob("wrk-*.txt"):
            for line in f.read_text().splitlines():
                f_idx, f_status, f_ms, f_start, _size = line.split()
                rows.append((float(f_start), int(f_idx), int(f_status), float(f_ms)))
    socket_errors = 0
    for line in stdout.splitlines():
        if "Socket errors" in line:  # connect N, read N, write N, timeout N
            socket_errors = sum(int(x) for x in line.replace(",", " ").split() if x.isdigit())
    times: dict[str, list[float]] = defaultdict(list)
    cold: dict[str, list[float]] = defaultdict(list)
    seen: set[str] = set()
    errors = len(mix) - len(rows)  # not answered (stopped by the time bound counts as error too)
    rows.sort()
    if rows:
        elapsed = (rows[-1][0] + rows[-1][3] - rows[0][0]) / 1000
    else:
        elapsed = wall
    for _start, idx, status, ms in rows:
        group, path, params = mix[idx]
        key = path + "?" + str(sorted((k, v) for k, v in params.items() if k != "offset"))
        first = key not in seen
        seen.add(key)
        if status != 200:
            errors += 1
            continue
        times[group].append(ms)
        if first:
            cold[group].append(ms)
    if socket_errors:
        print(f"wrk reported socket errors: {socket_errors}")
    return times, cold, errors, elapsed, len(rows)


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
    ap.add_argument("--tool", choices=["auto", "wrk", "httpx"], default="auto",
                    help="load tool: wrk when installed (auto), else httpx")
    args = ap.parse_args()
    wrk = wrk_path() if args.tool in ("auto", "wrk") else None
    if args.tool == "wrk" and wrk is None:
        raise SystemExit("wrk is not installed (apt-get install wrk); use --tool httpx")
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
        uptime = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
        print(f"load average before the run: {' '.join(uptime)} ({os.cpu_count()} CPUs)")
        if wrk:
            tool = f"wrk ({wrk}, {args.clients} threads x 1 connection, Lua request list)"
            times, cold, errors, elapsed, done = run_wrk(wrk, base, mix, args.clients, args.max_seconds)
        else:
            tool = f"httpx (Python asyncio, {args.clients} clients in one process)"
            times, cold, errors, elapsed, done = asyncio.run(run_load(base, mix, args.clients, args.max_seconds))
        print(f"\nload tool: {tool}")
        print(f"{done:,} requests from {args.clients} concurrent clients in {elapsed:.1f} s "
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
