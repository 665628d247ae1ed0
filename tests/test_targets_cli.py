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
    assert lines[-1] == "共 13 个目标"
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


def test_benchmark_shows_the_concept_matrix(cli: Cli) -> None:
    result = cli("benchmark", "luhe", "dehong", "--no-model")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split()[:5] == ["指标", "陆河县", "德宏州", "可比性", "原因"]
    row = next(line for line in lines if "服装产业带动就业人数" in line)
    assert "≥5万人 2030" in row and "≥10万人 2027" in row and "有条件可比" in row
    assert "范围不同、目标年份不同" in row
    assert lines[-1].endswith("个见于多个规划")
    english = cli("benchmark", "luhe", "dehong", "--no-model", "--lang", "en").output
    row = next(line for line in english.splitlines() if "服装产业带动就业人数" in line)
    assert "conditional" in row and "different target years" in row
    every = cli("benchmark", "luhe", "dehong", "--no-model", "--all").output
    assert "标准厂房及配套用房" in every and "标准厂房及配套用房" not in result.output


def test_benchmark_json(cli: Cli) -> None:
    data = json.loads(cli("benchmark", "luhe", "dehong", "--json", "--no-model").output)
    assert [p["id"] for p in data["plans"]] == ["luhe", "dehong"]
    assert data["embedder"] == "lexical"
    row = next(r for r in data["rows"] if r["concept"] == "规上工业企业")
    assert set(row) >= {"concept", "dimension", "verdict", "reasons", "cells"}
    assert (row["verdict"], row["reasons"]) == ("conditional", ["scope", "horizon"])
    luhe = row["cells"]["luhe"]
    assert luhe["kind"] == "stock"
    assert [(m["year"], m["value"]) for m in luhe["milestones"]] == [(2028, "5"), (2030, "10")]
    assert luhe["baseline"] == {"year": 2025, "value": "0"}
    assert {s["source"] for s in luhe["sources"]} == {"text", "table"}
    assert luhe["path"][-1] and luhe["section"]
    alone = next(r for r in data["rows"] if r["concept"] == "标准厂房及配套用房")
    assert list(alone["cells"]) == ["dehong"]


def test_benchmark_refuses_bad_input_in_one_line(cli: Cli) -> None:
    twice = cli("--lang", "en", "benchmark", "luhe", "dehong", "luhe")
    assert twice.exit_code == 2 and "luhe is given twice" in twice.output
    one = cli("benchmark", "luhe", "--lang", "en")
    assert one.exit_code == 2 and "two plans or more" in one.output
    chinese = cli("benchmark", "luhe")
    assert chinese.exit_code == 2 and "至少需要两个规划" in chinese.output
    missing = cli("benchmark", "luhe", "nowhere")
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    sector = cli("benchmark", "luhe", "dehong", "--sector", "no-such-sector", "--lang", "en")
    assert sector.exit_code == 2 and "no such sector vocabulary" in sector.output


def test_benchmark_with_the_default_model(cli: Cli) -> None:
    data = json.loads(cli("benchmark", "luhe", "dehong", "--json").output)
    assert data["embedder"].startswith("e5")
    shared = {tuple(c["indicator"] for c in r["cells"].values()) for r in data["rows"]}
    assert ("服装产业市场主体总数", "纺织服装产业企业数量") in shared


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
