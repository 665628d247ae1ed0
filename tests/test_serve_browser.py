"""``plancompare serve`` in a real browser (headless Chromium through Playwright): the printed
address runs the workspace and takes keys; a page of another site, even one that knows the
token, cannot open the workspace's websocket."""

from __future__ import annotations

import asyncio
import http.server
import os
import signal
import threading
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from tests.test_serve import Served, start_serve

# Debian's Chromium, never a browser build downloaded by `playwright install`.
CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.is_file(),
    reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium "
    "fonts-noto-cjk)",
)


async def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


@pytest.fixture
async def browser() -> AsyncIterator[object]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        await chromium.close()


@pytest.fixture
def served(tmp_path: Path) -> Served:
    server = start_serve(tmp_path / "review.db")
    yield server  # type: ignore[misc]
    os.killpg(server.process.pid, signal.SIGTERM)
    server.process.wait(timeout=20)


async def test_the_printed_address_runs_the_workspace_in_a_browser(
    browser: object, served: Served
) -> None:
    from playwright.async_api import Browser, WebSocket

    assert isinstance(browser, Browser)
    page = await browser.new_page(viewport={"width": 1280, "height": 800})
    drawn = bytearray()

    def on_socket(ws: WebSocket) -> None:
        ws.on("framereceived", lambda data: drawn.extend(data if isinstance(data, bytes) else b""))

    page.on("websocket", on_socket)
    await page.goto(served.url)
    title = await wait_for(lambda: "规划对照".encode() in drawn)
    painted = await page.evaluate("document.body.classList.contains('-first-byte')")
    await page.locator("#terminal").click()
    await page.keyboard.press("4")  # the comments view of an empty review database
    keys = await wait_for(lambda: "还没有意见".encode() in drawn)
    closed = await page.evaluate("document.body.classList.contains('-closed')")
    await page.close()
    assert title and painted
    assert keys  # keys typed in the page reach the workspace
    assert not closed


async def test_a_page_of_another_site_cannot_connect_even_with_the_token(
    browser: object, served: Served
) -> None:
    """The other site is another local service (its own port), so that no protection of the
    browser's own (Chromium's local-network checks for public sites) hides what the server
    does: only the server's Origin check stands between the page and the workspace."""
    from playwright.async_api import Browser

    assert isinstance(browser, Browser)
    socket_url = served.socket_url()  # the attacker even knows the token
    evil = (
        "<!doctype html><script>"
        f"const ws = new WebSocket({socket_url!r} + '?width=80&height=24');"
        "window.outcome = 'pending';"
        "ws.onopen = () => { window.outcome = 'open'; };"
        "ws.onclose = () => { if (window.outcome === 'pending') window.outcome = 'refused'; };"
        "</script>"
    ).encode()

    class EvilPage(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(evil)))
            self.end_headers()
            self.wfile.write(evil)

        def log_message(self, format: str, *args: object) -> None:
            pass

    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EvilPage)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    page = await browser.new_page()
    try:
        await page.goto(f"http://localhost:{site.server_address[1]}/")
        deadline = time.monotonic() + 20
        outcome = "pending"
        while outcome == "pending" and time.monotonic() < deadline:
            outcome = await page.evaluate("window.outcome")
            await asyncio.sleep(0.05)
    finally:
        await page.close()
        site.shutdown()
    assert outcome == "refused"
    assert served.workspaces() == []
