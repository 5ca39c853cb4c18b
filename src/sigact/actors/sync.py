"""Write the registry into the store's ``actors`` table (name, inter, country, parent, aliases, origin)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select

from sigact.actors.registry import Registry
from sigact.store import Store
from sigact.store.schema import actors as actors_table

ORIGIN = "registry"


def registry_rows(registry: Registry) -> list[dict[str, Any]]:
    """One row per actor name of ``registry``, ready for the ``actors`` table."""
    rows = []
    for actor in registry:
        rows.append(
            {
                "name": actor.name,
                "inter": actor.inter,
                "country": actor.country,
                "parent": registry.parent(actor.name),
                "aliases": registry.aliases_of(actor.name),
                "origin": ORIGIN,
            }
        )
    return rows


def sync_actors(store: Store, registry: Registry | None = None) -> int:
    """Replace the registry's rows of the ``actors`` table with ``registry`` (the default one).

    Rows of another origin (added by a user) are kept, and a registry actor of the same name does not
    overwrite them. Returns the number of rows written.
    """
    registry = registry or Registry.default()
    rows = registry_rows(registry)
    with store.transaction() as conn:
        conn.execute(delete(actors_table).where(actors_table.c.origin == ORIGIN))
        kept = {r[0] for r in conn.execute(select(actors_table.c.name))}
        rows = [r for r in rows if r["name"] not in kept]
        if rows:
            conn.execute(insert(actors_table), rows)
    return len(rows)
