"""Spatial output: GeoDataFrames of events and of counts per admin unit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import geopandas as gpd
from shapely.geometry import box

from sigact.analyze.spatial import counts_by_area, event_points
from sigact.store import Store
from sigact.store.filters import EventFilter
from tests.analyze.conftest import event

Fill = Callable[[Store, list[dict[str, Any]]], Store]


def test_points_and_area_counts(sqlite_store: Store, fill: Fill) -> None:
    fill(sqlite_store, [
        event(admin1="Segou", latitude=13.0, longitude=-6.0, fatalities=2),
        event(admin1="Segou", latitude=14.0, longitude=-5.0, fatalities=None),
        event(admin1="Gao", latitude=16.0, longitude=0.0),
    ])
    points = event_points(sqlite_store, EventFilter(admin1=["Segou"]))
    assert len(points) == 2 and points.crs.to_string() == "EPSG:4326"
    areas = counts_by_area(sqlite_store, EventFilter()).set_index("name")
    assert areas.loc["Segou", "events"] == 2 and areas.loc["Segou", "fatalities_unknown"] == 1
    assert areas.loc["Segou", "geometry"].x == -5.5  # mean event position without polygons
    shapes = gpd.GeoDataFrame({"country": ["Mali"], "name": ["Ségou"]}, geometry=[box(-7, 12, -4, 15)], crs=4326)
    joined = counts_by_area(sqlite_store, EventFilter(), polygons=shapes).set_index("name")
    assert joined.loc["Segou", "geometry_kind"] == "polygon"
    assert joined.loc["Gao", "geometry_kind"].startswith("none")
