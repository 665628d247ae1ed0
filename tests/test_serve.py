"""``plancompare serve``: the workspace's page over HTTP on localhost, and no open address by
mistake."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.conftest import CORPORA, ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str, timeout: float = 20.0) -> str:
    """The page at ``url``, asked for again until the server answers."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                body: bytes = response.read()
                return body.decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


async def first_screen(url: str, timeout: float = 30.0) -> str:
    """Open the page's websocket as the browser does and read what the app draws until its
    title is there (the server starts one workspace per connection)."""
    import aiohttp

    seen = b""
    deadline = time.monotonic() + timeout
    close = aiohttp.ClientWSTimeout(ws_close=2)
    async with aiohttp.ClientSession() as session, session.ws_connect(url, timeout=close) as ws:
        while "规划对照".encode() not in seen and time.monotonic() < deadline:
            try:
                message = await ws.receive(timeout=deadline - time.monotonic())
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
            elif message.type != aiohttp.WSMsgType.TEXT:
                break
    return seen.decode("utf-8", errors="replace")


async def test_serve_answers_on_localhost_with_the_app(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "plancompare", "--corpus", str(CORPORA)]
    command += ["--db", str(tmp_path / "review.db"), "--model", "lexical"]
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        page = await asyncio.to_thread(fetch, f"http://127.0.0.1:{port}/")
        script = await asyncio.to_thread(fetch, f"http://127.0.0.1:{port}/static/js/textual.js")
        socket_url = re.search(r'data-session-websocket-url="([^"]+)"', page)
        assert socket_url is not None
        drawn = await first_screen(socket_url.group(1) + "?width=120&height=40")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        _, err = server.communicate(timeout=10)
    assert "<title>规划对照</title>" in page and '<html lang="zh-CN">' in page
    assert ">开始</button>" in page and ">重新开始</button>" in page
    assert "js/textual.js" in page
    assert "googleapis" not in page  # the page asks nothing of the internet
    assert "WebSocket" in script
    assert socket_url.group(1) == f"ws://127.0.0.1:{port}/ws"
    assert "规划对照" in drawn  # the workspace itself, drawn for the browser's terminal
    assert f"正在 http://127.0.0.1:{port} 提供服务" in err.decode("utf-8")


def test_serve_refuses_an_open_address_without_public(cli: Callable[..., Result]) -> None:
    result = cli("serve", "--host", "0.0.0.0")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "0.0.0.0" in lines[0] and "no authentication" in lines[0] and "--public" in lines[0]


def test_serve_help_says_there_is_no_authentication(cli: Callable[..., Result]) -> None:
    result = cli("serve", "--help")
    assert "no authentication" in result.output
    assert "127.0.0.1" in result.output


def test_a_busy_port_is_one_line_and_exit_2(cli: Callable[..., Result]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", "--port", str(port))
        english = cli("--lang", "en", "serve", "--port", str(port))
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"plancompare: error: 端口 {port} 已被占用；请用 --port 换一个端口"
    ]
    assert english.output.strip() == (
        f"plancompare: error: port {port} is in use; choose another with --port"
    )


def test_the_page_follows_the_language(tmp_path: Path) -> None:
    from plancompare.cli.tui import offline_page

    page = offline_page(tmp_path, "en").read_text(encoding="utf-8")
    assert "<title>Plan compare</title>" in page and '<html lang="en">' in page
    assert ">Start</button>" in page and "Session ended" in page
    page = offline_page(tmp_path, "zh").read_text(encoding="utf-8")
    assert ">开始</button>" in page and ">会话已结束</div>" in page and "Restart" not in page
