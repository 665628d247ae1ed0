"""Sentences, numbers and word-level diffs, from fixture files in tests/data/align/."""

from __future__ import annotations

from decimal import Decimal

import pytest

from plancompare.align.diff import plain_diff, tokenize, word_diff
from plancompare.text.numbers import find_numbers, normalize_numbers, parse_number
from plancompare.text.sentences import split_sentences, with_space_breaks, without_markup
from tests.conftest import DATA

FIXTURES = DATA / "align"


def blocks(name: str) -> list[list[str]]:
    lines = [
        line
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    return [b.strip().splitlines() for b in "\n".join(lines).split("\n\n") if b.strip()]


NUMBER_CASES = [
    tuple(line.split(" => "))
    for line in (FIXTURES / "numbers.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_CASES, ids=[c[0] for c in NUMBER_CASES])
def test_normalize_numbers(text: str, expected: str) -> None:
    assert normalize_numbers(text) == expected


def test_parse_number_reads_every_writing_of_a_value() -> None:
    for written in ("十万", "10万", "１０００００", "100000", "0.1百万"):
        assert parse_number(written) == Decimal(100000), written
    assert parse_number("3.5亿") == Decimal("350000000")
    assert parse_number("二〇二七") == Decimal(2027)
    assert parse_number("发展") is None
    assert parse_number("") is None


def test_number_spans_index_the_original_text() -> None:
    text = "产值达１００亿元，就业超十万人"
    spans = find_numbers(text)
    assert [text[s.start : s.end] for s in spans] == ["１００亿", "十万"]
    assert [s.canonical for s in spans] == ["10000000000", "100000"]


@pytest.mark.parametrize("block", blocks("sentences.txt"), ids=lambda b: b[0][:12])
def test_split_sentences(block: list[str]) -> None:
    paragraph, expected = block[0], block[1:]
    found = split_sentences(paragraph)
    assert [("note:" if s.note else "") + s.text for s in found] == expected
    for s in found:
        assert paragraph[s.start : s.end] == s.text


@pytest.mark.parametrize("block", blocks("word_diff.txt"), ids=lambda b: b[0][3:15])
def test_word_diff(block: list[str]) -> None:
    fields = dict(line.split(": ", 1) for line in block)
    a, b = fields["A"], fields["B"]
    ops = word_diff(a, b, 7, 100)
    assert plain_diff(ops) == fields["="]
    changed = [f"{op.a_text}→{op.b_text}" for op in ops if op.number]
    assert (", ".join(changed) or "-") == fields["numbers"]
    for op in ops:
        assert a[op.a_start - 7 : op.a_end - 7] == op.a_text
        assert b[op.b_start - 100 : op.b_end - 100] == op.b_text


def test_tokens_key_numbers_by_value() -> None:
    keys = [t.key for t in tokenize("超十万人")]
    assert keys == [t.key for t in tokenize("超10万人")]
    assert "#100000" in keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A summary that writes its clauses apart with spaces: each such space is a comma.
        (
            "包括挡墙13.46千米 道路8.72千米 护砌2.75千米",
            "包括挡墙13.46千米，道路8.72千米，护砌2.75千米",
        ),
        (
            "交通设施 - 实施县道提升工程 包括路面改造",
            "交通设施，，，实施县道提升工程，包括路面改造",
        ),
        # Punctuated text keeps a stray space (a PDF's line break inside a word) ...
        (
            "全市46个重点城 市生活垃圾分类，处理能力提升。",
            "全市46个重点城 市生活垃圾分类，处理能力提升。",
        ),
        # ... letter-spaced words keep theirs, and so does a figure set apart by spaces.
        ("数 字 经 济 发 展", "数 字 经 济 发 展"),
        ("新建 10 家以上创新载体 打造 5 个集群", "新建 10 家以上创新载体 打造 5 个集群"),
    ],
)
def test_spaces_stand_for_commas_only_where_a_text_has_none(text: str, expected: str) -> None:
    out = with_space_breaks(text)
    assert out == expected
    assert len(out) == len(text)


def test_a_bullet_inside_a_line_opens_a_sentence() -> None:
    """●提出… ●企业职工… : items a page ran into one line; each bullet opens a sentence."""
    text = "●提出6类共27项指标 ●企业职工基本养老保险纳入全国统筹 ●基本养老保险参保率达到95%"
    found = [s.text for s in split_sentences(text)]
    assert found == [
        "提出6类共27项指标",
        "企业职工基本养老保险纳入全国统筹",
        "基本养老保险参保率达到95%",
    ]
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))


def test_a_pages_markup_is_blanked_character_for_character() -> None:
    """<p style="margin: 0px; font-size: 20px;">: no figures and no sentence breaks in a page's
    tags; a block's tag can stand for a clause's end, an entity is nothing."""
    text = '<p style="margin: 0px; font-size: 20px;">新增学位&quot;800个</p><p>改造道路5条'
    blank = without_markup(text)
    assert len(blank) == len(text)
    assert "20px" not in blank and ";" not in blank and "quot" not in blank
    assert blank.split() == ["新增学位", "800个", "改造道路5条"]
    marked = without_markup(text, block="，", inline="")
    assert marked.startswith("，") and "&" not in marked
    assert [part for part in marked.split("，") if part] == ["新增学位800个", "改造道路5条"]
    assert without_markup("人均GDP<5万元") == "人均GDP<5万元"  # a bracket is not a tag
