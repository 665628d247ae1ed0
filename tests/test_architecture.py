"""The core stays free of Textual, Rich and click: checked in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import plancompare

FRONT_ENDS = ("plancompare.cli", "plancompare.tui")
FORBIDDEN = ("textual", "rich", "click")


def core_modules() -> list[str]:
    names = [
        m.name
        for m in pkgutil.walk_packages(plancompare.__path__, "plancompare.")
        if not m.name.startswith(FRONT_ENDS) and m.name != "plancompare.__main__"
    ]
    assert "plancompare.plan.structure" in names
    assert "plancompare.session" in names  # what a review session holds is core, not TUI
    return names


def test_core_imports_no_ui_library() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}: importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_import_linter_contract_holds() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint)], capture_output=True, text=True, cwd=Path(__file__).parents[1]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken" in result.stdout


def test_every_core_module_is_under_the_contract() -> None:
    """A new core module must be added to the import-linter contract's source_modules."""
    import tomllib

    config = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (contract,) = [c for c in contracts if c["type"] == "forbidden"]
    listed = contract["source_modules"]
    uncovered = [
        name
        for name in core_modules()
        if name != "plancompare" and not any(name == s or name.startswith(s + ".") for s in listed)
    ]
    assert uncovered == []
