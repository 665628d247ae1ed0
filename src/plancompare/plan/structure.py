"""Raw blocks → section tree: title block, Chinese heading grammar, inferred parents, items."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from plancompare.ingest import RawBlock, RawParagraph, RawTable
from plancompare.model import Paragraph, Section, SectionKind
from plancompare.plan.headings import (
    MAX_STANDALONE_HEADING,
    HeadingSplit,
    LabelledUnit,
    NumberPrefix,
    lead_phrase,
    match_annex,
    match_box,
    match_dash,
    match_number,
    split_numbered,
    style_rank,
    title_of,
)
from plancompare.plan.tables import build_table
from plancompare.text.lexicon import (
    DECREASE,
    INCREASE,
    INCREMENT,
    PLAN_VERBS,
    TARGET_VERBS,
)
from plancompare.text.numbers import find_numbers
from plancompare.text.units import read_unit

_PERIOD = re.compile(r"^[（(]\s*(\d{4})\s*年?\s*[-—–－~～至到]+\s*(\d{4})\s*年?\s*[）)]$")
_BRACKETED = re.compile(r"^[（(](.+)[）)]$")
STATUS_WORDS = (
    "征求意见稿",
    "公开征求意见稿",
    "草案",
    "送审稿",
    "讨论稿",
    "修订稿",
    "报批稿",
    "试行",
    "初稿",
    "审议稿",
)
_HEAD_END_PUNCT = set("。，；：,;:！？")


@dataclass(slots=True)
class DocumentHead:
    """What the lines above the first paragraph say about the document."""

    title: str = ""
    """The title line(s), joined."""
    period: str | None = None
    """The plan period from a subtitle such as （2025-2027年）, as "2025-2027"."""
    status: str | None = None
    """The draft status from a subtitle such as （征求意见稿）."""
    subtitles: list[str] = field(default_factory=list)
    """Other bracketed subtitle lines, as written."""


def _is_head_line(block: RawBlock) -> bool:
    if not isinstance(block, RawParagraph) or block.number:
        return False
    text = block.text
    if block.heading_level is not None:
        # Word's Title style is the title; a heading style is a heading, not a title.
        return block.heading_level == 0
    if len(text) > MAX_STANDALONE_HEADING or text[-1] in _HEAD_END_PUNCT:
        return False
    return (
        match_number(text) is None
        and match_dash(text) is None
        and match_box(text) is None
        and match_annex(text) is None
    )


#: Words of a plan's claim before a headline's figure (到2023年…超过, 将新增, 计划建设).
_CLAIM_WORDS = re.compile(
    "|".join(
        sorted({*TARGET_VERBS, *PLAN_VERBS, *INCREASE, *DECREASE, *INCREMENT, "到", "达", "超"})
    )
)


def _states_figure(text: str) -> bool:
    """Whether a line claims a figure with its unit (到2023年产业规模超过2500亿元, 将新增10%):
    a headline's claim — not a title's year or ordinal (2021年, 第十四个五年规划), nor a page's
    counter with no claim (浏览839次, 2016年20期)."""
    for number in find_numbers(text):
        if text[: number.start].endswith("第"):
            continue
        unit = read_unit(text, len(text) - len(text[number.end :].lstrip()))  # 45 个
        if unit is not None and unit.known and _CLAIM_WORDS.search(text, 0, number.start):
            return True
    return False


def take_head(blocks: list[RawBlock]) -> tuple[DocumentHead, list[RawBlock]]:
    """Split off the title block: title lines and subtitles like （2025-2027年）（征求意见稿）.

    A title line that states a figure is a news page's headline (工信部:到2023年网络安全产业规模
    超过2500亿元): it stays the title and also opens the body, where its targets are read."""
    head = DocumentHead()
    i = 0
    stated: list[RawBlock] = []
    title_parts: list[str] = []
    seen_subtitle = False
    while i < len(blocks) and _is_head_line(blocks[i]):
        block = blocks[i]
        assert isinstance(block, RawParagraph)
        text = block.text
        period = _PERIOD.match(text)
        bracketed = _BRACKETED.match(text)
        if period:
            head.period = f"{period.group(1)}-{period.group(2)}"
            seen_subtitle = True
        elif bracketed and any(w in bracketed.group(1) for w in STATUS_WORDS):
            head.status = bracketed.group(1).strip()
            seen_subtitle = True
        elif bracketed:
            head.subtitles.append(text)
            seen_subtitle = True
        elif not seen_subtitle and len(title_parts) < 3:
            # A long title may wrap over lines; once a subtitle is seen, the title is over.
            title_parts.append(text)
            if _states_figure(text):
                stated.append(block)
        else:
            break
        i += 1
    head.title = "".join(title_parts)
    return head, [*stated, *blocks[i:]]


@dataclass(slots=True)
class _Open:
    section: Section
    rank: float


#: Numbers from 1. on (1., 01, （1）, ①) number items within a section (GB/T 9704: 一、 →
#: （一） → 1. → （1））; a 专栏 illustrates the section, so it is placed beside its items.
_ITEM_RANK = style_rank("ar_dot")
#: An annex holds everything after it, whatever its numbering: it ranks above every style.
_ANNEX_RANK = -1.0


class _TreeBuilder:
    """Builds the tree from classified paragraphs, inferring parents where numbering demands."""

    def __init__(self) -> None:
        self.root = Section(
            id="", kind=SectionKind.HEADING, number=None, title="", heading="", level=0
        )
        self.stack: list[_Open] = []
        self.preamble: Section | None = None
        self.box_at: int | None = None
        """Index in ``stack`` of the open 专栏, if one is open."""
        self.styles_outside_boxes: set[str] = set()
        """Numbering styles the document uses outside its boxes."""

    def container(self) -> Section:
        if self.stack:
            return self.stack[-1].section
        if self.preamble is None:
            self.preamble = Section(
                id="0", kind=SectionKind.PREAMBLE, number=None, title="", heading="", level=1
            )
            self.root.content.append(self.preamble)
        return self.preamble

    def add_block(self, block: Paragraph | RawTable) -> None:
        if isinstance(block, RawTable):
            self.container().content.append(build_table(block.rows, block.notes))
        else:
            if self.box_at is not None and self._resumes_outside_box(block.text):
                self.close_box()
            self.container().content.append(block)

    def add_item(self, item: Section) -> None:
        self.container().content.append(item)

    def close_box(self) -> None:
        if self.box_at is not None:
            del self.stack[self.box_at :]
            self.box_at = None

    def add_box(self, box: Section) -> None:
        """A 专栏 goes into the section it illustrates, beside the items of that section."""
        self.close_box()
        while (
            self.stack
            and self.stack[-1].rank >= _ITEM_RANK
            and self.stack[-1].section.kind is SectionKind.NUMBERED
        ):
            self.stack.pop()
        parent = self.stack[-1].section if self.stack else self.root
        parent.content.append(box)
        self.box_at = len(self.stack)
        self.stack.append(_Open(box, self.stack[-1].rank + 0.01 if self.stack else 0.0))

    def add_annex(self, annex: Section) -> None:
        """An 附件 stands at the top level and holds what follows it."""
        self.close_box()
        self.stack.clear()
        self.root.content.append(annex)
        self.stack.append(_Open(annex, _ANNEX_RANK))

    def _resumes_outside_box(self, text: str) -> bool:
        """A lead-phrase paragraph after a box's numbered entries, in a section whose own items
        are lead-phrase paragraphs, is the section's list going on, not box content."""
        assert self.box_at is not None
        box = self.stack[self.box_at].section
        if not box.children or lead_phrase(text) is None or self.box_at == 0:
            return False
        holder = self.stack[self.box_at - 1].section
        return any(isinstance(n, Paragraph) and lead_phrase(n.text) for n in holder.content)

    def _closes_box(self, section: Section, rank: float) -> bool:
        """Whether a numbered heading ends the open box rather than numbering its entries."""
        assert self.box_at is not None
        outside = self.stack[: self.box_at]
        if any(o.rank >= rank or o.section.style == section.style for o in outside):
            return True
        box = self.stack[self.box_at].section
        if any(s.style == section.style for s in box.walk() if s is not box):
            return False  # the box's own list goes on
        if section.ordinal == 1:
            return False  # a list of the box's own starts
        # A number that is neither the box's nor a new list continues the document's items.
        return section.style in self.styles_outside_boxes

    def add_heading(self, section: Section, rank: float) -> None:
        if self.box_at is not None and self._closes_box(section, rank):
            self.close_box()
        if self.box_at is not None:
            # An entry of the open box: nest by rank, but never outside the box.
            while len(self.stack) > self.box_at + 1 and self.stack[-1].rank >= rank:
                self.stack.pop()
            self.stack[-1].section.content.append(section)
            self.stack.append(_Open(section, rank))
            return
        if section.style is not None:
            self.styles_outside_boxes.add(section.style)
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        parent = self.stack[-1].section if self.stack else self.root
        if section.style is not None and section.ordinal is not None:
            prev = _last_child_of_style(parent, section.style)
            # Starting over at 1 is a restart; a repeated or skipped number is only a finding.
            if prev is not None and section.ordinal == 1 and (prev.ordinal or 0) >= 1:
                parent = self._parent_for_restart(parent, rank, section.style)
                parent.content.extend(_take_list_lead(prev))
            elif prev is None and parent is not self.root and _holds_other_list(parent, section):
                parent = self._infer_sibling_of_top()
        parent.content.append(section)
        self.stack.append(_Open(section, rank))

    def _infer_sibling_of_top(self) -> Section:
        """A run of numbered items that cannot belong to the open section gets a missing parent."""
        top = self.stack.pop()
        while self.stack and self.stack[-1].rank >= top.rank:
            self.stack.pop()
        outer = self.stack[-1].section if self.stack else self.root
        inferred = _inferred_section()
        outer.content.append(inferred)
        self.stack.append(_Open(inferred, top.rank))
        return inferred

    def _parent_for_restart(self, parent: Section, rank: float, style: str) -> Section:
        """Numbering restarts (（七） then （一）) with no heading between: a parent is missing."""
        if parent is not self.root:
            return self._infer_sibling_of_top()
        # Runs at the top level: wrap the previous run too, so that both runs sit alike.
        run: list[Section] = []
        for node in reversed(self.root.content):
            if isinstance(node, Section) and node.style == style:
                run.insert(0, node)
            else:
                break
        wrapper = _inferred_section()
        for node in run:
            self.root.content.remove(node)
        wrapper.content.extend(run)
        self.root.content.append(wrapper)
        inferred = _inferred_section()
        self.root.content.append(inferred)
        self.stack.clear()
        self.stack.append(_Open(inferred, rank - 0.25))
        return inferred


