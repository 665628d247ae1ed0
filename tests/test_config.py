"""Settings from plancompare.toml: options and environment first, then the file, then defaults."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancompare.cli import main
from plancompare.config import resolve_settings
from tests.conftest import CORPORA


def write_config(folder: Path) -> Path:
    shutil.copytree(CORPORA, folder / "plans")
    path = folder / "plancompare.toml"
    path.write_text(
        'corpus = "plans"\ndb = "reviews/team.db"\nmodel = "lexical"\n'
        'reviewer = "张三"\norganisation = "县发展改革局"\n',
        encoding="utf-8",
    )
    return path


def test_config_file_values_resolve_relative_to_the_file(tmp_path: Path) -> None:
    settings = resolve_settings(config_path=write_config(tmp_path))
    assert settings.corpus_dir == (tmp_path / "plans").resolve()
    assert settings.db_path == (tmp_path / "reviews" / "team.db").resolve()
    assert (settings.model, settings.reviewer, settings.organisation) == (
        "lexical",
        "张三",
        "县发展改革局",
    )


def test_options_win_over_the_config_file(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    settings = resolve_settings(model="e5", db_path=tmp_path / "mine.db", config_path=config)
    assert (settings.model, settings.db_path) == ("e5", tmp_path / "mine.db")
    assert settings.corpus_dir == (tmp_path / "plans").resolve()


def test_cli_reads_the_config_and_its_reviewer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write_config(tmp_path)
    monkeypatch.setenv("PLANCOMPARE_CONFIG", str(config))
    for name in ("PLANCOMPARE_CORPUS", "PLANCOMPARE_DB", "PLANCOMPARE_MODEL"):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()
    plans = json.loads(runner.invoke(main, ["plans", "--json"]).output)
    assert Path(plans["corpus"]) == (tmp_path / "plans").resolve()
    added = runner.invoke(main, ["comment", "add", "luhe", "--section", "6.1", "--body", "好"])
    assert added.exit_code == 0, added.output
    listed = json.loads(runner.invoke(main, ["comment", "list", "--json"]).output)
    assert listed["comments"][0]["reviewer"] == "张三"
    assert (tmp_path / "reviews" / "team.db").is_file()


def test_a_broken_config_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "plancompare.toml"
    bad.write_text("corpus = [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(bad), "plans"])
    assert result.exit_code == 2
    assert str(bad) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
