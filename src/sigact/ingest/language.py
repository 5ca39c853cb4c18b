"""Language identification for English and French reports (stopword counts; no model needed)."""

from __future__ import annotations

import re

_EN = frozenset(
    "the of and to in a is was were that for on with by from at as it its this have has had been are "
    "an be said after which who their they not but or his her than also killed attack soldiers".split()
)
_FR = frozenset(
    "le la les de des du et à au aux en un une est sont été dans par pour sur avec qui que ont a il "
    "elle ils ce cette ces leur selon après tués attaque soldats lors d l".split()
)
_WORD = re.compile(r"[a-zàâçéèêëîïôûùüÿœ]+", re.IGNORECASE)


def language_scores(text: str) -> tuple[int, int]:
    """(English stopword hits, French stopword hits) in ``text``."""
    en = fr = 0
    for w in _WORD.findall(text.lower()):
        if w in _EN:
            en += 1
        if w in _FR:
            fr += 1
    return en, fr


def detect_language(text: str, default: str = "en") -> str:
    """"en" or "fr" by stopword counts; ``default`` when the text gives no evidence."""
    en, fr = language_scores(text)
    if en == fr:
        return default
    return "fr" if fr > en else "en"
