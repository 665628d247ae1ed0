"""The compare view's text, without an app: wrapping, diff marks, markers, the sentence
cursor, comment spans, and rows laid side by side."""

from __future__ import annotations

from datetime import UTC, datetime

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from plancompare.align.diff import diff_sections
from plancompare.align.highlight import PairHighlight, SentenceKind
from plancompare.align.rows import CompareRow, RowKind
from plancompare.align.sentence_cursor import SentenceCursor, cursor_on
from plancompare.model import Link, Paragraph, Plan, PlanMeta, Section, SectionKind
from plancompare.review.model import Anchor, Comment, TextPositionSelector, TextQuoteSelector
from plancompare.review.row_marks import (
    changed_sections,
    comment_span,
    rows_showing,
    target_spans,
)
from plancompare.review.target_marks import plan_targets, row_highlights
from plancompare.text.sentences import split_sentences
from plancompare.tui.i18n import LABELS, Labels
from plancompare.tui.widgets.diff_text import (
    COMMENTED,
    NOWHERE,
    UNMATCHED,
    Palette,
    SideMarks,
    shifted,
    side_marks,
    side_text,
)
from plancompare.tui.widgets.pair_row import RowStyles, SideInput, render_row, row_height, row_view
from plancompare.tui.widgets.wrap import break_offsets, wrap_text


def section(sid: str, title: str, text: str) -> Section:
    return Section(sid, SectionKind.LEAD, None, title, f"{title}。", 2, [Paragraph(text)])


A = section("1", "培育龙头企业", "到2028年，规上企业达到100家。支持企业上市。加强人才培训。")
B = section("1", "培育龙头企业", "到2027年，规上企业达到80家。支持企业上市。")
PAIR = CompareRow(RowKind.PAIR, A, B, Link("1", "1", 0.87, "match"))


def highlight() -> PairHighlight:
    """The highlight of A ⇄ B (the plans' subjects differ, their targets are comparable)."""
    plans = (
        Plan(PlanMeta("a", title="某县服装产业发展规划", region="某县"), [A]),
        Plan(PlanMeta("b", title="某州纺织产业行动计划", region="某州"), [B]),
    )
    diffs = {0: diff_sections(A, B, words=False)}
    return row_highlights([PAIR], diffs, plan_targets(*plans))[0]


def named(figure: object) -> str:
    return "〔值〕"


def test_wrap_breaks_between_chinese_characters_by_cells() -> None:
    text = "一二三四五六七八九十"
    assert break_offsets(text, 8) == [4, 8]  # four wide characters to a line of 8 cells
    assert break_offsets(text, 9) == [4, 8]  # half a character never fits
    # Closing punctuation never opens a line: the character before goes down with it.
    assert break_offsets("一二三四，五六", 8) == [3]
    assert break_offsets("第一\n第二", 20) == [3]
    assert break_offsets("grow the plan", 8) == [9]  # a Latin word goes down whole
    lines, starts = wrap_text(Text("甲乙丙丁戊\n己"), 6)
    assert [line.plain for line in lines] == ["甲乙丙", "丁戊", "己"]
    assert starts == [0, 3, 6]
    assert all(cell_len(line.plain) <= 6 for line in lines)


def test_wrap_never_cuts_a_number() -> None:
    # 年均增速1│0% and 到2│027年 read as other figures: a number goes down whole.
    for text, number in (
        ("城乡人均可支配收入年均增速10%，累计", "10%"),
        ("力争到2027年建成", "2027"),
    ):
        at = text.index(number)
        for width in range(8, 2 * len(text), 2):
            for b in break_offsets(text, width):
                assert not at < b < at + len(number), (text, width, b)
    text = "工程”和“1310”具体部署"
    assert break_offsets(text, 10)[0] == text.index("1310")  # the whole of 1310 goes down


def test_side_marks_of_a_highlight() -> None:
    h = highlight()
    a, b = side_marks(h, "a", name=named), side_marks(h, "b", name=named)
    assert [A.text[s:e] for s, e, _ in a.unmatched] == ["加强人才培训。"]
    assert b.unmatched == []
    assert [A.text[s:e] for s, e in a.of_kind(SentenceKind.SAME)] == ["支持企业上市。"]
    # Only the figures of the differing target (and its year) are marked, and it is named.
    assert {A.text[s:e] for s, e in a.figures} == {"100家", "到2028年"}
    assert {B.text[s:e] for s, e in b.figures} == {"80家", "到2027年"}
    assert [(A.text[:at][-3:], text) for at, text in a.labels] == [("100家"[-3:], "〔值〕")]
    assert side_marks(None, "a") == SideMarks()


def test_side_text_styles_and_markers() -> None:
    palette = Palette()
    marks = side_marks(highlight(), "a", name=named)
    marks.comments = [(0, 3)]
    text = side_text(A.text, marks, palette)
    assert text.plain == COMMENTED + A.text.replace("100家", "100家〔值〕").replace(
        "加强人才", UNMATCHED + "加强人才"
    )
    at = A.text.index("加强人才")
    assert text.plain[shifted(marks, at)] == "加"
    figures = [s for s in text.spans if s.style == palette.number]
    assert {text.plain[s.start : s.end] for s in figures} == {"100家", "到2028年"}
    # Without detail (a row that is not selected) the markers and named differences stay.
    quiet = side_marks(highlight(), "a", detail=False, name=named)
    quiet_text = side_text(A.text, quiet, palette)
    assert UNMATCHED in quiet_text.plain and "〔值〕" in quiet_text.plain
    assert not [s for s in quiet_text.spans if s.style in (palette.number, palette.tint)]
    nowhere = SideMarks(sentences=[(0, 3, SentenceKind.ONLY_HERE, True)])
    assert side_text(A.text, nowhere, palette).plain.startswith(NOWHERE)
    hits = SideMarks(search=[(A.text.index("企业"), A.text.index("企业") + 2)])
    assert [s.style for s in side_text(A.text, hits, palette).spans] == [palette.search]


