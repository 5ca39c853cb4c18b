"""Weapons and tactics named in an event's sentences, as tags (``Event.tags_list``).

Tags: mortar, rocket, ied, vbied, suicide bomber, drone, airstrike, ambush, kidnapping,
arson, looting of arms, looting, landmine, grenade, complex attack. English and French wording.
"""

from __future__ import annotations

import re

TAG_PATTERNS: dict[str, re.Pattern[str]] = {
    name: re.compile(rx, re.IGNORECASE)
    for name, rx in {
        "mortar": r"\bmortars?\b|\bobus\b|\bmortiers?\b",
        "rocket": r"\brockets?\b|\broquettes?\b|\bRPGs?\b|\bmissiles?\b",
        "vbied": r"\bVBIEDs?\b|\bcar[-\s]bombs?\b|\bvehicle[-\s]borne\b|\bbomb-laden\s+(?:car|vehicle|truck)|"
        r"\bexplosive-laden\s+(?:car|vehicle|truck)|\bvoitures?[-\s]piégées?\b|\bvéhicules?\s+piégés?\b",
        "ied": r"\bIEDs?\b|\bimprovised\s+explosive|\broadside\s+bomb|\bexplosive\s+devices?\b|"
        r"\bengins?\s+explosifs?\b|\bEEI\b",
        "landmine": r"\b(?:land)?mines?\b(?!\s+(?:workers?|site))|\bmines?\s+antipersonnel",
        "suicide bomber": r"\bsuicide\b|\bkamikazes?\b",
        "drone": r"\bdrones?\b|\bUAVs?\b",
        "airstrike": r"\bair\s*strikes?\b|\baerial\s+(?:strike|bombardment|attack)s?|\bhelicopters?\b|"
        r"\bfrappes?\s+aériennes?\b|\bbombardements?\b",
        "ambush": r"\bambush(?:ed|es)?\b|\bembuscades?\b",
        "kidnapping": r"\babduct(?:ed|ion|s|ing)?\b|\bkidnapp?(?:ed|ing|s)?\b|\bhostages?\b|"
        r"\benlev(?:é|és|ée|ées|ement)\b|"
        r"\botages?\b|\bkidnappés?\b",
        "arson": r"\bburn(?:ed|t|ing)\b|\bset\s+(?:\w+\s+){0,3}(?:on\s+)?fire\b|\btorched\b|\barson\b|"
        r"\bincendi(?:é|és|ée|ées|aient|er)\b|\bbrûl(?:é|és|ée|ées)\b",
        "looting of arms": r"\b(?:seiz|loot|took|carried\s+off|captur|stole|steal)\w*\s+(?:\w+\s+){0,5}?"
        r"(?:weapons|arms|rifles|ammunition|munitions)\b|\bemport(?:é|ant)\s+(?:\w+\s+){0,3}armes\b",
        "looting": r"\bloot(?:ed|ing)\b|\bpillag(?:ed|e|ing|é|és)\b|\bransack(?:ed)?\b",
        "grenade": r"\bgrenades?\b",
        "complex attack": r"\bcomplex\s+attack\b|\battaque\s+complexe\b",
    }.items()
}


def find_tags(text: str) -> list[str]:
    """The weapons/tactics tags named in ``text`` (in the fixed order above)."""
    tags = [name for name, rx in TAG_PATTERNS.items() if rx.search(text)]
    if "vbied" in tags and "ied" in tags and not re.search(r"\bIEDs?\b|\broadside", text, re.IGNORECASE):
        tags.remove("ied")
    return tags


def acled_tags(tags: list[str]) -> str | None:
    """The tags as one ACLED-style ``tags`` string ("ambush; ied"), or None when there are none."""
    return "; ".join(tags) if tags else None
