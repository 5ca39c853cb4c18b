"""A private PostgreSQL cluster for the test session: ``initdb`` + ``pg_ctl`` on a loopback port.

When no PostgreSQL binaries are found the PostgreSQL tests skip, unless ``SIGACT_REQUIRE_POSTGRES=1``
(set by ``.ci/run``), in which case they fail: CI must test the real server.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text


def _bindir() -> Path | None:
    if os.environ.get("SIGACT_PG_BINDIR"):
        return Path(os.environ["SIGACT_PG_BINDIR"])
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for cand in candidates:
        if (Path(cand) / "initdb").exists():
            return Path(cand)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresCluster:
    def __init__(self, bindir: Path, datadir: Path, port: int, run_as: str | None) -> None:
        self.bindir, self.datadir, self.port, self.run_as = bindir, datadir, port, run_as
        self.base_url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, text=True)

    @classmethod
    def start_or_skip(cls, workdir: Path) -> PostgresCluster:
        bindir = _bindir()
        required = os.environ.get("SIGACT_REQUIRE_POSTGRES") == "1"
        if bindir is None:
            if required:
                pytest.fail("PostgreSQL binaries (initdb) not found but SIGACT_REQUIRE_POSTGRES=1")
            pytest.skip("PostgreSQL binaries (initdb) not found")
        run_as = "postgres" if os.geteuid() == 0 else None  # initdb refuses to run as root
        # pytest's own temp folders are private to root; the server's user needs a folder of its own.
        datadir = Path(tempfile.mkdtemp(prefix="sigact-pg-")) / "data"
        datadir.mkdir()
        if run_as:
            shutil.chown(datadir.parent, user=run_as)
            shutil.chown(datadir, user=run_as)
        cluster = cls(bindir, datadir, _free_port(), run_as)
        try:
            cluster._run("initdb", "-D", str(datadir), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                         "--no-locale")
            cluster._run("pg_ctl", "-D", str(datadir), "-w", "-t", "60", "-l", str(datadir / "log"),
                         "-o", f"-h 127.0.0.1 -p {cluster.port} -k {datadir} -c fsync=off", "start")
        except (subprocess.CalledProcessError, OSError) as exc:
            detail = getattr(exc, "stderr", "") or str(exc)
            if required:
                pytest.fail(f"could not start PostgreSQL: {detail}")
            pytest.skip(f"could not start PostgreSQL: {detail}")
        return cluster

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.datadir), "-m", "fast", "-w", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.datadir.parent, ignore_errors=True)


@contextmanager
def fresh_database(base_url: str) -> Iterator[str]:
    """A new, empty database on the cluster, dropped afterwards."""
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # name is generated above, not user input
    url = base_url.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        from sqlalchemy import create_engine as _ce

        _ce(url).dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
