"""The workspace served to a browser: textual-serve with a per-run token, an Origin and Host
check, and workspace processes that end when their page goes.

textual-serve starts one workspace process per websocket and checks nothing: any page the
reviewer has open (on any site, or a DNS-rebound name) could open the websocket, read the
plans and type keys. Here every request must name a host this server answers to (DNS
rebinding), the page and the websocket must carry the token printed at start (as Jupyter
does), and the websocket is refused unless its Origin is the page's own.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import logging
import secrets
import signal
import socket
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from plancompare.errors import PlanError
from plancompare.i18n import t

log = logging.getLogger("plancompare.serve")

#: How long a workspace may take to quit by itself once its page is gone (seconds).
QUIT_GRACE = 3.0
#: … and after SIGTERM, before it is killed.
TERM_GRACE = 3.0

_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def new_token() -> str:
    """A random token for one run of the server (URL-safe, 256 bits)."""
    return secrets.token_urlsafe(32)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine only (127.0.0.1, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_unspecified(host: str) -> bool:
    """Whether ``host`` means every address of the machine (0.0.0.0, ::)."""
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def _netloc(host: str, port: int) -> str:
    name = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return name if port == 80 else f"{name}:{port}"


def check_port(value: str) -> int:
    """A TCP port from the command line: a whole number from 1 to 65535."""
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise PlanError(None, "serve_bad_port", port=value)
    return port


def check_public_url(value: str) -> str:
    """``--public-url``: an http(s) address with a host, without a trailing slash."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PlanError(None, "serve_bad_public_url", url=value)
    return value.rstrip("/")


@dataclass(frozen=True, slots=True)
class Address:
    """Where the server listens and the names a browser may use to reach it."""

    host: str
    """The address listened on."""
    port: int
    """The port listened on."""
    public_url: str
    """The address printed and, when given by ``--public-url``, put in the page."""
    explicit_public_url: bool
    """Whether ``public_url`` came from ``--public-url`` (a proxy in front)."""
    hosts: frozenset[str]
    """Host header values accepted (``name:port``, lower case)."""
    origins: frozenset[str]
    """Origin header values accepted for the websocket."""


def address(
    host: str, port: int, public_url: str | None, machine_names: Iterable[str] = ()
) -> Address:
    """The names this server answers to.

    A loopback address answers to every loopback name; an unspecified one (0.0.0.0) also to
    the machine's own names (``machine_names``: its host name and addresses), and is printed
    under the machine's name, never as 0.0.0.0, which no browser can connect to. A
    ``--public-url`` (a proxy) adds its host and origin.
    """
    machine = [n for n in machine_names if n]
    names = {host.strip("[]").lower()}
    if is_loopback(host) or is_unspecified(host):
        names.update(_LOOPBACK_NAMES)
    if is_unspecified(host):
        names.update(n.lower() for n in machine)
    hosts = {_netloc(n, port) for n in names}
    origins = {f"http://{h}" for h in hosts}
    if public_url is None:
        shown = (machine or ["localhost"])[0] if is_unspecified(host) else host
        url = f"http://{_netloc(shown, port)}"
    else:
        url = public_url
        parts = urlsplit(public_url)
        hosts.add(parts.netloc.lower())
        origins.add(f"{parts.scheme}://{parts.netloc}".lower())
    return Address(host, port, url, public_url is not None, frozenset(hosts), frozenset(origins))


def machine_names() -> list[str]:
    """This machine's fully qualified name first, then its other names and addresses."""
    names = [socket.getfqdn(), socket.gethostname()]
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None)
    except OSError:
        infos = []
    names.extend(str(info[4][0]) for info in infos)
    return list(dict.fromkeys(n for n in names if n))


