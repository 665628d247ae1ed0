"""The comment, comments and report commands, as two reviewers and a consolidator use them."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner, Result

from plancompare.cli import main
from plancompare.model import Finding
from plancompare.review.finding_draft import draft_for
from tests.conftest import CORPORA, DATA

Cli = Callable[..., Result]


def added_id(result: Result) -> str:
    """The handle ``comment add`` prints (the id's first 8 characters; every command takes it)."""
    assert result.exit_code == 0, result.output
    match = re.search(r"^已添加意见 ([0-9a-f]{8})：", result.output)
    assert match, result.output
    return match.group(1)


def comment_ids(cli: Cli, *args: str) -> list[str]:
    """The handles (first 8 characters of the ids) of the live comments."""
    result = cli(*args, "comment", "list", "--json")
    assert result.exit_code == 0, result.output
    return [c["id"][:8] for c in json.loads(result.output)["comments"]]


def test_two_reviewers_consolidate_into_one_report(cli: Cli, tmp_path: Path) -> None:
    zhang = ("--reviewer", "张三", "--org", "陆河县发展和改革局")
    li = ("--reviewer", "李四", "--org", "汕尾市工业和信息化局")
    theirs = ("--db", str(tmp_path / "lisi.db"))
    a = added_id(
        cli(
            "comment",
            "add",
            "luhe",
            "--section",
            "6.1",
            "--quote",
            "工作领导小组",
            "--body",
            "建议明确牵头单位。",
            "--suggest",
            "由县科工局牵头的工作领导小组",
            "--reason",
            "便于落实 | 考核",
            "--category",
            "修改",
            "--submit",
            *zhang,
        )
    )
    added_id(cli("comment", "add", "dehong", "--section", "2", "--body", "目标可量化。", *zhang))
    b = added_id(
        cli(
            *theirs,
            "comment",
            "add",
            "luhe",
            "--section",
            "6.1",
            "--quote",
            "工作领导小组",
            "--body",
            "建议明确牵头单位！",
            *li,
        )
    )
    pair = added_id(
        cli(
            *theirs,
            "comment",
            "add",
            "luhe",
            "--section",
            "3.1",
            "--quote",
            "服装产业年总产值突破100亿元",
            "--body",
            "两地目标口径不同，建议对照。",
            "--pair-plan",
            "dehong",
            "--pair-section",
            "2",
            "--category",
            "疑问",
            *li,
        )
    )
    export = tmp_path / "李四.jsonld"
    assert cli(*theirs, "comments", "export", str(export)).exit_code == 0
    assert json.loads(export.read_text(encoding="utf-8"))["total"] == 2

    first = cli("comments", "import", str(export))
    assert first.exit_code == 0, first.output
    assert "新增 2 条，更新 0 条，未变 0 条，冲突 0 条" in first.output
    again = json.loads(cli("comments", "import", str(export), "--json").output)
    assert {u[:8] for u in again["unchanged"]} == {b, pair} and again["added"] == again[
        "conflicts"
    ] == []
    assert len(comment_ids(cli)) == 4

    assert (
        cli("comment", "resolve", a[:8], "--disposition", "采纳", "--note", "已修改").exit_code == 0
    )
    md, page = tmp_path / "out" / "意见反馈.md", tmp_path / "out" / "意见反馈.html"
    assert cli("report", "-o", str(md)).exit_code == 0
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# 关于《陆河县服装产业高质量发展规划（征求意见稿）》和《德宏州")
    assert (
        "张三（陆河县发展和改革局）：2 条" in text and "李四（汕尾市工业和信息化局）：2 条" in text
    )
    assert "同类意见 2 条" in text and "**对照**：德宏州 二、主要目标" in text
    assert "便于落实 \\| 考核" in text and "**处理意见**：采纳：已修改" in text
    assert "附录" not in text  # no comment is on a target or a finding: nothing to append
    full = md.with_name("full.md")
    assert cli("report", "--full-appendices", "-o", str(full)).exit_code == 0
    appended = full.read_text(encoding="utf-8")
    assert "附录一　指标对照表" in appended and "附录二　检查发现" in appended
    assert "规上纺织服装企业总产值" in appended.split("附录一")[1]
    full.unlink()
    assert cli("report", "--html", "--table", "-o", str(page)).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<th>处理意见</th>" in html
    assert sorted(p.name for p in md.parent.iterdir()) == ["意见反馈.html", "意见反馈.md"]
    english = cli("report", "--lang", "en", "--plan", "luhe")
    assert english.output.startswith("# Comments on 陆河县服装产业高质量发展规划 (征求意见稿)")
    assert "德宏州" not in english.output.split("## 2.")[0]


def test_a_conflicting_edit_is_reported_not_silently_overwritten(cli: Cli, tmp_path: Path) -> None:
    theirs = ("--db", str(tmp_path / "lisi.db"))
    c = added_id(cli(*theirs, "comment", "add", "luhe", "--section", "1", "--body", "原意见"))
    export = tmp_path / "x.jsonld"
    cli(*theirs, "comments", "export", str(export))
    cli("comments", "import", str(export))
    cli("comment", "resolve", c, "--disposition", "不采纳")  # here
    cli(*theirs, "comment", "edit", c, "--body", "改过的意见")  # there, later
    cli(*theirs, "comments", "export", str(export))
    result = cli("comments", "import", str(export))
    assert "冲突 1 条" in result.output
    assert f"冲突 {c[:8]}：body、disposition 不同；保留了较晚的修改（导入的一份）" in result.output
    shown = json.loads(cli("comment", "show", c, "--json").output)
    assert shown["body"] == "改过的意见"


def revised_luhe(tmp_path: Path) -> Path:
    revision = yaml.safe_load((DATA / "review" / "revision.yaml").read_text(encoding="utf-8"))
    text = (CORPORA / "luhe.md").read_text(encoding="utf-8")
    for edit in revision["edits"]:
        text = text.replace(edit["replace"], edit["with"])
    text = re.sub(r"\n(sha256|source|version|imported): [^\n]*", "", text)
    path = tmp_path / "陆河县服装产业高质量发展规划（修改稿）.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_comments_survive_a_new_version_with_honest_states(cli: Cli, tmp_path: Path) -> None:
    kept = added_id(
        cli(
            "comment",
            "add",
            "luhe",
            "--section",
            "6.3",
            "--quote",
            "开辟“绿色通道”",
            "--body",
            "好",
        )
    )
    gone = added_id(cli("comment", "add", "luhe", "--section", "2.3", "--body", "删掉了吗"))
    twin = added_id(
        cli(
            "comment",
            "add",
            "luhe",
            "--section",
            "5.8.3",
            "--quote",
            "每年培训熟练技工1000人以上，发放职业技能等级证书。",
            "--body",
            "人数偏少",
        )
    )
    result = cli("--lang", "en", "import", str(revised_luhe(tmp_path)), "--id", "luhe")
    assert result.exit_code == 0, result.output
    assert "new version 2" in result.output
    assert "comments: 3 comments on luhe re-anchored to v2: 1 anchored, 1 ambiguous, " in (
        result.output
    )
    assert "1 orphaned" in result.output
    listed = cli("comment", "list", "--state", "orphaned,ambiguous", "--json")
    states = {c["id"][:8]: c["anchor"]["state"] for c in json.loads(listed.output)["comments"]}
    assert states == {gone: "orphaned", twin: "ambiguous"}
    assert kept not in states
    # a person settles the ambiguous one by hand
    fixed = cli(
        "comment",
        "edit",
        twin[:8],
        "--section",
        "5.8.3",
        "--quote",
        "每年培训熟练技工1000人以上，发放职业技能等级证明。",
    )
    assert fixed.exit_code == 0, fixed.output
    shown = json.loads(cli("comment", "show", twin, "--json").output)
    assert (shown["anchor"]["state"], shown["plan_version"]) == ("anchored", 2)
    assert shown["quoted"] == "每年培训熟练技工1000人以上，发放职业技能等级证书。"
    again = cli("comments", "reanchor", "luhe")
    assert again.output.startswith("luhe 上没有需要重新定位的意见")
    english = cli("--lang", "en", "comments", "reanchor", "luhe")
    assert english.output.startswith("no comments on luhe needed re-anchoring")


def test_an_import_of_comments_on_an_older_version_is_carried_to_the_current_one(
    cli: Cli, tmp_path: Path
) -> None:
    theirs = ("--db", str(tmp_path / "lisi.db"))
    old = added_id(
        cli(*theirs, "comment", "add", "luhe", "--section", "2.4", "--body", "示范标杆可保留")
    )
    assert "新版本 2" in cli("import", str(revised_luhe(tmp_path)), "--id", "luhe").output
    export = tmp_path / "lisi.jsonld"
    cli(*theirs, "comments", "export", str(export))  # still anchored to version 1
    result = cli("comments", "import", str(export))
    assert result.exit_code == 0, result.output
    assert "luhe 上的 1 条意见已重新定位到第 2 版：已移位 1 条" in result.output
    shown = json.loads(cli("comment", "show", old, "--json").output)
    assert (shown["plan_version"], shown["anchor"]["section"]) == (2, "2.3")


def test_edit_delete_restore_show_and_search(cli: Cli) -> None:
    c = added_id(cli("comment", "add", "luhe", "--section", "1", "--body", "关于指导思想的意见"))
    assert cli("comment", "edit", c[:6], "--body", "改写后的意见", "--submit").exit_code == 0
    shown = json.loads(cli("comment", "show", c[:6], "--json").output)
    assert (shown["body"], shown["status"]) == ("改写后的意见", "submitted")
    assert comment_ids(cli, "--db", "unused") == []  # a missing database lists nothing
    assert "改写后的意见" in cli("comment", "list", "--search", "改写").output
    assert cli("comment", "list", "--search", "没有这个词").output == "没有符合条件的意见\n"
    assert "restore" in cli("comment", "rm", c[:8]).output
    assert comment_ids(cli) == []
    assert c[:8] in cli("comment", "list", "--deleted").output
    cli("comment", "restore", c[:8])
    assert comment_ids(cli) == [c]
    assert "没有要修改的内容" in cli("comment", "edit", c[:8]).output
    assert "nothing to change" in cli("--lang", "en", "comment", "edit", c[:8]).output


def test_report_final_purges_deleted_comments(cli: Cli, tmp_path: Path) -> None:
    keep = added_id(cli("comment", "add", "luhe", "--section", "1", "--body", "留"))
    gone = added_id(cli("comment", "add", "luhe", "--section", "2", "--body", "去"))
    cli("comment", "rm", gone)
    out = tmp_path / "final.md"
    out.write_text("旧的报告\n", encoding="utf-8")
    result = cli("report", "-o", str(out), "--final")
    assert result.exit_code == 0 and "已彻底删除 1 条已删除的意见" in result.output
    assert "共 1 条意见" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert comment_ids(cli) == [keep]
    assert f"没有意见“{gone}”" in cli("comment", "restore", gone).output


def test_reviewer_comes_from_option_then_environment_then_config(
    corpus_dir: Path, tmp_path: Path
) -> None:
    config = tmp_path / "plancompare.toml"
    config.write_text('reviewer = "王五"\norganisation = "县科工局"\n', encoding="utf-8")
    runner = CliRunner()
    base = ["--config", str(config), "--corpus", str(corpus_dir), "--db", str(tmp_path / "r.db")]

    def add(*extra: str, env: dict[str, str] | None = None) -> dict[str, str]:
        args = [*base, "comment", "add", "luhe", "--section", "1", "--body", "意见", "--json"]
        result = runner.invoke(main, [*args, *extra], env=env, catch_exceptions=False)
        return json.loads(result.output)

    assert (add()["reviewer"], add()["organisation"]) == ("王五", "县科工局")
    env = {"PLANCOMPARE_REVIEWER": "赵六", "PLANCOMPARE_ORG": "州工信局"}
    assert (add(env=env)["reviewer"], add(env=env)["organisation"]) == ("赵六", "州工信局")
    assert add("--reviewer", "钱七", env=env)["reviewer"] == "钱七"


def test_bad_input_is_one_line_exit_2_and_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "review.db"
    c = added_id(cli("comment", "add", "luhe", "--section", "1", "--body", "已有意见"))
    before = sqlite3.connect(db).execute("select count(*) from comments").fetchone()[0]

    def fails(result: Result, message: str) -> None:
        assert result.exit_code == 2, result.output
        (line,) = result.output.strip().split("\n")
        assert line.startswith("plancompare: error: ") and message in line, line

    not_json = tmp_path / "bad.jsonld"
    not_json.write_text("{这不是 JSON", encoding="utf-8")
    fails(cli("--lang", "en", "comments", "import", str(not_json)), "not JSON")
    not_collection = tmp_path / "list.jsonld"
    not_collection.write_text('{"type": "Annotation"}', encoding="utf-8")
    fails(
        cli("--lang", "en", "comments", "import", str(not_collection)),
        "not a W3C annotation collection",
    )
    export = tmp_path / "mine.jsonld"
    cli("comments", "export", str(export))
    data = json.loads(export.read_text(encoding="utf-8"))
    data["first"]["items"][0]["id"] = "urn:uuid:12345678-1234-4234-8234-123456789abc"
    data["first"]["items"][0]["target"]["selector"]["value"] = "section=9.9"
    export.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    fails(cli("--lang", "en", "comments", "import", str(export)), "has no section '9.9'")
    fails(
        cli("--lang", "en", "comment", "add", "luhe", "--section", "9.9", "--body", "x"),
        "no section '9.9'",
    )
    fails(
        cli("--lang", "en", "comment", "add", "luhe", "--section", "1", "--body", "  "),
        "needs a body",
    )
    fails(cli("--lang", "en", "comment", "resolve", c, "--disposition", "maybe"), "not one of")
    fails(cli("--lang", "en", "comment", "show", "nothing"), "no comment 'nothing'")
    fails(cli("--lang", "en", "comment", "list", "--state", "lost"), "'lost' is not one of")
    assert sqlite3.connect(db).execute("select count(*) from comments").fetchone()[0] == before

    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("会议纪要\n", encoding="utf-8")
    fails(cli("--lang", "en", "--db", str(not_sqlite), "comment", "list"), "not a SQLite database")
    fails(
        cli(
            "--lang",
            "en",
            "--db",
            str(not_sqlite),
            "comment",
            "add",
            "luhe",
            "--section",
            "1",
            "--body",
            "x",
        ),
        "not a SQLite database",
    )
    assert not_sqlite.read_text(encoding="utf-8") == "会议纪要\n"
    fails(cli("--lang", "en", "--db", str(tmp_path / "empty.db"), "report"), "no comments yet")
    chinese = cli("comment", "show", "nothing")
    assert (
        chinese.output
        == f"plancompare：错误：{db}：没有意见“nothing”（参见：plancompare comment list）\n"
    )


def test_comment_on_a_target(cli: Cli) -> None:
    added = cli(
        "comment", "add", "luhe", "--target", "服装产业年总产值", "--target-year", "2030",
        "--body", "目标偏高，建议论证", "--json",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    comment = json.loads(added.output)
    assert comment["anchor"]["section"] == "3.1"
    assert "服装产业年总产值突破100亿元" in comment["anchor"]["quote"]["exact"]
    ambiguous = cli("comment", "add", "luhe", "--target", "企业", "--body", "x")
    assert ambiguous.exit_code == 2
    assert "“企业”对应" in ambiguous.stderr and "个目标：" in ambiguous.stderr
    assert "--target-year" in ambiguous.stderr
    english = cli("--lang", "en", "comment", "add", "luhe", "--target", "企业", "--body", "x")
    assert "'企业' matches " in english.stderr and " (section 3.1), " in english.stderr
    nowhere = cli("comment", "add", "luhe", "--body", "x")
    assert nowhere.exit_code == 2
    assert "--section" in nowhere.stderr


def test_a_bad_import_file_creates_no_database(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonld"
    bad.write_text("not json", encoding="utf-8")
    result = cli("comments", "import", str(bad))
    assert result.exit_code == 2
    assert "不是 JSON" in result.stderr
    assert not (tmp_path / "review.db").exists()


def test_a_comment_on_a_finding_follows_the_workspace_rule(cli: Cli) -> None:
    """`comment add --finding` drafts the comment as the findings view's `c` does: the
    request its kind calls for, 修改 for structure and 疑问 for targets, the reason filled
    in, the finding kept as the reference; whatever the reviewer gives wins."""

    def add(*args: str) -> dict[str, Any]:
        result = cli("comment", "add", "luhe", *args, "--reviewer", "张三", "--json")
        assert result.exit_code == 0, result.output
        comment: dict[str, Any] = json.loads(result.output)
        return comment

    gap = add("--section", "6", "--finding", "numbering-gap")
    assert (gap["category"], gap["anchor"]["section"]) == ("amend", "6")
    # the finding travels as the reference and is stated once where the comment is shown
    assert gap["body"] == "建议核实并补正章节标题和编号。"
    assert gap["reference"]["values"]["missing"] == "四、"
    assert gap["rationale"] == "章节编号和标题应完整、连续，便于引用和执行。"
    assert gap["reference"]["kind"] == "numbering-gap"

    conflict = add("--section", "3.4", "--finding", "target-conflict", "--body", "请核实")
    assert (conflict["category"], conflict["body"]) == ("question", "请核实")
    assert conflict["rationale"] == "同一指标在规划中应前后一致，以便执行和考核。"

    chosen = add("--section", "6", "--finding", "numbering-gap", "--category", "补充")
    assert chosen["category"] == "add"
    plain = add("--section", "6", "--body", "无关问题")  # no finding: amend, no reason
    assert (plain["category"], plain["rationale"]) == ("amend", "")

    missing = cli("comment", "add", "luhe", "--section", "6", "--reviewer", "张三")
    assert missing.exit_code == 2 and "意见需要正文" in missing.output


def test_a_finding_drafted_in_english() -> None:
    finding = Finding("target-conflict", "3.4", ["5", "10"], {"indicator": "X", "year": "2030"})
    draft = draft_for(finding, "en")
    # the finding itself travels as the comment's reference; the body asks for what to do
    assert draft.body.startswith("Please check this target's value and unit")
    assert draft.category == "question"
    assert draft.rationale.startswith("A target should be stated the same way")