def test_sentence_cursor_moves_extends_and_clamps() -> None:
    sentences = split_sentences(A.text)
    assert len(sentences) == 3
    cursor = SentenceCursor("a", 0, 0)
    cursor = cursor.moved(1, 3).extended(1, 3).extended(1, 3)
    assert (cursor.first, cursor.last) == (1, 2)
    assert cursor.span(sentences) == (sentences[1].start, sentences[2].end)
    assert cursor.moved(-1, 3) == SentenceCursor("a", 1, 1)
    assert cursor.extended(-2, 3).first == 0
    on = cursor_on("b", sentences, sentences[1].start + 2)
    assert (on.side, on.first, on.last) == ("b", 1, 1)
    across = cursor_on("a", sentences, sentences[0].start, sentences[1].end)
    assert (across.first, across.last) == (0, 1)


def comment(text: str, start: int | None, end: int | None) -> Comment:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    quote = TextQuoteSelector(text) if text else None
    position = TextPositionSelector(start, end) if start is not None and end is not None else None
    return Comment("c1", "luhe", 1, Anchor("1", [], quote, position), "意见", now, now)


def test_comment_spans_follow_the_quote() -> None:
    at = A.text.index("规上企业")
    assert comment_span(comment("规上企业", at, at + 4), A.text) == (at, at + 4)
    # Offsets gone stale: the quote is found where it is now.
    moved = A.text.index("支持企业上市")
    assert comment_span(comment("支持企业上市", 0, 6), A.text) == (moved, moved + 6)
    assert comment_span(comment("", None, None), A.text) is None  # the whole section
    assert comment_span(comment("不在文中", 0, 4), A.text) is None
    old = {("luhe", "1"): [comment("规上企业", at, at + 4)]}
    assert changed_sections(old, {}) == {("luhe", "1")}
    assert changed_sections(old, dict(old)) == set()
    rows = [CompareRow(RowKind.ONLY_B, None, B, None), CompareRow(RowKind.ONLY_A, A, None, None)]
    assert rows_showing(rows, "luhe", "dehong", {("luhe", "1")}) == [1]
    assert rows_showing(rows, "luhe", "dehong", {("dehong", "1")}) == [0]


def test_target_spans_cover_target_wording(luhe: Plan) -> None:
    spans = target_spans(luhe)
    texts = {s.id: s.text for s in luhe.walk()}
    assert spans
    for (plan, sid), found in spans.items():
        assert plan == "luhe"
        for start, end in found:
            assert 0 <= start < end <= len(texts[sid])


def test_labels_exist_in_both_languages() -> None:
    assert set(LABELS["zh"]) == set(LABELS["en"])


def test_rows_side_by_side_with_placeholders() -> None:
    labels, styles = Labels("zh"), RowStyles()
    console = Console(width=200)
    h = highlight()
    view = row_view(
        PAIR, SideInput(side_marks(h, "a")), SideInput(side_marks(h, "b")), styles, labels
    )
    assert view.a.plain.startswith(A.label) and [t.plain for t in view.middle] == ["0.87", "对应"]
    strips, cursor_line = render_row(view, 60, console, True, styles)
    assert len(strips) == row_height(view, 60)
    assert all(strip.cell_length == 60 for strip in strips)
    assert cursor_line is None
    only = row_view(CompareRow(RowKind.ONLY_A, A, None, None), SideInput(SideMarks()),
                    SideInput(SideMarks()), styles, labels)  # fmt: skip
    assert only.b.plain == "（无对应）"
    more = CompareRow(RowKind.MORE, A, B, Link("1", "1", 0.4, "partial"), b_seen=True)
    view = row_view(more, SideInput(SideMarks()), SideInput(SideMarks()), styles, labels)
    assert view.a.plain == "〃" and view.b.plain == f"〃 见上：{B.label}"
    assert view.middle[1].plain == "部分"

    # Where a side only points at its unit (〃), the sentences that differ are shown too, so
    # that both figures of a differing target are on screen — in a row where both sides
    # point (a further partner of A's unit, B's unit shown earlier) as well.
    def pointing(side: str) -> SideInput:
        targets = [
            (s.start, s.end) for s in h.side_sentences(side) if s.kind is SentenceKind.TARGET
        ]
        return SideInput(side_marks(h, side, name=named), excerpt=targets)

    view = row_view(more, pointing("a"), pointing("b"), styles, labels)
    assert view.a.plain == "〃\n到2028年，规上企业达到100家〔值〕。"
    assert view.b.plain == f"〃 见上：{B.label}\n到2027年，规上企业达到80家〔值〕。"
    # The cursor's lines get an arrow in the bar beside them (it reads without colour).
    sentences = split_sentences(A.text)
    marks = side_marks(h, "a")
    marks.cursor = (sentences[2].start, sentences[2].end)
    view = row_view(PAIR, SideInput(marks), SideInput(SideMarks()), styles, labels,
                    cursor=("a", sentences[2].start, sentences[2].end))  # fmt: skip
    strips, cursor_line = render_row(view, 40, console, True, styles)
    assert cursor_line is not None and cursor_line >= 1
    assert "◀" in strips[cursor_line].text
    assert not any("◀" in s.text for s in strips[:cursor_line])
    assert Style(bgcolor="grey15") == styles.selected
