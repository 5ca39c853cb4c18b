"""The dashboard in a real browser (Debian's Chromium driven by Playwright).

Skipped when /usr/bin/chromium or the playwright package is absent, unless SIGACT_REQUIRE_BROWSER=1.
Screenshots go to $SIGACT_SCREENSHOTS (default /tmp/sigact-web-screens).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.conftest import Tokens
from tests.web.demo import EXTRACTED_ID, XSS_ID

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
SHOTS = Path(os.environ.get("SIGACT_SCREENSHOTS", "/tmp/sigact-web-screens"))
WAGNER = "Wagner Group"


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("SIGACT_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        _skip_or_fail(f"{CHROMIUM} is absent (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield b
        finally:
            b.close()


class Page:
    """A dashboard page with what the tests watch: dialogs, page errors, requests leaving the server."""

    def __init__(self, browser: Any, base: str) -> None:
        self.base = base
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.csp: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", self._console)
        self.page.on("request", self._request)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, msg: Any) -> None:
        if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text:
            self.csp.append(msg.text)

    def _request(self, request: Any) -> None:
        if not request.url.startswith((self.base, "data:")):
            self.foreign.append(request.url)

    def open(self) -> Any:
        self.page.goto(self.base + "/")
        self.wait_ready()
        return self.page

    def wait_ready(self) -> None:
        self.page.wait_for_selector("body[data-ready='1']:not(.loading)", state="attached", timeout=20000)

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"))

    def rows(self) -> list[str]:
        return list(self.page.eval_on_selector_all("#events-table tbody tr", "rs => rs.map(r => r.dataset.id)"))

    def close(self) -> None:
        assert not self.errors, self.errors
        assert not self.dialogs, self.dialogs
        assert not self.foreign, f"requests left the server: {self.foreign}"
        assert not self.csp, self.csp
        self.page.close()


@pytest.fixture
def dash(browser: Any, live_server: str) -> Iterator[Page]:
    page = Page(browser, live_server)
    yield page
    page.close()


def _api(base: str, path: str, **params: Any) -> Any:
    return httpx.get(base + path, params=params, timeout=10).json()


def test_dashboard_loads_with_map_timeline_and_table(dash: Page) -> None:
    page = dash.open()
    total = _api(dash.base, "/api/events", limit=1)["total"]
    assert page.locator("#page-info").inner_text().endswith(f"of {total}")
    assert len(dash.rows()) == min(total, 50)
    assert page.locator("#map path.leaflet-interactive, #map svg path").count() > 100  # admin-1 outlines
    assert page.locator(".event-cluster, .leaflet-marker-pane *, path.leaflet-interactive").count() > 0
    assert page.locator("#timeline rect.bar").count() > 10
    dash.shot("01-dashboard")


def test_filter_by_actor_open_event_accept_with_token_see_audit(dash: Page, tokens: Tokens) -> None:
    page = dash.open()
    page.fill("#f-actor", WAGNER)
    page.press("#f-actor", "Enter")
    dash.wait_ready()
    expected = _api(dash.base, "/api/events", actor=WAGNER, limit=1000)
    assert sorted(dash.rows()) == sorted(e["id"] for e in expected["items"])
    for row in page.locator("#events-table tbody tr").all():
        assert WAGNER in row.inner_text()
    dash.shot("02-filtered-by-actor")

    # the extracted event, with its sources, is not a Wagner event: filter for it by actor too
    page.fill("#f-actor", "JNIM: Group for Support of Islam and Muslims")
    page.press("#f-actor", "Enter")
    dash.wait_ready()
    page.click(f"#events-table tr[data-id='{EXTRACTED_ID}']")
    page.wait_for_selector("#panel-title")
    assert "killing three civilians" in page.locator("#panel-mentions").inner_text()
    links = page.locator("#panel-mentions a")
    assert links.count() == 1  # the javascript: URL is shown as text, not as a link
    assert links.first.get_attribute("href") == "https://news.example.org/sahel/djenne-attack"
    assert page.locator("#btn-accept").is_disabled()

    page.fill("#token", tokens.viewer)
    page.click("#token-use")
    page.wait_for_selector("#token-status.warn")
    assert page.locator("#btn-accept").is_disabled()

    page.fill("#token", tokens.analyst)
    page.click("#token-use")
    page.wait_for_selector("#token-status.ok")
    page.fill("#review-comment", "two reports agree")
    page.click("#btn-accept")
    page.wait_for_selector("#panel-audit .audit-entry >> text=accept")
    audit = page.locator("#panel-audit").inner_text()
    assert "api:ana" in audit and "two reports agree" in audit and "reviewed" in audit
    assert page.locator("dd[data-field='status']").inner_text() == "reviewed"
    dash.shot("03-event-accepted")
    stored = _api(dash.base, f"/api/events/{EXTRACTED_ID}")
    assert stored["event"]["status"] == "reviewed"


def test_hostile_text_renders_inert(dash: Page) -> None:
    page = dash.open()
    scripts_before = page.locator("script").count()
    page.fill("#f-actor", "<b>Gunmen</b><script>x()</script>")
    page.press("#f-actor", "Enter")
    dash.wait_ready()
    page.click(f"#events-table tr[data-id='{XSS_ID}']")
    page.wait_for_selector("#panel-notes")
    page.wait_for_timeout(300)
    notes = page.locator("#panel-notes").inner_text()
    assert "<img src=x onerror=alert(1)>" in notes and "<script>" in notes
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("#panel b, #events-table b").count() == 0
    assert page.locator("script").count() == scripts_before
    assert "onerror=alert(2)" in page.locator("#events-table").inner_text()
    dash.shot("04-hostile-text")
    # the dialog / page-error / CSP checks run when the fixture closes the page


def test_brushing_the_timeline_filters_dates(dash: Page) -> None:
    page = dash.open()
    before = _api(dash.base, "/api/events", limit=1)["total"]
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    dash.wait_ready()
    date_from = page.input_value("#f-date-from")
    date_to = page.input_value("#f-date-to")
    assert date_from and date_to and date_from < date_to
    expected = _api(dash.base, "/api/events", date_from=date_from, date_to=date_to, limit=1)["total"]
    assert 0 < expected < before
    assert page.locator("#page-info").inner_text().endswith(f"of {expected}")
    dash.shot("05-brushed")


def test_review_queue_tab(dash: Page) -> None:
    page = dash.open()
    page.click("#tab-queue")
    page.wait_for_selector(f"#queue-table tr[data-id='{EXTRACTED_ID}']")
    assert "low confidence" in page.locator("#queue-table").inner_text()
    page.click(f"#queue-table tr[data-id='{EXTRACTED_ID}']")
    page.wait_for_selector("#panel-title")
    dash.shot("06-queue")
