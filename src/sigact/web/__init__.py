"""sigact's web dashboard and REST API (``sigact serve``). See ``docs/web.md``."""

from sigact.web.app import create_app
from sigact.web.deps import Settings

__all__ = ["Settings", "create_app"]
