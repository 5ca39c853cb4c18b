"""``sigact report`` on the synthetic store: formats from the suffix, options, errors, restyled templates."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sigact.cli import app
from sigact.store import Store

runner = CliRunner()


def _db(store: Store) -> str:
    return str(store.engine.url)


def test_report_command_writes_each_format(report_store: Store, tmp_path: Path) -> None:
    for name in ("r.html", "r.md"):
        out = tmp_path / name
        result = runner.invoke(app, ["report", "--country", "Mali", "--from", "2024-03-01", "--to", "2024-03-31",
                                     "-o", str(out), "--db", _db(report_store)])  # fmt: skip
        assert result.exit_code == 0, result.output
        assert out.is_file() and "10 events" in result.output
    assert (tmp_path / "r-figure-1-timeline.png").is_file()


def test_report_command_rejects_bad_input(report_store: Store, tmp_path: Path) -> None:
    base = ["report", "--country", "Mali", "--from", "2024-03-01", "--db", _db(report_store)]
    bad_format = runner.invoke(app, [*base, "--to", "2024-03-31", "-o", str(tmp_path / "r.docx")])
    assert bad_format.exit_code != 0
    backwards = runner.invoke(app, [*base, "--to", "2024-02-01", "-o", str(tmp_path / "r.html")])
    assert backwards.exit_code != 0 and not (tmp_path / "r.html").exists()
    bad_compare = runner.invoke(app, [*base, "--to", "2024-03-31", "--compare-to", "yesterday",
                                      "-o", str(tmp_path / "r.html")])  # fmt: skip
    assert bad_compare.exit_code != 0


def test_template_dir_restyles_without_code(report_store: Store, tmp_path: Path) -> None:
    styles = tmp_path / "style"
    styles.mkdir()
    (styles / "report.css").write_text("body { color: rebeccapurple; }")
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--country", "Mali", "--from", "2024-03-01", "--to", "2024-03-31",
                                 "--compare-to", "none", "--title", "Weekly brief", "-o", str(out),
                                 "--template-dir", str(styles), "--db", _db(report_store)])  # fmt: skip
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "rebeccapurple" in html and "Weekly brief" in html and "Key takeaway" in html
