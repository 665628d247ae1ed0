"""Shared fixtures: the shipped plans, a scratch corpus, and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from plancompare.cli import main
from plancompare.model import Plan
from plancompare.plan.corpus import Corpus

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
DATA = Path(__file__).resolve().parent / "data"
SEEDS = {
    "luhe": CORPORA / "sources" / "000_941dbbe323f73edb.txt",
    "dehong": CORPORA / "sources" / "002_9b052b1b9253b67e.txt",
}


@pytest.fixture(scope="session")
def shipped() -> Corpus:
    """The project's corpus (read only)."""
    return Corpus(CORPORA)


@pytest.fixture(scope="session")
def luhe(shipped: Corpus) -> Plan:
    """The 陆河 plan as shipped."""
    return shipped.load("luhe")


@pytest.fixture(scope="session")
def dehong(shipped: Corpus) -> Plan:
    """The 德宏 plan as shipped."""
    return shipped.load("dehong")


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A scratch copy of the shipped corpus."""
    dest = tmp_path / "corpora"
    shutil.copytree(CORPORA, dest)
    return dest


@pytest.fixture
def cli(corpus_dir: Path, tmp_path: Path) -> Callable[..., Result]:
    """Run the CLI against the scratch corpus and a scratch database."""
    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Result:
        return runner.invoke(
            main,
            ["--corpus", str(corpus_dir), "--db", str(tmp_path / "review.db"), *args],
            input=input,
            catch_exceptions=False,
        )

    return run
