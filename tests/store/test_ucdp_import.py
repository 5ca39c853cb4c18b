"""UCDP GED import: the documented mapping onto the Event model."""

from __future__ import annotations

from pathlib import Path

import pytest

from sigact.demo import demo_ucdp_path
from sigact.formats.errors import InputError
from sigact.formats.ucdp import import_ucdp
from sigact.store import Store

HEADER = "id,type_of_violence,side_a,side_b,date_start,date_end,date_prec,where_prec,where_coordinates," \
         "adm_1,adm_2,latitude,longitude,country,best,low,high,source_office,source_headline"


def test_mapping(store: Store, tmp_path: Path) -> None:
    csv = tmp_path / "ged.csv"
    csv.write_text("\n".join([
        HEADER,
        "1,3,JNIM,Civilians,2023-06-10,2023-06-10,1,1,Nouna town,Boucle du Mouhoun region,Kossi province,"
        "12.72,-3.86,Burkina Faso,12,10,15,AFP,Attack on Nouna",
        "2,1,Government of Burkina Faso,IS,2020-03-17,2020-03-20,2,4,Sahel region,Centre Nord region,,"
        "14.74,-0.64,Burkina Faso,3,3,3,UNSG,Clashes",
    ]) + "\n")
    assert import_ucdp(store, csv).inserted == 2
    one = store.get_event("UCDP-1")
    assert one is not None
    assert (one.event_type, one.sub_event_type) == ("Violence against civilians", "Attack")
    assert one.actor2 == "Civilians (Burkina Faso)" and one.inter2 == 7
    assert one.civilian_targeting == "Civilian targeting"
    assert (one.time_precision, one.geo_precision, one.fatalities) == (1, 1, 12)
    assert (one.admin1, one.admin2) == ("Boucle du Mouhoun", "Kossi")
    assert one.source_fields["low"] == "10" and one.source_fields["high"] == "15"
    two = store.get_event("UCDP-2")
    assert two is not None
    assert (two.event_type, two.sub_event_type) == ("Battles", "Armed clash")
    assert two.inter1 == 1 and two.actor1 and "Burkina Faso" in two.actor1
    assert (two.time_precision, two.geo_precision) == (2, 3)
    assert two.admin1 == "Centre-Nord"
    assert import_ucdp(store, csv).inserted == 0


def test_bad_row_is_named(store: Store, tmp_path: Path) -> None:
    csv = tmp_path / "ged.csv"
    csv.write_text(HEADER + "\n1,4,A,B,2023-06-10,2023-06-10,1,1,X,,,12,-3,Burkina Faso,1,1,1,,\n")
    with pytest.raises(InputError, match=r"row 2: column 'type_of_violence': 4 is above 3"):
        import_ucdp(store, csv)
    assert store.count() == 0


def test_bundled_demo_rows_import(sqlite_store: Store) -> None:
    result = import_ucdp(sqlite_store, demo_ucdp_path())
    assert result.inserted == 1504
