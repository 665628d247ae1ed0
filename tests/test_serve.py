"""``plancompare serve``: the workspace's page over HTTP, only for the page's own origin and the
token printed at start; workspaces end with their page; no open address or bad port by
mistake."""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from click.testing import Result

from tests.conftest import CORPORA, ROOT

TITLE = "规划对照".encode()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Served:
    """A running ``plancompare serve``."""

    process: subprocess.Popen[bytes]
    port: int
    url: str
    """The address it printed (the token included)."""
    lines: list[str]
    """What it printed on stderr so far."""

    def page(self, url: str | None = None, host: str | None = None) -> tuple[int, str]:
        """Status and body of a GET (of the printed address by default)."""
        request = urllib.request.Request(url or self.url)
        if host is not None:
            request.add_header("Host", host)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8")

    def socket_url(self) -> str:
        status, page = self.page()
        assert status == 200, page
        found = re.search(r'data-session-websocket-url="([^"]+)"', page)
        assert found is not None
        return found.group(1)

    def workspaces(self) -> list[int]:
        """Processes started by the server (the workspaces it runs)."""
        return children(self.process.pid)


def children(pid: int) -> list[int]:
    """Live child processes of ``pid`` (from /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found


def start_serve(db: Path, *args: str) -> Served:
    """Start ``plancompare serve`` and wait for the address it prints."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "plancompare", "--corpus", str(CORPORA)]
    command += ["--db", str(db), "--model", "lexical", "serve", "--port", str(port), *args]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    lines: list[str] = []
    printed = threading.Event()

    def read() -> None:
        assert process.stderr is not None
        for raw in process.stderr:
            lines.append(raw.decode("utf-8", "replace"))
            if "?token=" in lines[-1]:
                printed.set()
        printed.set()

    threading.Thread(target=read, daemon=True).start()
    assert printed.wait(30), "serve printed no address"
    found = re.search(r"(https?://\S+\?token=\S+)", "".join(lines))
    assert found is not None, lines
    served = Served(process, port, found.group(1), lines)
    deadline = time.monotonic() + 30
    while True:  # listening comes right after the line; poll until it answers
        try:
            served.page(f"http://127.0.0.1:{port}/")
            return served
        except (urllib.error.URLError, ConnectionError):
            assert time.monotonic() < deadline, "serve did not answer"
            time.sleep(0.1)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    server = start_serve(tmp_path / "review.db")
    yield server
    os.killpg(server.process.pid, signal.SIGTERM)
    server.process.wait(timeout=20)


async def first_screen(
    url: str, origin: str | None, until: bytes = TITLE, timeout: float = 30.0
) -> str:
    """Open the page's websocket as the browser does (with its Origin) and read what the app
    draws until ``until`` is there (the server starts one workspace per connection)."""
    seen = b""
    deadline = time.monotonic() + timeout
    headers = {"Origin": origin} if origin else {}
    close = aiohttp.ClientWSTimeout(ws_close=2)
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(url + "?width=120&height=40", timeout=close, headers=headers) as ws,
    ):
        while until not in seen and time.monotonic() < deadline:
            try:
                message = await ws.receive(timeout=deadline - time.monotonic())
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
            elif message.type != aiohttp.WSMsgType.TEXT:
                break
    return seen.decode("utf-8", errors="replace")


