"""Findings and the key takeaway, each sentence built from :mod:`sigact.analyze` results.

Every finding keeps the figures its sentences were built from (``Finding.figures``) and the ids of
the events behind them, and cites a numbered note (see :mod:`sigact.report.citations`).
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import pandas as pd

from sigact import taxonomy
from sigact.analyze import aggregate as agg
from sigact.analyze.escalation import escalation
from sigact.analyze.tactics import tactic_shifts
from sigact.report.citations import Citations
from sigact.report.model import Finding, Sentence
from sigact.report.spec import ReportSpec, fmt_date, fmt_range, join_names
from sigact.report.wording import num, p_text, pct, plural, rate
from sigact.store import Store

ALPHA = 0.05
RATE_WEEKLY_MAX_DAYS = 190
BASELINE_MONTHS = 12
ESCALATION: dict[str, Any] = {"per": "month", "window": 1, "baseline": BASELINE_MONTHS, "alpha": ALPHA,
                              "min_ratio": 1.5, "min_count": 5}
TACTIC_LOOKBACK_DAYS = 365


def _ids(value: Any) -> list[str]:
    return list(value) if isinstance(value, list) else []


def activity(store: Store, spec: ReportSpec, cites: Citations) -> Finding:
    """How many events, the rate (per week; per month for periods over ~6 months) and the change against the
    comparison period (exact Poisson test)."""
    flt = spec.filter()
    period_txt = f"{fmt_date(spec.date_from)} to {fmt_date(spec.date_to)}"
    cmp = spec.comparison()
    per = rate_unit(spec)
    figures: dict[str, Any] = {"rate_per": per}
    if cmp is not None:
        frame = agg.compare(store, spec.base_filter(), [cmp, (spec.date_from, spec.date_to)], per=per,
                            explain=True)  # fmt: skip
        row = frame.iloc[0]
        events, level = int(row["events_2"]), float(row["rate_2"])
        ids = _ids(row["event_ids_2"])
        prev_ids = _ids(row["event_ids_1"])
        figures.update(events=events, rate=level, previous_events=int(row["events_1"]),
                       previous_rate=float(row["rate_1"]), percent_change=_f(row["percent_change"]),
                       p_value=float(row["p_value"]), comparison=(cmp[0].isoformat(), cmp[1].isoformat()))  # fmt: skip
    else:
        frame = agg.rates(store, flt, per=per, explain=True)
        events = int(frame["events"].iloc[0]) if len(frame) else 0
        level = float(frame["rate"].iloc[0]) if len(frame) else 0.0
        ids = _ids(frame["event_ids"].iloc[0]) if len(frame) else []
        prev_ids = []
        figures.update(events=events, rate=level)
    note = cites.cite(ids, "Finding: activity")
    first = (f"From {period_txt}, sigact recorded {plural(events, 'event')} in {spec.area_label()}"
             f"{_actor_clause(spec)}, {rate(level)} a {per} on average.")  # fmt: skip
    sentences = [Sentence(first, [note])]
    headline = f"{plural(events, 'event')} recorded"
    if cmp is not None:
        prev, prev_rate = figures["previous_events"], figures["previous_rate"]
        cmp_txt = f"the comparison period ({fmt_range(*cmp)}: {plural(prev, 'event')}, {rate(prev_rate)} a {per})"
        pc, p = figures["percent_change"], figures["p_value"]
        if prev == 0 and events == 0:
            text = f"There were no events in {cmp_txt} either."
        elif prev == 0:
            text = f"There were no events in {cmp_txt}, so no rate change can be given."
        else:
            direction = "up" if pc > 0 else "down" if pc < 0 else "unchanged"
            amount = f"{direction} {abs(pc):.0f}%" if direction != "unchanged" else "unchanged"
            if p < ALPHA:
                test = f"a change unlikely to be chance alone (exact Poisson rate test, {p_text(p)})"
            else:
                test = f"a change within what chance alone produces (exact Poisson rate test, {p_text(p)})"
            text = f"The {per}ly rate was {amount} on {cmp_txt}, {test}."
            headline = f"Activity {direction} {abs(pc):.0f}%" if direction != "unchanged" else "Activity unchanged"
        pnote = cites.cite(prev_ids, "Finding: events in the comparison period")
        sentences.append(Sentence(text, [note, pnote]))
    if events:
        types = agg.shares(store, flt, by=["event_type"], explain=True)
        top = types.iloc[0]
        figures.update(top_event_type=str(top["event_type"]), top_event_type_events=int(top["events"]),
                       top_event_type_share=float(top["share"]))  # fmt: skip
        tnote = cites.cite(_ids(top["event_ids"]), f"Finding: {top['event_type']}")
        sentences.append(Sentence(
            f"The most frequent event type was {top['event_type']} ({plural(int(top['events']), 'event')}, "
            f"{pct(float(top['share']))} of the total).", [tnote]))
    return Finding("activity", headline, sentences, figures, sorted(set(ids)))


def geography(store: Store, spec: ReportSpec, cites: Citations) -> Finding | None:
    """Where activity concentrated: the admin-1 units (admin-2 when the report covers one admin-1 unit)
    with the largest shares, and the busiest location."""
    flt = spec.filter()
    level = "admin2" if len(spec.admin1) == 1 else "admin1"
    unit_name = "admin-2 unit" if level == "admin2" else "admin-1 unit"
    shares = agg.shares(store, flt, by=[level], explain=True)
    shares = shares[shares["events"] > 0]
    known = shares.dropna(subset=[level])
    if known.empty:
        return None
    top = known.head(3)
    parts = []
    notes = []
    units = []
    for _, row in top.iterrows():
        n = cites.cite(_ids(row["event_ids"]), f"Finding: events in {row[level]}")
        notes.append(n)
        parts.append(f"{row[level]} ({plural(int(row['events']), 'event')}, {pct(float(row['share']))})")
        units.append({level: str(row[level]), "events": int(row["events"]), "share": float(row["share"])})
    figures: dict[str, Any] = {"level": level, level: units, f"{level}_count": int(len(known))}
    ids = sorted({i for v in top["event_ids"] for i in _ids(v)})
    unknown = len(shares) - len(known)
    if len(top) == 1:
        text = (f"All events with a known {unit_name} were in {parts[0]}." if unknown
                else f"All events were in {parts[0]}.")  # fmt: skip
    else:
        combined = float(top["share"].sum())
        figures["top_share"] = combined
        text = (f"Activity concentrated in {join_names(parts)}: together {pct(combined)} of events, across "
                f"{plural(len(known), unit_name)} with activity.")  # fmt: skip
    sentences = [Sentence(text, notes)]
    places = agg.top(store, flt, "places", n=1, explain=True)
    if len(places) and int(places["events"].iloc[0]) > 1:
        p = places.iloc[0]
        figures.update(top_location=str(p["location"]), top_location_events=int(p["events"]))
        pn = cites.cite(_ids(p["event_ids"]), f"Finding: events at {p['location']}")
        sentences.append(Sentence(f"The location with most events was {p['location']} ({p['admin1']}), "
                                  f"with {plural(int(p['events']), 'event')}.", [pn]))  # fmt: skip
    headline = f"Concentrated in {units[0][level]}"
    return Finding("geography", headline, sentences, figures, ids)


def targets(store: Store, spec: ReportSpec, cites: Citations) -> Finding | None:
    """Who was targeted: the share of events targeting civilians, and who initiated most events."""
    flt = spec.filter()
    total = agg.total(store, flt)
    if not total:
        return None
    shares = agg.shares(store, flt, by=["civilian_targeting"], explain=True)
    civ = shares[shares["civilian_targeting"] == taxonomy.CIVILIAN_TARGETING]
    civ_events = int(civ["events"].sum()) if len(civ) else 0
    civ_share = civ_events / total
    civ_fat = int(civ["fatalities"].sum()) if len(civ) else 0
    civ_ids = _ids(civ["event_ids"].iloc[0]) if len(civ) else []
    figures: dict[str, Any] = {"civilian_targeting_events": civ_events, "civilian_targeting_share": civ_share,
                               "civilian_targeting_fatalities": civ_fat}  # fmt: skip
    sentences = []
    if civ_events:
        n = cites.cite(civ_ids, "Finding: civilian targeting")
        sentences.append(Sentence(
            f"Civilians were targeted in {plural(civ_events, 'event')} ({pct(civ_share)} of all events), "
            f"in which at least {plural(civ_fat, 'fatality', 'fatalities')} were reported.", [n]))
    else:
        n = cites.cite(_ids(shares["event_ids"].explode().dropna().tolist()), "Finding: civilian targeting")
        sentences.append(Sentence("No event in the period is coded as targeting civilians.", [n]))
    initiators = agg.top(store, flt, "initiators", n=2, explain=True)
    initiators = initiators.dropna(subset=["actor1"])
    if len(initiators):
        parts, notes = [], []
        figures["initiators"] = []
        for _, row in initiators.iterrows():
            notes.append(cites.cite(_ids(row["event_ids"]), f"Finding: events initiated by {row['actor1']}"))
            parts.append(f"{row['actor1']} ({plural(int(row['events']), 'event')})")
            figures["initiators"].append({"actor1": str(row["actor1"]), "events": int(row["events"])})
        sentences.append(Sentence(f"The most frequent initiators (actor 1) were {join_names(parts)}.", notes))
    headline = f"Civilians targeted in {pct(civ_share)} of events" if civ_events else "No civilian targeting coded"
    return Finding("targets", headline, sentences, figures, sorted(civ_ids))


def fatalities(store: Store, spec: ReportSpec, cites: Citations) -> Finding | None:
    """Reported fatalities (a lower bound), the events with unknown fatalities, and the change."""
    flt = spec.filter()
    frame = agg.fatalities(store, flt, explain=True)
    if frame.empty or int(frame["events"].sum()) == 0:
        return None
    row = frame.iloc[0]
    fat, unknown, events = int(row["fatalities"]), int(row["fatalities_unknown"]), int(row["events"])
    ids = _ids(row["event_ids"])
    figures: dict[str, Any] = {"fatalities": fat, "fatalities_unknown_events": unknown, "events": events}
    note = cites.cite(ids, "Finding: fatalities")
    text = f"At least {plural(fat, 'fatality', 'fatalities')} were reported in the period"
    if unknown:
        text += f"; for {plural(unknown, 'event')} the number of fatalities is unknown and not counted"
    text += "."
    sentences = [Sentence(text, [note])]
    cmp = spec.comparison()
    if cmp is not None:
        prev_flt = dataclasses.replace(spec.base_filter(), date_from=cmp[0], date_to=cmp[1])
        prev = agg.fatalities(store, prev_flt, explain=True)
        prev_fat = int(prev["fatalities"].sum()) if len(prev) else 0
        prev_unknown = int(prev["fatalities_unknown"].sum()) if len(prev) else 0
        prev_ids = _ids(prev["event_ids"].iloc[0]) if len(prev) else []
        figures.update(previous_fatalities=prev_fat, previous_fatalities_unknown_events=prev_unknown)
        pnote = cites.cite(prev_ids, "Finding: fatalities in the comparison period") if prev_ids else note
        extra = f", with {plural(prev_unknown, 'event')} of unknown toll" if prev_unknown else ""
        sentences.append(Sentence(
            f"The comparison period ({fmt_range(*cmp)}) had at least "
            f"{plural(prev_fat, 'reported fatality', 'reported fatalities')}{extra}.", [pnote]))
    headline = f"At least {plural(fat, 'fatality', 'fatalities')}"
    return Finding("fatalities", headline, sentences, figures, sorted(ids))


def escalations(store: Store, spec: ReportSpec, cites: Citations) -> Finding | None:
    """Admin-1 units whose monthly event count in the period departs from their previous 12 months."""
    history_from = (pd.Timestamp(spec.date_from) - pd.DateOffset(months=BASELINE_MONTHS + 1)).date()
    hist = dataclasses.replace(spec.base_filter(), date_from=history_from, date_to=spec.date_to)
    opts = {k: v for k, v in ESCALATION.items()}
    flags = escalation(store, hist, by=["admin1"], explain=True, **opts)  # type: ignore[arg-type]
    if not flags.empty:
        start = pd.Timestamp(spec.date_from).to_period("M").start_time
        flags = flags[(flags["window_start"] >= start) & (flags["window_end"] <= pd.Timestamp(spec.date_to))]
        flags = flags.dropna(subset=["admin1"])
    method = (f"monthly event counts of each admin-1 unit tested against its own previous "
              f"{ESCALATION['baseline']} months; flagged when q < {ALPHA}, at least {ESCALATION['min_ratio']}x "
              f"the baseline and at least {ESCALATION['min_count']} events")  # fmt: skip
    if flags.empty:
        return Finding("escalation", "No escalation flagged",
                       [Sentence(f"Analytics flagged no escalation ({method}).")], {"flags": []}, [])
    flags = flags.sort_values("ratio", ascending=False)
    sentences, listed, ids = [], [], set()
    for _, row in flags.head(3).iterrows():
        month = pd.Timestamp(row["window_start"]).strftime("%B %Y")
        wid = _ids(row["event_ids"])
        ids.update(wid)
        n = cites.cite(wid, f"Finding: escalation in {row['admin1']}")
        ratio = float(row["ratio"])
        base_rate = float(row["baseline_rate"])
        if math.isfinite(ratio) and base_rate > 0:
            ratio_txt = f"{ratio:.1f} times its baseline of {base_rate:.1f} a month"
        else:
            ratio_txt = f"after none in the previous {BASELINE_MONTHS} months"
        listed.append({"admin1": str(row["admin1"]), "month": month, "events": int(row["window_total"]),
                       "baseline_rate": float(row["baseline_rate"]), "ratio": ratio,
                       "q_value": float(row["q_value"])})  # fmt: skip
        sentences.append(Sentence(
            f"{row['admin1']} escalated in {month}: {plural(int(row['window_total']), 'event')}, "
            f"{ratio_txt} ({p_text(float(row['q_value'])).replace('p', 'q', 1)}).", [n]))
    more = len(flags) - len(listed)
    if more > 0:
        sentences.append(Sentence(f"{plural(more, 'further flag')} in the period (see the analytics output)."))
    sentences.append(Sentence(f"Method: {method}."))
    return Finding("escalation", f"Escalation flagged in {listed[0]['admin1']}", sentences,
                   {"flags": listed, "flag_count": int(len(flags))}, sorted(ids))  # fmt: skip


def tactics(store: Store, spec: ReportSpec, cites: Citations) -> tuple[Finding | None, pd.DataFrame]:
    """First uses of a tactic by an actor in an admin-1 unit (none in the previous 365 days)."""
    shifts = tactic_shifts(store, spec.filter(), area="admin1", lookback_days=TACTIC_LOOKBACK_DAYS)
    if not shifts.empty:
        shifts = shifts[shifts["event_date"] <= pd.Timestamp(spec.date_to)]
    if shifts.empty:
        return None, shifts
    shifts = shifts.sort_values(["history_complete", "event_date"], ascending=[False, True])
    listed, sentences = [], []
    for _, row in shifts.head(3).iterrows():
        day = pd.Timestamp(row["event_date"]).date()
        n = cites.cite([row["id"]], f"Finding: first use of {row['tactic']}")
        prev = row["previous_use"]
        since = (f"last used there {fmt_date(pd.Timestamp(prev).date())}" if isinstance(prev, pd.Timestamp)
                 and not pd.isna(prev) else "no earlier use in the store")  # fmt: skip
        qualifier = "" if bool(row["history_complete"]) else " (the store's history before it is incomplete)"
        listed.append({"tactic": str(row["tactic"]), "actor1": str(row["actor1"]), "admin1": str(row["admin1"]),
                       "date": day.isoformat(), "id": str(row["id"])})  # fmt: skip
        sentences.append(Sentence(
            f"{row['actor1']}: {row['tactic']} in {row['admin1']} on {fmt_date(day)}, {since}{qualifier}.", [n]))
    intro = Sentence(
        f"Analytics flagged {plural(len(shifts), 'first use')} of a tactic by an actor in an admin-1 unit "
        f"(no use by that actor there in the previous {TACTIC_LOOKBACK_DAYS} days)"
        + (", including:" if len(shifts) > 1 else ":"))
    ids = sorted(shifts["id"].astype(str).unique())
    return (Finding("tactics", f"{plural(len(shifts), 'tactic shift')} flagged", [intro, *sentences],
                    {"shifts": listed, "shift_count": int(len(shifts))}, ids), shifts)  # fmt: skip


def rate_unit(spec: ReportSpec) -> str:
    """``week`` for periods up to about six months, else ``month`` (so rates do not read "0.1 a week")."""
    return "week" if spec.days <= RATE_WEEKLY_MAX_DAYS else "month"


def review_status(store: Store, spec: ReportSpec) -> dict[str, int]:
    """Events in the period by review status (automatic / reviewed) and origin."""
    flt = spec.filter()
    out: dict[str, int] = {}
    for dim in ("status", "origin", "time_precision"):
        frame = agg.aggregate(store, flt, by=[dim])
        for _, row in frame.iterrows():
            out[f"{dim}:{row[dim]}"] = int(row["events"])
    return out


def takeaway(findings: list[Finding], status: dict[str, int], spec: ReportSpec) -> list[Sentence]:
    """The key-takeaway paragraph: the first sentence of the main findings, plus the review caveat."""
    out: list[Sentence] = []
    by_key = {f.key: f for f in findings}
    for key in ("activity", "geography", "targets", "fatalities"):
        f = by_key.get(key)
        if f is None:
            continue
        out.append(f.sentences[0])
        if key == "activity" and len(f.sentences) > 1 and "comparison period" in f.sentences[1].text:
            out.append(f.sentences[1])
    esc = by_key.get("escalation")
    if esc is not None and esc.figures.get("flags"):
        out.append(esc.sentences[0])
    automatic = status.get("status:automatic", 0)
    total = sum(v for k, v in status.items() if k.startswith("status:"))
    if automatic:
        share = f"All {plural(automatic, 'event')}" if automatic == total else (
            f"{plural(automatic, 'event')} of {num(total)} ({pct(automatic / total)})")
        out.append(Sentence(f"{share} were coded automatically from news reports and have not been reviewed by "
                            "an analyst."))
    approx = status.get("time_precision:2", 0) + status.get("time_precision:3", 0)
    if approx:
        verb = "has" if approx == 1 else "have"
        out.append(Sentence(f"{plural(approx, 'event')} ({pct(approx / total)}) {verb} approximate dates (see "
                            "the methods note)."))
    return out


def _actor_clause(spec: ReportSpec) -> str:
    return f" involving {join_names(spec.actor)}" if spec.actor else ""


def _f(value: Any) -> float:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return float("nan")
    return out


__all__ = ["activity", "escalations", "fatalities", "geography", "review_status", "tactics", "takeaway",
           "targets"]  # fmt: skip
