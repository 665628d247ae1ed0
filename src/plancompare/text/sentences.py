"""Sentences and clauses of a section's text, with character offsets for anchoring."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plancompare.text.lexicon import INCREMENT, LEADING_VERBS

# A sentence ends at 。！？ or at a semicolon: plans chain their measures with ；
# ("一是…；二是…；"), and a clause is the unit a reviewer compares. Closing quotes and
# brackets that follow the terminator stay with the sentence.
# A bullet inside a line (●提出… ●企业职工… ●基本养老…) opens an item, so it ends the sentence
# before it; the bullet itself is left out of both.
_SENTENCE = re.compile(r"[^。！？!?；;\n●■◆▶★]+(?:[。！？!?；;]+[”’」』）)]*)?|[。！？!?；;]+")

# The responsibility notes that close many measures in Chinese plans:
# （牵头单位：县科工局；责任单位：县发展改革局） or （县科工局…按职责分工负责）.
_NOTE = re.compile(r"牵头单位|责任单位|配合单位|按职责分工负责")


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence or ;-clause of a text, located by character offsets."""

    text: str
    """The sentence as written, terminator included, surrounding spaces stripped."""
    start: int
    """Offset of its first character in the text it was split from."""
    end: int
    """Offset just past its last character."""
    note: bool = False
    """True for a responsibility note such as （牵头单位：…；责任单位：…）."""


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences and ;-clauses; offsets index into ``text``.

    A responsibility note in brackets is kept whole (its ；does not split it) and flagged,
    so that alignment can leave it out: it names offices, not measures.
    """
    out: list[Sentence] = []
    pos = 0
    while pos < len(text):
        if text[pos] in "（(":
            close = _closing_bracket(text, pos)
            if close is not None and _NOTE.search(text, pos, close):
                while close < len(text) and text[close] in "。；;":
                    close += 1
                _add(out, text, pos, close, note=True)
                pos = close
                continue
        m = _SENTENCE.match(text, pos)
        if m is None or m.end() == pos:
            pos += 1
            continue
        _add(out, text, pos, m.end(), note=False)
        pos = m.end()
    return out


def _closing_bracket(text: str, start: int) -> int | None:
    """Offset just past the bracket closing the one at ``start``, if it closes on this line."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth -= 1
            if depth == 0:
                return i + 1
        elif ch == "\n":
            return None
    return None


def _add(out: list[Sentence], text: str, start: int, end: int, *, note: bool) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = start + lead
    out.append(Sentence(stripped, s, s + len(stripped), note))


_OPEN = "（(“‘《「【[『"
_CLOSE = "）)”’》」】]』"
_CLAUSE_SEP = "，,；;：:…"  # …… where a list trails off ends a clause too


def split_clauses(text: str, separators: str = _CLAUSE_SEP) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence: split at ，；： (or ``separators``) outside
    brackets and quotation marks, never inside a number (1,000)."""
    out: list[tuple[int, int]] = []
    depth = 0
    start = 0
    statements = _quoted_statement_marks(text, separators)
    for i, ch in enumerate(text):
        if i in statements:
            continue
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0 and not _thousands_comma(text, i):
            out.append((start, i))
            start = i + 1
    out.append((start, len(text)))
    return out


def _quoted_statement_marks(text: str, separators: str) -> set[int]:
    """Where the quotation marks around a quoted statement stand (“全市粮食播种面积…稳定在3012
    万亩,第一产业增加值增长4%左右。”): quotes holding clauses and figures quote what was said,
    and its clauses split as any others; quotes around a name (“菜篮子”) hold none."""
    marks: set[int] = set()
    if "“" not in text:
        return marks  # nearly every clause split: no quotes, nothing to look for
    for m in _DOUBLE_QUOTED.finditer(text):
        inner = _INNER_QUOTED.sub("", m.group()[1:-1])  # not what ‘…’ or brackets hold
        # A slogan may hold a comma (“实施五大发展行动,打造四个特色之城”), not a stated figure.
        if any(ch in separators for ch in inner) and _DIGIT.search(inner):
            marks.update((m.start(), m.end() - 1))
    return marks


#: A span in double quotes, without quotes of its own kind inside.
_DOUBLE_QUOTED = re.compile(r"“[^“”]*”")


#: What single quotes and brackets hold inside a quoted span (‘菜篮子’, (含…)).
_INNER_QUOTED = re.compile(r"‘[^‘’]*’|（[^（）]*）|\([^()]*\)")
_DIGIT = re.compile(r"[0-9０-９]")


def _thousands_comma(text: str, i: int) -> bool:
    """True for the comma of 1,000."""
    return text[i] == "," and text[i - 1 : i].isdigit() and text[i + 1 : i + 4].isdigit()


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside “…”, 《…》, 「…」 and "…": names and slogans (“1+2+9”), never figures. Quotes
    around a whole statement (“到2020年，人口自然增长率在7.8%左右。”) quote what a plan says,
    they hold no name: a span with a comma or a full stop inside is not one, nor one that sets
    a deadline or lists figures (“到2027年地区生产总值突破800亿元、形成6个百亿级产业”)."""
    return [
        (m.start(), m.end())
        for m in re.finditer(r"“[^”，,。；;]*”|《[^》]*》|「[^」]*」|\"[^\"，,。；;]*\"", text)
        if m.group()[0] == "《" or _QUOTED_STATEMENT.search(m.group()) is None
    ]