async def handshake_status(url: str, headers: dict[str, str]) -> int:
    """The HTTP status of a websocket handshake (101 when it is accepted)."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url + "?width=80&height=24", headers=headers) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as e:
            return e.status


def origin_of(served: Served) -> str:
    return f"http://127.0.0.1:{served.port}"


async def test_serve_answers_on_localhost_with_the_app(served: Served) -> None:
    status, page = served.page()
    script = served.page(f"http://127.0.0.1:{served.port}/static/js/textual.js")[1]
    socket_url = served.socket_url()
    drawn = await first_screen(socket_url, origin_of(served))
    assert status == 200
    assert "<title>规划对照</title>" in page and '<html lang="zh-CN">' in page
    assert ">开始</button>" in page and ">重新开始</button>" in page
    assert "js/textual.js" in page
    assert "googleapis" not in page  # the page asks nothing of the internet
    assert "WebSocket" in script
    token = served.url.split("token=", 1)[1]
    assert len(token) >= 32
    assert served.url == f"http://127.0.0.1:{served.port}/?token={token}"
    assert socket_url == f"ws://127.0.0.1:{served.port}/ws/{token}"
    assert "规划对照" in drawn  # the workspace itself, drawn for the browser's terminal
    assert "正在 http://127.0.0.1:" in "".join(served.lines)  # in the interface's language


async def test_a_page_of_another_site_cannot_open_the_workspace(served: Served) -> None:
    """Cross-site WebSocket hijacking: a page on any site, open in the reviewer's browser,
    connects with its own Origin; and a page without one is no browser page of ours."""
    socket_url = served.socket_url()
    evil = await handshake_status(socket_url, {"Origin": "http://evil.example"})
    null = await handshake_status(socket_url, {"Origin": "null"})
    none = await handshake_status(socket_url, {})
    own = await handshake_status(socket_url, {"Origin": origin_of(served)})
    assert (evil, null, none) == (403, 403, 403)
    assert own == 101
    assert served.workspaces() == [] or own == 101  # refused handshakes start nothing


async def test_dns_rebinding_is_refused(served: Served) -> None:
    """A name of the attacker's that resolves to 127.0.0.1 reaches the server with that name
    in Host: neither the page nor the websocket answer to it."""
    rebound = f"evil.example:{served.port}"
    status, body = served.page(host=rebound)
    socket_url = served.socket_url()
    ws = await handshake_status(
        socket_url, {"Host": rebound, "Origin": f"http://evil.example:{served.port}"}
    )
    assert status == 403 and "evil.example" in body
    assert ws == 403


async def test_the_token_is_required(served: Served) -> None:
    base = f"http://127.0.0.1:{served.port}/"
    without = served.page(base)
    wrong = served.page(base + "?token=guess")
    socket_url = served.socket_url()
    bad_socket = socket_url.rsplit("/", 1)[0] + "/guess"
    old_socket = f"ws://127.0.0.1:{served.port}/ws"  # textual-serve's own, unguarded route
    origin = {"Origin": origin_of(served)}
    assert without[0] == 403 and "token" in without[1]
    assert wrong[0] == 403
    assert await handshake_status(bad_socket, origin) == 403
    assert await handshake_status(old_socket, origin) == 404


async def test_the_workspace_ends_when_its_page_goes(served: Served) -> None:
    """A client that vanishes without closing (a crashed tab, a lost network) must not leave
    its workspace running."""
    socket_url = served.socket_url()
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(
            socket_url + "?width=80&height=24", headers={"Origin": origin_of(served)}
        )
        seen = b""
        while TITLE not in seen:
            message = await ws.receive(timeout=30)
            assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT)
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
        running = served.workspaces()
        connection = ws._response.connection
        assert connection is not None and connection.transport is not None
        connection.transport.abort()  # no close frame: the peer is just gone
    deadline = time.monotonic() + 20
    while served.workspaces() and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    assert len(running) == 1
    assert served.workspaces() == []


async def test_an_open_address_is_reached_by_the_name_the_browser_used(tmp_path: Path) -> None:
    """``--public --host 0.0.0.0``: the page sends the browser back to the name it used, never
    to ws://0.0.0.0, which no browser can connect to."""
    server = start_serve(tmp_path / "review.db", "--host", "0.0.0.0", "--public")
    try:
        token = server.url.split("token=", 1)[1]
        status, page = server.page(f"http://127.0.0.1:{server.port}/?token={token}")
        warning = "".join(server.lines)
    finally:
        os.killpg(server.process.pid, signal.SIGTERM)
        server.process.wait(timeout=20)
    assert status == 200
    assert f'data-session-websocket-url="ws://127.0.0.1:{server.port}/ws/{token}"' in page
    assert "0.0.0.0" not in server.url
    assert "警告" in warning


