"""Escalation detection: where an actor's or area's event rate departs from its own recent baseline.

Method (``escalation``), for each group (e.g. each country, admin1 or actor) and each bucket ``t`` of
its zero-filled series of counts per ``per`` (ACLED week or calendar month):

1. The *window* is the ``window`` buckets ending at ``t``; the *baseline* the ``baseline`` buckets
   just before it. ``k`` = events (or fatalities) in the window; ``mu``, ``var`` = mean and variance
   of the baseline's per-bucket counts.
2. Under "no change", the window total follows the baseline's distribution: negative binomial when
   the baseline is over-dispersed (``var > mu``: ``r = mu^2 / (var - mu)``, a sum of ``window`` such
   buckets is NB(``window * r``, ``r / (r + mu)``)), else Poisson(``window * mu``) (scipy.stats).
3. ``p_value`` = P(total >= k), one-sided (an increase). ``q_value`` = Benjamini-Hochberg adjusted over
   every window tested for that group (statsmodels), because many windows are scanned.
4. ``ratio`` = window rate / baseline rate (the effect size). A window is flagged when
   ``q_value < alpha``, ``ratio >= min_ratio`` and ``k >= min_count``.

Consecutive flagged windows form an *episode* (``episodes``). ``change_points`` offers a second,
independent view: PELT change points (ruptures) in each series with the mean before and after.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats as sps

from sigact.analyze.aggregate import counts
from sigact.analyze.periods import CONVENTIONS
from sigact.store import Store
from sigact.store.filters import EventFilter

METHOD = (
    "window total vs the baseline's per-bucket distribution: negative binomial (method of moments) "
    "when over-dispersed, else Poisson; one-sided p-value, Benjamini-Hochberg q-value per series"
)


def tail_p_value(k: float, baseline: np.ndarray, window: int) -> tuple[float, str]:
    """P(window total >= k) under the baseline's distribution, and which model gave it."""
    mu = float(np.mean(baseline))
    var = float(np.var(baseline, ddof=1)) if len(baseline) > 1 else mu
    k = int(round(k))
    if k <= 0:
        return 1.0, "none"
    if mu <= 0:
        # nothing happened in the baseline: any event is new; use a Poisson with a floor of half an event
        lam = 0.5 / max(len(baseline), 1) * window
        return float(sps.poisson.sf(k - 1, lam)), "poisson(floor)"
    if var > mu:
        r = mu * mu / (var - mu)
        p = r / (r + mu)
        return float(sps.nbinom.sf(k - 1, window * r, p)), "negative binomial"
    return float(sps.poisson.sf(k - 1, window * mu)), "poisson"


def _bh(pvalues: Sequence[float]) -> np.ndarray:
    if not len(pvalues):
        return np.array([])
    from statsmodels.stats.multitest import multipletests

    return np.asarray(multipletests(list(pvalues), method="fdr_bh")[1])


def scan_series(series: pd.Series, *, window: int, baseline: int) -> pd.DataFrame:
    """Test every window of a zero-filled series (index: bucket starts) against its baseline."""
    values = series.to_numpy(dtype=float)
    rows = []
    for end in range(window + baseline - 1, len(values)):
        start = end - window + 1
        base = values[start - baseline : start]
        k = values[start : end + 1].sum()
        p, model = tail_p_value(k, base, window)
        mu = base.mean()
        rows.append({
            "window_start": series.index[start],
            "window_end": series.index[end],
            "window_total": int(k),
            "window_rate": k / window,
            "baseline_rate": mu,
            "baseline_sd": float(np.std(base, ddof=1)) if baseline > 1 else 0.0,
            "ratio": (k / window) / mu if mu > 0 else float("inf"),
            "p_value": p,
            "model": model,
        })
    frame = pd.DataFrame(rows)
    frame["q_value"] = _bh(frame["p_value"].tolist()) if len(frame) else []
    return frame


