"""Time buckets: day, week (ACLED's Saturday-Friday week), month, year, in SQL and in pandas.

Conventions (stated in every output that uses them):

- ``week``: ACLED's week, Saturday to Friday, labelled by its Saturday.
- ``month`` / ``year``: calendar months / years, labelled by their first day.
- A *rate* "per week" over a date range is ``events / (days / 7)``; "per month" is ``events`` divided
  by the number of months covered (whole months count 1, a partial month its share of days); "per
  day" is ``events / days``. So "average monthly events, January-July" is ``events / 7``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

FREQS = ("day", "week", "month", "year")
CONVENTIONS = {
    "day": "calendar days",
    "week": "ACLED weeks, Saturday to Friday, labelled by their Saturday",
    "month": "calendar months, labelled by their first day",
    "year": "calendar years",
}
# pandas period aliases for the same buckets (W-FRI: weeks ending on Friday, i.e. Saturday-Friday)
PANDAS_FREQ = {"day": "D", "week": "W-FRI", "month": "M", "year": "Y"}


def check_freq(freq: str) -> str:
    if freq not in FREQS:
        raise ValueError(f"unknown period {freq!r} (use one of {', '.join(FREQS)})")
    return freq


def bucket_start(dates: pd.Series, freq: str) -> pd.Series:
    """The first day (datetime64) of each date's bucket. The database groups by day; this folds days
    into weeks (Saturday-Friday), months or years."""
    check_freq(freq)
    dates = pd.to_datetime(dates)
    return dates.dt.to_period(PANDAS_FREQ[freq]).dt.start_time


def buckets(start: dt.date, end: dt.date, freq: str) -> pd.DatetimeIndex:
    """Every bucket (first days) touching ``start``..``end``."""
    first = pd.Period(start, PANDAS_FREQ[check_freq(freq)]).start_time
    last = pd.Period(end, PANDAS_FREQ[freq]).start_time
    return pd.DatetimeIndex(pd.period_range(first, last, freq=PANDAS_FREQ[freq]).start_time)


def span(start: dt.date, end: dt.date, freq: str) -> float:
    """How many ``freq`` units ``start``..``end`` (inclusive) covers: the divisor of a rate."""
    check_freq(freq)
    days = (end - start).days + 1
    if days <= 0:
        raise ValueError("the period ends before it starts")
    if freq == "day":
        return float(days)
    if freq == "week":
        return days / 7.0
    if freq == "year":
        total = 0.0
        for year in range(start.year, end.year + 1):
            y0, y1 = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
            total += ((y1 - y0).days + 1) / (366 if _leap(year) else 365)
        return total
    total = 0.0
    month = dt.date(start.year, start.month, 1)
    while month <= end:
        nxt = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        m0, m1 = max(start, month), min(end, nxt - dt.timedelta(days=1))
        total += ((m1 - m0).days + 1) / (nxt - month).days
        month = nxt
    return total


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """``2019-01-01:2019-07-31``, ``2019`` (a year), ``2019-03`` (a month) or ``2019H1`` / ``2019H2``."""
    text = text.strip()
    if ":" in text:
        a, b = text.split(":", 1)
        return parse_period(a)[0], parse_period(b)[1]
    upper = text.upper()
    if len(text) == 4 and text.isdigit():
        return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    if len(upper) == 6 and upper[4] == "H" and upper[5] in "12":
        year = int(upper[:4])
        return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if upper[5] == "1" else (
            dt.date(year, 7, 1), dt.date(year, 12, 31))
    if len(text) == 7 and text[4] == "-":
        year, month = int(text[:4]), int(text[5:])
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), nxt - dt.timedelta(days=1)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a period (YYYY, YYYY-MM, YYYYH1, YYYY-MM-DD or A:B)") from exc
    return day, day
