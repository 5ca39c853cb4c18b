"""The report's figures, drawn with matplotlib (Agg backend, no network): events per week by type,
and a map of events on admin-1 outlines from the bundled boundaries (no web tiles)."""

from __future__ import annotations

import io
import math
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import patheffects  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402
from shapely.geometry import MultiPolygon, Polygon, box  # noqa: E402
from shapely.geometry.base import BaseGeometry  # noqa: E402

from sigact.analyze import aggregate as agg  # noqa: E402
from sigact.analyze.aggregate import live  # noqa: E402
from sigact.geo.outlines import admin1_shapes, iso2_for  # noqa: E402
from sigact.report.spec import ReportSpec  # noqa: E402
from sigact.store import Store  # noqa: E402

# One colour per ACLED event type (colour-blind-safe Okabe-Ito palette), the same in both figures.
TYPE_COLOURS = {
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#E69F00",
    "Violence against civilians": "#CC79A7",
    "Protests": "#56B4E9",
    "Riots": "#0072B2",
    "Strategic developments": "#009E73",
}
OTHER_COLOUR = "#777777"
WEEKLY_MAX_DAYS = 190  # longer periods are charted per month (as findings.RATE_WEEKLY_MAX_DAYS)
DPI = 150
LABEL_MIN_AREA = 0.006  # share of the map's area a unit needs for its name to be drawn


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def bucket_for(spec: ReportSpec) -> str:
    """``week`` (ACLED Saturday-Friday weeks) unless the period is longer than about six months."""
    return "week" if spec.days <= WEEKLY_MAX_DAYS else "month"


def timeline(store: Store, spec: ReportSpec) -> tuple[bytes, pd.DataFrame]:
    """Stacked bars of events per week (or month) by event type; returns the PNG and the counts table."""
    per = bucket_for(spec)
    frame = agg.counts(store, spec.filter(), by=["event_type"], per=per)
    table = frame.pivot_table(index="period", columns="event_type", values="events", aggfunc="sum", fill_value=0)
    order = [t for t in TYPE_COLOURS if t in table.columns] + [t for t in table.columns if t not in TYPE_COLOURS]
    table = table[order] if len(order) else table
    fig, ax = plt.subplots(figsize=(7.2, 3.2))
    bottom = None
    labels = [pd.Timestamp(p).strftime("%d %b" if per == "week" else "%b %Y") for p in table.index]
    x = range(len(table.index))
    for col in table.columns:
        values = table[col].to_numpy()
        ax.bar(x, values, bottom=bottom, color=TYPE_COLOURS.get(col, OTHER_COLOUR), label=col, width=0.8,
               edgecolor="white", linewidth=0.4)  # fmt: skip
        bottom = values if bottom is None else bottom + values
    step = max(1, math.ceil(len(labels) / 14))
    ax.set_xticks(list(x)[::step], labels[::step], rotation=45, ha="right", fontsize=7)
    ax.set_ylabel("events per " + per, fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.5)
    ax.set_axisbelow(True)
    if len(table.columns):
        ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _png(fig), table


def _draw(ax: Axes, geom: BaseGeometry, **kw: Any) -> None:
    polys = geom.geoms if isinstance(geom, MultiPolygon) else [geom] if isinstance(geom, Polygon) else []
    for poly in polys:
        xs, ys = poly.exterior.xy
        ax.fill(xs, ys, **kw)


def event_map(store: Store, spec: ReportSpec) -> tuple[bytes, dict[str, int]]:
    """Events as points (colour: type; size: reported fatalities) on admin-1 outlines.

    Returns the PNG and counts: ``mapped`` events, ``unmapped`` (no coordinates)."""
    frame = store.events_frame(live(spec.filter()), columns=["id", "event_type", "latitude", "longitude",
                                                               "fatalities", "geo_precision", "country"])  # fmt: skip
    coords = frame.dropna(subset=["latitude", "longitude"])
    shapes = admin1_shapes()
    countries = spec.country or sorted({str(c) for c in frame["country"].dropna()})
    focus_cc = [cc for cc in (iso2_for(c) for c in countries) if cc]
    focus = [g for (cc, _a), g in shapes.items() if cc in focus_cc]
    if spec.admin1 and focus_cc:
        wanted = {a.lower() for a in spec.admin1}
        chosen = [g for (cc, a), g in shapes.items() if cc in focus_cc and a.lower() in wanted]
        focus = chosen or focus
    if focus:
        minx = min(g.bounds[0] for g in focus)
        miny = min(g.bounds[1] for g in focus)
        maxx = max(g.bounds[2] for g in focus)
        maxy = max(g.bounds[3] for g in focus)
    elif len(coords):
        minx, maxx = float(coords["longitude"].min()), float(coords["longitude"].max())
        miny, maxy = float(coords["latitude"].min()), float(coords["latitude"].max())
    else:
        minx, miny, maxx, maxy = -12.0, 9.0, 16.0, 25.0
    if len(coords):
        minx, maxx = min(minx, float(coords["longitude"].min())), max(maxx, float(coords["longitude"].max()))
        miny, maxy = min(miny, float(coords["latitude"].min())), max(maxy, float(coords["latitude"].max()))
    pad = max(maxx - minx, maxy - miny) * 0.05 + 0.2
    view = box(minx - pad, miny - pad, maxx + pad, maxy + pad)
    fig, ax = plt.subplots(figsize=(7.2, 5.0))
    ax.set_facecolor("#eef3f7")
    for (cc, name), geom in shapes.items():
        if not geom.intersects(view):
            continue
        inside = cc in focus_cc
        _draw(ax, geom, facecolor="#ffffff" if inside else "#f1f1ee", edgecolor="#8a8a8a" if inside else "#c4c4c4",
              linewidth=0.6 if inside else 0.4)  # fmt: skip
        if inside and geom.area >= view.area * LABEL_MIN_AREA:  # no labels on units too small to read
            pt = geom.representative_point()
            ax.annotate(name, (pt.x, pt.y), fontsize=6.5, color="#444444", ha="center", va="center", zorder=4,
                        path_effects=[patheffects.withStroke(linewidth=2, foreground="white")])
    for etype, group in coords.groupby("event_type"):
        fat = group["fatalities"].fillna(0).clip(lower=0)
        sizes = 10 + 12 * fat.map(math.sqrt)
        ax.scatter(group["longitude"], group["latitude"], s=sizes, color=TYPE_COLOURS.get(str(etype), OTHER_COLOUR),
                   alpha=0.75, edgecolors="#333333", linewidths=0.3, label=str(etype), zorder=3)  # fmt: skip
    ax.set_xlim(minx - pad, maxx + pad)
    ax.set_ylim(miny - pad, maxy + pad)
    ax.set_aspect("equal")
    ax.tick_params(labelsize=6)
    handles = [Line2D([], [], marker="o", linestyle="", color=TYPE_COLOURS.get(t, OTHER_COLOUR), label=t)
               for t in TYPE_COLOURS if t in set(coords["event_type"])]  # fmt: skip
    handles += [Line2D([], [], marker="o", linestyle="", color="#999999", markersize=math.sqrt(10 + 12 * math.sqrt(k)),
                       label=f"{k} killed") for k in (0, 10, 50)]  # fmt: skip
    ax.legend(handles=handles, fontsize=6.5, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return _png(fig), {"mapped": int(len(coords)), "unmapped": int(len(frame) - len(coords))}
