"""The align, diff, unique and models commands, against the scratch corpus."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.align_support import e5_cache  # noqa: F401  (session fixture)

Cli = Callable[..., Result]


@pytest.fixture
def warm(e5_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    """The CLI uses the session's filled e5 cache."""
    monkeypatch.setenv("PLANCOMPARE_CACHE", str(e5_cache))
    monkeypatch.delenv("PLANCOMPARE_MODEL", raising=False)
    return e5_cache


def one_error_line(result: Result, words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.output


def test_align_json_follows_the_contract(cli: Cli, warm: Path) -> None:
    result = cli("align", "luhe", "dehong", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["embedder"].startswith("e5:")
    assert {"a": "6.1", "b": "5.1"}.items() <= next(
        lk for lk in data["links"] if lk["a"] == "6.1"
    ).items()
    assert "3.7" in data["only_b"]


def test_align_text_shows_pairs_and_units_without_counterpart(cli: Cli, warm: Path) -> None:
    result = cli("--lang", "en", "align", "luhe", "dehong")
    assert result.exit_code == 0, result.output
    assert "↔" in result.output and "match" in result.output
    assert "no counterpart in dehong" in result.output
    assert "only in dehong:" in result.output and "加强金融支持" in result.output


def test_model_option_and_lexical_backend(cli: Cli, warm: Path) -> None:
    result = cli("align", "luhe", "dehong", "--json", "--model", "lexical")
    assert json.loads(result.output)["embedder"].startswith("lexical:")
    result = cli("--model", "lexical", "align", "dehong", "dehong", "--json")
    data = json.loads(result.output)
    assert all(lk["score"] >= 0.95 for lk in data["links"] if lk["a"] == lk["b"])


def test_unknown_model_is_one_line(cli: Cli, warm: Path) -> None:
    result = cli("--lang", "en", "align", "luhe", "dehong", "--model", "gpt")
    one_error_line(result, "unknown model 'gpt'")


def test_st_path_that_is_not_a_model_is_one_line(cli: Cli, warm: Path, tmp_path: Path) -> None:
    result = cli("--lang", "en", "align", "luhe", "dehong", "--model", f"st:{tmp_path}")
    one_error_line(result, "not a sentence-transformers model")


def test_corrupt_cache_is_rebuilt_with_a_warning(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cache = tmp_path / "broken.db"
    cache.write_text("garbage, not SQLite\n" * 100)
    monkeypatch.setenv("PLANCOMPARE_CACHE", str(cache))
    result = cli("align", "luhe", "dehong", "--json", "--model", "lexical")
    assert result.exit_code == 0  # lexical vectors are not cached: nothing to warn about
    result = cli("--lang", "en", "unique", "dehong", "dehong", "--json")  # e5: opens the cache
    assert result.exit_code == 0, result.output
    assert "plancompare: warning:" in result.stderr and "moved it to" in result.stderr
    assert list(tmp_path.glob("broken.db.corrupt-*"))


def test_diff_with_best_partner_plain_when_piped(cli: Cli, warm: Path) -> None:
    result = cli("--lang", "en", "diff", "luhe", "dehong", "5.1.1")
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("luhe 5.1.1 培育壮大领航企业") and "dehong 3.2" in first
    # Paraphrases side by side, the targets that differ named (as the compare view does).
    assert "~ reworded" in result.output and "[-" not in result.output
    assert "! target differs (value, year, scope): luhe 5家 ⇄ dehong 30家" in result.output
    words = cli("--lang", "en", "diff", "luhe", "dehong", "5.1.1", "--words").output
    assert "[-2028-]{+2027+}" in words
    assert "\x1b[" not in result.output  # no colour codes when not on a terminal
    assert "- luhe only (not in this dehong section): （牵头单位" in result.output
    nowhere = cli("--lang", "en", "diff", "luhe", "dehong", "5.2.1", "3.2").output
    assert "- luhe only (nowhere in dehong): " in nowhere  # e-commerce measures


def test_diff_json_and_named_partner(cli: Cli, warm: Path) -> None:
    data = json.loads(cli("diff", "luhe", "dehong", "6.1", "5.1", "--json").output)
    assert data["a"]["id"] == "6.1" and data["b"]["id"] == "5.1"
    group = data["groups"][0]
    assert group["kind"] == "1-1" and group["ops"][0]["kind"] == "equal"
    kinds = {s["kind"] for s in data["highlight"]["sentences"]}
    assert kinds <= {"same", "reworded", "only_here", "target"} and kinds


def test_diff_of_a_heading_without_text_says_so(cli: Cli, warm: Path) -> None:
    result = cli("--lang", "en", "diff", "luhe", "dehong", "4", "3")
    assert result.exit_code == 0, result.output
    assert "luhe 4 has no text of its own" in result.output
    assert "dehong 3 has no text of its own" in result.output


def test_diff_errors(cli: Cli, warm: Path) -> None:
    one_error_line(cli("--lang", "en", "diff", "luhe", "dehong", "9.9"), "no section '9.9'")
    one_error_line(cli("--lang", "en", "diff", "luhe", "dehong", "1", "7"), "no section '7'")
    one_error_line(cli("diff", "luhe", "dehong", "9.9"), "luhe：没有章节“9.9”")  # zh by default
    one_error_line(
        cli("--lang", "en", "diff", "luhe", "dehong", "5.2.1"), "has no counterpart in dehong"
    )


def test_unique_lists_both_plans(cli: Cli, warm: Path) -> None:
    result = cli("--lang", "en", "unique", "luhe", "dehong")
    assert result.exit_code == 0, result.output
    assert "only in luhe" in result.output and "only in dehong" in result.output
    chinese = cli("unique", "luhe", "dehong").output
    assert "仅见于 luhe（dehong 中全无类似内容）：" in chinese
    data = json.loads(cli("unique", "luhe", "dehong", "--json").output)
    assert any(m["section"] == "3.7" for m in data["only_b"])


def test_models_lists_backends_and_cache(cli: Cli, warm: Path) -> None:
    result = cli("models")
    assert result.exit_code == 0, result.output
    assert "e5" in result.output and "lexical" in result.output and "st:" in result.output
    assert "可用" in result.output and f"缓存：{warm}" in result.output  # zh by default
    data = json.loads(cli("models", "--json").output)
    assert data["current"] == "e5" and data["cache"] == str(warm)
    assert {m["name"] for m in data["models"]} >= {"e5", "lexical", "st:NAME-OR-PATH"}


def test_empty_and_headings_only_plans(cli: Cli, warm: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    one_error_line(cli("--lang", "en", "align", str(empty), "dehong", "--json"), "file is empty")
    bare = tmp_path / "bare.md"
    bare.write_text("# 一、指导思想\n\n# 二、保障措施\n", encoding="utf-8")
    data = json.loads(cli("align", str(bare), "dehong", "--json").output)
    assert {(lk["a"], lk["b"]) for lk in data["links"]} >= {("1", "1"), ("2", "5")}
    assert "3.7" in data["only_b"]
