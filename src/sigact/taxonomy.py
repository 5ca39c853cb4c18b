"""ACLED's and UCDP's coding vocabulary, as written in ``shared/reference/coding-rules.md``.

Everything here is data a coder looks up, not logic: event types and their sub-event types,
actor types (``inter`` codes), precision codes and the disorder types.
"""

from __future__ import annotations

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

SUB_EVENT_TO_TYPE: dict[str, str] = {
    sub: event_type for event_type, subs in EVENT_TYPES.items() for sub in subs
}

# Event types of ACLED's pre-2019 taxonomy, still found in older exports. They are kept verbatim
# on import (so an export reproduces the file) and mapped to the current type for analysis.
LEGACY_EVENT_TYPES: dict[str, str] = {
    "Battle-No change of territory": "Battles",
    "Battle-Government regains territory": "Battles",
    "Battle-Non-state actor overtakes territory": "Battles",
    "Remote violence": "Explosions/Remote violence",
    "Violence against civilians": "Violence against civilians",
    "Riots/Protests": "Protests",
    "Strategic development": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
}

DISORDER_TYPES = (
    "Political violence",
    "Demonstrations",
    "Strategic developments",
    "Political violence; Demonstrations",
)

# ACLED actor types, the ``inter1``/``inter2`` codes.
INTER_CODES: dict[int, str] = {
    0: "None",
    1: "State Forces",
    2: "Rebel Groups",
    3: "Political Militias",
    4: "Identity Militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other Forces",
}
INTER_BY_NAME: dict[str, int] = {name.lower(): code for code, name in INTER_CODES.items()}

TIME_PRECISION = {1: "day", 2: "week", 3: "month"}
GEO_PRECISION = {1: "town", 2: "near a place / part of a region", 3: "region"}

CIVILIAN_TARGETING = "Civilian targeting"

STATUSES = ("automatic", "reviewed", "rejected")
ORIGINS = ("acled", "ucdp", "extracted", "manual")


def disorder_type_for(event_type: str) -> str:
    """ACLED's disorder type for a (current-taxonomy) event type."""
    if event_type in ("Protests", "Riots"):
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def current_event_type(event_type: str) -> str:
    """The current-taxonomy event type for a current or legacy one (unknown values pass through)."""
    if event_type in EVENT_TYPES:
        return event_type
    return LEGACY_EVENT_TYPES.get(event_type, event_type)


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's ``interaction``: the two actor-type codes joined, lower first (10 = sole state action)."""
    if inter1 is None:
        return None
    a, b = sorted((inter1, inter2 or 0))
    if a == 0:
        return b * 10
    return a * 10 + b
