"""Batch deduplication of a whole table of events (ACLED-shaped DataFrame) without O(n²) comparisons.

:func:`deduplicate` returns one cluster label per row; rows with the same label are taken to be reports
of one event. It applies the same rules as the incremental matcher (``blocking`` + ``scoring``), but
vectorised with numpy/pandas:

1. **Blocking by hash joins.** Rows with a usable point (geo_precision 1-2) get a key
   (day, grid cell of :data:`CELL_DEG` degrees); the table is joined with itself on the key and on the key of
   the next day, over two grids offset by half a cell, so every pair within one day and ~13 km is found
   (farther pairs up to ~35 km often are). Rows dated to a week/month, or placed only at region level,
   are joined on (admin2, 31-day bucket) with the neighbouring buckets. Each join costs the number of pairs it
   yields, so run time grows with n and with the density of events per place and day, not with n².
2. **Exact block rules** on the candidate pairs (date window by time precision, 50 km or same admin unit).
3. **Scoring** with the weights of :mod:`sigact.dedup.scoring`; text similarity is the cosine of TF-IDF
   vectors of the notes, computed once per distinct note (identical notes: 1.0).
4. **Clusters**: connected components of the pairs at or above the threshold (so A~B and B~C put A, B and C
   together).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from sigact.dedup.blocking import DATE_WINDOW_DAYS, MAX_DISTANCE_KM
from sigact.dedup.scoring import ARMED_VIOLENCE, THRESHOLD, WEIGHTS

# Batch mode compares coded rows: a coded 0 means no deaths were reported.
ZERO_VS_DEATHS = 0.3

CELL_DEG = 0.25
NEIGHBOURS = 4  # sorted-neighbourhood window: each row meets the next 4 rows of its block per pass
_GENERIC_PREFIXES = ("unidentified", "civilians", "protesters", "rioters")
# TF-IDF cosine runs lower than fuzzy token-set ratio; its own floor/ceiling (set on the ACLED test).
COSINE_FLOOR, COSINE_CEILING = 0.10, 0.60


@dataclass
class BatchResult:
    labels: np.ndarray  # cluster label per row (0..k-1)
    pairs: int  # candidate pairs scored
    matches: int  # pairs at or above the threshold

    @property
    def clusters(self) -> int:
        return int(self.labels.max()) + 1 if len(self.labels) else 0


def _num(frame: pd.DataFrame, col: str, default: float = np.nan) -> np.ndarray:
    if col not in frame:
        return np.full(len(frame), default)
    values = frame[col]
    if values.dtype == object:
        try:  # clean CSV text: a fast cast, empty cells as NaN
            return values.replace("", "nan").astype("float64").to_numpy()
        except (TypeError, ValueError):
            pass
    return pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64")


def _codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (-1 for missing or empty values) and the distinct values."""
    values = values.astype("string").str.strip().mask(lambda v: v == "")
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def _window_pairs(block: np.ndarray, sort_keys: list[np.ndarray], rows: np.ndarray,
                  k: int) -> tuple[np.ndarray, np.ndarray]:
    """Sorted neighbourhood: sort ``rows`` by (block, *sort_keys) and pair each row with the next ``k``
    rows of the same block. Pairs grow as k * n, however dense a block is."""
    order = np.lexsort([*(key[rows] for key in reversed(sort_keys)), block[rows]])
    sorted_rows = rows[order]
    sorted_block = block[sorted_rows]
    out_i: list[np.ndarray] = []
    out_j: list[np.ndarray] = []
    for step in range(1, k + 1):
        same = sorted_block[:-step] == sorted_block[step:]
        out_i.append(sorted_rows[:-step][same])
        out_j.append(sorted_rows[step:][same])
    return np.concatenate(out_i), np.concatenate(out_j)


