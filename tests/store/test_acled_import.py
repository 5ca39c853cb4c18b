"""ACLED import: what a user relies on when loading an ACLED export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select

from sigact.formats.acled import import_acled
from sigact.formats.errors import InputError
from sigact.formats.export import export_events
from sigact.store import Store
from sigact.store.schema import imports

HEADER = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2," \
         "interaction,country,admin1,location,latitude,longitude,geo_precision,notes,fatalities,timestamp"
GOOD_ROWS = [
    "TST1,2019-05-29,2019,1,Battles,Armed clash,Militia A,3,Militia B,3,33,Mali,Mopti,Village X,14.5,-4.1,1,"
    "\"On 29 May 2019, a clash.\",2,1600000000",
    "TST2,2019-05-30,2019,1,Violence against civilians,Attack,Militia A,3,Civilians (Mali),7,37,Mali,Mopti,"
    "Village Y,14.6,-4.2,2,\"Attack; two dead.\",0,1600000000",
]


def write_csv(path: Path, rows: list[str], header: str = HEADER, encoding: str = "utf-8") -> Path:
    path.write_bytes(("\n".join([header, *rows]) + "\n").encode(encoding))
    return path


def state(store: Store) -> tuple[int, int]:
    with store.engine.connect() as conn:
        return store.count(), conn.execute(select(func.count()).select_from(imports)).scalar_one()


def test_import_then_reimport_adds_nothing(store: Store, tmp_path: Path) -> None:
    csv = write_csv(tmp_path / "ok.csv", GOOD_ROWS)
    first = import_acled(store, csv)
    assert (first.rows, first.inserted, first.updated) == (2, 2, 0)
    again = import_acled(store, csv)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    assert store.count() == 2


def test_newer_acled_timestamp_replaces_the_row(store: Store, tmp_path: Path) -> None:
    import_acled(store, write_csv(tmp_path / "v1.csv", GOOD_ROWS))
    revised = GOOD_ROWS[0].replace(",2,1600000000", ",5,1700000000")
    result = import_acled(store, write_csv(tmp_path / "v2.csv", [revised]))
    assert (result.inserted, result.updated) == (0, 1)
    event = store.get_event("TST1")
    assert event is not None and event.fatalities == 5


def test_older_schema_and_long_dates(store: Store, tmp_path: Path) -> None:
    header = "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,actor1," \
             "inter1,actor2,inter2,interaction,country,admin1,location,latitude,longitude,geo_precision,notes," \
             "fatalities,timestamp,iso3"
    rows = ["77,466,OLD1,1,29 May 2018,2018,1,Battle-No change of territory,Militia A,3,Militia B,3,33,Mali,"
            "Mopti,X,14.5,-4.1,1,A clash.,3,1540000000,MLI"]
    import_acled(store, write_csv(tmp_path / "old.csv", rows, header))
    event = store.get_event("OLD1")
    assert event is not None
    assert event.event_date.isoformat() == "2018-05-29"
    assert event.current_event_type == "Battles"
    assert event.sub_event_type is None and event.civilian_targeting is None
    assert event.source_fields["data_id"] == "77" and event.source_fields["iso3"] == "MLI"


BAD_CASES = {
    "missing column": (HEADER.replace("event_date,", ""), None, "event_date", None),
    "unparsable date": (HEADER, ("2019-05-29", "2019-13-45"), "event_date", 2),
    "latitude 999": (HEADER, (",14.5,", ",999,"), "latitude", 2),
    "non-numeric fatalities": (HEADER, (",2,1600000000", ",two,1600000000"), "fatalities", 2),
    "unknown event type": (HEADER, ("Battles", "Batles"), "event_type", 2),
    "sub-event of another type": (HEADER, ("Armed clash", "Attack"), "sub_event_type", 2),
}


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_bad_input_names_row_and_column_and_writes_nothing(store: Store, tmp_path: Path, case: str) -> None:
    header, replace, column, row = BAD_CASES[case]
    import_acled(store, write_csv(tmp_path / "before.csv", GOOD_ROWS[1:]))
    before = state(store)
    rows = [GOOD_ROWS[1], GOOD_ROWS[0].replace(*replace)] if replace else GOOD_ROWS
    if header != HEADER:
        rows = [",".join(r.split(",")[:1] + r.split(",")[2:]) for r in GOOD_ROWS]
    bad = write_csv(tmp_path / "bad.csv", rows[::-1] if replace else rows, header)
    with pytest.raises(InputError) as info:
        import_acled(store, bad)
    message = str(info.value)
    assert str(bad) in message and repr(column) in message
    if row is not None:
        assert f"row {row}" in message
    assert state(store) == before


def test_wrong_encoding_and_empty_files(store: Store, tmp_path: Path) -> None:
    latin = write_csv(tmp_path / "latin1.csv", [GOOD_ROWS[0].replace("Village X", "Ségou")], encoding="latin-1")
    with pytest.raises(InputError, match=r"latin1\.csv: not valid UTF-8 .*line 2"):
        import_acled(store, latin)
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(InputError, match="empty"):
        import_acled(store, empty)
    header_only = write_csv(tmp_path / "header.csv", [])
    with pytest.raises(InputError, match="no records"):
        import_acled(store, header_only)
    assert store.count() == 0


def test_one_bad_row_among_many_leaves_database_untouched(store: Store, tmp_path: Path) -> None:
    rows = [GOOD_ROWS[0].replace("TST1", f"TST{i:04d}") for i in range(3000)]
    rows[2500] = rows[2500].replace(",14.5,", ",-95,")
    with pytest.raises(InputError, match="row 2502"):
        import_acled(store, write_csv(tmp_path / "many.csv", rows))
    assert state(store) == (0, 0)


@pytest.mark.shared
def test_real_acled_file_round_trips_every_column(store: Store, acled_csv: Path, tmp_path: Path) -> None:
    result = import_acled(store, acled_csv)
    source = pd.read_csv(acled_csv, dtype=str, keep_default_na=False)
    assert result.inserted == len(source) == store.count()
    out = tmp_path / "export.csv"
    assert export_events(store, None, "acled", out) == len(source)
    exported = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert set(source.columns) <= set(exported.columns)
    a = source.set_index("event_id_cnty").sort_index()
    b = exported.set_index("event_id_cnty").sort_index()[a.columns]
    for col in a.columns:
        if col in ("latitude", "longitude"):
            assert (pd.to_numeric(a[col]) == pd.to_numeric(b[col])).all(), col
        else:
            differ = a[col] != b[col]
            assert not differ.any(), f"{col}: {a[col][differ].head(3).tolist()} != {b[col][differ].head(3).tolist()}"


@pytest.mark.shared
def test_real_legacy_file_imports(sqlite_store: Store, acled_legacy_csv: Path) -> None:
    result = import_acled(sqlite_store, acled_legacy_csv)
    assert result.inserted == 4053
    niger = sqlite_store.count(__import__("sigact.store.filters", fromlist=["EventFilter"]).EventFilter(
        country=["Niger"]))
    assert niger == 649


def test_bulk_load_rebuilds_indexes_and_stays_atomic(store: Store, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Large imports drop and rebuild the indexes inside their transaction (threshold lowered here)."""
    from sqlalchemy import inspect

    from sigact.store import repository

    monkeypatch.setattr(repository, "BULK_LOAD_THRESHOLD", 1)
    before = {ix["name"] for ix in inspect(store.engine).get_indexes("events")}
    import_acled(store, write_csv(tmp_path / "ok.csv", GOOD_ROWS))
    assert {ix["name"] for ix in inspect(store.engine).get_indexes("events")} == before

    def crash(*_args: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "upsert_columns", crash)
    more = write_csv(tmp_path / "more.csv", [GOOD_ROWS[0].replace("TST1", "TST3")])
    with pytest.raises(RuntimeError):
        import_acled(store, more)  # fails after the indexes were dropped
    assert {ix["name"] for ix in inspect(store.engine).get_indexes("events")} == before
    assert store.count() == 2
