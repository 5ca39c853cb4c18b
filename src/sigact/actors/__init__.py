"""Actors: the registry of ACLED actor names (data file ``actors.yaml``), alias resolution and mention finding.

``Registry.default()`` is the entry point: ``find(text)``, ``canonical(name, date, country)``, ``expand(name)``,
``inter(name)``, ``state_forces(country, date, kind)``, ``unidentified(country)``, ``civilians(country)``.
"""

from sigact.actors.model import GENERIC_KINDS, NAMED, Actor, ActorMention
from sigact.actors.registry import Registry

__all__ = ["GENERIC_KINDS", "NAMED", "Actor", "ActorMention", "Registry"]
