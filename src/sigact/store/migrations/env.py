"""Alembic environment: migrations run on the connection sigact hands over (see ``migrate.py``)."""

from __future__ import annotations

from alembic import context

from sigact.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - sigact always passes its connection
    raise RuntimeError("sigact migrations run through sigact.store.migrate.upgrade()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
