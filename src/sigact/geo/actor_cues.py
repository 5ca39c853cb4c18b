"""Actors as weak cues of where an event happened: armed groups and institutions that belong to
one country, groups and communities with a well-known home area, and the region a text naming no
place points to."""

from __future__ import annotations

import re

REGION_CUE = 0.3

# Actors and institutions that belong to one country: a weak country cue when no country is named
# ("Koglweogo", "Ansaroul Islam", "VDP" are Burkinabe; "FAMa", "Dan Na Ambassagou" are Malian).
ACTOR_COUNTRY = {
    "BF": re.compile(
        r"\b(?:Ansaroul Islam|Ansarul Islam|Koglweogo|VDP|Volunteers? for the Defen[cs]e of the Homeland|"
        r"Volontaires pour la d[ée]fense de la patrie|volunteer fighters?|Burkinab[eè]|Ouagadougou|Mossi|"
        r"Foulse|Kurumba|Gourmantch[eé])\b",
        re.I,
    ),
    "ML": re.compile(
        r"\b(?:FAMa|Dan Na Ambassagou|Katiba Macina|Macina Liberation Front|MINUSMA|GATIA|CMA|HCUA|MNLA|"
        r"Bamako|Dozos?|Donsos?|Dogons?|Dana? Ambassagou|MSA|Ganda (?:Izo|Koy|Iso)|Imghad|Daw?o?sa?ha[kq]|"
        r"Daoussahak)\b",
        re.I,
    ),
    "NE": re.compile(r"\b(?:FDS nig[ée]riennes|Niamey|Nigerien)\b", re.I),
}

# Armed groups and communities with a well-known home area (a weak regional cue for same-named
# villages): Katiba Macina is named after the Macina (Mopti/Ségou), Dan Na Ambassagou is the Dogon
# militia of the Mopti region, MSA and GATIA operate around Gao and Ménaka, Ansaroul Islam in
# Burkina Faso's Sahel and Nord.
ACTOR_REGIONS: list[tuple[re.Pattern[str], frozenset[tuple[str, str]]]] = [
    (re.compile(r"\b(?:Katiba Macina|Macina Liberation Front|FLM|Dozos?|Donsos?)\b", re.I),
     frozenset({("ML", "mopti"), ("ML", "segou")})),
    (re.compile(r"\b(?:Dana? Na Ambassagou|Dana Amassagou|Dogons?)\b", re.I), frozenset({("ML", "mopti")})),
    (re.compile(r"\b(?:MSA|GATIA|Daw?o?sa?ha[kq]|Daoussahak|Imghad)\b"),
     frozenset({("ML", "gao"), ("ML", "menaka"), ("ML", "kidal")})),
    (re.compile(r"\b(?:Ansaroul Islam|Ansarul Islam)\b", re.I),
     frozenset({("BF", "sahel"), ("BF", "nord"), ("BF", "centre nord")})),
]  # fmt: skip
# When a text names no place, the region its armed groups are rooted in, or the part of the
# country it names ("central Mali"), is a better guess than the capital: ACLED codes such events
# at the region's seat (geo_precision 3). MUJAO held Gao in 2012; Ansaroul Islam was founded in
# Burkina Faso's Soum province (Sahel region). Only one home region per cue; a text pointing to two
# regions falls back to the capital as before.
FALLBACK_REGIONS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"\b(?:Katiba Macina|Macina Liberation Front|Dana? Na Ambassagou|Dana Amassagou|Dogons?)\b"
                r"|\bcent(?:ral|re of|er of) Mali\b", re.I), "ML", "mopti"),
    (re.compile(r"\b(?:CMA|MNLA|HCUA)\b|Coordination (?:of|des) (?:the )?(?:Azawad|Mouvements de l.Azawad)"),
     "ML", "kidal"),
    (re.compile(r"\b(?:MSA|GATIA|Daoussahak|Imghad|MUJAO)\b"), "ML", "gao"),
    (re.compile(r"\b(?:Ansaroul|Ansarul) Islam\b", re.I), "BF", "sahel"),
]  # fmt: skip