def escalation(
    store: Store,
    flt: EventFilter | None = None,
    *,
    by: Sequence[str] = ("country",),
    per: str = "month",
    window: int = 1,
    baseline: int = 12,
    metric: str = "events",
    alpha: float = 0.05,
    min_ratio: float = 1.5,
    min_count: int = 5,
    all_windows: bool = False,
    explain: bool = False,
) -> pd.DataFrame:
    """Flagged (or, with ``all_windows``, all) windows per group; see the module doc for the method."""
    if metric not in ("events", "fatalities"):
        raise ValueError("metric must be 'events' or 'fatalities'")
    if window < 1 or baseline < 2:
        raise ValueError("window must be >= 1 and baseline >= 2 buckets")
    by = list(by)
    data = counts(store, flt, by=by, per=per, explain=explain)
    out = []
    groups = data.groupby(by, dropna=False) if by else [((), data)]
    for key, frame in groups:
        frame = frame.sort_values("period")
        series = frame.set_index("period")[metric]
        scanned = scan_series(series, window=window, baseline=baseline)
        if scanned.empty:
            continue
        scanned["flagged"] = (
            (scanned["q_value"] < alpha) & (scanned["ratio"] >= min_ratio) & (scanned["window_total"] >= min_count)
        )
        if explain:
            ids = frame.set_index("period")["event_ids"]
            scanned["event_ids"] = [
                sorted(itertools.chain.from_iterable(ids.loc[a:b])) for a, b in
                zip(scanned["window_start"], scanned["window_end"], strict=True)
            ]
        keys = key if isinstance(key, tuple) else (key,)
        for name, value in zip(by, keys, strict=True):
            scanned.insert(0, name, value)  # type: ignore[arg-type]
        out.append(scanned if all_windows else scanned[scanned["flagged"]])
    cols = [*by, "window_start", "window_end", "window_total", "window_rate", "baseline_rate", "baseline_sd",
            "ratio", "p_value", "q_value", "model", "flagged", *(["event_ids"] if explain else [])]
    result = pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=cols)
    result = result[cols]
    result.attrs["convention"] = (f"metric={metric}; buckets: {CONVENTIONS[per]}; window={window} {per}(s), "
                                  f"baseline={baseline} {per}(s) before the window")
    result.attrs["method"] = METHOD
    return result


def episodes(flags: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """Runs of consecutive flagged windows: first/last window, peak ratio, smallest p-value."""
    rows: list[dict[str, Any]] = []
    flags = flags[flags["flagged"]] if "flagged" in flags else flags
    if flags.empty:
        return pd.DataFrame(columns=[*by, "start", "end", "windows", "peak_ratio", "min_p_value"])
    groups = flags.groupby(list(by), dropna=False) if by else [((), flags)]
    for key, frame in groups:
        frame = frame.sort_values("window_end")
        run: list[pd.Series] = []
        ends = list(frame["window_end"])
        for i, (_, row) in enumerate(frame.iterrows()):
            run.append(row)
            nxt = ends[i + 1] if i + 1 < len(ends) else None
            contiguous = nxt is not None and _next_is_adjacent(row["window_end"], nxt)
            if not contiguous:
                keys = key if isinstance(key, tuple) else (key,)
                rows.append({
                    **dict(zip(by, keys, strict=True)),
                    "start": run[0]["window_start"], "end": run[-1]["window_end"], "windows": len(run),
                    "peak_ratio": max(r["ratio"] for r in run), "min_p_value": min(r["p_value"] for r in run),
                })
                run = []
    return pd.DataFrame(rows)


def _next_is_adjacent(a: pd.Timestamp, b: pd.Timestamp) -> bool:
    return (pd.Timestamp(b) - pd.Timestamp(a)) <= pd.Timedelta(days=31)


def change_points(
    store: Store,
    flt: EventFilter | None = None,
    *,
    by: Sequence[str] = ("country",),
    per: str = "month",
    penalty: float | None = None,
    min_size: int = 3,
) -> pd.DataFrame:
    """PELT change points (ruptures, cost "l2") in each group's series: date and means before/after.

    ``penalty`` defaults to ``2 * log(n) * variance`` of the series (a BIC-like choice)."""
    import ruptures as rpt

    by = list(by)
    data = counts(store, flt, by=by, per=per)
    rows: list[dict[str, Any]] = []
    groups = data.groupby(by, dropna=False) if by else [((), data)]
    for key, frame in groups:
        series = frame.sort_values("period").set_index("period")["events"]
        values = series.to_numpy(dtype=float)
        if len(values) < 2 * min_size:
            continue
        pen = penalty if penalty is not None else 2 * np.log(len(values)) * max(float(np.var(values)), 1.0)
        bkps = rpt.Pelt(model="l2", min_size=min_size).fit(values.reshape(-1, 1)).predict(pen=pen)
        bounds = [0, *bkps]
        keys = key if isinstance(key, tuple) else (key,)
        for i in range(1, len(bounds) - 1):
            before = values[bounds[i - 1] : bounds[i]]
            after = values[bounds[i] : bounds[i + 1]]
            rows.append({
                **dict(zip(by, keys, strict=True)),
                "change_at": series.index[bounds[i]],
                "mean_before": float(before.mean()),
                "mean_after": float(after.mean()),
                "ratio": float(after.mean() / before.mean()) if before.mean() > 0 else float("inf"),
                "segment_before": f"{_d(series.index[bounds[i - 1]])}..{_d(series.index[bounds[i] - 1])}",
                "segment_after": f"{_d(series.index[bounds[i]])}..{_d(series.index[bounds[i + 1] - 1])}",
            })
    result = pd.DataFrame(rows, columns=[*by, "change_at", "mean_before", "mean_after", "ratio", "segment_before",
                                         "segment_after"])
    result.attrs["method"] = "ruptures PELT, cost l2, penalty 2*log(n)*var unless given"
    result.attrs["convention"] = f"buckets: {CONVENTIONS[per]}"
    return result


def _d(value: Any) -> str:
    return pd.Timestamp(value).date().isoformat()
