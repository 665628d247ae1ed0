"""Reading .docx plans: order, heading levels, automatic list numbers, tables, bad files."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from plancompare.errors import PlanError
from plancompare.ingest import RawParagraph, RawTable, sha256_of
from plancompare.ingest.docx import chinese_counting, format_number, read_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}<w:suff w:val="nothing"/></w:lvl>'
    )


# The outline numbering Chinese plans use: 一、 / （一） / 1. / （1） / ①.
PLAN_LIST = (
    f'<w:abstractNum {NSDECL} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    + _lvl(0, "chineseCounting", "%1、")
    + _lvl(1, "chineseCounting", "（%2）")
    + _lvl(2, "decimal", "%3.")
    + _lvl(3, "decimal", "（%4）")
    + _lvl(4, "decimalEnclosedCircle", "%5")
    + _lvl(5, "decimal", "%1.%6", "<w:isLgl/>")
    + _lvl(6, "bullet", "\u2022")
    + "</w:abstractNum>"
)


def add_numbering(document: Any) -> None:
    """Add the plan list as abstractNum 90 with num 90, and num 91 restarting it."""
    numbering = document.part.numbering_part.element
    first_num = next(
        (i for i, el in enumerate(numbering) if el.tag == f"{{{W_NS}}}num"), len(numbering)
    )
    # The schema wants every abstractNum before the first num.
    numbering.insert(first_num, parse_xml(PLAN_LIST))
    numbering.append(
        parse_xml(f'<w:num {NSDECL} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    numbering.append(
        parse_xml(
            f'<w:num {NSDECL} w:numId="91"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )


def numbered(
    document: Any, text: str, ilvl: int, num_id: int = 90, style: str | None = None
) -> Any:
    paragraph = document.add_paragraph(text, style=style)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {NSDECL}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def save(document: Any, tmp_path: Path, name: str = "plan.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def test_default_template_has_a_numbering_part() -> None:
    document = docx.Document()
    assert document.part.numbering_part.element.tag == f"{{{W_NS}}}numbering"


def test_a_plan_in_document_order(tmp_path: Path) -> None:
    document = docx.Document()
    add_numbering(document)
    document.add_paragraph("某县产业发展规划", style="Title")
    document.add_paragraph("\u3000\u3000为推动高质量发展，制定本规划。\u3000")
    document.add_paragraph("")
    document.add_paragraph("   ")
    document.add_paragraph("总体要求", style="Heading 1")
    numbered(document, "指导思想", 0)
    numbered(document, "坚持创新", 1)
    numbered(document, "坚持协调", 1)
    numbered(document, "", 1)  # an empty item: skipped, but Word still counts it
    numbered(document, "坚持开放", 1)
    numbered(document, "主要任务", 0)
    numbered(document, "优化布局", 1)
    numbered(document, "建设园区", 2)
    numbered(document, "完善配套", 3)
    numbered(document, "供水", 4)
    numbered(document, "供电", 4)
    numbered(document, "法定编号", 5)
    numbered(document, "要点", 6)
    document.add_paragraph("保障措施", style="Heading 2")

    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "指标"
    table.cell(0, 0).add_paragraph("\u3000名称 ")
    table.cell(0, 1).text = "2025年"
    table.cell(0, 2).text = "2027年"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "规模"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "100（合计）"
    table.cell(2, 1).text = "5"
    table.cell(2, 2).text = "8"

    numbered(document, "重新编号", 0, num_id=91)
    numbered(document, "下一条", 0, num_id=91)
    path = save(document, tmp_path)

    source = read_docx(path)

    assert source.path == path
    assert source.encoding is None
    assert source.sha256 == sha256_of(path.read_bytes())
    assert source.blocks == [
        RawParagraph("某县产业发展规划", heading_level=0),
        RawParagraph("为推动高质量发展，制定本规划。"),
        RawParagraph("总体要求", heading_level=1),
        RawParagraph("指导思想", number="一、"),
        RawParagraph("坚持创新", number="（一）"),
        RawParagraph("坚持协调", number="（二）"),
        RawParagraph("坚持开放", number="（四）"),
        RawParagraph("主要任务", number="二、"),
        RawParagraph("优化布局", number="（一）"),
        RawParagraph("建设园区", number="1."),
        RawParagraph("完善配套", number="（1）"),
        RawParagraph("供水", number="①"),
        RawParagraph("供电", number="②"),
        RawParagraph("法定编号", number="2.1"),
        RawParagraph("要点", number=None),
        RawParagraph("保障措施", heading_level=2),
        RawTable(
            rows=[
                ["指标名称", "2025年", "2027年"],
                ["规模", "100（合计）", ""],
                ["", "5", "8"],
            ]
        ),
        RawParagraph("重新编号", number="一、"),
        RawParagraph("下一条", number="二、"),
    ]


def test_heading_styles_by_base_style_localized_id_and_outline_level(tmp_path: Path) -> None:
    document = docx.Document()
    custom = document.styles.add_style("一级标题", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 1"]
    styles = document.styles.element
    # Chinese Word gives heading 3 the style id "3"; the name here is deliberately not
    # recognisable, so only the id tells.
    styles.append(
        parse_xml(
            f'<w:style {NSDECL} w:type="paragraph" w:styleId="3">'
            '<w:name w:val="样式三"/><w:basedOn w:val="Normal"/></w:style>'
        )
    )
    # ... but an id "2" whose English name is another built-in style is not a heading.
    styles.append(
        parse_xml(
            f'<w:style {NSDECL} w:type="paragraph" w:styleId="2">'
            '<w:name w:val="Body Text 2"/><w:basedOn w:val="Normal"/></w:style>'
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {NSDECL} w:type="paragraph" w:styleId="zhang">'
            '<w:name w:val="章标题"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
        )
    )
    document.add_paragraph("基于标题一", style="一级标题")
    p = document.add_paragraph("本地化三级标题")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {NSDECL} w:val="3"/>'))
    p = document.add_paragraph("大纲级别二")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {NSDECL} w:val="zhang"/>'))
    p = document.add_paragraph("正文二")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {NSDECL} w:val="2"/>'))
    document.add_paragraph("正文", style="Normal")
    source = read_docx(save(document, tmp_path))
    assert [(b.text, b.heading_level) for b in source.blocks if isinstance(b, RawParagraph)] == [
        ("基于标题一", 1),
        ("本地化三级标题", 3),
        ("大纲级别二", 2),
        ("正文二", None),
        ("正文", None),
    ]


def test_numbering_inherited_from_the_paragraph_style(tmp_path: Path) -> None:
    document = docx.Document()
    add_numbering(document)
    style = document.styles.add_style("条目", WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {NSDECL}><w:ilvl w:val="1"/><w:numId w:val="90"/></w:numPr>')
    )
    document.add_paragraph("甲项", style="条目")
    document.add_paragraph("乙项", style="条目")
    source = read_docx(save(document, tmp_path))
    assert source.blocks == [
        RawParagraph("甲项", number="（一）"),
        RawParagraph("乙项", number="（二）"),
    ]


def test_tracked_insertions_count_and_deletions_do_not(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph("加快")
    p._p.append(
        parse_xml(f'<w:ins {NSDECL} w:id="1" w:author="a"><w:r><w:t>推进</w:t></w:r></w:ins>')
    )
    p._p.append(
        parse_xml(
            f'<w:del {NSDECL} w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>'
        )
    )
    p.add_run("建设")
    source = read_docx(save(document, tmp_path))
    assert source.blocks == [RawParagraph("加快推进建设")]


def test_table_of_contents_is_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    body = document.element.body
    toc = parse_xml(
        f"<w:sdt {NSDECL}><w:sdtPr><w:docPartObj>"
        '<w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        "<w:sdtContent><w:p><w:r><w:t>一、总体要求\t1</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    body.insert(0, toc)
    document.add_paragraph("总体要求", style="Heading 1")
    source = read_docx(save(document, tmp_path))
    assert source.blocks == [RawParagraph("总体要求", heading_level=1)]


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (23, "chineseCountingThousand", "二十三"),
        (101, "chineseCountingThousand", "一百零一"),
        (110, "chineseCountingThousand", "一百一十"),
        (3, "chineseLegalSimplified", "叁"),
        (3, "ideographTraditional", "丙"),
        (20, "decimalEnclosedCircle", "⑳"),
        (21, "decimalEnclosedCircleChinese", "㉑"),
        (3, "decimalEnclosedParen", "⑶"),
        (28, "lowerLetter", "bb"),
        (4, "upperLetter", "D"),
        (14, "lowerRoman", "xiv"),
        (1999, "upperRoman", "MCMXCIX"),
        (7, "decimalZero", "07"),
        (7, "someFutureFormat", "7"),
    ],
)
def test_number_formats(value: int, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown


def test_chinese_counting_zero_and_large() -> None:
    assert chinese_counting(1001) == "一千零一"
    assert chinese_counting(12345) == "12345"


def test_plain_text_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_text("一、总体要求\n内容\n", encoding="utf-8")
    with pytest.raises(PlanError) as info:
        read_docx(path)
    assert (
        info.value.line("en")
        == f"{path}: not a valid .docx file (it holds plain text; name it .txt)"
    )


def test_binary_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(PlanError) as info:
        read_docx(path)
    assert info.value.line("en") == f"{path}: not a valid .docx file (not a zip archive)"


def test_old_word_doc(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(PlanError) as info:
        read_docx(path)
    assert info.value.line("en") == (
        f"{path}: not a valid .docx file (an old Word 97-2003 .doc file; save it as .docx)"
    )


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(PlanError) as info:
        read_docx(path)
    assert info.value.line("en") == (
        f"{path}: not a valid .docx file (a zip archive without a Word document in it)"
    )


def test_zip_with_an_incomplete_package(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
    with pytest.raises(PlanError) as info:
        read_docx(path)
    assert info.value.line("en") == (
        f"{path}: not a valid .docx file (a part of the Word document is missing)"
    )


def test_office_file_that_is_not_word(tmp_path: Path) -> None:
    # Re-label the Word main part as a spreadsheet: python-docx refuses it.
    source = save(docx.Document(), tmp_path, "source.docx")
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml"
                )
            dst.writestr(item, content)
    with pytest.raises(PlanError) as info:
        read_docx(path)
    assert info.value.line("en") == (
        f"{path}: not a valid .docx file (a zip archive without a Word document in it)"
    )


def test_truncated_docx(tmp_path: Path) -> None:
    whole = save(docx.Document(), tmp_path, "whole.docx").read_bytes()
    path = tmp_path / "plan.docx"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(PlanError) as info:
        read_docx(path)
    assert info.value.line("en") == (
        f"{path}: not a valid .docx file (the zip archive is damaged or cut short)"
    )


def test_malformed_document_xml(tmp_path: Path) -> None:
    source = save(docx.Document(), tmp_path, "source.docx")
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                content = content[:-40]
            dst.writestr(item, content)
    with pytest.raises(PlanError) as info:
        read_docx(path)
    assert info.value.line("en").startswith(f"{path}: not a valid .docx file (its XML is malformed")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"")
    with pytest.raises(PlanError) as info:
        read_docx(path)
    assert info.value.line("en") == f"{path}: file is empty"
