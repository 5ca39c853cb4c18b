"""Normalising place names the way the press spells them.

Two keys per name:

- :func:`norm`: lower case, accents stripped, apostrophes/hyphens/punctuation as single spaces
  ("Ti-n-Zaouâtene" -> "ti n zaouatene"). Used to find names in running text token by token.
- :func:`compact`: :func:`norm` without spaces and with a few transliteration differences folded
  (doubled letters, ``ou``/``w``, a final ``e``): "Ti-n-Zaouâtene", "Tin Zaouatene" and
  "Tinzaouaten" share one compact key. Used for exact look-up before fuzzy matching.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Accents stripped, lower case (``"Ségou" -> "segou"``); keeps punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss").lower()


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Folded name with every run of non-alphanumerics as one space."""
    return _NON_ALNUM.sub(" ", fold(text)).strip()


@lru_cache(maxsize=200_000)
def compact(text: str) -> str:
    """Spelling-tolerant key: no spaces, doubled letters single, ``ou``->``u``, ``w``->``u``,
    ``dj``->``j``, ``tch``/``ch``->``sh``, ``gh``->``g``, final ``e`` dropped."""
    key = norm(text).replace(" ", "")
    key = key.replace("tch", "ch").replace("dj", "j").replace("ch", "sh").replace("gh", "g")
    key = key.replace("ou", "u").replace("w", "u")
    key = key.replace("y", "i").replace("k", "c").replace("q", "c")
    key = _DOUBLE.sub(r"\1", key)
    if len(key) > 5 and key.startswith("in") and key[2] not in "aeiou":
        key = key[1:]  # Tamasheq "I-n-Tillit" / "In Tillit" / "N'Tillit"
    if len(key) > 4 and key.endswith("e"):
        key = key[:-1]
    return key


# Words that name an admin level, per language, mapped to the ACLED admin level they usually
# denote in Mali / Burkina Faso / Niger (1 region, 2 cercle/province/department, 3 commune).
LEVEL_WORDS: dict[str, int] = {
    "region": 1, "regions": 1,
    "cercle": 2, "cercles": 2, "circle": 2, "province": 2, "provinces": 2, "prefecture": 2,
    "district": 2,
    "commune": 3, "communes": 3, "municipality": 3, "department": 3, "departement": 3,
    "rural commune": 3, "urban commune": 3, "arrondissement": 3,
}  # fmt: skip

ADMIN_PREFIXES = re.compile(
    r"^(?:province|cercle|region|departement|department|commune|prefecture)"
    r"(?:\s+(?:de\s+la|de\s+l|du|des|de|d|of))?\s+",
)
ADMIN_SUFFIXES = re.compile(r"\s+(?:province|cercle|region|department|departement|commune|prefecture)$")


def strip_admin_words(name: str) -> str:
    """``"Province du Soum" -> "soum"``, ``"Douentza Cercle" -> "douentza"`` (normalised)."""
    key = norm(name)
    key = ADMIN_PREFIXES.sub("", key)
    key = ADMIN_SUFFIXES.sub("", key)
    return key.strip()
