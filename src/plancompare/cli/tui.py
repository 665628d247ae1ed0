"""Commands that open the review workspace: review (and plancompare alone), serve."""

from __future__ import annotations

import html
import re
import shlex
import sys
import tempfile
from pathlib import Path

import click

from plancompare.cli import Settings, main, pass_settings
from plancompare.errors import PlanError
from plancompare.i18n import t

DEFAULT_PAIR = ("luhe", "dehong")
LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    help="Language of the interface [default: the global --lang, else zh].",
)


def default_pair(settings: Settings) -> tuple[str, str]:
    """The shipped pair when it is there, else the first two plans of the corpus."""
    ids = settings.corpus.ids()
    if all(p in ids for p in DEFAULT_PAIR):
        return DEFAULT_PAIR
    if len(ids) < 2:
        raise PlanError(settings.corpus_dir, "cli_needs_two_plans")
    return ids[0], ids[1]


def run_review(settings: Settings, plan_a: str, plan_b: str, lang: str, *more: str) -> None:
    """Open the workspace on two plans or more (corpus ids or files; with three or more the
    first is the reference plan)."""
    from plancompare.tui import make_app

    a = settings.corpus.resolve_for_comments(plan_a)
    b = settings.corpus.resolve_for_comments(plan_b)
    others = [settings.corpus.resolve_for_comments(p) for p in more]
    embedder = None if settings.model == "lexical" else settings.embedder()
    make_app(a, b, settings, embedder=embedder, lang=lang, more=others).run()


@main.command("review")
@click.argument("plans", nargs=-1)
@LANG_OPTION
@pass_settings
def review_cmd(settings: Settings, plans: tuple[str, ...], lang: str | None) -> None:
    """Open the review workspace on two plans or more (the shipped pair by default).

    \b
    Example:
      plancompare review luhe dehong
      plancompare review 征求意见稿.docx dehong --lang en
      plancompare review 省规划.docx luhe dehong     # how luhe and dehong take up 省规划

    Running plancompare with no command does the same on the shipped plans. With three
    plans or more the first is the reference plan (上位规划): the workspace opens on the
    衔接 view — a row per unit of it, a column per other plan with its verdict — and Enter
    on a cell opens the compare view on the reference plan and that plan.
    """
    lang = settings.lang = lang or settings.lang  # the command's --lang words its errors too
    if len(plans) == 1:
        raise PlanError(None, "cli_two_plans")
    chosen = plans or default_pair(settings)
    run_review(settings, chosen[0], chosen[1], lang, *chosen[2:])


@main.command("serve")
@click.argument("plan_a", required=False)
@click.argument("plan_b", required=False)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default="8000", show_default=True, help="Port to listen on (1-65535).")
@click.option(
    "--public",
    is_flag=True,
    help="Allow an address other than this machine's (anyone with the printed address, "
    "token included, can read and comment).",
)
@click.option(
    "--public-url",
    help="The address browsers use, when a proxy stands in front (e.g. https://plans.example.org).",
)
@LANG_OPTION
@pass_settings
def serve_cmd(
    settings: Settings,
    plan_a: str | None,
    plan_b: str | None,
    host: str,
    port: str,
    public: bool,
    public_url: str | None,
    lang: str | None,
) -> None:
    """Serve the review workspace to a web browser (textual-serve).

    There is no authentication beyond a random token printed at start, in the address to
    open (as Jupyter does): anyone with that address can read the plans and write comments
    as you. Pages of other sites cannot connect. It listens on 127.0.0.1 (this machine only)
    unless --public.

    \b
    Example:
      plancompare serve --port 8000        # then open the address it prints
    """
    from plancompare.tui.web_server import (
        GuardedServer,
        address,
        check_port,
        check_public_url,
        is_loopback,
        machine_names,
        new_token,
    )

    lang = settings.lang = lang or settings.lang  # the command's --lang words its errors too
    number = check_port(port)
    if not is_loopback(host) and not public:
        raise PlanError(None, "cli_serve_needs_public", host=host)
    proxy = check_public_url(public_url) if public_url else None
    if (plan_a is None) != (plan_b is None):
        raise PlanError(None, "cli_two_plans")
    pair = (plan_a, plan_b) if plan_a and plan_b else default_pair(settings)
    for spec in pair:
        settings.corpus.resolve_for_comments(spec)  # a bad plan fails here, not in the browser
    command = "exec " + shlex.join(
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
    where = address(host, number, proxy, machine_names() if not is_loopback(host) else ())
    with tempfile.TemporaryDirectory(prefix="plancompare-serve-") as templates:
        offline_page(Path(templates), lang)
        title = t("serve_title", lang)
        server = GuardedServer(command, where, new_token(), title, Path(templates), lang)
        listening = server.listen()
        if not is_loopback(host):
            click.echo(t("cli_serve_open_warning", lang, host=host), err=True)
        click.echo(t("cli_serving", lang, url=server.page_url()), err=True)
        server.run(listening)


#: textual-serve's page asks Google for a web font; the workspace works offline (and says
#: nothing to third parties), so the page is served without that link.
_WEB_FONT = re.compile(r"\s*<link[^>]*fonts\.googleapis\.com[^>]*/>", re.DOTALL)


#: The English words of textual-serve's page, and the catalogue keys that word them.
_PAGE_WORDS = {
    ">Start</button>": ("serve_start", ">{}</button>"),
    ">Session ended.</div>": ("serve_ended", ">{}</div>"),
    ">Restart</button>": ("serve_restart", ">{}</button>"),
}


def offline_page(folder: Path, lang: str = "zh") -> Path:
    """Write textual-serve's own page template into ``folder`` in the interface's language:
    without the web-font link, with a ``<title>`` and the page's lang, its buttons and notice
    worded from the catalogue; the server renders it from there."""
    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    page = _WEB_FONT.sub("", source.read_text(encoding="utf-8"))
    title = html.escape(t("serve_title", lang))
    page = page.replace("<head>", f"<head>\n    <title>{title}</title>", 1)
    page = re.sub(r"<html[^>]*>", f'<html lang="{t("html_lang", lang)}">', page, count=1)
    for english, (key, form) in _PAGE_WORDS.items():
        page = page.replace(english, form.format(html.escape(t(key, lang))))
    target = folder / "app_index.html"
    target.write_text(page, encoding="utf-8")
    return target
