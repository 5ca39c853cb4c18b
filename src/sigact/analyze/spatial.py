"""Spatial output as GeoDataFrames (geopandas, WGS 84).

- :func:`event_points`: one point per selected event (with its id, date, type, actors, fatalities).
- :func:`counts_by_area`: events and fatalities per admin unit; the geometry is the unit's polygon
  when you pass polygons (a GeoDataFrame or a GeoJSON path with ``country`` and ``name`` columns),
  otherwise the mean position of the unit's events (a point, labelled ``geometry_kind``).

Example::

    from sigact.analyze.spatial import counts_by_area
    gdf = counts_by_area(store, EventFilter(country=["Mali"], date_from=date(2019, 1, 1)), area="admin2")
    gdf.to_file("mali_2019_admin2.geojson", driver="GeoJSON")
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
from sqlalchemy import func, select

from sigact.analyze.aggregate import live
from sigact.store import Store
from sigact.store.filters import EventFilter, where
from sigact.store.schema import events

CRS = "EPSG:4326"
POINT_COLUMNS = ("id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
                 "admin2", "location", "geo_precision", "fatalities")


def event_points(store: Store, flt: EventFilter | None = None) -> gpd.GeoDataFrame:
    """The selected events with coordinates, as points."""
    c = events.c
    stmt = select(*[c[n] for n in POINT_COLUMNS], c.latitude, c.longitude).where(
        where(live(flt)), c.latitude.is_not(None), c.longitude.is_not(None))
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    frame = pd.DataFrame(rows, columns=[*POINT_COLUMNS, "latitude", "longitude"])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["longitude"], frame["latitude"]), crs=CRS)


def _fold(name: Any) -> str:
    """Accent- and case-insensitive key (ACLED "Segou" matches Natural Earth "Ségou")."""
    text = unicodedata.normalize("NFKD", str(name or ""))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().strip()


def counts_by_area(
    store: Store,
    flt: EventFilter | None = None,
    *,
    area: str = "admin1",
    polygons: gpd.GeoDataFrame | str | Path | None = None,
) -> gpd.GeoDataFrame:
    """Events, fatalities and unknown-fatality events per ``area`` (admin1 or admin2) of each country."""
    if area not in ("admin1", "admin2"):
        raise ValueError("area must be admin1 or admin2")
    c = events.c
    stmt = (
        select(
            c.country, c[area].label("name"), func.count().label("events"),
            func.coalesce(func.sum(c.fatalities), 0).label("fatalities"),
            func.sum(func.coalesce(c.fatalities, -1).op("<")(0)).label("fatalities_unknown"),
            func.avg(c.latitude).label("latitude"), func.avg(c.longitude).label("longitude"),
        )
        .where(where(live(flt)))
        .group_by(c.country, c[area])
    )
    with store.engine.connect() as conn:
        frame = pd.DataFrame(conn.execute(stmt).all(),
                             columns=["country", "name", "events", "fatalities", "fatalities_unknown", "latitude",
                                      "longitude"])
    frame["fatalities_unknown"] = frame["fatalities_unknown"].fillna(0).astype("int64")
    if polygons is None:
        out = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["longitude"], frame["latitude"]), crs=CRS)
        out["geometry_kind"] = "mean event position"
        return out
    shapes: Any = polygons if isinstance(polygons, gpd.GeoDataFrame) else gpd.read_file(polygons)
    shapes = shapes[["country", "name", "geometry"]].to_crs(CRS)
    shapes = shapes.assign(_key=shapes["country"].map(_fold) + "|" + shapes["name"].map(_fold)).drop(
        columns=["country", "name"])
    frame["_key"] = frame["country"].map(_fold) + "|" + frame["name"].map(_fold)
    merged = shapes.merge(frame.drop(columns=["latitude", "longitude"]), on="_key", how="right").drop(columns="_key")
    out = gpd.GeoDataFrame(merged, geometry="geometry", crs=CRS)
    out["geometry_kind"] = out.geometry.notna().map({True: "polygon", False: "none (no matching polygon)"})
    return out
