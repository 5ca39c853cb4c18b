"""Publication dates stated in a document (bylines, datelines, "Published:" lines) — never event dates.

``detect_published(text)`` looks only at the top of a document and at lines that are clearly metadata:
1. a line with a publication keyword ("Published", "Updated", "Created", "Posted", "Publié le", "Mis à jour",
   "Date:") — the "published/created" date wins over "updated";
2. a dateline: "Niamey, 22 March 2025 (dpa) - ..." / "BAMAKO, Sept 18 (Reuters) -";
3. a short line that is (almost) only a date: "December 15, 2023", "Thursday 19 September 2024",
   "6 jan. 2025 11:54", "E-Paper | March 22, 2025".
A date inside an ordinary sentence ("On November 24, 2023, militants attacked ...") is an event date and
is ignored. ``date_from_url`` reads /2024/07/30/-style paths.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Month names and abbreviations, English and French -> month number (extraction uses it too).
MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "january jan janv janvier",
        "february feb febr fev fév févr fevrier février",
        "march mar mars",
        "april apr avr avril",
        "may mai",
        "june jun juin",
        "july jul juil juillet",
        "august aug aou aoû août aout",
        "september sep sept septembre",
        "october oct octobre",
        "november nov novembre",
        "december dec déc decembre décembre",
    ],
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _num

_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WEEKDAY_RE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?,?\s+"
)
# "19 September 2024", "6 jan. 2025", "1er juin 2024"
_DMY = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
# "December 15, 2023", "Sept. 17 2024"
_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")

_PUBLISHED_KW = re.compile(
    r"\b(published|publication date|posted|created|first published|publié|publie|date de publication|"
    r"released)\b",
    re.IGNORECASE,
)
_UPDATED_KW = re.compile(r"\b(updated|last updated|modified|mis à jour|mis a jour|mise à jour)\b", re.IGNORECASE)
_DATE_KW = re.compile(r"^(date|dated|date de publication)\s*:", re.IGNORECASE)  # not "- Date:" (infobox)
_DATELINE = re.compile(r"^[A-Z][A-Za-zÀ-ÿ' \-]{2,30},\s*(?:\w+\s+)?\d{1,2}\s+\w+\.?\s+\d{4}\s*\(|"
                       r"^[A-Z][A-Za-zÀ-ÿ' \-]{2,30},\s*\w+\.?\s+\d{1,2},?\s+(?:\d{4}\s*)?\(")
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/\-](\d{1,2})[/\-](\d{1,2})(?:/|-|$)")

TOP_LINES = 12  # lines at the top of a document that may carry an unlabelled date
TOP_CHARS = 1500


@dataclass(frozen=True)
class DateMatch:
    """A full date found in a line, with its span in that line."""

    date: dt.date
    start: int
    end: int


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        if not 1900 <= y <= 2100:
            return None
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(line: str) -> list[DateMatch]:
    """Every full (day-month-year) date written in ``line``, in order."""
    found: list[DateMatch] = []
    for m in _DMY.finditer(line):
        d = _safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if d:
            found.append(DateMatch(d, m.start(), m.end()))
    for m in _MDY.finditer(line):
        d = _safe_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        if d and not any(f.start <= m.start() < f.end for f in found):
            found.append(DateMatch(d, m.start(), m.end()))
    for m in _ISO.finditer(line):
        d = _safe_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d:
            found.append(DateMatch(d, m.start(), m.end()))
    for m in _NUMERIC.finditer(line):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        # day first (international and French usage) unless that is impossible
        d = _safe_date(y, b, a) if b <= 12 else _safe_date(y, a, b)
        if d:
            found.append(DateMatch(d, m.start(), m.end()))
    found.sort(key=lambda f: f.start)
    return found


def parse_date(value: str) -> dt.date | None:
    """The single date written in ``value`` ("2024-09-18", "18 septembre 2024", ...), else None."""
    dates = find_dates(value.strip())
    return dates[0].date if dates else None


_FILLER = re.compile(
    rf"(?:{_WEEKDAY_RE})|\b(?:at|à|le|on|the|e-paper|ist|gmt|utc|cet|cest|wat|am|pm|a\.m\.|p\.m\.|h)\b|"
    r"[\d:hH]+|[|•·,\-–—()\s/.]",
    re.IGNORECASE,
)


def _is_date_only(line: str, match: DateMatch) -> bool:
    """Whether ``line`` is essentially just this date (plus weekday, time, separators, a short label)."""
    rest = line[: match.start] + " " + line[match.end :]
    rest = _FILLER.sub(" ", rest)
    words = rest.split()
    return len(words) <= 2 and sum(len(w) for w in words) <= 14


def detect_published(text: str) -> dt.date | None:
    """The publication date the document states about itself, or None (see module doc for the rules)."""
    head = text[:TOP_CHARS]
    lines = [ln.strip() for ln in head.splitlines()]
    lines = [ln for ln in lines if ln]
    published: dt.date | None = None
    updated: dt.date | None = None
    for ln in lines:
        if len(ln) > 300:
            continue
        dates = find_dates(ln)
        if not dates:
            continue
        pk = _PUBLISHED_KW.search(ln)
        uk = _UPDATED_KW.search(ln)
        if pk:
            after = [d for d in dates if d.start >= pk.start()]
            if after:
                # the date right after the keyword, unless an "updated" keyword comes first
                published = published or after[0].date
                continue
        if uk and not pk:
            if len(ln) <= 100 and re.match(r"^(?:last\s+)?(?:updated|modified|mis à jour|mise à jour)|.*[|•]\s*"
                                            r"(?:last\s+)?updated", ln, re.IGNORECASE):
                updated = updated or dates[0].date
            continue
        if _DATE_KW.match(ln):
            published = published or dates[0].date
    if published:
        return published
    for ln in lines[:TOP_LINES]:
        if _DATELINE.match(ln):
            dates = find_dates(ln[:80])
            if dates:
                return dates[0].date
    for ln in lines[:TOP_LINES]:
        if len(ln) > 80:
            continue
        dates = find_dates(ln)
        if len(dates) != 1 or ":" in ln[: dates[0].start] or _UPDATED_KW.search(ln):
            continue  # a labelled field ("- Date: ...", an infobox) or "Map updated ..." is not the byline
        if _is_date_only(ln, dates[0]):
            return dates[0].date
    return updated


def date_from_url(url: str | None) -> dt.date | None:
    """A publication date written in a URL path ("/2024/07/30/slug"), else None."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