async def end_workspace(service: AppService) -> None:
    """Make sure a workspace process ends: asked to quit, then terminated, then killed."""
    process = service._process  # textual-serve keeps no public handle on it
    with contextlib.suppress(TimeoutError, ConnectionError, RuntimeError):
        await asyncio.wait_for(service.stop(), QUIT_GRACE)
    if process is None or process.returncode is not None:
        return
    process.terminate()
    try:
        await asyncio.wait_for(process.wait(), TERM_GRACE)
    except TimeoutError:
        process.kill()
        await process.wait()


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class GuardedServer(Server):
    """textual-serve's server with the checks this module's docstring describes."""

    def __init__(
        self,
        command: str,
        where: Address,
        token: str,
        title: str,
        templates_path: Path,
        lang: str = "en",
    ) -> None:
        super().__init__(
            command,
            host=where.host,
            port=where.port,
            title=title,
            public_url=where.public_url,
            templates_path=templates_path,
        )
        self.where = where
        self.token = token
        self.lang = lang
        """The language of its messages."""

    def page_url(self) -> str:
        """The address to open, token included."""
        return f"{self.where.public_url}/?token={self.token}"

    # --- checks ------------------------------------------------------------------------

    async def _check_host(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.host.lower() not in self.where.hosts:
            raise web.HTTPForbidden(text=t("serve_forbidden_host", self.lang, host=request.host))
        return await handler(request)

    def _check_token(self, given: str | None) -> None:
        if given is None or not secrets.compare_digest(given, self.token):
            raise web.HTTPForbidden(text=t("serve_forbidden_token", self.lang))

    def _check_origin(self, request: web.Request) -> None:
        origin = request.headers.get("Origin", "")
        if origin.lower() not in self.where.origins:
            raise web.HTTPForbidden(text=t("serve_forbidden_origin", self.lang, origin=origin))

    # --- routes ------------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        @web.middleware
        async def check_host(request: web.Request, handler: Handler) -> web.StreamResponse:
            return await self._check_host(request, handler)

        app = web.Application(middlewares=[check_host])
        aiohttp_jinja2.setup(app, loader=_loader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        return app

    def _base_url(self, request: web.Request) -> str:
        # Behind a proxy the page names the proxy; otherwise the host the browser used (it
        # passed the Host check), so that a server on 0.0.0.0 is reached as it was reached.
        if self.where.explicit_public_url:
            return self.where.public_url
        return f"http://{request.host}"

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, for a request that carries the token."""
        self._check_token(request.query.get("token"))
        base = self._base_url(request)
        scheme, rest = base.split(":", 1)
        socket_url = f"{'wss' if scheme == 'https' else 'ws'}:{rest}/ws/{self.token}"
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": socket_url,
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        # The page carries the token: no caching, no Referer to other sites.
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One workspace for one page of this server's own origin; it ends with the page."""
        self._check_token(request.match_info.get("token"))
        self._check_origin(request)
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,  # type: ignore[arg-type]  # as textual-serve does
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:
            log.exception("workspace session failed")
        finally:
            if service is not None:
                await end_workspace(service)
        return websocket

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: ``serve`` prints its own line (textual-serve's banner names no token)."""

    def listen(self) -> socket.socket:
        """The listening socket; a busy, forbidden or unknown address is a one-line error."""
        try:
            return socket.create_server(
                (self.where.host, self.where.port),
                family=socket.AF_INET6 if ":" in self.where.host else socket.AF_INET,
            )
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                raise PlanError(None, "cli_port_busy", port=self.where.port) from None
            raise PlanError(
                f"{self.where.host}:{self.where.port}",
                "serve_cannot_listen",
                reason=e.strerror or str(e),
            ) from None

    def run(self, listening: socket.socket) -> None:
        """Serve on ``listening`` until SIGINT or SIGTERM."""
        loop = asyncio.new_event_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self.request_exit)
        web.run_app(
            self._make_app(),
            sock=listening,
            handle_signals=False,
            loop=loop,
            print=None,
            access_log=None,
        )

    def serve(self, debug: bool = False) -> None:
        """Listen, then serve until stopped."""
        self.debug = debug
        self.run(self.listen())


def _loader(folder: Path) -> object:
    import jinja2

    return jinja2.FileSystemLoader(folder)