async def test_behind_a_proxy_the_page_names_the_proxy(tmp_path: Path) -> None:
    server = start_serve(tmp_path / "review.db", "--public-url", "https://plans.example.org/")
    try:
        token = server.url.split("token=", 1)[1]
        status, page = server.page(f"http://127.0.0.1:{server.port}/?token={token}")
        proxied = await handshake_status(
            f"ws://127.0.0.1:{server.port}/ws/{token}",
            {"Origin": "https://plans.example.org", "Host": "plans.example.org"},
        )
    finally:
        os.killpg(server.process.pid, signal.SIGTERM)
        server.process.wait(timeout=20)
    assert server.url == f"https://plans.example.org/?token={token}"
    assert status == 200
    assert f'data-session-websocket-url="wss://plans.example.org/ws/{token}"' in page
    assert proxied == 101


def test_serve_refuses_an_open_address_without_public(cli: Callable[..., Result]) -> None:
    result = cli("--lang", "en", "serve", "--host", "0.0.0.0")
    chinese = cli("serve", "--host", "0.0.0.0")
    assert result.exit_code == 2 and chinese.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert "0.0.0.0" in lines[0] and "no authentication" in lines[0] and "--public" in lines[0]
    assert chinese.output.strip().splitlines()[0].endswith("确需如此请加 --public")


@pytest.mark.parametrize("port", ["99999", "-1", "0", "http"])
def test_a_bad_port_is_one_line(cli: Callable[..., Result], port: str) -> None:
    result = cli("--lang", "en", "serve", "--port", port)
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2
    assert len(lines) == 1 and port in lines[0] and "1 to 65535" in lines[0]


def test_a_bad_public_url_is_one_line(cli: Callable[..., Result]) -> None:
    result = cli("--lang", "en", "serve", "--public-url", "plans.example.org")
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2
    assert len(lines) == 1 and "--public-url" in lines[0]


def test_serve_help_says_what_protects_it(cli: Callable[..., Result]) -> None:
    result = cli("serve", "--help")
    assert "no authentication" in result.output
    assert "token" in result.output
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
        f"plancompare：错误：端口 {port} 已被占用；请用 --port 换一个端口"
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


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


async def test_a_workspace_that_does_not_quit_is_ended(tmp_path: Path) -> None:
    """A workspace busy in a worker does not quit when asked; once its page is gone it is
    terminated all the same (textual-serve waits for it forever)."""
    from aiohttp import web

    from plancompare.cli.tui import offline_page
    from plancompare.tui.web_server import GuardedServer, address

    pid_file = tmp_path / "pid"
    program = (
        "import os, sys, time; open(sys.argv[1], 'w').write(str(os.getpid())); "
        "print('__GANGLION__', flush=True); time.sleep(600)"
    )
    command = "exec " + shlex.join([sys.executable, "-c", program, str(pid_file)])
    port = free_port()
    offline_page(tmp_path, "en")
    server = GuardedServer(command, address("127.0.0.1", port, None), "token", "t", tmp_path)
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        async with aiohttp.ClientSession() as session:
            ws = await session.ws_connect(
                f"ws://127.0.0.1:{port}/ws/token?width=80&height=24",
                headers={"Origin": f"http://127.0.0.1:{port}"},
            )
            deadline = time.monotonic() + 20
            while not pid_file.is_file() or not pid_file.read_text():
                assert time.monotonic() < deadline, "the workspace did not start"
                await asyncio.sleep(0.05)
            pid = int(pid_file.read_text())
            started = _alive(pid)
            await ws.close()
        deadline = time.monotonic() + 20
        while _alive(pid) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        assert started
        assert not _alive(pid)
    finally:
        await runner.cleanup()
