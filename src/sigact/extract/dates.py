"""Event dates in a report, resolved against its publication date and its own narrative.

``find_dates(text)`` lists the date expressions of a sentence (English and French): full dates,
day + month without a year, month (+ year), bare years, weekdays, ranges, and relative phrases
("the following day", "the same day", "la veille", "yesterday", "last month").
``resolve(expr, published, anchor)`` turns one into ``(date, time_precision)``:

- a day and month without a year take the most recent such date on or before publication
  ("December 31" in a January report is the previous year);
- a weekday is the most recent such day on or before publication; with a day and month
  ("Tuesday, September 17") the weekday picks the year;
- "the following day" / "le lendemain" = anchor + 1, "the same day" = anchor, "the day before" /
  "la veille" = anchor - 1, where the anchor is the last date the narrative established;
- a month alone (or "last month") = the 15th, time_precision 3; "last week" / "(week of)" /
  "between 12 and 14 May" = time_precision 2 (ACLED's rules);
- a bare year ("in 2022") has no day or month: it marks background, not an event date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from sigact.ingest.dates import MONTHS

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip

_M = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_WD = "|".join(WEEKDAYS)
_DAY = r"(\d{1,2})(?:er|st|nd|rd|th)?"
_Y = r"(?:,?\s+(\d{4}))?"
# Order matters: longer, more specific patterns first; matches may not overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("numeric", re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")),
    # "between 12-14 May 2020", "from 25 to 27 July", "25-27 July", "du 6 au 8 janvier"
    (
        "range_dm",
        re.compile(
            rf"\b(?:(between|from|du|entre\s+le)\s+)?{_DAY}\s*(?:-|–|to|and|au|et\s+le|et)\s*{_DAY}\s+({_M})\b\.?{_Y}",
            re.IGNORECASE,
        ),
    ),
    # "between May 12 and 14", "July 25-27"
    (
        "range_md",
        re.compile(
            rf"\b(?:(between|from)\s+)?({_M})\.?\s+{_DAY}\s*(?:-|–|to|and)\s*{_DAY}\b{_Y}",
            re.IGNORECASE,
        ),
    ),
    ("dm", re.compile(rf"\b(?:(?:{_WD}),?\s+(?:the\s+)?)?{_DAY}\s+(?:of\s+)?({_M})\b\.?{_Y}", re.IGNORECASE)),
    ("md", re.compile(rf"\b(?:(?:{_WD}),?\s+)?({_M})(?:\.\s*|\.?,?\s+){_DAY}\b(?!\s*(?:km|:|h\d)){_Y}", re.IGNORECASE)),
    (
        "month_year",
        re.compile(
            rf"\b(?:in\s+|en\s+|of\s+|de\s+|since\s+|depuis\s+)?(early\s+|mid-?\s*|late\s+|début\s+|fin\s+|mi-)?({_M})\.?,?\s+(\d{{4}})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "month",
        re.compile(
            r"\b(in|en|since|depuis|during|early|late|mid-|début|fin|au\s+mois\s+de|last|this|earlier\s+this|"
            r"(?:at\s+the\s+)?(?:end|beginning|start|middle)\s+of)(?:\s+|(?<=-))"
            r"(?:early\s+|late\s+|mid-)?(january|february|march|april|june|july|august|september|october|"
            r"november|december|janvier|février|fevrier|avril|juin|juillet|août|aout|septembre|octobre|"
            r"novembre|décembre|decembre|may|mai|mars)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "month_noun",
        re.compile(
            r"\b(?:an?|the|this|last)\s+(january|february|march|april|may|june|july|august|september|october|"
            r"november|december)\s+(?=(?:\w+\s+)?(?:attacks?|assaults?|raids?|ambush|massacre|offensive|bombing|"
            r"strikes?|clash(?:es)?|killings?))",
            re.IGNORECASE,
        ),
    ),
    # "on the 26th", "the night of the 26th" (the month is the reference's, or the one before)
    (
        "day_only",
        re.compile(
            r"\b(?i:on|of)\s+(?i:the)\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:[A-Z]|battalion|regiment|brigade|"
            r"division|anniversary|century|edition|round|time|day|week|month|year|session|congress))",
        ),
    ),
    ("year", re.compile(r"\b(?:in|since|en|depuis|of|during|until|by)\s+((?:19|20)\d{2})\b", re.IGNORECASE)),
    (
        "weekday",
        re.compile(
            rf"\b(?:on\s+|last\s+|this\s+past\s+|ce\s+|le\s+|dans\s+la\s+nuit\s+de\s+)?({_WD})\b", re.IGNORECASE
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(the\s+(?:following|next)\s+(?:day|morning|evening|night)|a\s+day\s+later|the\s+day\s+after|"
            r"(?:on\s+)?the\s+same\s+day|that\s+same\s+day|(?:on\s+)?the\s+same\s+night|later\s+that\s+day|"
            r"that\s+(?:day|night|morning|evening)|"
            r"the\s+(?:previous|preceding)\s+(?:day|night|evening)|the\s+day\s+before|the\s+night\s+before|"
            r"(?:a|one)\s+day\s+(?:earlier|before)|two\s+days\s+(?:earlier|later|before|after)|"
            r"le\s+lendemain|la\s+veille|le\s+même\s+jour|le\s+jour\s+même|ce\s+même\s+jour|"
            r"deux\s+jours\s+plus\s+(?:tôt|tard)|"
            r"yesterday|today|tonight|this\s+morning|last\s+night|overnight|earlier\s+(?:today|this\s+week)|"
            r"hier|aujourd'hui|avant-hier|ce\s+matin|cette\s+nuit|"
            r"last\s+week|this\s+week|over\s+the\s+weekend|last\s+weekend|the\s+past\s+week|"
            r"la\s+semaine\s+dernière|cette\s+semaine|le\s+week-end\s+dernier|ce\s+week-end|"
            r"last\s+month|earlier\s+this\s+month|this\s+month|le\s+mois\s+dernier|ce\s+mois|"
            r"last\s+year|l'année\s+dernière|l'an\s+dernier|in\s+recent\s+(?:years|months|weeks))\b",
            re.IGNORECASE,
        ),
    ),
]

_OFFSETS = {
    "following": 1, "next": 1, "a day later": 1, "the day after": 1, "lendemain": 1,
    "same": 0, "that day": 0, "that night": 0, "that morning": 0, "that evening": 0, "later that day": 0,
    "même": 0, "previous": -1, "preceding": -1, "the day before": -1, "the night before": -1,
    "day earlier": -1, "day before": -1, "veille": -1,
}  # fmt: skip


@dataclass(frozen=True)
class DateExpr:
    """A date expression in a sentence: ``kind`` and the parts it states (None when unstated)."""

    kind: str  # full | dm | month | year | weekday | relative | range
    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None
    weekday: int | None = None
    uncertain: bool = False  # "between ..." / "around" / "(week of)"
    extra: dict[str, str] = field(default_factory=dict)


def _year(value: str | None) -> int | None:
    if not value:
        return None
    y = int(value)
    return y + 2000 if y < 100 else y


def _weekday_in(text: str) -> int | None:
    m = re.match(rf"\s*({_WD})", text, re.IGNORECASE)
    return WEEKDAYS[m.group(1).lower()] if m else None


_ANY_DATE_WORD = re.compile(
    rf"\d|\b(?:{_M}|{_WD}|yesterday|today|tonight|overnight|morning|night|day|week|weekend|month|year|"
    r"hier|aujourd|veille|lendemain|jour|semaine|mois|année|an|matin|nuit)\b",
    re.IGNORECASE,
)


def find_dates(text: str) -> list[DateExpr]:
    """Date expressions in ``text``, in order of appearance, non-overlapping."""
    if not _ANY_DATE_WORD.search(text):
        return []
    return list(_find_dates_cached(text))


_MONTH_WORD = re.compile(rf"\b(?:{_M})\b", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(rf"\b(?:{_WD})\b", re.IGNORECASE)
_NEEDS_MONTH = frozenset({"range_dm", "range_md", "dm", "md", "month_year", "month", "month_noun"})
_NEEDS_DIGIT = frozenset({"iso", "numeric", "range_dm", "range_md", "dm", "md", "month_year", "year"})


@functools.lru_cache(maxsize=4096)
def _find_dates_cached(text: str) -> tuple[DateExpr, ...]:
    taken: list[tuple[int, int]] = []
    out: list[DateExpr] = []
    has_month = bool(_MONTH_WORD.search(text))
    has_digit = any(c.isdigit() for c in text)
    for kind, rx in _PATTERNS:
        if kind in _NEEDS_MONTH and not has_month:
            continue
        if kind in _NEEDS_DIGIT and not has_digit:
            continue
        if kind == "weekday" and not _WEEKDAY_WORD.search(text):
            continue
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            expr = _make(kind, m, text)
            if expr is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(expr)
    out.sort(key=lambda e: e.start)
    return tuple(out)


# A date that only tells when something was reported: "As reported on 8 April", "Reported on 2 May, that
# ...", "On 10 September, it was reported that ...". The event happened on or before it: ACLED gives such
# dates time_precision 2.
_REPORTED_BEFORE = re.compile(r"\b(?:as\s+)?reported\s+(?:on\s+)?$", re.IGNORECASE)
_REPORTED_AFTER = re.compile(
    r",?\s+(?:it\s+(?:was|has\s+been)\s+(?:reported|announced|learned)|(?:was|were)\s+reported)\s+that\b", re.IGNORECASE
)


def _reported(text: str, start: int, end: int) -> bool:
    return bool(_REPORTED_BEFORE.search(text, max(0, start - 20), start) or _REPORTED_AFTER.match(text, end))


_MID_MONTH = re.compile(r"\bmid-?\s*|\bmi-|\bmiddle\s+of\b", re.IGNORECASE)


def _make(kind: str, m: re.Match[str], text: str) -> DateExpr | None:
    s, e, t = m.start(), m.end(), m.group(0)
    around = text[max(0, s - 25) : s].lower()
    week_of = bool(re.search(r"\bweek\s+of\s*$|\bsemaine\s+du\s*$", around))
    uncertain = (
        bool(re.search(r"\b(?:around|about|circa|vers|aux\s+alentours\s+du)\s*$|\[and\s+around\]\s*$", around))
        or bool(
            re.match(
                r"\s*[(\[](?:(?:week|weekend)\s+of|or\s+around|and\s+around)[)\]]", text[e : e + 20], re.IGNORECASE
            )
        )
        or week_of
        or _reported(text, s, e)
    )
    if kind == "iso":
        return DateExpr("full", s, e, t, int(m.group(1)), int(m.group(2)), int(m.group(3)), uncertain=uncertain)
    if kind == "numeric":
        day_n, mo = int(m.group(1)), int(m.group(2))
        if not (1 <= mo <= 12 and 1 <= day_n <= 31):
            return None
        return DateExpr("full", s, e, t, _year(m.group(3)), mo, day_n, uncertain=uncertain)
    if kind == "range_dm":
        word, d1, d2, mon, y = m.groups()
        unc = uncertain or (word or "").lower().startswith(("between", "entre"))
        night = bool(re.search(r"\b(?:overnight|night|nuit)\b[\w\s]{0,12}$", around))
        if night:
            unc = True  # "overnight between 24 and 25 March": the first day, time_precision 2 (ACLED)
        return DateExpr(
            "range",
            s,
            e,
            t,
            _year(y),
            MONTHS[mon.lower()],
            int(d1),
            int(d2),
            uncertain=unc,
            extra={"night": "1"} if night else {},
        )
    if kind == "range_md":
        word, mon, d1, d2, y = m.groups()
        unc = uncertain or (word or "").lower() == "between"
        return DateExpr("range", s, e, t, _year(y), MONTHS[mon.lower()], int(d1), int(d2), uncertain=unc)
    if kind == "dm":
        d, mon, y = m.groups()
        if not 1 <= int(d) <= 31:
            return None
        if mon.lower() in ("mar", "may", "sep", "jun", "jan", "dec", "oct", "nov", "aug", "apr", "feb", "jul") and not (
            mon[0].isupper()
        ):
            return None
        return DateExpr("dm", s, e, t, _year(y), MONTHS[mon.lower()], int(d), weekday=_weekday_in(t),
                        uncertain=uncertain, extra={"week_of": "1"} if week_of else {})  # fmt: skip
    if kind == "md":
        mon, d, y = m.groups()
        if not mon[0].isupper() or not 1 <= int(d) <= 31:
            return None  # "may 5" in lower case is rarely a date
        return DateExpr("dm", s, e, t, _year(y), MONTHS[mon.lower()], int(d), weekday=_weekday_in(t),
                        uncertain=uncertain, extra={"week_of": "1"} if week_of else {})  # fmt: skip
    if kind == "day_only":
        d = int(m.group(1))
        if not 1 <= d <= 31:
            return None
        return DateExpr("dm", s, e, t, None, None, d, extra={"day_only": "1"})
    if kind == "month_year":
        _, mon, y = m.groups()
        if mon.lower() in ("mar", "may", "sep", "jun", "jan", "dec", "oct", "nov", "aug", "apr", "feb", "jul") and not (
            mon[0].isupper()
        ):
            return None
        lead = t.lower().lstrip()
        extra = {"since": "1"} if lead.startswith(("since", "depuis")) else {}
        if _MID_MONTH.search(t):
            extra["mid"] = "1"
        return DateExpr("month", s, e, t, int(y), MONTHS[mon.lower()], extra=extra)
    if kind == "month":
        lead, mon = m.group(1).lower(), m.group(2)
        if mon.lower() in ("may", "mars", "mai") and not mon[0].isupper():
            return None
        extra = {"since": "1"} if lead in ("since", "depuis") else {}
        if lead == "last":
            extra["last"] = "1"
        if _MID_MONTH.search(t):
            extra["mid"] = "1"
        return DateExpr("month", s, e, t, None, MONTHS[mon.lower()], extra=extra)
    if kind == "month_noun":
        mon = m.group(1)
        if not mon[0].isupper():
            return None
        return DateExpr("month", s, e, t, None, MONTHS[mon.lower()])
    if kind == "year":
        lead = t.lower().split()[0]
        return DateExpr("year", s, e, t, int(m.group(1)), extra={"since": "1"} if lead in ("since", "depuis") else {})
    if kind == "weekday":
        wd = m.group(1)
        if wd.lower() in ("mardi", "lundi", "samedi") and False:
            return None
        return DateExpr("weekday", s, e, t, weekday=WEEKDAYS[wd.lower()], uncertain=uncertain)
    if kind == "relative":
        return DateExpr("relative", s, e, t, extra={"phrase": m.group(1).lower()})
    return None


def _safe(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _latest_on_or_before(mo: int, d: int, ref: dt.date, weekday: int | None = None) -> dt.date | None:
    """The most recent date with this month/day on or before ``ref`` (matching ``weekday`` if given)."""
    candidates = [c for y in range(ref.year, ref.year - 8, -1) if (c := _safe(y, mo, d)) and c <= ref]
    if weekday is not None:
        for c in candidates:
            if c.weekday() == weekday:
                return c
    if candidates:
        return candidates[0]
    return _safe(ref.year, mo, d)


def _relative(phrase: str, published: dt.date | None, anchor: dt.date | None) -> tuple[dt.date, int] | None:
    p = phrase.lower()
    for key, offset in _OFFSETS.items():
        if key in p:
            base = anchor or published
            return (base + dt.timedelta(days=offset), 1) if base else None
    m = re.match(r"(two|deux)\s+(?:days|jours)\s+(?:plus\s+)?(\w+)", p)
    if m:
        base = anchor or published
        sign = 1 if m.group(2) in ("later", "after", "tard") else -1
        return (base + dt.timedelta(days=2 * sign), 1) if base else None
    if published is None:
        return None
    if p in ("yesterday", "hier", "last night") or p.startswith("overnight"):
        return published - dt.timedelta(days=1), 1
    if p == "avant-hier":
        return published - dt.timedelta(days=2), 1
    if p in ("today", "tonight", "this morning", "aujourd'hui", "ce matin", "cette nuit") or p.startswith(
        "earlier today"
    ):
        return published, 1
    if "week" in p or "semaine" in p:
        if "last" in p or "dernier" in p or "dernière" in p or "past" in p:
            return published - dt.timedelta(days=7), 2
        return published - dt.timedelta(days=published.weekday() % 7 // 2), 2
    if p in ("last month", "le mois dernier"):
        first = published.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=15), 3
    if p in ("this month", "earlier this month", "ce mois"):
        return published.replace(day=min(15, published.day)), 3
    return None  # last year / in recent years: background


def resolve(expr: DateExpr, published: dt.date | None, anchor: dt.date | None = None) -> tuple[dt.date, int] | None:
    """``(event_date, time_precision)`` for one expression, or None when it gives no day or month."""
    ref = published or anchor
    tp_unc = 2 if expr.uncertain else 1
    if expr.extra.get("day_only"):
        # "on the 26th": the latest such day on or before the reference
        if ref is None or expr.day is None:
            return None
        prev = ref.replace(day=1) - dt.timedelta(days=1)
        day = _safe(ref.year, ref.month, expr.day) if expr.day <= ref.day else _safe(prev.year, prev.month, expr.day)
        return (day, 1) if day is not None else None
    if expr.kind in ("full", "dm", "range"):
        assert expr.month is not None and expr.day is not None
        if expr.year is not None:
            date = _safe(expr.year, expr.month, expr.day)
        elif ref is not None:
            date = _latest_on_or_before(expr.month, expr.day, ref, expr.weekday)
        else:
            # no year, no publication date: the latest such day on or before the day of ingest (a best
            # guess; the pipeline marks the event's year as assumed and lowers its confidence)
            date = _latest_on_or_before(expr.month, expr.day, dt.date.today(), expr.weekday)
        if date is None:
            return None
        if expr.extra.get("week_of"):
            return date + dt.timedelta(days=3), 2  # "the week of July 9": the week's midpoint (ACLED)
        return date, tp_unc
    if expr.kind == "month":
        if expr.extra.get("since"):
            return None
        assert expr.month is not None
        tp_month = 2 if expr.extra.get("mid") else 3  # "mid-September": the week of the 15th (ACLED)
        if expr.year is not None:
            return dt.date(expr.year, expr.month, 15), tp_month
        if ref is None:
            return None
        year = ref.year if expr.month <= ref.month else ref.year - 1
        if expr.extra.get("last") and expr.month == ref.month:
            year -= 1
        return dt.date(year, expr.month, 15), tp_month
    if expr.kind == "weekday":
        if ref is None or expr.weekday is None:
            return None
        back = (ref.weekday() - expr.weekday) % 7
        if back == 0 and expr.text.lower().startswith("last"):
            back = 7  # "last Sunday" in a Sunday report is a week before
        return ref - dt.timedelta(days=back), tp_unc
    if expr.kind == "relative":
        return _relative(expr.extra.get("phrase", ""), published, anchor)
    return None


def is_background_year(expr: DateExpr, published: dt.date | None) -> bool:
    """A bare past year ("in 2022", "since 2012"): the sentence tells history, not a new event."""
    return (
        expr.kind == "year"
        or (expr.kind == "month" and bool(expr.extra.get("since")))
        or (
            expr.kind == "relative"
            and expr.extra.get("phrase", "") in ("last year", "l'année dernière", "l'an dernier")
        )
        or (expr.kind == "relative" and expr.extra.get("phrase", "").startswith("in recent"))
    )


def range_days(expr: DateExpr, published: dt.date | None) -> list[dt.date]:
    """The days of a stated span ("from 25 to 27 July"): ACLED codes one event per day (at most 7)."""
    if expr.kind != "range" or expr.uncertain or expr.day_end is None or expr.day is None:
        return []
    if expr.extra.get("night"):
        return []
    first = resolve(expr, published)
    if first is None:
        return []
    n = expr.day_end - expr.day
    if not 0 < n < 7:
        return []
    return [first[0] + dt.timedelta(days=i) for i in range(n + 1)]
