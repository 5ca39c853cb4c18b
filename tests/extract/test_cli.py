"""The ``sigact extract`` contract: formats, no output without events, --published, --jsonl from stdin."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from sigact.cli import app
from sigact.cli.extract import OUTPUT_FIELDS

runner = CliRunner()
REPORT = (
    "On Tuesday, September 17, JNIM militants attacked a gendarmerie school in Bamako, killing at least 70 people.\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_jsonl_output_has_exactly_the_contract_fields(tmp_path: Path) -> None:
    f = _write(tmp_path, "report.txt", REPORT)
    result = runner.invoke(app, ["extract", str(f), "--published", "2024-09-20"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    assert len(lines) == 1
    rec = lines[0]
    assert list(rec) == list(OUTPUT_FIELDS)
    assert rec["doc_id"] == "report.txt"
    assert rec["event_date"] == "2024-09-17"
    assert rec["actor1"] == "JNIM: Group for Support of Islam and Muslims"
    assert rec["location"] == "Bamako" and rec["country"] == "Mali"
    assert rec["fatalities"] == 70
    assert rec["evidence"] == REPORT.strip()
    assert 0 < rec["confidence"] <= 1


def test_published_option_overrides_the_document_date(tmp_path: Path) -> None:
    f = _write(tmp_path, "r.txt", "December 15, 2023\n\nOn Sunday, gunmen killed four civilians in Djibo.\n")
    stated = json.loads(runner.invoke(app, ["extract", str(f)]).stdout.splitlines()[0])
    assert stated["event_date"] == "2023-12-10"  # the Sunday before Friday 15 December 2023
    over = json.loads(runner.invoke(app, ["extract", str(f), "--published", "2024-01-10"]).stdout.splitlines()[0])
    assert over["event_date"] == "2024-01-07"


def test_no_event_means_no_output_and_exit_zero(tmp_path: Path) -> None:
    f = _write(tmp_path, "calm.txt", "The rainy season started early in Mopti this year.\n")
    for fmt in ("jsonl", "csv", "table"):
        result = runner.invoke(app, ["extract", str(f), "--format", fmt])
        assert result.exit_code == 0
        assert result.stdout == ""


def test_csv_output(tmp_path: Path) -> None:
    f = _write(tmp_path, "report.txt", REPORT)
    result = runner.invoke(app, ["extract", str(f), "--published", "2024-09-20", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    assert tuple(rows[0]) == OUTPUT_FIELDS
    assert rows[0]["fatalities"] == "70"


def test_table_output(tmp_path: Path) -> None:
    f = _write(tmp_path, "report.txt", REPORT)
    result = runner.invoke(app, ["extract", str(f), "--published", "2024-09-20", "--format", "table"])
    assert result.exit_code == 0
    assert "report.txt" in result.stdout and "Bamako" in result.stdout


def test_jsonl_records_from_stdin() -> None:
    records = [
        {"id": "a", "text": "On 8 January 2020, unknown gunmen killed a trader in Tassirist (Menaka).",
         "published": "2020-01-10"},
        {"id": "b", "text": "Nothing happened in Gao today."},
    ]  # fmt: skip
    stdin = "\n".join(json.dumps(r) for r in records) + "\n"
    result = runner.invoke(app, ["extract", "--jsonl", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [r["doc_id"] for r in out] == ["a"]
    assert out[0]["event_date"] == "2020-01-08"
    assert out[0]["actor1"] == "Unidentified Armed Group (Mali)"


def test_html_file(tmp_path: Path) -> None:
    html = f"<html><body><article><h1>Attack</h1><p>{REPORT}</p></article></body></html>"
    f = _write(tmp_path, "page.html", html)
    result = runner.invoke(app, ["extract", str(f), "--published", "2024-09-20"])
    assert result.exit_code == 0
    assert json.loads(result.stdout.splitlines()[0])["location"] == "Bamako"


def test_bad_published_value_fails(tmp_path: Path) -> None:
    f = _write(tmp_path, "report.txt", REPORT)
    result = runner.invoke(app, ["extract", str(f), "--published", "17/09/2024"])
    assert result.exit_code != 0
