"""``build_report(store, spec) -> Report``: every figure from :mod:`sigact.analyze`, every claim cited."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sigact import __version__
from sigact.analyze import aggregate as agg
from sigact.report import charts, findings
from sigact.report.citations import DATASETS, Citations
from sigact.report.incidents import notable
from sigact.report.model import FigureImage, Finding, Report, Sentence
from sigact.report.spec import ReportSpec, fmt_date, fmt_range, join_names
from sigact.report.wording import num, pct, plural
from sigact.store import Store


def build_report(store: Store, spec: ReportSpec, *, now: dt.datetime | None = None) -> Report:
    """Compute the findings, incidents, figures, methods note and source notes of one report."""
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cites = Citations(store)
    flt = spec.filter()
    total = agg.total(store, flt)
    area = spec.area_label()
    if spec.actor:
        area = f"{join_names(spec.actor)} in {area}"
    title = spec.title or f"{area[:1].upper()}{area[1:]}: situation report"
    subtitle = fmt_range(spec.date_from, spec.date_to)
    cmp = spec.comparison()
    if cmp:
        subtitle += f", compared with {fmt_range(*cmp)}"
    status = findings.review_status(store, spec)
    if total == 0:
        return _empty(store, spec, title, subtitle, now, cites, status)
    found: list[Finding] = [findings.activity(store, spec, cites)]
    for make in (findings.geography, findings.targets, findings.fatalities):
        f = make(store, spec, cites)
        if f is not None:
            found.append(f)
    esc = findings.escalations(store, spec, cites)
    tactic_finding, shifts = findings.tactics(store, spec, cites)
    if esc is not None:
        found.append(esc)
    if tactic_finding is not None:
        found.append(tactic_finding)
    found = found[:6]
    incidents = notable(store, spec, shifts, cites)
    figs = _figures(store, spec)
    report = Report(
        spec=spec, title=title, subtitle=subtitle, generated_at=now, empty=False,
        takeaway=findings.takeaway(found, status, spec), findings=found, incidents=incidents, figures=figs,
        methods=methods(store, spec, status, figs), notes=cites.notes,
        stats={"events": total, **status},
    )  # fmt: skip
    return report


def _figures(store: Store, spec: ReportSpec) -> list[FigureImage]:
    per = charts.bucket_for(spec)
    png, table = charts.timeline(store, spec)
    top = table.sum().sort_values(ascending=False)
    lead = f"{top.index[0]} was the most frequent event type. " if len(top) else ""
    if per == "week":
        unit = ("Events per week by event type. Weeks are ACLED weeks, Saturday to Friday, labelled by their "
                "Saturday; the first and last bars may cover part of a week.")  # fmt: skip
    else:
        unit = ("Events per calendar month by event type (the period is longer than six months, so months "
                "replace ACLED's Saturday-Friday weeks); the first and last bars may cover part of a month.")
    fig1 = FigureImage(1, "figure-1-timeline", f"{lead}{unit} Selection: {spec.area_label()}, "
                       f"{fmt_range(spec.date_from, spec.date_to)}.", png,
                       f"Stacked bar chart of events per {per} by event type")  # fmt: skip
    map_png, counts = charts.event_map(store, spec)
    missing = (f" {plural(counts['unmapped'], 'event')} without coordinates are not shown." if counts["unmapped"]
               else "")  # fmt: skip
    fig2 = FigureImage(2, "figure-2-map", f"Events in {spec.area_label()}, {fmt_range(spec.date_from, spec.date_to)} "
                       f"({plural(counts['mapped'], 'event')} shown; colour: event type; size: reported "
                       f"fatalities). Points are placed at the coordinates coded for each event, which may be "
                       f"an admin-unit centre when the exact place is unknown.{missing} Admin-1 outlines: "
                       f"Natural Earth.", map_png, "Map of events on admin-1 outlines")  # fmt: skip
    return [fig1, fig2]


def methods(store: Store, spec: ReportSpec, status: dict[str, int], figs: list[FigureImage]) -> list[str]:
    """Paragraphs of the methods note: sources and counts, automatic vs reviewed, conventions."""
    total = sum(v for k, v in status.items() if k.startswith("status:"))
    origins = {k.split(":", 1)[1]: v for k, v in status.items() if k.startswith("origin:")}
    parts = []
    for origin, n in sorted(origins.items(), key=lambda kv: -kv[1]):
        label = {"acled": "imported from ACLED", "ucdp": "imported from the UCDP GED",
                 "extracted": "extracted automatically from ingested news reports",
                 "manual": "entered by analysts"}.get(origin, origin)  # fmt: skip
        parts.append(f"{num(n)} {label}")
    automatic = status.get("status:automatic", 0)
    reviewed = status.get("status:reviewed", 0)
    out = [
        f"Data: {plural(total, 'event')} in {spec.area_label()}{_actor(spec)} from "
        f"{fmt_date(spec.date_from)} to {fmt_date(spec.date_to)} in the sigact store"
        + (f" ({join_names(parts)})." if parts else "."),
        f"Review status: {num(reviewed)} reviewed or imported from a curated dataset ({_share(reviewed, total)}), "
        f"{num(automatic)} coded automatically and not reviewed ({_share(automatic, total)}). "
        "Automatically coded events may be misdated, misplaced or wrongly typed; treat them as leads."
        + _approximate(status, total),
        "Counting: one row per event as coded (ACLED/UCDP conventions); events merged into another in review "
        "and rejected events are left out, so a duplicate report is not counted twice. Rates are events per week "
        "(days / 7), or per calendar month for periods over six months. Changes between periods are tested "
        "with the exact conditional test of equal Poisson rates.",
        "Fatalities are reported figures and a lower bound (\"at least\"). Events whose fatalities are unknown are "
        "counted as unknown, not as zero; ACLED and UCDP record 0 when no deaths were reported and use "
        "conservative estimates.",
        "Civilian targeting follows ACLED's civilian_targeting field; where it is empty, an event counts as "
        "targeting civilians when its target side is civilians (inter2 = 7).",
        f"Escalations: {findings.ESCALATION['per']}ly counts per admin-1 unit against the previous "
        f"{findings.ESCALATION['baseline']} {findings.ESCALATION['per']}s (negative binomial or Poisson tail test, "
        "Benjamini-Hochberg q-values). Tactic shifts: the first event with a weapon/tactic tag or explosive "
        f"sub-event type by an actor in an admin-1 unit with no such event in the previous "
        f"{findings.TACTIC_LOOKBACK_DAYS} days (\"first\" means first in the store).",
        "Every figure and incident cites numbered notes: the news reports an extracted event came from, or the "
        "dataset and event ids of imported events. "
        f"Generated by sigact {__version__}; the figures can be reproduced with the sigact stats command.",
    ]
    used = {o for o in origins if o in ("acled", "ucdp")}
    for origin in sorted(used):
        out.append(f"{DATASETS[origin][0]}: {DATASETS[origin][1]}")
    return out


def _approximate(status: dict[str, int], total: int) -> str:
    """" N events have approximate dates (...)" from the time-precision counts."""
    approx = sum(v for k, v in status.items() if k in ("time_precision:2", "time_precision:3"))
    if not approx:
        return ""
    verb = "has" if approx == 1 else "have"
    return (f" {plural(approx, 'event')} ({_share(approx, total)}) {verb} approximate dates (ACLED time precision "
            "2 or 3: the week or month is known, not the day; for extracted events often because the article's "
            "publication date is unknown).")


def _share(n: int, total: int) -> str:
    return pct(n / total) if total else "0%"


def _actor(spec: ReportSpec) -> str:
    return f" involving {join_names(spec.actor)}" if spec.actor else ""


def _empty(store: Store, spec: ReportSpec, title: str, subtitle: str, now: dt.datetime, cites: Citations,
           status: dict[str, int]) -> Report:
    text = (f"No events matched this selection ({spec.area_label()}{_actor(spec)}) from "
            f"{fmt_date(spec.date_from)} to {fmt_date(spec.date_to)} in the sigact store. This says nothing "
            "about whether violence occurred: the store may hold no data for this place or period.")  # fmt: skip
    found = [Finding("activity", "No events recorded", [Sentence(text)], {"events": 0}, [])]
    cmp = spec.comparison()
    if cmp:
        prev = agg.total(store, dataclasses.replace(spec.base_filter(), date_from=cmp[0], date_to=cmp[1]))
        found[0].figures["previous_events"] = prev
        found[0].sentences.append(Sentence(
            f"The comparison period ({fmt_range(*cmp)}) had {plural(prev, 'event')}."))
    return Report(spec=spec, title=title, subtitle=subtitle, generated_at=now, empty=True,
                  takeaway=[Sentence(text)], findings=found, incidents=[], figures=[],
                  methods=methods(store, spec, status, []), notes=cites.notes,
                  stats={"events": 0, **status})  # fmt: skip
