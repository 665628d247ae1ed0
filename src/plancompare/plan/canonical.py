"""The canonical plan format: Markdown with front matter, written and read back (markdown-it-py).

Conventions, chosen so that a reviewer can read and correct the file by hand:

* headings (``#`` …) are the numbered sections, the number kept as written; a heading that
  ends in 。 was split from the start of its paragraph (``（一）加强组织领导。成立…``);
* a heading holding only ``<!-- plancompare: missing heading … -->`` stands where the source
  has no heading but its numbering shows one is missing;
* dash items stay paragraphs opening with ——; lead-phrase items are paragraphs opening with
  the phrase in bold (``**培育壮大领航企业**。强化…``) — remove the bold to undo one;
* tables are Markdown tables; what the importer did to rebuild one is in a comment above it;
* a 专栏 (box) or 附件 (annex) is a heading that opens with its label (``## 专栏1：…``,
  ``# 附件2 …``): a box one level below the section it stands in, its entries below it, an
  annex at the top level;
* text of a section that comes after one of its subsections (the tasks after a 专栏 in the
  middle of a chapter) follows ``<!-- plancompare: back to level N -->``: Markdown has no
  other way to leave a heading without opening another.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from plancompare.errors import PlanError
from plancompare.model import Paragraph, Plan, PlanMeta, Section, SectionKind, Table
from plancompare.plan.headings import (
    RUN_IN_TERMINATORS,
    match_annex,
    match_box,
    match_dash,
    match_number,
    title_of,
)
from plancompare.plan.structure import assign_ids, dash_item, labelled_section

MISSING_HEADING = (
    "plancompare: missing heading — the source has no heading here, but its numbering shows "
    "one is missing; write the real heading in place of this comment if you know it"
)
_MISSING_KEY = "plancompare: missing heading"
_TABLE_KEY = "plancompare: table:"
_LEVEL = re.compile(r"plancompare: level (\d+)")
_BACK = re.compile(r"<!--\s*plancompare: back to level (\d+)\s*-->")
LEGEND = (
    "<!-- plancompare canonical plan. Headings are sections, numbers as written; a heading "
    "ending in 。 was split from its paragraph. Bold opening phrases mark lead-phrase items. "
    "Edit freely, then check with: plancompare outline <file> -->"
)

_META_KEYS = (
    "id",
    "title",
    "region",
    "level",
    "period",
    "status",
    "version",
    "source",
    "sha256",
    "encoding",
    "imported",
    "notes",
)

_ESCAPE = re.compile(r"([\\`*_\[\]<>#|~&])")
# Line starts that Markdown would read as a list, quote, rule or setext underline.
_BLOCK_START = re.compile(r"^(?:[-+](?=[ \t]|$)|>|=+[ \t]*$|-+[ \t]*$)")
_LIST_START = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).use(front_matter_plugin).enable("table")


def escape(text: str, block: bool = True) -> str:
    """Escape Markdown syntax in plan text so that it reads back exactly as written.

    ``block`` also guards the start of a paragraph against list and quote syntax; table
    cells do not need that.
    """
    out = _ESCAPE.sub(r"\\\1", text)
    if not block:
        return out
    if _BLOCK_START.match(out):
        out = "\\" + out
    return _LIST_START.sub(r"\1\\\2", out)


# ---------------------------------------------------------------------------------- writing


def render_markdown(plan: Plan) -> str:
    """The canonical Markdown text of a plan."""
    meta = {k: getattr(plan.meta, k) for k in _META_KEYS}
    if not meta["notes"]:
        del meta["notes"]
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000).strip()
    parts = [f"---\n{front}\n---", LEGEND]
    for section in plan.sections:
        _render_section(section, parts)
    return "\n\n".join(parts) + "\n"


def _render_section(section: Section, parts: list[str]) -> None:
    kind = section.kind
    if kind is SectionKind.DASH:
        parts.append(escape(section.heading + section.text))
        return
    if kind is SectionKind.LEAD:
        rest = section.heading[len(section.title) :]
        parts.append(f"**{escape(section.title)}**{escape(rest + section.text)}")
        return
    if kind is not SectionKind.PREAMBLE:
        hashes = "#" * min(section.level, 6)
        extra = f" <!-- plancompare: level {section.level} -->" if section.level > 6 else ""
        if kind is SectionKind.INFERRED:
            parts.append(f"{hashes} <!-- {MISSING_HEADING} -->{extra}")
        else:
            parts.append(f"{hashes} {escape(section.heading)}{extra}")
    below = False  # a subsection heading has been written: what follows would fall under it
    for node in section.content:
        heading = isinstance(node, Section) and node.kind not in (
            SectionKind.DASH,
            SectionKind.LEAD,
        )
        if below and not heading and section.kind is not SectionKind.PREAMBLE:
            parts.append(f"<!-- plancompare: back to level {section.level} -->")
            below = False
        if isinstance(node, Section):
            _render_section(node, parts)
            below = below or heading
        elif isinstance(node, Table):
            parts.append(_render_table(node))
        else:
            parts.append(escape(node.text))


def _render_table(table: Table) -> str:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(escape(c, block=False) for c in cells) + " |"

    lines = []
    if table.notes:
        lines.append(f"<!-- {_TABLE_KEY} {'; '.join(table.notes)} -->\n")
    lines.append(row(table.header))
    lines.append("|" + "|".join("---" for _ in table.header) + "|")
    lines.extend(row(r) for r in table.rows)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------- reading


def has_headings(text: str) -> bool:
    """True when a Markdown text has at least one heading (so its tree is explicit)."""
    return any(t.type == "heading_open" for t in _md().parse(text))


def parse_front_matter(text: str, where: Path | str | None = None) -> dict[str, Any]:
    """The front matter of a Markdown text as a dict ({} when there is none)."""
    for token in _md().parse(text):
        if token.type == "front_matter":
            return _load_yaml(token.content, where)
    return {}


class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases: front matter never needs ``*ref``, and a few
    hundred bytes of nested aliases (a "billion laughs") expand to gigabytes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise _AliasFound(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


class _AliasFound(Exception):
    def __init__(self, mark: Any) -> None:
        self.mark = mark


#: The largest front matter accepted (a canonical file's is well under 4 KB).
MAX_FRONT_MATTER = 64 * 1024


def _load_yaml(content: str, where: Path | str | None) -> dict[str, Any]:
    if len(content) > MAX_FRONT_MATTER:
        raise PlanError(where, "front_matter_too_long", limit=MAX_FRONT_MATTER)
    try:
        data = yaml.load(content, Loader=_FrontMatterLoader) or {}
    except _AliasFound as e:
        raise PlanError(where, "front_matter_alias", line=e.mark.line + 2) from None
    except RecursionError:
        raise PlanError(where, "front_matter_too_deep") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        if mark is None:
            raise PlanError(where, "err_front_matter_yaml") from None
        raise PlanError(where, "err_front_matter_yaml_at", line=mark.line + 2) from None
    if not isinstance(data, dict):
        raise PlanError(where, "err_front_matter_not_keys")
    return data


def meta_from_dict(data: dict[str, Any], where: Path | str | None, plan_id: str) -> PlanMeta:
    """Front-matter values → :class:`PlanMeta`, checking their types."""
    meta = PlanMeta(id=str(data.get("id") or plan_id))
    for key in _META_KEYS[1:]:
        if key not in data or data[key] is None:
            continue
        value = data[key]
        if key == "version":
            if not isinstance(value, int) or value < 1:
                raise PlanError(where, "err_front_matter_version", value=repr(value))
            meta.version = value
        elif key == "notes":
            meta.notes = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        else:
            setattr(meta, key, str(value))
    return meta


def parse_markdown(text: str, where: Path | str | None = None, plan_id: str = "plan") -> Plan:
    """Parse a canonical (or hand-written) Markdown plan into a :class:`Plan`."""
    tokens = _md().parse(text)
    data: dict[str, Any] = {}
    root = Section(id="", kind=SectionKind.HEADING, number=None, title="", heading="", level=0)
    stack: list[Section] = []
    preamble: Section | None = None
    table_notes: list[str] = []

    def container() -> Section:
        nonlocal preamble
        if stack:
            return stack[-1]
        if preamble is None:
            preamble = Section(
                id="0", kind=SectionKind.PREAMBLE, number=None, title="", heading="", level=1
            )
            root.content.append(preamble)
        return preamble

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "front_matter":
            data = _load_yaml(tok.content, where)
        elif tok.type == "heading_open":
            level = int(tok.tag[1:])
            section, level = _heading_section(tokens[i + 1].children or [], level)
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1] if stack else root).content.append(section)
            stack.append(section)
            i += 3
            continue
        elif tok.type == "paragraph_open":
            container().content.append(_paragraph_node(tokens[i + 1].children or []))
            i += 3
            continue
        elif tok.type == "table_open":
            end, table = _read_table(tokens, i, table_notes)
            table_notes = []
            container().content.append(table)
            i = end
            continue
        elif tok.type == "html_block" and (back := _BACK.search(tok.content)):
            while stack and stack[-1].level > int(back.group(1)):
                stack.pop()
        elif tok.type == "html_block" and _TABLE_KEY in tok.content:
            note = tok.content.strip().removeprefix("<!--").removesuffix("-->").strip()
            table_notes = [n.strip() for n in note[len(_TABLE_KEY) :].split(";") if n.strip()]
        elif tok.type in ("fence", "code_block") and tok.content.strip():
            container().content.append(Paragraph(tok.content.strip()))
        i += 1

    sections = root.children
    assign_ids(sections)
    meta = meta_from_dict(data, where, plan_id)
    return Plan(meta=meta, sections=sections)


def _inline_text(children: list[Token]) -> str:
    """Plain text of inline tokens: escapes resolved, comments dropped, CJK line breaks joined."""
    out = ""
    for t in children:
        if t.type in ("text", "code_inline", "image") or (
            t.type == "html_inline" and not t.content.startswith("<!--")
        ):
            out += t.content
        elif t.type == "softbreak":
            out += "\x00"
        elif t.type == "hardbreak":
            out += "\n"
    # A line break inside CJK text is an editor's wrap, not a space.
    return re.sub(
        r"(.?)\x00(.?)",
        lambda m: (
            m.group(1) + ("" if _is_wide(m.group(1)) or _is_wide(m.group(2)) else " ") + m.group(2)
        ),
        out,
    ).strip()


def _is_wide(ch: str) -> bool:
    return bool(ch) and ord(ch) > 0x2E7F


def _heading_section(children: list[Token], level: int) -> tuple[Section, int]:
    comments = " ".join(t.content for t in children if t.type == "html_inline")
    m = _LEVEL.search(comments)
    if m:
        level = int(m.group(1))
    text = _inline_text(children)
    if not text and _MISSING_KEY in comments:
        return Section(
            id="", kind=SectionKind.INFERRED, number=None, title="", heading="", level=level
        ), level
    box, annex = match_box(text), match_annex(text)
    unit = box or annex
    if unit is not None and not unit.rest:
        labelled = labelled_section(SectionKind.BOX if box else SectionKind.ANNEX, unit)
        labelled.level = level
        return labelled, level
    prefix = match_number(text)
    if prefix is not None:
        return Section(
            id="",
            kind=SectionKind.NUMBERED,
            number=prefix.text,
            title=title_of(text[len(prefix.text) :]),
            heading=text,
            level=level,
            style=prefix.style,
            ordinal=prefix.ordinal,
        ), level
    return Section(
        id="",
        kind=SectionKind.HEADING,
        number=None,
        title=title_of(text),
        heading=text,
        level=level,
    ), level


def _paragraph_node(children: list[Token]) -> Paragraph | Section:
    meaningful = [t for t in children if not (t.type == "text" and not t.content)]
    if meaningful and meaningful[0].type == "strong_open":
        close = next(
            (k for k, t in enumerate(meaningful) if t.type == "strong_close"), len(meaningful)
        )
        phrase = _inline_text(meaningful[1:close])
        rest = _inline_text(meaningful[close + 1 :])
        punct = rest[:1] if rest[:1] and rest[:1] in RUN_IN_TERMINATORS + "：:" else ""
        item = Section(
            id="",
            kind=SectionKind.LEAD,
            number=None,
            title=phrase,
            heading=phrase + punct,
            level=0,
        )
        body = rest[len(punct) :].strip()
        if body:
            item.content.append(Paragraph(body))
        return item
    text = _inline_text(children)
    dash = match_dash(text)
    return dash_item(text, dash) if dash is not None else Paragraph(text)


def _read_table(tokens: list[Token], start: int, notes: list[str]) -> tuple[int, Table]:
    rows: list[list[str]] = []
    row: list[str] = []
    i = start + 1
    while tokens[i].type != "table_close":
        t = tokens[i]
        if t.type == "tr_open":
            row = []
        elif t.type == "inline":
            row.append(_inline_text(t.children or []))
        elif t.type == "tr_close":
            rows.append(row)
        i += 1
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    return i + 1, Table(header=header, rows=body, notes=list(notes))