def candidate_pairs(day: np.ndarray, lat: np.ndarray, lon: np.ndarray, point: np.ndarray,
                    coarse: np.ndarray, admin2: np.ndarray, sort_keys: list[np.ndarray],
                    k: int = NEIGHBOURS) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (i < j): sorted-neighbourhood passes over (grid cell, 2-day bucket) blocks, on two
    grids offset by half a cell and two day buckets offset by one day, plus (admin2, 31-day bucket)
    blocks for rows with a coarse date or place."""
    out_i: list[np.ndarray] = []
    out_j: list[np.ndarray] = []
    rows = np.flatnonzero(point)
    if len(rows):
        for shift in (0.0, CELL_DEG / 2):
            cx = np.floor((np.nan_to_num(lon) + 180.0 + shift) / CELL_DEG).astype(np.int64)
            cy = np.floor((np.nan_to_num(lat) + 90.0 + shift) / CELL_DEG).astype(np.int64)
            cell = cx * 1000 + cy
            for dshift in (0, 1):
                block = ((day + dshift) // 2) * 2_000_000 + cell
                i, j = _window_pairs(block, sort_keys, rows, k)
                out_i.append(i)
                out_j.append(j)
    src = np.flatnonzero(admin2 >= 0)
    if coarse.any() and len(src):
        for dshift in (0, 15):
            block = admin2 * 100_000 + (day + dshift) // 31
            # coarse rows first in the sort so they meet the precise rows of their block
            i, j = _window_pairs(block, [~coarse, *sort_keys], src, k)
            has_coarse = coarse[i] | coarse[j]
            out_i.append(i[has_coarse])
            out_j.append(j[has_coarse])
    i = np.concatenate(out_i) if out_i else np.empty(0, np.int64)
    j = np.concatenate(out_j) if out_j else np.empty(0, np.int64)
    n = np.int64(max(len(day), 1))
    combined = np.minimum(i, j) * n + np.maximum(i, j)
    uniq = pd.unique(combined[i != j])  # hash-based: linear time
    return uniq // n, uniq % n


def _haversine(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def _text_vectors(notes: pd.Series) -> tuple[np.ndarray, object]:
    """Code of each row's note and the L2-normalised TF-IDF matrix of the distinct notes."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    codes, uniques = _codes(notes.fillna("").astype(str))
    matrix = TfidfVectorizer(min_df=1, sublinear_tf=True, dtype=np.float32).fit_transform(
        [str(u) for u in uniques]) if len(uniques) else None
    return codes, matrix


