"""The coverage and similar commands, against the scratch corpus (lexical model unless said)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.align_support import e5_cache  # noqa: F401  (session fixture)
from tests.conftest import DATA
from tests.test_align_cli import one_error_line

Cli = Callable[..., Result]
FIXTURES = DATA / "coverage"


@pytest.fixture
def lexical(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANCOMPARE_MODEL", "lexical")


def test_coverage_json_follows_the_contract(cli: Cli, lexical: None) -> None:
    result = cli("coverage", "luhe", "dehong", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["ref"] == {"id": "luhe", "title": "陆河县服装产业高质量发展规划"}
    assert [p["id"] for p in data["plans"]] == ["dehong"]
    assert data["embedder"].startswith("lexical:")
    first = data["rows"][0]
    assert (first["section"], first["path"]) == ("1", ["一、指导思想"])
    cell = first["cells"]["dehong"]
    assert cell["verdict"] == "covered" and cell["basis"] == "role"
    assert cell["counterparts"][0]["title"] == "一、指导思想"
    assert {c["verdict"] for r in data["rows"] for c in r["cells"].values()} <= {
        "covered",
        "partial",
        "absent",
    }


def test_coverage_table_in_chinese_and_english(cli: Cli, lexical: None) -> None:
    zh = cli("coverage", "luhe", "dehong")
    assert zh.exit_code == 0, zh.output
    assert zh.output.startswith("对上位规划的衔接情况：《陆河县服装产业高质量发展规划》[luhe]")
    assert "上位规划条目" in zh.output and "已衔接 1.00" in zh.output and "未体现" in zh.output
    assert "dehong：已衔接" in zh.output.splitlines()[-1]
    en = cli("coverage", "luhe", "dehong", "--lang", "en")
    assert en.output.startswith("How the plans take up")
    assert "covered 1.00" in en.output and "dehong: " in en.output.splitlines()[-1]


def test_coverage_evidence_lists_counterparts_and_sentences(cli: Cli, lexical: None) -> None:
    result = cli("coverage", "luhe", "dehong", "--evidence")
    assert "      dehong: 同类章节" in result.output
    assert "        → 一、指导思想 (1.00)" in result.output
    assert "        依据 " in result.output


def test_coverage_of_files_against_several_plans(cli: Cli, lexical: None) -> None:
    ref, plan = str(FIXTURES / "ref.md"), str(FIXTURES / "plan.md")
    result = cli("coverage", ref, plan, "dehong", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [p["id"] for p in data["plans"]] == ["shi", "dehong"]
    verdicts = {r["section"]: r["cells"]["shi"]["verdict"] for r in data["rows"]}
    assert (verdicts["3.1"], verdicts["3.2"]) == ("covered", "absent")
    factories = next(r for r in data["rows"] if r["section"] == "3.1")["cells"]
    assert [e["indicator"] for e in factories["shi"]["benchmark"]] == ["智能工厂"]
    assert all(set(r["cells"]) == {"shi", "dehong"} for r in data["rows"])


def test_coverage_errors_are_one_line(cli: Cli, lexical: None) -> None:
    one_error_line(cli("coverage", "luhe", "nowhere"), "nowhere")
    one_error_line(cli("--lang", "en", "coverage", "luhe", "dehong", "dehong"), "named once")
    one_error_line(cli("coverage", "luhe", "luhe", "--lang", "en"), "named once")
    one_error_line(cli("coverage", "luhe", "luhe"), "只能给出一次")
    assert cli("coverage", "luhe").exit_code == 2  # no plan to compare: a usage error


def test_similar_text_json(cli: Cli, lexical: None) -> None:
    result = cli("similar", "加强人才支撑，引进培养纺织服装专业人才", "--top", "3", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["query"] == "加强人才支撑，引进培养纺织服装专业人才"
    assert len(data["hits"]) == 3
    assert (data["hits"][0]["plan"], data["hits"][0]["section"]) == ("dehong", "3.6")
    assert data["hits"][0]["path"] == ["三、重点任务", "（六）加强人才支撑"]


def test_similar_section_looks_in_the_other_plans(cli: Cli, lexical: None) -> None:
    result = cli("similar", "luhe:6.1", "--top", "4")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("与“luhe:6.1 （一）")
    hits = lines[1::2]
    assert len(hits) == 4 and all(" dehong 《" in h for h in hits)


def test_similar_errors_are_one_line(cli: Cli, lexical: None) -> None:
    one_error_line(cli("--lang", "en", "similar", "luhe:9.9"), "no section '9.9'")
    one_error_line(cli("--lang", "en", "similar", "nowhere:1"), "no plan 'nowhere'")
    one_error_line(cli("similar", "luhe:9.9"), "没有章节“9.9”")
    assert cli("similar", "智能工厂", "--top", "0").exit_code == 2


def test_similar_with_e5_and_a_warm_cache(
    cli: Cli,
    e5_cache: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A section query on a warm cache needs no model: its texts are in the index."""
    monkeypatch.setenv("PLANCOMPARE_CACHE", str(e5_cache))
    monkeypatch.delenv("PLANCOMPARE_MODEL", raising=False)
    data = json.loads(cli("similar", "luhe:6.1", "--json").output)
    assert (data["hits"][0]["plan"], data["hits"][0]["section"]) == ("dehong", "5.1")
