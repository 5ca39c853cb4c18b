"""Engines and URLs: SQLite at ``./sigact.db`` by default (WAL), any PostgreSQL by URL.

The URL comes from ``--db``, else ``$SIGACT_DB``, else ``sqlite:///sigact.db``. A bare file path
is taken as a SQLite file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DEFAULT_URL = "sqlite:///sigact.db"


def default_url() -> str:
    return os.environ.get("SIGACT_DB") or DEFAULT_URL


def normalise_url(url: str | None) -> str:
    """Turn what a user typed (URL, file path, ``postgresql://``) into a SQLAlchemy URL."""
    url = url or default_url()
    if "://" not in url:
        return f"sqlite:///{Path(url)}"
    if url.startswith(("postgresql://", "postgres://")):
        # psycopg 3 is the driver we ship.
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-200000")
    cur.close()


def open_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (see module doc); SQLite gets WAL and foreign keys."""
    sa_url = make_url(normalise_url(url))
    if sa_url.get_backend_name() == "sqlite":
        engine = create_engine(sa_url)
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy, not pysqlite, open transactions: BEGIN at the first statement.
        event.listen(engine, "connect", lambda conn, _rec: setattr(conn, "isolation_level", None))
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    return create_engine(sa_url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
