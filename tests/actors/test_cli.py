"""``sigact actors`` commands and the sync into the store's actors table."""

from __future__ import annotations

import json

from sqlalchemy import select
from typer.testing import CliRunner

from sigact.actors import Registry
from sigact.actors.sync import sync_actors
from sigact.cli import app
from sigact.store import Store
from sigact.store.schema import actors as actors_table

runner = CliRunner()
JNIM = "JNIM: Group for Support of Islam and Muslims"


def test_list_filters_by_country_and_type() -> None:
    result = runner.invoke(app, ["actors", "list", "--country", "Niger", "--inter", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(r["country"] == "Niger" and r["inter"] == 1 for r in rows)
    assert "Military Forces of Niger (2023-)" in {r["name"] for r in rows}


def test_show_resolves_any_spelling() -> None:
    result = runner.invoke(app, ["actors", "show", "Jama'at Nusrat al-Islam wal Muslimeen", "--format", "json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["name"] == JNIM and info["inter"] == 2
    assert "Katiba Macina" in info["expands_to"] and "GSIM" in info["aliases"]
    result = runner.invoke(app, ["actors", "show", "EIGS", "--date", "2023-05-01"])
    assert result.exit_code == 0 and "Islamic State Sahel Province" in result.stdout


def test_show_unknown_name_fails() -> None:
    result = runner.invoke(app, ["actors", "show", "Nobody At All"])
    assert result.exit_code == 1


def test_show_bad_date_fails() -> None:
    result = runner.invoke(app, ["actors", "show", "JNIM", "--date", "yesterday"])
    assert result.exit_code == 1


def test_resolve_prints_mentions() -> None:
    text = "Suspected JNIM militants attacked a FAMa post; two soldiers and three civilians were killed."
    result = runner.invoke(app, ["actors", "resolve", text, "--date", "2019-04-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    mentions = json.loads(result.stdout)
    assert [(m["canonical"], m["kind"]) for m in mentions] == [
        (JNIM, "named"),
        ("Military Forces of Mali (2013-2020)", "named"),
        (None, "state_military"),
        (None, "civilians"),
    ]
    assert mentions[0]["qualifier"] == "suspected"
    assert text[mentions[1]["start"] : mentions[1]["end"]] == "FAMa"


def test_resolve_reads_stdin_and_prints_a_table() -> None:
    result = runner.invoke(app, ["actors", "resolve", "-"], input="Des hommes armés ont attaqué Dan Na Ambassagou.")
    assert result.exit_code == 0, result.output
    assert "Ambassagou" in result.stdout and "armed_generic" in result.stdout


def test_show_prints_names_verbatim() -> None:
    # ACLED names hold brackets ("(2013-2020)"): printed as text, never as console markup
    result = runner.invoke(app, ["actors", "show", "Malian army", "--date", "2016-01-01"])
    assert result.exit_code == 0, result.output
    assert "Military Forces of Mali (2013-2020)" in result.stdout


def test_sync_writes_the_registry(store: Store) -> None:
    reg = Registry.default()
    assert sync_actors(store) == len(reg)
    with store.engine.connect() as conn:
        rows = {r.name: r for r in conn.execute(select(actors_table))}
    assert len(rows) == len(reg)
    macina = rows["Katiba Macina"]
    assert macina.parent == JNIM and macina.inter == 2 and macina.country == "Mali" and macina.origin == "registry"
    assert "Macina Liberation Front" in macina.aliases
    assert rows[JNIM].country is None and "GSIM" in rows[JNIM].aliases


def test_sync_is_repeatable_and_keeps_user_rows(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute(
            actors_table.insert(),
            [
                {
                    "name": "My Local Militia",
                    "inter": 4,
                    "country": "Mali",
                    "parent": None,
                    "aliases": ["MLM"],
                    "origin": "user",
                },
                {
                    "name": "Katiba Macina",
                    "inter": 2,
                    "country": "Mali",
                    "parent": None,
                    "aliases": ["mine"],
                    "origin": "user",
                },
            ],
        )
    first = sync_actors(store)
    second = sync_actors(store)
    assert first == second == len(Registry.default()) - 1
    with store.engine.connect() as conn:
        rows = {r.name: r for r in conn.execute(select(actors_table))}
    assert rows["My Local Militia"].origin == "user"
    assert rows["Katiba Macina"].aliases == ["mine"]


def test_sync_command(sqlite_url: str) -> None:
    result = runner.invoke(app, ["actors", "sync", "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert f"{len(Registry.default())} actors written" in result.stdout


def test_check_accepts_the_bundled_registry() -> None:
    result = runner.invoke(app, ["actors", "check"])
    assert result.exit_code == 0, result.output
    assert "0 problems" in result.stdout


def test_check_reports_an_alias_taken_by_another_actor(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n  - {name: 'Front X', inter: 2, country: Mali, aliases: [JNIM]}\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "check", str(extra)])
    assert result.exit_code == 1
    assert "'jnim' is shared by" in result.stdout and "'Front X'" in result.stdout


def test_extra_data_files_add_actors(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "actors:\n  - {name: 'Katiba Test', inter: 2, country: Mali, parent: JNIM, aliases: [Katibat Test]}\n",
        encoding="utf-8",
    )
    reg = Registry.from_path(None, extra=[extra])
    assert reg.canonical("katibat test") == "Katiba Test"
    assert "Katiba Test" in reg.expand("JNIM")
    assert reg.canonical("GSIM") == JNIM  # the bundled data are still there