def _take_list_lead(item: Section) -> list[Paragraph]:
    """The paragraph ending an item that introduces the next list (到2025年：, 远期目标：):
    taken out of the item, it opens the section the restarted list belongs to."""
    last = item.content[-1] if item.content else None
    if (
        isinstance(last, Paragraph)
        and last.text.rstrip().endswith(("：", ":"))
        and (item.title or len(item.content) > 1)
    ):
        item.content.pop()
        return [last]
    return []


def _inferred_section() -> Section:
    return Section(id="", kind=SectionKind.INFERRED, number=None, title="", heading="", level=0)


def _last_child_of_style(parent: Section, style: str) -> Section | None:
    for node in reversed(parent.content):
        if isinstance(node, Section) and node.style == style:
            return node
    return None


def _holds_other_list(parent: Section, new: Section) -> bool:
    """Siblings share one kind of enumeration: a dash list or other numbers already there
    mean that a new run of numbers starts a section whose heading is missing."""
    return any(
        isinstance(node, Section)
        and (node.kind is SectionKind.DASH or (node.style is not None and node.style != new.style))
        for node in parent.content
    )


def _numbered_section(block: RawParagraph, prefix: NumberPrefix) -> tuple[Section, str]:
    if prefix.style == "article":
        # 第X条 opens an article of a regulation; articles have no titles, only text.
        body = block.text[len(prefix.text) :].strip(" \t\u3000")
        split = HeadingSplit(prefix.text, "", prefix.text, body)
    else:
        split = split_numbered(block.text, prefix.text, prefix.rank <= style_rank("cn_paren"))
    section = Section(
        id="",
        kind=SectionKind.NUMBERED,
        number=prefix.text,
        title=split.title,
        heading=split.heading,
        level=0,
        style=prefix.style,
        ordinal=prefix.ordinal,
    )
    return section, split.body


