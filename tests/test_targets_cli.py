"""The targets and benchmark commands, their JSON, and the check command's target findings."""

from __future__ import annotations

import json
from collections.abc import Callable

from click.testing import Result

from plancompare.text.grid import display_width, format_table

Cli = Callable[..., Result]


def test_targets_lists_every_target_in_a_table(cli: Cli) -> None:
    result = cli("targets", "dehong")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == [
        "section",
        "indicator",
        "cmp",
        "value",
        "unit",
        "year",
        "period",
        "source",
    ]
    assert lines[-1] == "13 targets"
    assert lines[1].split() == ["2", "纺织服装产业企业数量", "≥", "300", "户", "2027", "text"]
    # CJK columns line up on screen: every row is as wide as the header up to the last column.
    assert len({display_width(line[: line.rfind("text")]) for line in lines[1:-1]}) == 1


def test_targets_json_follows_the_contract(cli: Cli) -> None:
    data = json.loads(cli("targets", "luhe", "--json").output)
    assert data["plan"] == "luhe"
    first = data["targets"][0]
    assert set(first) >= {
        "indicator",
        "value",
        "value_max",
        "unit",
        "base_value",
        "base_unit",
        "comparator",
        "year",
        "period",
        "baseline",
        "section",
        "quote",
        "source",
    }
    assert first["indicator"] == "服装产业年总产值"
    assert (first["value"], first["unit"], first["base_value"], first["base_unit"]) == (
        "100",
        "亿元",
        "10000000000",
        "元",
    )
    assert (first["comparator"], first["year"], first["source"]) == (">=", 2030, "text")
    table = [t for t in data["targets"] if t["source"] == "table"]
    assert len(table) == 60
    crime = next(t for t in table if t["indicator"] == "刑事治安警情增速")
    assert (crime["value"], crime["baseline"], crime["rate"]) == ("-10", "-8.6", True)


def test_benchmark_shows_pairs_side_by_side(cli: Cli) -> None:
    result = cli("benchmark", "luhe", "dehong", "--no-model")
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if "全产业链总产值" in line)
    assert "规上纺织服装企业总产值" in row and "范围 全产业链 与 规上" in row
    assert "only in dehong (" in result.output
    english = cli("benchmark", "luhe", "dehong", "--no-model", "--lang", "en").output
    row = next(line for line in english.splitlines() if "全产业链总产值" in line)
    assert "scope 全产业链 vs 规上" in row


def test_benchmark_json(cli: Cli) -> None:
    data = json.loads(cli("benchmark", "luhe", "dehong", "--json", "--no-model").output)
    assert (data["a"], data["b"], data["embedder"]) == ("luhe", "dehong", "lexical")
    pair = data["pairs"][0]
    assert set(pair) == {"a", "b", "similarity", "note", "note_zh"}
    assert pair["a"]["indicator"] and pair["b"]["indicator"]
    assert 0 < pair["similarity"] <= 1
    assert {t["indicator"] for t in data["only_b"]} >= {"标准厂房及配套用房"}


def test_benchmark_with_the_default_model(cli: Cli) -> None:
    data = json.loads(cli("benchmark", "luhe", "dehong", "--json").output)
    assert data["embedder"].startswith("e5")
    names = {(p["a"]["indicator"], p["b"]["indicator"]) for p in data["pairs"]}
    assert ("全产业链总产值", "规上纺织服装企业总产值") in names


def test_check_reports_the_conflict_of_the_luhe_draft(cli: Cli) -> None:
    result = cli("check", "luhe", "--json")
    findings = json.loads(result.output)["findings"]
    conflict = next(f for f in findings if f["kind"] == "target-conflict")
    assert conflict["section"] == "3.4"
    assert conflict["evidence"][0] == "100万元以上收入行政村数量超10个"


def test_unknown_plan_is_one_line_and_exit_2(cli: Cli) -> None:
    result = cli("targets", "nosuchplan")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_format_table_aligns_by_display_width() -> None:
    lines = format_table(["a", "b"], [["服装", "x"], ["ab", "y"]])
    assert lines == ["a     b", "服装  x", "ab    y"]
    assert display_width("服装T恤") == 7
    clipped = format_table(["name", "z"], [["很长的指标名称很长", "1"]], max_width=8)[1]
    assert clipped.startswith("很长的…")