#: Inside quotes, the marks of a statement: a deadline, or figures listed (…800亿元、形成6个).
_QUOTED_STATEMENT = re.compile(r"到\s*(?:19|20)[0-9]{2}\s*年|[0-9][^、”\"]*、[^、”\"]*[0-9]")


#: A space standing for a comma between words of Chinese (web summaries, copied lists: 包括挡墙
#: 13.46千米 道路8.72千米), with a bullet dash between spaces or beside a citation mark ([1]).
_SPACE_BREAK = re.compile(
    r"(?<=[\u4e00-\u9fff）)”\]]{2})[ \u3000]+(?:[-–—•·][ \u3000]+)?(?=[\u4e00-\u9fff“（(\[]{2})"
)


def with_space_breaks(text: str) -> str:
    """``text`` with the spaces that stand for its commas written as commas; of the same
    length, so offsets still index into ``text``.

    Spaces stand for commas in text that writes its clauses apart with spaces instead of
    punctuation (more such spaces than commas). A stray space in punctuated text (重点城 市, a
    PDF's line break) is part of a word, and one beside a figure (新建 10 家) spaces the figure.
    """
    # 完成2所学校能力提升建设 项目内容：…: a space before a label ends the clause anyhow.
    text = _LABEL_AFTER_SPACE.sub(lambda m: "，" * len(m.group()), text)
    breaks = len(_SPACE_BREAK.findall(text))
    spaced = breaks >= _SPACED_CLAUSES and breaks > len(_CLAUSE_MARKS.findall(text))
    # 2020年粮食产能增千亿斤 耕地保持18亿亩: a headline writes its one break with a space (新建 10
    # 家以上创新载体 打造 5 个集群 spaces its figures: its spaces are no commas).
    headline = len(text) <= _HEADLINE_LENGTH and not _NOT_A_HEADLINE.search(text)
    if not breaks or not (spaced or headline):
        return text

    def comma(m: re.Match[str]) -> str:
        # 今年预计新增 高速公路700公里: in a headline, a verb before the space keeps its object.
        kept = breaks == 1 and text[: m.start()].endswith(_OPENS_OBJECT)
        return m.group() if kept else "，" * len(m.group())

    return _SPACE_BREAK.sub(comma, text)


#: Spaces before a short label and its colon (… 项目内容：).
_LABEL_AFTER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff）)])[ \u3000]+(?=[\u4e00-\u9fff]{2,6}[:：])")
#: How many spaces between words make a text one that writes its clauses apart with spaces.
_SPACED_CLAUSES = 2
#: Verbs whose object may follow a space (新增 高速公路): no break after them.
_OPENS_OBJECT = (*INCREMENT, *LEADING_VERBS)
#: The longest unpunctuated line read as a headline, whose spaces are its commas.
_HEADLINE_LENGTH = 40
#: The marks that end a clause, and spaces beside a figure: a line with them is no headline.
_CLAUSE_MARKS = re.compile(r"[，,；;。]")
_NOT_A_HEADLINE = re.compile(r"[，,；;。]|\s[0-9]|[0-9]\s")


#: A web page's tag (<p style="…">, </span>, <br/>) or character entity (&quot;, &#160;), as
#: copied with a page's text.
_MARKUP = re.compile(
    r"</?(?P<tag>[A-Za-z][A-Za-z0-9]{0,9})(?:\s[^<>]{0,600})?/?>|&(?:[a-z]{2,8}|#[0-9]{2,5});"
)
#: Tags that open or close a block of a page (a paragraph, a cell, a line break).
_BLOCK_TAGS = frozenset(
    "p div br li ul ol td th tr table h1 h2 h3 h4 h5 h6 section article blockquote".split()  # noqa: SIM905
)


def without_markup(text: str, block: str = " ", inline: str = " ") -> str:
    """``text`` with the markup a web page left in it (<p style="font-size: 20px">, &quot;)
    blanked: a block's tag written as ``block``, any other tag or entity as ``inline``, each
    character for character when they are one character (offsets still index into ``text``)."""

    if "<" not in text and "&" not in text:
        return text  # the plan's own text, as nearly every sentence is: nothing to read

    def blank(m: re.Match[str]) -> str:
        mark = block if (m["tag"] or "").lower() in _BLOCK_TAGS else inline
        return mark * len(m.group())

    return _MARKUP.sub(blank, text)