def labelled_section(kind: SectionKind, unit: LabelledUnit) -> Section:
    """A 专栏 or 附件 section from its heading line."""
    return Section(
        id="",
        kind=kind,
        number=unit.number,
        title=unit.title,
        heading=unit.heading,
        level=0,
        ordinal=unit.ordinal,
    )


def dash_item(text: str, dash: str) -> Section:
    """A dash item (——产业规模持续壮大。…) with its one paragraph."""
    split = split_numbered(text, dash)
    item = Section(
        id="",
        kind=SectionKind.DASH,
        number=dash,
        title=split.title,
        heading=split.heading,
        level=0,
    )
    if split.body:
        item.content.append(Paragraph(split.body))
    return item


def build_sections(blocks: Iterable[RawBlock]) -> list[Section]:
    """The section tree of a document body (title block already taken off)."""
    builder = _TreeBuilder()
    pending: list[RawBlock] = []
    last_dot: int | None = None  # the ordinal of the last 1. 2. item
    for block in _with_pending(_one_line_paragraphs(blocks), pending):
        if isinstance(block, RawTable):
            builder.add_block(block)
            continue
        text = (block.number or "") + block.text
        block = RawParagraph(text, block.heading_level, None)
        box, annex = match_box(text), match_annex(text)
        if box is not None or annex is not None:
            unit = box or annex
            assert unit is not None
            section = labelled_section(SectionKind.BOX if box else SectionKind.ANNEX, unit)
            if box is not None:
                builder.add_box(section)
            else:
                builder.add_annex(section)
            if unit.rest:
                pending.append(RawParagraph(unit.rest))
            continue
        prefix = match_number(text) or _next_dot_item(text, last_dot)
        if prefix is not None:
            if prefix.style == "ar_dot":
                last_dot = prefix.ordinal
            elif prefix.rank < _ITEM_RANK:
                last_dot = None  # 一、 or （一）: its items are numbered anew
            section, body = _numbered_section(block, prefix)
            builder.add_heading(section, prefix.rank)
            if body:
                section.content.append(Paragraph(body))
            continue
        if block.heading_level:
            heading = Section(
                id="",
                kind=SectionKind.HEADING,
                number=None,
                title=title_of(text),
                heading=text,
                level=0,
            )
            # Unnumbered Word headings rank by their style level, outside any numbered style.
            builder.close_box()
            builder.add_heading(heading, block.heading_level - 0.5)
            continue
        dash = match_dash(text)
        if dash is not None:
            builder.add_item(dash_item(text, dash))
            continue
        builder.add_block(Paragraph(text))
    sections = builder.root.children
    _mark_lead_items(sections)
    assign_ids(sections)
    return sections


