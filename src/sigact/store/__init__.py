"""Storage: SQLite by default (WAL), PostgreSQL by URL. Schema versioned with Alembic.

``open_store(url)`` returns a :class:`~sigact.store.repository.Store`, the only door other stages use.
"""

from sigact.store.database import default_url, open_engine
from sigact.store.repository import Store, open_store

__all__ = ["Store", "default_url", "open_engine", "open_store"]
