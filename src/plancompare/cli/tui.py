"""Commands that open the review workspace: review (and plancompare alone), serve."""

from __future__ import annotations

import ipaddress
import re
import shlex
import sys
import tempfile
from pathlib import Path

import click

from plancompare.cli import Settings, main, pass_settings
from plancompare.errors import PlanError

DEFAULT_PAIR = ("luhe", "dehong")
LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of the interface.",
)


def default_pair(settings: Settings) -> tuple[str, str]:
    """The shipped pair when it is there, else the first two plans of the corpus."""
    ids = settings.corpus.ids()
    if all(p in ids for p in DEFAULT_PAIR):
        return DEFAULT_PAIR
    if len(ids) < 2:
        raise PlanError(
            settings.corpus_dir, "needs two plans to compare; add them with: plancompare import"
        )
    return ids[0], ids[1]


def run_review(settings: Settings, plan_a: str, plan_b: str, lang: str, *more: str) -> None:
    """Open the workspace on two plans or more (corpus ids or files)."""
    from plancompare.tui import make_app

    a = settings.corpus.resolve(plan_a)
    b = settings.corpus.resolve(plan_b)
    others = [settings.corpus.resolve(p) for p in more]
    embedder = None if settings.model == "lexical" else settings.embedder()
    make_app(a, b, settings, embedder=embedder, lang=lang, more=others).run()


@main.command("review")
@click.argument("plans", nargs=-1)
@LANG_OPTION
@pass_settings
def review_cmd(settings: Settings, plans: tuple[str, ...], lang: str) -> None:
    """Open the review workspace on two plans or more (the shipped pair by default).

    \b
    Example:
      plancompare review luhe dehong
      plancompare review 征求意见稿.docx dehong --lang en
      plancompare review luhe dehong 省规划.docx     # opens on the targets of all three

    Running plancompare with no command does the same on the shipped plans. With three
    plans or more the workspace opens on the 指标 view (a column per plan); the compare
    view holds the first two.
    """
    if len(plans) == 1:
        raise PlanError(None, "give two plans to compare, or none for the shipped pair")
    chosen = plans or default_pair(settings)
    run_review(settings, chosen[0], chosen[1], lang, *chosen[2:])


@main.command("serve")
@click.argument("plan_a", required=False)
@click.argument("plan_b", required=False)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--public",
    is_flag=True,
    help="Allow an address other than this machine's (there is NO authentication).",
)
@LANG_OPTION
@pass_settings
def serve_cmd(
    settings: Settings,
    plan_a: str | None,
    plan_b: str | None,
    host: str,
    port: int,
    public: bool,
    lang: str,
) -> None:
    """Serve the review workspace to a web browser (textual-serve).

    There is no authentication: anyone who can reach the address can read the plans and
    write comments as you. It listens on 127.0.0.1 (this machine only) unless --public.

    \b
    Example:
      plancompare serve --port 8000        # then open http://127.0.0.1:8000
    """
    if not _is_loopback(host) and not public:
        raise PlanError(
            None,
            f"{host} is reachable from other machines and there is no authentication; "
            "add --public if you mean it",
        )
    if (plan_a is None) != (plan_b is None):
        raise PlanError(None, "give two plans to compare, or none for the shipped pair")
    pair = (plan_a, plan_b) if plan_a and plan_b else default_pair(settings)
    for spec in pair:
        settings.corpus.resolve(spec)  # a bad plan fails here, not in the browser
    from textual_serve.server import Server

    command = shlex.join(
        [
            sys.executable,
            "-m",
            "plancompare",
            "--corpus",
            str(settings.corpus_dir),
            "--db",
            str(settings.db_path),
            "--model",
            settings.model,
            "review",
            *pair,
            "--lang",
            lang,
        ]
    )
    if not _is_loopback(host):
        click.echo(
            f"warning: serving on {host} without authentication — anyone who can reach it "
            "can read and comment",
            err=True,
        )
    click.echo(f"serving on http://{host}:{port} (Ctrl+C to stop)", err=True)
    with tempfile.TemporaryDirectory(prefix="plancompare-serve-") as templates:
        offline_page(Path(templates), "plancompare")
        Server(command, host=host, port=port, title="plancompare", templates_path=templates).serve()


#: textual-serve's page asks Google for a web font; the workspace works offline (and says
#: nothing to third parties), so the page is served without that link.
_WEB_FONT = re.compile(r"\s*<link[^>]*fonts\.googleapis\.com[^>]*/>", re.DOTALL)


def offline_page(folder: Path, title: str) -> Path:
    """Write textual-serve's own page template into ``folder``, without the web-font link and
    with a ``<title>``; the server renders it from there."""
    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    page = _WEB_FONT.sub("", source.read_text(encoding="utf-8"))
    page = page.replace("<head>", f"<head>\n    <title>{title}</title>", 1)
    target = folder / "app_index.html"
    target.write_text(page, encoding="utf-8")
    return target


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
