"""The analyst's figures on the real ACLED file, reproduced with sigact (CLI and API) and,
independently, with plain pandas on the same CSV. Skipped when ../shared/data is absent."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from sigact.analyze import aggregate as agg
from sigact.analyze.escalation import escalation
from sigact.cli import app
from sigact.formats.acled import import_acled
from sigact.store import Store, open_store
from sigact.store.filters import EventFilter, actor_names

PV_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
JNIM = "JNIM: Group for Support of Islam and Muslims"
IED = "Remote explosive/landmine/IED"


@pytest.fixture(scope="module")
def db(acled_csv: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Store]:
    url = f"sqlite:///{tmp_path_factory.mktemp('acled') / 'sigact.db'}"
    store = open_store(url)
    import_acled(store, acled_csv)
    return url, store


@pytest.fixture(scope="module")
def frame(acled_csv: Path) -> pd.DataFrame:
    df = pd.read_csv(acled_csv, dtype=str, keep_default_na=False)
    df["event_date"] = pd.to_datetime(df["event_date"])
    return df


def names_match(value: str, names: set[str]) -> bool:
    """Plain-Python version of 'this actor cell names one of these actors' (ACLED variants, lists)."""
    for name in (v.strip() for v in value.split(";")):
        if not name or " and/or " in name:
            continue
        if any(name == n or name.startswith(n + " (") or name.startswith(n + ":") for n in names):
            return True
    return False


def involving(df: pd.DataFrame, names: set[str], cols: tuple[str, ...] = ("actor1", "assoc_actor_1", "actor2",
                                                                            "assoc_actor_2")) -> pd.Series:
    hit = pd.Series(False, index=df.index)
    for col in cols:
        hit |= df[col].map(lambda v: names_match(v, names))
    return hit


def cli_json(url: str, *args: str) -> dict:
    result = CliRunner().invoke(app, ["stats", *args, "--db", url, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def between(df: pd.DataFrame, a: str, b: str) -> pd.Series:
    return (df["event_date"] >= pd.Timestamp(a)) & (df["event_date"] <= pd.Timestamp(b))


def test_jnim_events_per_week_in_mopti_2019_h1_vs_h2(db: tuple[str, Store], frame: pd.DataFrame) -> None:
    url, store = db
    # pandas: JNIM proper (no sub-groups), either side, Mopti; rate = events / (days / 7)
    jnim = frame[involving(frame, {JNIM}) & (frame["admin1"] == "Mopti")]
    h1 = between(jnim, "2019-01-01", "2019-06-30").sum() / (181 / 7)
    h2 = between(jnim, "2019-07-01", "2019-12-31").sum() / (184 / 7)
    out = cli_json(url, "compare", "--actor", "JNIM", "--no-subgroups", "--admin1", "Mopti",
                   "--period", "2019H1", "--period", "2019H2", "--per", "week")
    row = out["rows"][0]
    assert row["rate_1"] == pytest.approx(h1)
    assert row["rate_2"] == pytest.approx(h2)
    assert "Saturday to Friday" in out["convention"]
    assert h1 > h2  # the figure the analyst reports: a slower pace in the second half
    # with sub-groups (registry expansion), the API agrees with pandas on the expanded name list
    names = set(actor_names("JNIM"))
    wide = frame[involving(frame, names) & (frame["admin1"] == "Mopti")]
    api = agg.compare(store, EventFilter(actor=["JNIM"], admin1=["Mopti"]),
                      [("2019-01-01", "2019-06-30"), ("2019-07-01", "2019-12-31")], per="week")
    assert api.loc[0, "events_1"] == between(wide, "2019-01-01", "2019-06-30").sum()
    assert api.loc[0, "events_2"] == between(wide, "2019-07-01", "2019-12-31").sum()


def test_weekly_series_uses_acled_weeks(db: tuple[str, Store], frame: pd.DataFrame) -> None:
    url, store = db
    jnim = frame[involving(frame, {JNIM}) & (frame["admin1"] == "Mopti") & between(frame, "2019-01-01", "2019-06-30")]
    expected = jnim.groupby(jnim["event_date"].dt.to_period("W-FRI").dt.start_time).size()
    got = agg.counts(store, EventFilter(actor=["JNIM"], actor_subgroups=False, admin1=["Mopti"],
                                        date_from=dt.date(2019, 1, 1), date_to=dt.date(2019, 6, 30)), per="week")
    assert (got["period"].dt.day_of_week == 5).all()  # every bucket starts on a Saturday
    series = got.set_index("period")["events"]
    assert series[series > 0].to_dict() == expected.to_dict()
    assert int(series.sum()) == len(jnim)


def test_share_of_burkina_political_violence_in_sahel_2019(db: tuple[str, Store], frame: pd.DataFrame) -> None:
    url, _ = db
    bf = frame[(frame["country"] == "Burkina Faso") & frame["event_type"].isin(PV_TYPES)
               & between(frame, "2019-01-01", "2019-12-31")]
    expected = (bf["admin1"] == "Sahel").mean()
    out = cli_json(url, "share", "--by", "admin1", "--country", "Burkina Faso", "--disorder-type",
                   "Political violence", "--period-range", "2019")
    sahel = next(r for r in out["rows"] if r["admin1"] == "Sahel")
    assert sahel["share"] == pytest.approx(expected)
    assert sahel["total"] == len(bf)
    assert sum(r["events"] for r in out["rows"]) == len(bf)


def _mali_military_monthly(frame: pd.DataFrame, drop_jnim_ied: bool) -> pd.DataFrame:
    df = frame[involving(frame, {"Military Forces of Mali"})]
    if drop_jnim_ied:
        jnim_ied = (df["sub_event_type"] == IED) & involving(df, {JNIM}, ("actor1", "assoc_actor_1"))
        df = df[~jnim_ied]
    a = df[between(df, "2019-01-01", "2019-07-31")].groupby("admin1").size() / 7
    b = df[between(df, "2019-08-01", "2019-12-31")].groupby("admin1").size() / 5
    return pd.DataFrame({"rate_1": a, "rate_2": b}).fillna(0.0)


@pytest.mark.parametrize("drop_jnim_ied", [False, True])
def test_mali_military_average_monthly_events_per_admin1(db: tuple[str, Store], frame: pd.DataFrame,
                                                         drop_jnim_ied: bool) -> None:
    url, _ = db
    expected = _mali_military_monthly(frame, drop_jnim_ied)
    args = ["compare", "--actor", "Military Forces of Mali", "--by", "admin1",
            "--period", "2019-01-01:2019-07-31", "--period", "2019-08-01:2019-12-31", "--per", "month"]
    if drop_jnim_ied:
        args += ["--without", f"sub_event_type={IED} & actor1=JNIM & subgroups=no"]
    out = cli_json(url, *args)
    got = {r["admin1"]: (r["rate_1"], r["rate_2"]) for r in out["rows"]}
    assert set(got) == set(expected.index)
    for admin1, row in expected.iterrows():
        assert got[admin1] == pytest.approx((row["rate_1"], row["rate_2"]))
    if drop_jnim_ied:
        with_ied = _mali_military_monthly(frame, False)
        assert (with_ied.loc["Mopti"] >= expected.loc["Mopti"]).all()


def test_escalation_flags_burkina_surge(db: tuple[str, Store]) -> None:
    _, store = db
    flt = EventFilter(disorder_type=["Political violence"], date_from=dt.date(2016, 1, 1),
                      date_to=dt.date(2020, 10, 31))
    flags = escalation(store, flt, by=["country"], per="month", window=3, baseline=12)
    bf = flags[flags["country"] == "Burkina Faso"]
    ends = set(bf["window_end"].dt.strftime("%Y-%m"))
    # the late-2018 take-off and the windows reaching into 2019 are flagged
    assert "2018-11" in ends
    assert any(e.startswith("2019-") for e in ends)
    assert (bf["ratio"] >= 1.5).all() and (bf["q_value"] < 0.05).all()


def test_escalation_flags_mopti_early_2019_fatalities(db: tuple[str, Store]) -> None:
    _, store = db
    flt = EventFilter(admin1=["Mopti"], disorder_type=["Political violence"], date_from=dt.date(2016, 1, 1),
                      date_to=dt.date(2020, 10, 31))
    flags = escalation(store, flt, by=["admin1"], per="month", window=1, baseline=12, metric="fatalities")
    months = set(flags["window_end"].dt.strftime("%Y-%m"))
    assert "2019-03" in months
