"""Sentence splitting with character offsets (pure Python; English and French news and report text).

Rules, in order:
- a blank line, or a line break before a list item / after a heading-like line, ends a sentence;
  a single line break inside running prose (the next line starts in lower case) does not;
- ``.``, ``!``, ``?`` and ``…`` (with any closing quotes/brackets) followed by white space end a sentence,
  except after an abbreviation (Gen., Lt., Col., Mr., St., No., jan./janv./sept., ...), an initial ("J."),
  a dotted acronym (U.N., U.S.), or when the next word starts in lower case or is a number after
  a month / "No." abbreviation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text == document_text[start:end]``."""

    text: str
    start: int
    end: int


# Abbreviations that never end a sentence (titles, ranks, common Latin/French forms), lower case, no dot.
_TITLES = frozenset(
    """mr mrs ms dr prof gen lt col capt cpt maj sgt cpl pvt adm brig cmdr cdr gov sen rep rev hon pres
    st ste mt ft jr sr messrs mme mlle mgr me dr gén col cne cdt lcl
    vs e.g i.e cf approx est dept div bn bde regt co corp inc ltd no nos nº vol fig art ch sect p pp
    incl excl govt intl natl ca resp env
    av apr env av.-j.-c""".split()
)
# Month abbreviations (EN + FR): no break when followed by a number or lower-case word.
_MONTHS = frozenset(
    """jan janv feb fev fév févr mar apr avr jun jul juil aug sep sept oct nov dec déc""".split()
)
_TERMINATOR = re.compile(r"(?:[.!?]+|…)(?:[\"'”’)\]]|\s?»)*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.\-']+)$")
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–—]|\d{1,3}[.)]|[a-z][.)]|\(\w{1,3}\))\s+")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")


def _is_abbreviation(token: str, next_word: str) -> bool:
    """Whether ``token`` (the word before a period, without the final dot) is an abbreviation here."""
    low = token.lower().rstrip(".")
    if not low:
        return False
    if low in ("a.m", "p.m"):  # "at 6 a.m. local time" / "... at 6 a.m. The army"
        return not next_word[:1].isupper()
    if _DOTTED_ACRONYM.match(token + "."):
        return True
    if len(token) == 1 and token.isalpha() and token.isupper():  # an initial: "J. Smith"
        return True
    if low in _TITLES:
        return True
    if low in _MONTHS and next_word[:1].isdigit():
        return True
    return False


def _split_block(text: str, start: int, end: int, out: list[Sentence]) -> None:
    """Split ``text[start:end]`` (one paragraph-like block) at sentence-final punctuation."""
    block = text[start:end]
    pos = 0
    for m in _TERMINATOR.finditer(block):
        after = block[m.end() :].lstrip()
        if not after:
            continue
        next_word = after.split(None, 1)[0]
        if m.group(0)[0] == ".":
            wm = _WORD_BEFORE.search(block[: m.start()])
            token = wm.group(1) if wm else ""
            if token and _is_abbreviation(token, next_word):
                continue
            line_start = block.rfind("\n", 0, m.start()) + 1
            if token.isdigit() and not block[line_start : m.start() - len(token)].strip():
                continue  # a numbered list marker: "1. First item"
            if token[:1].isdigit() and next_word[:1].isdigit():
                continue
        first = next_word.lstrip("\"'“‘«([")[:1]
        if first and first.islower():
            continue
        _emit(text, start + pos, start + m.end(), out)
        pos = m.end()
    _emit(text, start + pos, end, out)


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))


def wrap_width(lines: list[str]) -> int | None:
    """The line width of hard-wrapped prose (PDF text, e-mails wrapped at ~72 columns), else None.

    Text is taken as hard-wrapped when it has at least 4 non-empty lines, the 75th percentile of their lengths
    is at most 110 characters, and at least 3 lines and 40 % of all lines come within 70 % of that width.
    """
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip() and not _BULLET.match(ln))
    if len(lengths) < 4:
        return None
    width = lengths[(3 * len(lengths)) // 4]
    if width > 110 or width < 30:
        return None
    full = sum(1 for n in lengths if n >= 0.7 * width)
    return width if full >= 3 and full * 10 >= 4 * len(lengths) else None


def _ends_unit(prev: str, nxt: str, width: int | None = None) -> bool:
    """Whether the line break between line ``prev`` and line ``nxt`` ends a sentence."""
    p = prev.rstrip()
    n = nxt.lstrip()
    if not p or not n:
        return True
    if _BULLET.match(n) or _BULLET.match(prev):
        return True
    if p[-1] in ".!?:;…\"”»)]":
        return True
    if width is not None and len(p) >= 0.85 * width:
        return False  # hard-wrapped prose: a full line without final punctuation continues on the next
    if not n[0].islower():
        return True
    # running prose wrapped over lines: a long line followed by a lower-case continuation
    return len(p) < 40


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; each ``Sentence`` has offsets into ``text``."""
    out: list[Sentence] = []
    lines = text.splitlines(keepends=True)
    width = wrap_width(lines)
    block_start = 0
    pos = 0
    for i, line in enumerate(lines):
        pos += len(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not nxt or _ends_unit(line, nxt, width):
            _split_block(text, block_start, pos, out)
            block_start = pos
    if block_start < len(text):
        _split_block(text, block_start, len(text), out)
    return out
