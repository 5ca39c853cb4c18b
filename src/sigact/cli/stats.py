"""``sigact stats``: the analyst's numbers (counts, rates, shares, comparisons, top-N, fatalities,
escalation, tactic shifts), each traceable to its events with ``--explain``.

Every sub-command takes the same filter options (``--actor``, ``--admin1``, ``--region``...) and
``--format table|json|csv``. See ``docs/analytics.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
import typer

from sigact.cli._common import DbOption, console, fail, store_for

FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
ExplainOption = Annotated[bool, typer.Option("--explain", help="List the event ids behind each figure.")]
ByOption = Annotated[list[str] | None, typer.Option("--by", help="Dimension(s) to break down by (repeatable).")]
_PER_HELP = "day, week (ACLED Sat-Fri), month or year."
PerOption = Annotated[str | None, typer.Option("--per", help=_PER_HELP)]  # counts: no --per = one total
RatePerOption = Annotated[str, typer.Option("--per", help=_PER_HELP)]


class Role(StrEnum):
    actor1 = "actor1"
    actor2 = "actor2"
    any = "any"


_L = list[str] | None

# (parameter name, annotation) of the filter options every sub-command takes
FILTER_PARAMS: list[tuple[str, Any]] = [
    ("date_from", Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")]),
    ("date_to", Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")]),
    ("period", Annotated[str | None, typer.Option(
        "--period-range", help="Date range shorthand: 2019, 2019-03, 2019H1 or A:B.")]),
    ("country", Annotated[_L, typer.Option("--country", help="Country (repeatable).")]),
    ("admin1", Annotated[_L, typer.Option("--admin1", help="Admin1 unit (repeatable).")]),
    ("admin2", Annotated[_L, typer.Option("--admin2", help="Admin2 unit (repeatable).")]),
    ("region", Annotated[_L, typer.Option("--region", help="Named region grouping, e.g. 'central Mali'.")]),
    ("actor", Annotated[_L, typer.Option("--actor", help="Actor, canonical or alias (repeatable).")]),
    ("role", Annotated[Role, typer.Option("--role", help="actor1 (initiator), actor2 or any (involving).")]),
    ("uncertain", Annotated[bool, typer.Option("--uncertain", help="Also match 'A and/or B' attributions.")]),
    ("subgroups", Annotated[bool, typer.Option(
        "--subgroups/--no-subgroups", help="Include the actor's sub-groups (registry) or only the actor.")]),
    ("initiator_type", Annotated[_L, typer.Option(
        "--initiator-type", help="Actor type of actor1: state, rebel, political militia, identity militia...")]),
    ("target_type", Annotated[_L, typer.Option("--target-type", help="Actor type of actor2.")]),
    ("event_type", Annotated[_L, typer.Option("--event-type", help="Event type (repeatable).")]),
    ("not_event_type", Annotated[_L, typer.Option("--not-event-type", help="Leave out this event type.")]),
    ("sub_event_type", Annotated[_L, typer.Option("--sub-event-type", help="Sub-event type (repeatable).")]),
    ("not_sub_event_type", Annotated[_L, typer.Option("--not-sub-event-type", help="Leave out this sub-event type.")]),
    ("disorder_type", Annotated[_L, typer.Option("--disorder-type", help="e.g. 'Political violence'.")]),
    ("civilian_targeting", Annotated[bool | None, typer.Option(
        "--civilian-targeting/--not-civilian-targeting", help="Only events targeting civilians / only others.")]),
    ("tag", Annotated[_L, typer.Option("--tag", help="Weapons/tactics tag (repeatable, any).")]),
    ("not_tag", Annotated[_L, typer.Option("--not-tag", help="Leave out events with this tag.")]),
    ("status", Annotated[_L, typer.Option("--status", help="automatic, reviewed or rejected.")]),
    ("origin", Annotated[_L, typer.Option("--origin", help="acled, ucdp, extracted or manual.")]),
    ("without", Annotated[_L, typer.Option(
        "--without", help="Leave out events matching a sub-filter, e.g. "
        "'sub_event_type=Remote explosive/landmine/IED & actor1=JNIM' (keys: filter fields; "
        "actor1=/actor2= set the actor and its role; values split by |).")]),
    ("config", Annotated[Path | None, typer.Option(
        "--config", envvar="SIGACT_CONFIG", help="YAML config with your own region groupings.")]),
]


def parse_without(text: str) -> Any:
    """``key=value|value & key=value`` -> EventFilter (a nested exclusion)."""
    from sigact.store.filters import EventFilter

    data: dict[str, Any] = {}
    for part in text.split("&"):
        if not part.strip():
            continue
        if "=" not in part:
            raise ValueError(f"--without: {part.strip()!r} is not key=value")
        key, value = (s.strip() for s in part.split("=", 1))
        key = key.replace("-", "_")
        values = [v.strip() for v in value.split("|") if v.strip()]
        if key in ("actor1", "actor2"):
            data["actor"] = values
            data["actor_role"] = key
        elif key == "from":
            data["date_from"] = value
        elif key == "to":
            data["date_to"] = value
        elif key in ("civilian_targeting", "subgroups", "uncertain"):
            flag = value.lower() in ("1", "true", "yes")
            data[{"subgroups": "actor_subgroups", "uncertain": "include_uncertain"}.get(key, key)] = flag
        else:
            data[key] = values
    return EventFilter.from_dict(data)


def build_filter(opts: dict[str, Any]) -> Any:
    """The EventFilter the filter options describe (errors end the command with a message)."""
    from sigact.analyze import regions
    from sigact.analyze.periods import parse_period
    from sigact.store.filters import EventFilter

    try:
        if opts.get("config"):
            regions.use_config(opts["config"])
        date_from = dt.date.fromisoformat(opts["date_from"]) if opts.get("date_from") else None
        date_to = dt.date.fromisoformat(opts["date_to"]) if opts.get("date_to") else None
        if opts.get("period"):
            date_from, date_to = parse_period(opts["period"])
        flt = EventFilter(
            date_from=date_from,
            date_to=date_to,
            country=opts.get("country") or [],
            admin1=opts.get("admin1") or [],
            admin2=opts.get("admin2") or [],
            region_group=opts.get("region") or [],
            actor=opts.get("actor") or [],
            actor_role=(opts.get("role") or Role.any).value,
            include_uncertain=bool(opts.get("uncertain")),
            actor_subgroups=opts.get("subgroups") is not False,
            initiator_type=opts.get("initiator_type") or [],
            target_type=opts.get("target_type") or [],
            event_type=opts.get("event_type") or [],
            exclude_event_type=opts.get("not_event_type") or [],
            sub_event_type=opts.get("sub_event_type") or [],
            exclude_sub_event_type=opts.get("not_sub_event_type") or [],
            disorder_type=opts.get("disorder_type") or [],
            civilian_targeting=opts.get("civilian_targeting"),
            tags=opts.get("tag") or [],
            exclude_tags=opts.get("not_tag") or [],
            status=opts.get("status") or [],
            origin=opts.get("origin") or [],
            exclude=[parse_without(w) for w in opts.get("without") or []],
        )
        flt.validate()
        if flt.region_group:
            known = regions.load_groupings()
            missing = [r for r in flt.region_group if r not in known]
            if missing:
                raise ValueError(f"unknown region grouping(s) {', '.join(missing)} (known: {', '.join(sorted(known))})")
    except ValueError as exc:
        fail(str(exc))
    return flt


_DEFAULTS: dict[str, Any] = {"role": Role.any, "uncertain": False, "subgroups": True}


def with_filter(func: Callable[..., None]) -> Callable[..., None]:
    """Give a command the shared filter options; it receives them as one ``flt`` argument."""
    sig = inspect.signature(func, eval_str=True)
    own = [p for name, p in sig.parameters.items() if name != "flt"]
    extra = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=ann,
                          default=_DEFAULTS.get(name))
        for name, ann in FILTER_PARAMS
    ]

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> None:
        opts = {name: kwargs.pop(name) for name, _ in FILTER_PARAMS}
        func(flt=build_filter(opts), **kwargs)

    params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + extra
    wrapper.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper


def _emit(frame: pd.DataFrame, fmt: str, title: str, flt: Any, explain: bool, **meta: Any) -> None:
    from sigact.analyze.output import FORMATS, render

    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}")
    if not explain:
        frame = frame.drop(columns=[c for c in frame.columns if c.startswith("event_ids")])
    info: dict[str, Any] = {"title": title, "filter": flt.to_dict()}
    info.update({str(k): v for k, v in frame.attrs.items()})
    info.update(meta)
    render(frame, fmt, info, console)


def _run(call: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    try:
        return call()
    except ValueError as exc:
        fail(str(exc))


def register(app: typer.Typer) -> None:
    stats = typer.Typer(help="The analyst's numbers: counts, rates, shares, comparisons, escalation...",
                        no_args_is_help=True)
    app.add_typer(stats, name="stats")

    @stats.command("count")
    @with_filter
    def count_cmd(
        flt: Any,
        per: PerOption = None,
        by: ByOption = None,
        fmt: FormatOption = "table",
        explain: ExplainOption = False,
        db: DbOption = None,
    ) -> None:
        """Event counts (with fatalities) per period and/or dimension; empty periods show 0."""
        from sigact.analyze.aggregate import counts

        frame = _run(lambda: counts(store_for(db), flt, by=by or [], per=per, explain=explain))
        _emit(frame, fmt, "events", flt, explain)

    @stats.command("rate")
    @with_filter
    def rate_cmd(
        flt: Any,
        per: RatePerOption = "week",
        by: ByOption = None,
        fmt: FormatOption = "table",
        explain: ExplainOption = False,
        db: DbOption = None,
    ) -> None:
        """Mean events per day/week/month over the date range (events / periods in the range)."""
        from sigact.analyze.aggregate import rates

        frame = _run(lambda: rates(store_for(db), flt, per=per, by=by or [], explain=explain))
        _emit(frame, fmt, f"events per {per}", flt, explain)

    @stats.command("share")
    @with_filter
    def share_cmd(
        flt: Any,
        by: ByOption = None,
        within: Annotated[list[str] | None, typer.Option("--within", help="Shares inside each value of this.")] = None,
        fmt: FormatOption = "table",
        explain: ExplainOption = False,
        db: DbOption = None,
    ) -> None:
        """Each value's share of the selected events (e.g. --by admin1, --by civilian_targeting)."""
        from sigact.analyze.aggregate import shares

        if not by:
            fail("--by is required (e.g. --by admin1)")
        frame = _run(lambda: shares(store_for(db), flt, by=by or [], within=within or [], explain=explain))
        _emit(frame, fmt, "shares", flt, explain)

    @stats.command("compare")
    @with_filter
    def compare_cmd(
        flt: Any,
        periods: Annotated[list[str], typer.Option(
            "--period", help="A period to compare: 2019H1, 2019-01-01:2019-07-31, 2019 (repeat).")],
        per: Annotated[str, typer.Option("--per", help="Rate unit: day, week, month or year.")] = "month",
        by: ByOption = None,
        fmt: FormatOption = "table",
        explain: ExplainOption = False,
        db: DbOption = None,
    ) -> None:
        """Mean rates in two (or more) periods side by side, with change and a rate test."""
        from sigact.analyze.aggregate import compare
        from sigact.analyze.periods import parse_period

        if len(periods) < 2:
            fail("give at least two --period")
        try:
            spans = [parse_period(p) for p in periods]
        except ValueError as exc:
            fail(str(exc))
        frame = _run(lambda: compare(store_for(db), flt, spans, per=per, by=by or [], labels=periods,
                                     explain=explain))
        _emit(frame, fmt, f"mean events per {per}, by period", flt, explain)

    @stats.command("top")
    @with_filter
    def top_cmd(
        flt: Any,
        what: Annotated[str, typer.Argument(
            help="actors, initiators, targets, places, admin1, admin2, tactics, tags, sub_event_types")] = "actors",
        n: Annotated[int, typer.Option("-n", help="How many.")] = 10,
        fmt: FormatOption = "table",
        explain: ExplainOption = False,
        db: DbOption = None,
    ) -> None:
        """The most frequent actors, places or tactics among the selected events."""
        from sigact.analyze.aggregate import top

        frame = _run(lambda: top(store_for(db), flt, what, n=n, explain=explain))
        _emit(frame, fmt, f"top {what}", flt, explain)

    @stats.command("fatalities")
    @with_filter
    def fatalities_cmd(
        flt: Any,
        per: PerOption = None,
        by: ByOption = None,
        fmt: FormatOption = "table",
        explain: ExplainOption = False,
        db: DbOption = None,
    ) -> None:
        """Fatalities summed, with the number of events whose fatalities are unknown."""
        from sigact.analyze.aggregate import fatalities

        frame = _run(lambda: fatalities(store_for(db), flt, by=by or [], per=per, explain=explain))
        _emit(frame, fmt, "fatalities", flt, explain)

    @stats.command("escalation")
    @with_filter
    def escalation_cmd(
        flt: Any,
        by: ByOption = None,
        per: Annotated[str, typer.Option("--per", help="week or month buckets.")] = "month",
        window: Annotated[int, typer.Option("--window", help="Buckets in the tested window.")] = 3,
        baseline: Annotated[int, typer.Option("--baseline", help="Buckets in the baseline before it.")] = 12,
        metric: Annotated[str, typer.Option("--metric", help="events or fatalities.")] = "events",
        alpha: Annotated[float, typer.Option("--alpha", help="Flag when the BH q-value is below this.")] = 0.05,
        min_ratio: Annotated[float, typer.Option("--min-ratio", help="... and rate ratio at least this.")] = 1.5,
        min_count: Annotated[int, typer.Option("--min-count", help="... and the window holds this many.")] = 5,
        all_windows: Annotated[bool, typer.Option("--all", help="Show every tested window, not only flags.")] = False,
        as_episodes: Annotated[bool, typer.Option(
            "--episodes", help="Summarise runs of consecutive flagged windows.")] = False,
        change_points: Annotated[bool, typer.Option(
            "--change-points", help="Show ruptures (PELT) change points instead.")] = False,
        fmt: FormatOption = "table",
        explain: ExplainOption = False,
        db: DbOption = None,
    ) -> None:
        """Flag windows where a group's rate departs significantly from its own recent baseline."""
        from sigact.analyze import escalation as esc

        groups = by or ["country"]
        store = store_for(db)
        if change_points:
            frame = _run(lambda: esc.change_points(store, flt, by=groups, per=per))
            _emit(frame, fmt, "change points", flt, False)
            return
        frame = _run(lambda: esc.escalation(store, flt, by=groups, per=per, window=window, baseline=baseline,
                                            metric=metric, alpha=alpha, min_ratio=min_ratio, min_count=min_count,
                                            all_windows=all_windows, explain=explain))
        if as_episodes:
            summary = esc.episodes(frame, groups)
            summary.attrs.update(frame.attrs)
            _emit(summary, fmt, f"escalation episodes ({metric})", flt, False)
            return
        _emit(frame, fmt, f"escalation ({metric})", flt, explain)

    @stats.command("tactic-shift")
    @with_filter
    def tactic_shift_cmd(
        flt: Any,
        area: Annotated[str, typer.Option("--area", help="country, admin1, admin2, admin3 or location.")] = "admin1",
        lookback: Annotated[int, typer.Option("--lookback-days", help="Look-back for 'first use'.")] = 365,
        tags_only: Annotated[bool, typer.Option(
            "--tags-only", help="Only tags, not explosion sub-event types.")] = False,
        tactic: Annotated[list[str] | None, typer.Option("--tactic", help="Only tactics containing this text.")]
        = None,
        fmt: FormatOption = "table",
        db: DbOption = None,
    ) -> None:
        """First use of a weapon/tactic by an actor in an area within the look-back."""
        from sigact.analyze.tactics import tactic_shifts

        frame = _run(lambda: tactic_shifts(store_for(db), flt, area=area, lookback_days=lookback,
                                           with_sub_event_types=not tags_only, tactics=tactic))
        _emit(frame, fmt, "tactic shifts (first use within look-back)", flt, False)
