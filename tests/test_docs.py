"""Every command has help text with an example, and an example in the README."""

from __future__ import annotations

from collections.abc import Iterator

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
