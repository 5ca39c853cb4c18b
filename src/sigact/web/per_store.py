"""One shared instance of a helper per open store (the actor index, the column copy)."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TypeVar

from sigact.store import Store

T = TypeVar("T")


def per_store(factory: Callable[[Store], T]) -> Callable[[Store], T]:
    """``get(store)`` builds ``factory(store)`` once per store (thread-safe) and returns it after;
    the instance goes when the store does."""
    instances: weakref.WeakKeyDictionary[Store, T] = weakref.WeakKeyDictionary()
    lock = threading.Lock()

    def get(store: Store) -> T:
        with lock:
            instance = instances.get(store)
            if instance is None:
                instance = instances[store] = factory(store)
            return instance

    return get