def _cosine(codes: np.ndarray, matrix: object, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    a, b = codes[i], codes[j]
    sim = np.where(a == b, 1.0, 0.0)
    other = np.flatnonzero(a != b)
    if len(other) and matrix is not None:
        width = np.int64(codes.max() + 1)
        combined = a[other] * width + b[other]
        uniq, inverse = np.unique(combined, return_inverse=True)
        m: Any = matrix  # scipy sparse CSR, rows L2-normalised
        values = np.asarray(m[uniq // width].multiply(m[uniq % width]).sum(axis=1)).ravel()
        sim[other] = values[inverse]
    return sim


def deduplicate(frame: pd.DataFrame, threshold: float = THRESHOLD) -> BatchResult:
    """Cluster the rows of an ACLED-shaped ``frame`` into events (see module doc)."""
    n = len(frame)
    if n == 0:
        return BatchResult(np.empty(0, np.int64), 0, 0)
    day = (pd.to_datetime(frame["event_date"]).to_numpy("datetime64[D]").astype(np.int64))
    lat, lon = _num(frame, "latitude"), _num(frame, "longitude")
    gp = np.nan_to_num(_num(frame, "geo_precision", 3), nan=3).astype(np.int64)
    tp = np.nan_to_num(_num(frame, "time_precision", 1), nan=1).astype(np.int64)
    point = ~np.isnan(lat) & ~np.isnan(lon) & (gp <= 2)
    coarse = ~point | (tp >= 2)
    admin2, _ = _codes(frame["admin2"] if "admin2" in frame else pd.Series([None] * n))
    admin1, _ = _codes(frame["admin1"] if "admin1" in frame else pd.Series([None] * n))
    sub, _ = _codes(frame["sub_event_type"]) if "sub_event_type" in frame else (np.full(n, -1), None)
    etype, etype_names = _codes(frame["event_type"])
    armed = np.array([str(t) in ARMED_VIOLENCE for t in etype_names] + [False])
    loc, _ = _codes(frame["location"].astype("string").str.lower()) if "location" in frame \
        else (np.full(n, -1), None)
    names = pd.concat([frame["actor1"], frame["actor2"]], ignore_index=True).astype("string")
    stripped = names.str.replace(r"\s*\(.*?\)", "", regex=True).str.strip().str.lower() \
        .str.replace(r"^(?:military|police) forces of ", "state forces of ", regex=True)
    codes, uniques = _codes(stripped)
    generic = np.array([str(u).startswith(_GENERIC_PREFIXES) for u in uniques] + [False])
    a1, a2 = codes[:n], codes[n:]
    fat = _num(frame, "fatalities")
    # likely duplicates sort next to each other inside a block
    keys = [sub, loc, a1, np.nan_to_num(fat, nan=-1).astype(np.int64), day]
    rank = np.empty(n, np.int64)
    rank[np.lexsort(keys[::-1])] = np.arange(n)  # one global sort; each pass then sorts on (block, rank)
    sort_keys = [rank]
    i, j = candidate_pairs(day, lat, lon, point, coarse, admin2, sort_keys)

    # exact block rules
    window = np.array([0, *DATE_WINDOW_DAYS.values()])[np.clip(np.maximum(tp[i], tp[j]), 1, 3)]
    dd = np.abs(day[i] - day[j])
    dist = _haversine(lat[i], lon[i], lat[j], lon[j])
    both_points = point[i] & point[j]
    same_a2 = (admin2[i] == admin2[j]) & (admin2[i] >= 0)
    known_a2 = (admin2[i] >= 0) & (admin2[j] >= 0)
    same_a1 = (admin1[i] == admin1[j]) | (admin1[i] < 0) | (admin1[j] < 0)
    near = (gp[i] == 2) | (gp[j] == 2)
    place_ok = np.where(both_points, (dist <= MAX_DISTANCE_KM) | (near & same_a2),
                        np.where(known_a2, same_a2, same_a1))
    keep = (dd <= window) & place_ok
    i, j, dd, dist, both_points, same_a2 = i[keep], j[keep], dd[keep], dist[keep], both_points[keep], same_a2[keep]

    # type
    s_type = np.select([(sub[i] == sub[j]) & (sub[i] >= 0), etype[i] == etype[j], armed[etype[i]] & armed[etype[j]]],
                       [1.0, 0.7, 0.3], default=0.0)

    # actors
    s_act = _actor_agreement(a1, a2, generic, i, j)

    # place
    both_towns = (gp[i] == 1) & (gp[j] == 1)
    s_place = np.select(
        [(loc[i] == loc[j]) & (loc[i] >= 0), both_points & (dist <= 2), both_points & both_towns,
         both_points & (dist <= 10), both_points & same_a2, both_points & (dist <= 25), both_points],
        [1.0, 1.0, 0.0, 0.6, 0.5, 0.3, 0.0], default=0.5,
    )

    # fatalities
    fa, fb = fat[i], fat[j]
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(fa == fb, 1.0, np.minimum(fa, fb) / np.maximum(fa, fb))
    s_fat = np.where(np.isnan(fa) | np.isnan(fb), 0.5,
                     np.where((np.minimum(fa, fb) == 0) & (fa != fb), ZERO_VS_DEATHS, np.nan_to_num(ratio, nan=0.0)))

    s_date = np.where(dd == 0, 1.0, 0.5)
    text_codes, matrix = _text_vectors(frame["notes"] if "notes" in frame else pd.Series([""] * n))
    cos = _cosine(text_codes, matrix, i, j)
    s_text = np.clip((cos - COSINE_FLOOR) / (COSINE_CEILING - COSINE_FLOOR), 0.0, 1.0)

    score = (WEIGHTS["type"] * s_type + WEIGHTS["actors"] * s_act + WEIGHTS["place"] * s_place
             + WEIGHTS["fatalities"] * s_fat + WEIGHTS["date"] * s_date + WEIGHTS["text"] * s_text)
    match = score >= threshold
    graph = coo_matrix((np.ones(int(match.sum()), dtype=np.int8), (i[match], j[match])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return BatchResult(labels.astype(np.int64), len(i), int(match.sum()))


def _actor_agreement(a1: np.ndarray, a2: np.ndarray, generic: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Vectorised ``scoring.actor_agreement`` on actor1/actor2 codes (-1 = none)."""
    x1, x2, y1, y2 = a1[i], a2[i], a1[j], a2[j]

    def specific(c: np.ndarray) -> np.ndarray:
        return (c >= 0) & ~generic[c]

    sx1, sx2, sy1, sy2 = specific(x1), specific(x2), specific(y1), specific(y2)
    # distinct specific actors on each side
    nx = sx1.astype(int) + (sx2 & (x2 != x1)).astype(int)
    ny = sy1.astype(int) + (sy2 & (y2 != y1)).astype(int)
    shared = ((sx1 & ((x1 == y1) | (x1 == y2))).astype(int)
              + (sx2 & (x2 != x1) & ((x2 == y1) | (x2 == y2))).astype(int))
    any_x = (x1 >= 0) | (x2 >= 0)
    any_y = (y1 >= 0) | (y2 >= 0)
    generic_shared = ((x1 >= 0) & ((x1 == y1) | (x1 == y2))) | ((x2 >= 0) & ((x2 == y1) | (x2 == y2)))
    with np.errstate(invalid="ignore", divide="ignore"):
        both_specific = shared / np.minimum(nx, ny)
    return np.select(
        [~any_x | ~any_y, (nx > 0) & (ny > 0)],
        [np.full(len(i), 0.5), np.nan_to_num(both_specific)],
        default=np.where(generic_shared, 0.5, 0.3),
    )
