"""Fixtures shared by every test package.

- ``shared_data``: ``../shared/data`` (tests that need it skip when it is absent).
- ``acled_csv`` / ``acled_legacy_csv`` / ``ucdp_csv`` / ``articles_dir``: the real files in it.
- ``sqlite_url`` / ``sqlite_store``: a fresh SQLite database in a temporary folder.
- ``pg_url``: a database on a private PostgreSQL cluster started for the session (see ``_postgres.py``).
- ``store_url`` / ``store``: parametrised over SQLite and PostgreSQL, for tests every backend must pass.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sigact.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("SIGACT_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} is absent (real data for tests lives in ../shared/data)")
    return SHARED_DATA


def _shared_file(shared_data: Path, name: str) -> Path:
    path = shared_data / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def acled_csv(shared_data: Path) -> Path:
    return _shared_file(shared_data, "acled_sahel.csv")


@pytest.fixture(scope="session")
def acled_legacy_csv(shared_data: Path) -> Path:
    return _shared_file(shared_data, "acled_sahel_legacy_2018.csv")


@pytest.fixture(scope="session")
def ucdp_csv(shared_data: Path) -> Path:
    return _shared_file(shared_data, "ucdp_ged_sahel.csv")


@pytest.fixture(scope="session")
def articles_dir(shared_data: Path) -> Path:
    return _shared_file(shared_data, "articles")


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'sigact.db'}"


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Store:
    return open_store(sqlite_url)


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests._postgres import PostgresCluster

    cluster = PostgresCluster.start_or_skip(tmp_path_factory.mktemp("pg"))
    try:
        yield cluster.base_url
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_server: str, request: pytest.FixtureRequest) -> Iterator[str]:
    from tests._postgres import fresh_database

    with fresh_database(pg_server) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_url: str) -> Store:
    return open_store(store_url)
