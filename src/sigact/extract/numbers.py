"""Numbers written as digits or words (English and French), with ACLED's readings of vague amounts.

ACLED's rules: "tens" = 10, "dozens" = 12, "hundreds" = 100; "a dozen" = 12. "several"/"plusieurs"
and "a few" read as 3 (ACLED's figure for a limited event when no number is given).
"""

from __future__ import annotations

import re

_UNITS_EN = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2,
    "dozens": 12, "dozens of": 12, "tens": 10, "tens of": 10, "hundreds": 100, "hundreds of": 100,
    "scores of": 12, "several": 3, "a few": 3, "few": 3, "some": 3, "a number of": 3, "many": 10,
    "a single": 1, "single": 1, "both": 2, "a pair of": 2,
}  # fmt: skip
_UNITS_FR = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "soixante-dix": 70, "quatre-vingts": 80,
    "quatre-vingt": 80, "quatre-vingt-dix": 90, "cent": 100, "une dizaine": 10, "une dizaine de": 10,
    "des dizaines": 10, "des dizaines de": 10, "dizaines": 10, "une douzaine": 12, "une douzaine de": 12,
    "une vingtaine": 20, "une vingtaine de": 20, "une trentaine": 30, "une trentaine de": 30,
    "une quarantaine": 40, "une cinquantaine": 50, "une centaine": 100, "une centaine de": 100,
    "des centaines": 100, "des centaines de": 100, "plusieurs": 3, "quelques": 3,
}  # fmt: skip
WORD_NUMBERS: dict[str, int] = {**_UNITS_EN, **_UNITS_FR}

# Vague amounts: a figure ACLED would use, but weaker than a stated number.
VAGUE = frozenset(
    {"several", "a few", "few", "some", "a number of", "many", "plusieurs", "quelques", "dozens", "dozens of",
     "tens", "tens of", "hundreds", "hundreds of", "scores of", "des dizaines", "des dizaines de", "dizaines",
     "des centaines", "des centaines de"}
)  # fmt: skip

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_WORD_ALT = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
NUMBER_PATTERN = (
    rf"(?:\d{{1,3}}(?:[,\s.]\d{{3}})+|\d+|(?:{_TENS})[-\s](?:{_ONES})|(?:{_ONES}|a|one)\s+hundred(?:\s+and)?"
    rf"(?:\s+(?:{_TENS})(?:[-\s](?:{_ONES}))?)?|{_WORD_ALT})"
)
NUMBER_RE = re.compile(rf"\b{NUMBER_PATTERN}\b", re.IGNORECASE)


def parse_number(text: str) -> int | None:
    """The integer a number phrase stands for ("12", "1,200", "twenty-one", "a dozen", "dozens" -> 12)."""
    t = " ".join(text.lower().replace("\u2011", "-").split())
    if not t:
        return None
    digits = re.sub(r"[,\s.](?=\d{3}\b)", "", t)
    if digits.isdigit():
        return int(digits)
    if t in WORD_NUMBERS:
        return WORD_NUMBERS[t]
    m = re.fullmatch(rf"({_TENS})[-\s]({_ONES})", t)
    if m:
        return WORD_NUMBERS[m.group(1)] + WORD_NUMBERS[m.group(2)]
    m = re.fullmatch(rf"({_ONES}|a|one)\s+hundred(?:\s+and)?(?:\s+(.+))?", t)
    if m:
        rest = parse_number(m.group(2)) if m.group(2) else 0
        return WORD_NUMBERS[m.group(1)] * 100 + (rest or 0)
    return None


def is_vague(text: str) -> bool:
    """Whether a number phrase is a vague amount ("several", "dozens") rather than a figure."""
    return " ".join(text.lower().split()) in VAGUE
