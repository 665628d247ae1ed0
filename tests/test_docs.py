"""Every command has help text with an example, and an example in the README."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from plancompare.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, f"{prefix}{name} is listed but cannot be loaded"
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            yield from commands(command, full + " ")
        else:
            yield full, command


ALL = list(commands(main))


def test_there_are_commands() -> None:
    assert {"import", "plans", "outline", "check"} <= {name for name, _ in ALL}


@pytest.mark.parametrize(("name", "command"), ALL, ids=[n for n, _ in ALL])
def test_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    assert command.help, f"{name} has no help text"
    assert "Example" in command.help, f"{name}'s help has no example"
    assert f"plancompare {name}" in command.help


@pytest.mark.parametrize("name", [n for n, _ in ALL])
def test_command_has_a_readme_example(name: str) -> None:
    assert f"plancompare {name}" in README, f"README.md has no example of plancompare {name}"


def test_readme_opens_with_exactly_two_setup_commands() -> None:
    before_first_section = README.split("\n## ", 1)[0]
    blocks = before_first_section.split("```sh\n")[1:]
    assert len(blocks) == 2
    install_and_run, test = (b.split("\n```", 1)[0] for b in blocks)
    assert "\n" not in install_and_run
    assert "\n" not in test
    assert "pip install" in install_and_run
    assert "pytest" in test


def test_every_command_module_is_listed() -> None:
    """A module under plancompare.cli that nobody can reach would be dead code."""
    import pkgutil

    import plancompare.cli
    from plancompare.cli import COMMAND_MODULES

    modules = {m.name for m in pkgutil.iter_modules(plancompare.cli.__path__)}
    assert modules - {"__main__"} == set(COMMAND_MODULES.values())


def examples(help_text: str) -> list[list[str]]:
    """The commands of a help text's Example block, continuation lines joined, as argv."""
    import shlex

    block = help_text.split("Example:", 1)[1].split("\n\n", 1)[0]
    joined = block.replace("\\\n", " ")
    out = []
    for line in joined.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("plancompare "):
            out.append(shlex.split(line)[1:])
    return out


#: The order the examples run in, so that each finds what it needs (a comment to show …).
ORDER = [
    "import", "plans", "outline", "check", "targets", "benchmark", "align", "diff", "unique",
    "models", "coverage", "similar", "comment add", "comment list", "comment show",
    "comment edit", "comment resolve", "comments export", "comments import",
    "comments reanchor", "report", "comment rm", "comment restore", "review", "serve",
]  # fmt: skip


def test_every_command_lists_its_help_as_whole_sentences() -> None:
    from click.testing import CliRunner

    for args in ([], ["comment"], ["comments"]):
        listing = CliRunner().invoke(main, [*args, "--help"]).output
        commands_part = listing.split("Commands:")[1]
        assert "..." not in commands_part
    for name, command in ALL:
        first = (command.help or "").split("\n\n")[0].strip()
        assert first.endswith("."), f"{name}: {first!r}"


@pytest.mark.slow
def test_every_example_in_the_help_runs(
    tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each example of every command's --help, run as written in a scratch folder (the TUI
    and the server are not started: their launch is recorded instead)."""
    from datetime import UTC, datetime

    from click.testing import CliRunner
    from docx import Document

    import plancompare.cli.tui as tui_cli
    from plancompare.review.model import Anchor, Comment
    from plancompare.review.store import CommentStore

    assert [name for name, _ in ALL if name not in ORDER] == []
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANCOMPARE_CORPUS", str(corpus_dir))
    monkeypatch.setenv("PLANCOMPARE_DB", str(tmp_path / "comments" / "review.db"))
    monkeypatch.setenv("PLANCOMPARE_MODEL", "lexical")
    (tmp_path / "comments").mkdir()
    document = Document()
    document.add_paragraph("陆河县服装产业高质量发展规划（征求意见稿）")
    document.add_paragraph("一、总体要求")
    document.add_paragraph("到2030年，服装产业年总产值突破100亿元。")
    document.save(str(tmp_path / "征求意见稿.docx"))
    moment = datetime(2025, 6, 1, tzinfo=UTC)
    with CommentStore.open(tmp_path / "comments" / "review.db") as store:
        store.add(
            Comment(
                "3f2a9c1e-0000-4000-8000-000000000001", "luhe", 1,
                Anchor("6.1", ["五、保障措施", "（一）建立高位推进机制"]),
                "建议明确牵头单位", moment, moment,
            )
        )  # fmt: skip
    launched: list[tuple[str, ...]] = []
    monkeypatch.setattr(tui_cli, "run_review", lambda s, a, b, lang, *more: launched.append((a, b)))

    from plancompare.tui.web_server import GuardedServer

    def run(server: GuardedServer, listening: socket.socket) -> None:
        listening.close()
        launched.append(("serve", str(server.where.port)))

    # Port 8000 of the example may be taken on the machine running the tests.
    monkeypatch.setattr(GuardedServer, "listen", lambda _: socket.create_server(("127.0.0.1", 0)))
    monkeypatch.setattr(GuardedServer, "run", run)
    ran = 0
    for name, command in sorted(ALL, key=lambda nc: ORDER.index(nc[0])):
        for argv in examples(command.help or ""):
            if name == "comments import":  # another reviewer's file: the one just exported
                (tmp_path / "comments" / "李四.jsonld").write_bytes(
                    (tmp_path / "comments" / "张三.jsonld").read_bytes()
                )
            result = CliRunner().invoke(main, argv, catch_exceptions=False)
            assert result.exit_code == 0, (argv, result.output)
            ran += 1
    assert ran >= 35
    assert ("luhe", "dehong") in launched and ("serve", "8000") in launched
    assert (tmp_path / "comments" / "意见反馈表.docx").read_bytes()[:2] == b"PK"
