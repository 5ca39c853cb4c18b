"""Schema versioning with Alembic, run in-process on sigact's own engine.

``upgrade(engine)`` brings any database (new or old) to the current schema. New revisions are
written with ``python -m sigact.store.migrate revision -m "what changed"`` (autogenerate against
a scratch database at head), then reviewed by hand.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from sigact.store.database import open_engine

MIGRATIONS = Path(__file__).parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply all pending migrations (a no-op on an up-to-date database)."""
    if current_revision(engine) == head_revision():
        return
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _new_revision(message: str) -> None:
    """Autogenerate a revision against a scratch SQLite database at the current head."""
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_engine(f"sqlite:///{tmp}/scratch.db")
        upgrade(engine)
        cfg = _config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True)


if __name__ == "__main__":  # pragma: no cover - developer tool
    if len(sys.argv) >= 4 and sys.argv[1] == "revision" and sys.argv[2] == "-m":
        _new_revision(sys.argv[3])
    else:
        print('usage: python -m sigact.store.migrate revision -m "message"')
