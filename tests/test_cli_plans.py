"""The plan commands from the command line: import, plans, outline, check, and bad input."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import SEEDS
from tests.pdf_support import build_image_only_pdf, build_pdf

Cli = Callable[..., Result]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, str, str]]:
    """name → (file, expected words in the error in English, in Chinese)."""
    (tmp / "folder.txt").mkdir()
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_bytes(b"  \n\n \t\n")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp / "plan.odt").write_bytes(b"PK\x03\x04 an OpenDocument text")
    (tmp / "notpdf.pdf").write_bytes(b"%PDF-1.4 and then nothing a PDF reader can use")
    blocks = [("heading", "一、总体要求"), ("body", "坚持创新驱动，推动产业高质量发展。")]
    build_pdf(tmp / "locked.pdf", blocks, encrypt="secret")
    build_image_only_pdf(tmp / "scan.pdf")
    whole = build_pdf(tmp / "whole.pdf", blocks).read_bytes()
    (tmp / "truncated.pdf").write_bytes(whole[: len(whole) * 2 // 3])
    (tmp / "latin.txt").write_bytes(
        "一、总则\n".encode() + bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 3
    )
    (tmp / "notzip.docx").write_text("一、总则\n（一）目标。", encoding="utf-8")
    with zipfile.ZipFile(tmp / "otherzip.docx", "w") as z:
        z.writestr("hello.txt", "not a word document")
    # A title and nothing after it: no heading and no text to read.
    (tmp / "noheadings.txt").write_text("某县产业发展规划（2024-2030年）\n", encoding="utf-8")
    return {
        "missing": (tmp / "nope.txt", "no such file", "没有这个文件"),
        "directory": (tmp / "folder.txt", "directory", "是文件夹"),
        "empty": (tmp / "empty.txt", "empty", "文件是空的"),
        "blank": (tmp / "blank.txt", "empty", "文件是空的"),
        "binary": (tmp / "binary.txt", "binary", "二进制文件"),
        "unsupported": (tmp / "plan.odt", "unsupported file type", "不支持的文件类型"),
        "pdf-not-pdf": (tmp / "notpdf.pdf", "not a readable PDF", "不是可读的 PDF"),
        "pdf-encrypted": (tmp / "locked.pdf", "encrypted", "已加密"),
        "pdf-image-only": (tmp / "scan.pdf", "has no text layer", "没有文字层"),
        "pdf-truncated": (tmp / "truncated.pdf", "not a readable PDF", "不是可读的 PDF"),
        "undecodable": (tmp / "latin.txt", "UTF-8", "不是有效的 UTF-8 或 GB18030 文本"),
        "docx-not-zip": (tmp / "notzip.docx", "not a valid .docx", "不是有效的 .docx 文件"),
        "zip-not-docx": (tmp / "otherzip.docx", "not a valid .docx", "不是有效的 .docx 文件"),
        "no-headings": (tmp / "noheadings.txt", "no headings", "找不到标题"),
    }


CASES = [
    "missing",
    "directory",
    "empty",
    "blank",
    "binary",
    "unsupported",
    "pdf-not-pdf",
    "pdf-encrypted",
    "pdf-image-only",
    "pdf-truncated",
    "undecodable",
    "docx-not-zip",
    "zip-not-docx",
    "no-headings",
]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
    case: str, cli: Cli, corpus_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    path, words, _ = bad_inputs(folder)[case]
    before = snapshot(corpus_dir)
    result = cli("--lang", "en", "import", str(path), "--id", "bad")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0]
    assert words.lower() in lines[0].lower()
    assert "Traceback" not in result.output
    assert snapshot(corpus_dir) == before


@pytest.mark.parametrize(
    "case", ["missing", "binary", "no-headings", "docx-not-zip", "pdf-image-only"]
)
def test_bad_input_as_plan_argument(case: str, cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    path, _, chinese = bad_inputs(folder)[case]
    result = cli("outline", str(path))  # the interface's default language: zh
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"plancompare：错误：{path}："), result.stderr
    assert chinese in lines[0]


def test_unknown_plan_id_names_the_known_ones(cli: Cli) -> None:
    result = cli("--lang", "en", "outline", "nanjing")
    assert result.exit_code == 2
    assert "nanjing" in result.stderr
    assert "dehong, luhe" in result.stderr


def test_bad_plan_id_is_refused(cli: Cli) -> None:
    result = cli("--lang", "en", "import", str(SEEDS["dehong"]), "--id", "../escape")
    assert result.exit_code == 2
    assert "not a usable plan id" in result.stderr


def test_import_then_outline_and_plans(cli: Cli, corpus_dir: Path) -> None:
    result = cli("import", str(SEEDS["dehong"]), "--id", "dehong2")
    assert result.exit_code == 0, result.output
    assert "dehong2: 已导入" in result.output
    assert (corpus_dir / "dehong2.md").is_file()
    plans = json.loads(cli("plans", "--json").output)
    assert [p["id"] for p in plans["plans"]] == ["dehong", "dehong2", "luhe"]
    again = cli("--lang", "en", "import", str(SEEDS["dehong"]), "--id", "dehong2")
    assert "dehong2: unchanged" in again.output


def test_import_of_luhe_says_what_was_inferred(cli: Cli, corpus_dir: Path) -> None:
    result = cli("--lang", "en", "import", str(SEEDS["luhe"]), "--id", "luhe2")
    assert result.exit_code == 0
    assert "no title line" in result.output
    assert "2 missing heading(s) inferred" in result.output
    # the note is kept in English in the canonical file, and said in the reader's language
    stored = (corpus_dir / "luhe2.md").read_text(encoding="utf-8")
    assert "- no title line in the source; set one with --title" in stored
    chinese = cli("import", str(SEEDS["luhe"]), "--id", "luhe3")
    assert "注：源文件中没有标题行；可用 --title 设置" in chinese.output


def test_a_page_without_numbered_headings_is_read_as_one_body(
    cli: Cli, corpus_dir: Path, tmp_path: Path
) -> None:
    """A news report of a plan's targets has no 一、 or （一）: it imports, says so, and its
    targets are read (not set aside as a preamble's background)."""
    page = tmp_path / "report.txt"
    page.write_text(
        "某市印发文化旅游发展三年行动方案\n"
        "记者从市文旅局获悉，《方案》提出，到2026年，全市接待游客达到6000万人次，"
        "旅游总收入突破700亿元。\n"
        "全市将新建乡村旅游重点村20个。\n",
        encoding="utf-8",
    )
    result = cli("--lang", "en", "import", str(page), "--id", "report")
    assert result.exit_code == 0, result.output
    assert "no numbered headings" in result.output
    stored = (corpus_dir / "report.md").read_text(encoding="utf-8")
    assert "- no numbered headings (such as 一、 or （一）) in the source" in stored
    targets = json.loads(cli("targets", "report", "--json").output)
    names = {t["indicator"] for t in targets["targets"]}
    assert {"接待游客", "旅游总收入", "乡村旅游重点村"} <= names


def test_outline_json_follows_the_contract(cli: Cli) -> None:
    data = json.loads(cli("outline", "luhe", "--json").output)
    assert data["plan"]["id"] == "luhe"
    assert data["plan"]["title"] == "陆河县服装产业高质量发展规划"
    node = data["sections"][1]
    assert {"id", "number", "title", "level", "text", "children"} <= node.keys()
    assert (node["id"], node["number"], node["title"], node["level"]) == (
        "1",
        "一、",
        "指导思想",
        1,
    )
    inferred = data["sections"][5]
    assert (inferred["kind"], inferred["title"], inferred["number"]) == ("inferred", "", None)
    lead = inferred["children"][0]["children"][0]
    assert (lead["id"], lead["title"], lead["level"]) == ("5.1.1", "培育壮大领航企业", 3)
    assert lead["text"].startswith("强化龙头企业培育")


def test_outline_text_lists_every_section(cli: Cli) -> None:
    out = cli("outline", "dehong").output.splitlines()
    assert out[0].startswith("德宏州纺织服装产业集群建设三年行动计划  [dehong]")
    assert any(line.startswith("5.4 ") and "（四）优化营商环境" in line for line in out)
    assert len(out) == 1 + 20


def test_outline_of_a_file_path_without_importing(cli: Cli, corpus_dir: Path) -> None:
    result = cli("outline", str(SEEDS["dehong"]), "--json")
    assert json.loads(result.output)["plan"]["title"] == "德宏州纺织服装产业集群建设三年行动计划"
    assert not (corpus_dir / "002_9b052b1b9253b67e.md").exists()


def test_check_json_and_text(cli: Cli) -> None:
    data = json.loads(cli("check", "dehong", "--json").output)
    assert data["plan"] == "dehong"
    dup = [f for f in data["findings"] if f["kind"] == "duplicate-number"]
    assert dup[0]["section"] == "5"
    assert dup[0]["evidence"] == ["四、实施路径", "四、保障措施"]
    text = cli("check", "luhe").output
    assert "缺少标题" in text and "编号缺漏" in text
    # places as the draft names them, never a section id
    assert "五、保障措施  编号缺漏" in text and "第 6 节" not in text
    english = cli("--lang", "en", "check", "luhe").output
    assert "numbering gap: 三、总体目标 is followed by 五、保障措施" in english


def test_edited_canonical_file_is_read_back(cli: Cli, corpus_dir: Path) -> None:
    """A reviewer replaces an inferred heading with the real one; the tree follows."""
    path = corpus_dir / "luhe.md"
    text = path.read_text(encoding="utf-8")
    first = text.index("# <!-- plancompare: missing heading")
    end = text.index("\n", first)
    path.write_text(text[:first] + "# 四、主要任务" + text[end:], encoding="utf-8")
    data = json.loads(cli("outline", "luhe", "--json").output)
    assert (data["sections"][4]["number"], data["sections"][4]["title"]) == ("四、", "主要任务")
    kinds = [f["kind"] for f in json.loads(cli("check", "luhe", "--json").output)["findings"]]
    assert kinds.count("missing-heading") == 1
    assert "numbering-gap" not in kinds


def test_broken_front_matter_is_one_line(cli: Cli, corpus_dir: Path) -> None:
    path = corpus_dir / "luhe.md"
    path.write_text(path.read_text(encoding="utf-8").replace("version: 1", "version: [1"), "utf-8")
    result = cli("--lang", "en", "outline", "luhe")
    assert result.exit_code == 2
    assert "front matter is not valid YAML (line 9)" in result.stderr
    assert str(path) in result.stderr
    chinese = cli("outline", "luhe")
    assert f"{path}：前置元数据不是有效的 YAML（第 9 行）" in chinese.stderr