#: An item number run into a figure (2.50个小区新增…: item 2, then 50个): read as a decimal.
_DOT_THEN_DIGIT = re.compile(r"(\d{1,2})[.．](?=\d)")


def _next_dot_item(text: str, last: int | None) -> NumberPrefix | None:
    """The number of the item after item ``last`` when its full stop runs into the figure that
    opens the item (1.…，then 2.50个小区…): the next number in order is the item's, not a
    decimal's."""
    m = _DOT_THEN_DIGIT.match(text)
    if m is None or last is None or int(m.group(1)) != last + 1:
        return None
    return NumberPrefix("ar_dot", _ITEM_RANK, m.group(0), last + 1)


def _with_pending(blocks: Iterable[RawBlock], pending: list[RawBlock]) -> Iterable[RawBlock]:
    """The blocks, each followed by whatever the loop put back into ``pending`` while reading it
    (the first entry of a box, run into the box's title line)."""
    for block in blocks:
        yield block
        while pending:
            yield pending.pop(0)


def _one_line_paragraphs(blocks: Iterable[RawBlock]) -> Iterable[RawBlock]:
    """A soft line break inside a Word paragraph starts a new paragraph, as in a .txt plan."""
    for block in blocks:
        if isinstance(block, RawParagraph) and "\n" in block.text:
            lines = [line.strip() for line in block.text.split("\n") if line.strip()]
            for i, line in enumerate(lines):
                first = i == 0
                yield RawParagraph(
                    line, block.heading_level if first else None, block.number if first else None
                )
        else:
            yield block


def _mark_lead_items(sections: list[Section]) -> None:
    """Turn paragraphs opened by a lead phrase into items, where they form a list.

    A list means two or more such paragraphs in one section, or one in a section whose
    siblings have such lists (a list of projects where most have several, a few only one).
    """

    def candidates(section: Section) -> list[int]:
        if section.kind is SectionKind.PREAMBLE or section.is_item:
            return []
        return [
            i
            for i, node in enumerate(section.content)
            if isinstance(node, Paragraph) and lead_phrase(node.text)
        ]

    def visit(siblings: list[Section]) -> None:
        found = {id(s): candidates(s) for s in siblings}
        run_has_lists = any(len(c) >= 2 for c in found.values())
        for s in siblings:
            idx = found[id(s)]
            if len(idx) >= 2 or (idx and run_has_lists):
                for i in idx:
                    para = s.content[i]
                    assert isinstance(para, Paragraph)
                    s.content[i] = _lead_item(para.text)
            visit(s.children)

    visit(sections)


def _lead_item(text: str) -> Section:
    phrase = lead_phrase(text)
    assert phrase is not None
    item = Section(
        id="",
        kind=SectionKind.LEAD,
        number=None,
        title=phrase,
        heading=text[: len(phrase) + 1],
        level=0,
    )
    item.content.append(Paragraph(text[len(phrase) + 1 :].strip()))
    return item


def assign_ids(sections: list[Section]) -> None:
    """Dotted position ids and depths: "0" for the preamble, "1", "1.2", … for the rest."""

    def visit(nodes: list[Section], prefix: str, level: int) -> None:
        n = 0
        for node in nodes:
            if node.kind is SectionKind.PREAMBLE:
                node.id, node.level = "0", level
                continue
            n += 1
            node.id = f"{prefix}{n}"
            node.level = level
            visit(node.children, f"{node.id}.", level + 1)

    visit(sections, "", 1)
