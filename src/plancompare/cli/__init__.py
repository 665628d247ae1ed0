"""The plancompare command line: a thin click layer over the core functions."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import click

from plancompare.config import Settings, resolve_settings
from plancompare.errors import PlanError

EXIT_USER_ERROR = 2


#: The module under plancompare.cli that defines each command. A module is imported only
#: when one of its commands runs, so ``plancompare outline`` does not pay for the imports of
#: the report, the embedders or the TUI.
COMMAND_MODULES = {
    "import": "plans",
    "plans": "plans",
    "outline": "plans",
    "check": "plans",
    "targets": "targets",
    "benchmark": "targets",
    "comment": "comments",
    "comments": "comments",
    "report": "comments",
    "align": "align",
    "diff": "align",
    "unique": "align",
    "models": "align",
    "coverage": "coverage",
    "similar": "coverage",
    "review": "tui",
    "serve": "tui",
}


def first_sentence(help_text: str) -> str:
    """The first sentence of a help text, whole (click would cut it at 45 characters)."""
    text = " ".join(help_text.split("\n\n")[0].split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


class SentenceGroup(click.Group):
    """A group that lists its commands with the first sentence of their help, never cut."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, first_sentence(command.help or "")))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class PlanCompareGroup(SentenceGroup):
    """Loads command modules on demand; turns user mistakes into one line and exit status 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"{__name__}.{COMMAND_MODULES[cmd_name]}")
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context) -> Any:  # Any: click's own signature
        try:
            return super().invoke(ctx)
        except PlanError as e:
            report_error(e, _language(ctx))
            ctx.exit(EXIT_USER_ERROR)
        except KeyboardInterrupt:
            from plancompare.i18n import t

            click.echo(t("cli_interrupted", _language(ctx)), err=True)
            ctx.exit(130)


def _language(ctx: click.Context) -> str:
    """The interface's language: the settings' (a command's own --lang included), else zh."""
    settings = ctx.find_object(Settings)
    return settings.lang if settings is not None else "zh"


def report_error(error: PlanError, lang: str) -> None:
    """A user's mistake as one line on stderr, in ``lang``: ``plancompare: error: FILE: …``."""
    from plancompare.i18n import t
    from plancompare.text.visible import visible

    # One line whatever the values hold: a plan id read from a file may carry \r or \n.
    click.echo(t("cli_error", lang, message=visible(error.line(lang), one_line=True)), err=True)


def say(settings: Settings, key: str, err: bool = False, **values: object) -> None:
    """Print the catalogue's words for ``key`` in the settings' language (to stderr with
    ``err``)."""
    from plancompare.i18n import t

    click.echo(t(key, settings.lang, **values), err=err)


def emit_json(data: object) -> None:
    """Print JSON for scripts: UTF-8, not ASCII-escaped, indented."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


pass_settings = click.make_pass_decorator(Settings)


@click.group(cls=PlanCompareGroup, invoke_without_command=True)
@click.option(
    "--corpus",
    "corpus_dir",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="PLANCOMPARE_CORPUS",
    help="Folder of canonical plans [env PLANCOMPARE_CORPUS; default: the project's corpora/].",
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="PLANCOMPARE_DB",
    help="Review database [env PLANCOMPARE_DB; default: comments/review.db].",
)
@click.option(
    "--model",
    envvar="PLANCOMPARE_MODEL",
    help="Embedder: e5, lexical or st:NAME-OR-PATH [env PLANCOMPARE_MODEL; default: e5].",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="PLANCOMPARE_CONFIG",
    help="Settings file [env PLANCOMPARE_CONFIG; default: the nearest plancompare.toml].",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    envvar="PLANCOMPARE_LANG",
    help="Language of what plancompare says [env PLANCOMPARE_LANG; default: zh].",
)
@click.version_option(package_name="plancompare")
@click.pass_context
def main(
    ctx: click.Context,
    corpus_dir: Path | None,
    db_path: Path | None,
    model: str | None,
    config_path: Path | None,
    lang: str | None,
) -> None:
    """Compare draft regional development plans and write consultation comments.

    PLAN arguments are corpus ids (luhe, dehong) or paths to .txt, .docx, .pdf or .md files.
    Settings come from the options, then environment variables, then plancompare.toml.

    \b
    Example:
      plancompare --lang en plans
    """
    try:
        ctx.obj = resolve_settings(corpus_dir, db_path, model, config_path, lang)
    except PlanError as e:
        report_error(e, lang or "zh")  # the settings that would name the language are bad
        ctx.exit(EXIT_USER_ERROR)
    if ctx.invoked_subcommand is None:
        # plancompare alone opens the workspace on the shipped plans.
        group = ctx.command
        assert isinstance(group, click.Group)
        review = group.get_command(ctx, "review")
        assert review is not None
        ctx.invoke(review)


__all__ = [
    "EXIT_USER_ERROR",
    "SentenceGroup",
    "Settings",
    "emit_json",
    "main",
    "pass_settings",
    "say",
]
