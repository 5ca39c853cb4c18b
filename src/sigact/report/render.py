"""``render(report, fmt, path)``: Markdown, self-contained HTML, or PDF (WeasyPrint) from Jinja2 templates.

Templates live in ``sigact/report/templates`` (``report.html.j2``, ``report.md.j2``, ``report.css``); pass
``template_dir`` to use a restyled copy (files there take precedence, missing ones fall back to the
bundled ones). HTML autoescapes every value; Markdown escapes its special characters with the
``md`` filter. Images: data URIs in HTML/PDF; PNG files beside the Markdown file.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from sigact.report.model import Report
from sigact.report.spec import fmt_date
from sigact.report.wording import num

TEMPLATES = Path(__file__).resolve().parent / "templates"
FORMATS = ("md", "html", "pdf")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def md_escape(value: Any) -> str:
    """Text safe inside Markdown: special characters backslash-escaped, ``<``/``>``/``&`` as entities."""
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)(\d+)\.", r"\1\2\\.", text)  # a leading "1." would start a list
    text = re.sub(r"^(\s*)-", r"\1\\-", text)
    return " ".join(text.split())


def md_url(value: Any) -> str:
    """A URL for a Markdown link target (only http(s); parentheses and spaces percent-encoded)."""
    url = str(value or "")
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def _loader(template_dir: Path | None) -> ChoiceLoader:
    dirs = [str(template_dir)] if template_dir else []
    return ChoiceLoader([FileSystemLoader([*dirs, str(TEMPLATES)])])


def environment(fmt: str, template_dir: Path | None = None) -> Environment:
    """The Jinja2 environment for ``fmt`` (autoescaping for HTML)."""
    env = Environment(
        loader=_loader(template_dir),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=fmt != "md",
                                     default=fmt != "md"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )  # fmt: skip
    env.filters["md"] = md_escape
    env.filters["md_url"] = md_url
    env.filters["date"] = lambda d: fmt_date(d) if d else "date unknown"
    env.filters["num"] = num
    return env


def _css(template_dir: Path | None) -> str:
    for base in ([template_dir] if template_dir else []) + [TEMPLATES]:
        path = Path(base) / "report.css"
        if path.exists():
            return path.read_text(encoding="utf-8")
    return ""


def to_html(report: Report, *, template_dir: Path | None = None, for_pdf: bool = False) -> str:
    """The report as one self-contained HTML page (CSS inline, images as data URIs)."""
    env = environment("html", template_dir)
    images = {f.number: "data:image/png;base64," + base64.b64encode(f.png).decode("ascii") for f in report.figures}
    css = _css(template_dir).replace("</", "<\\/")  # cannot close the <style> element
    return env.get_template("report.html.j2").render(report=report, images=images, css=Markup(css),
                                                     for_pdf=for_pdf)  # fmt: skip


def to_markdown(report: Report, path: Path, *, template_dir: Path | None = None) -> str:
    """The report as Markdown; writes its PNG figures beside ``path`` (``<stem>-figure-N-....png``)."""
    images = {}
    for fig in report.figures:
        img = path.with_name(f"{path.stem}-{fig.name}.png")
        img.write_bytes(fig.png)
        images[fig.number] = img.name
    env = environment("md", template_dir)
    return env.get_template("report.md.j2").render(report=report, images=images)


def to_pdf(report: Report, path: Path, *, template_dir: Path | None = None) -> None:
    """The HTML rendering printed to PDF by WeasyPrint (A4, page numbers)."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = to_html(report, template_dir=template_dir, for_pdf=True)
    offline = URLFetcher(allowed_protocols={"data"})  # only the embedded images; nothing is downloaded
    HTML(string=html, url_fetcher=offline).write_pdf(str(path))


def render(report: Report, fmt: str, path: Path | str, *, template_dir: Path | None = None) -> Path:
    """Write ``report`` to ``path`` as ``md``, ``html`` or ``pdf``; returns the path."""
    path = Path(path)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        path.write_text(to_html(report, template_dir=template_dir), encoding="utf-8")
    elif fmt == "md":
        path.write_text(to_markdown(report, path, template_dir=template_dir), encoding="utf-8")
    else:
        to_pdf(report, path, template_dir=template_dir)
    return path
