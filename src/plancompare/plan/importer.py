"""Reading any supported file into a Plan: readers, title block, tree, and metadata inference."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from plancompare.errors import PlanError
from plancompare.i18n import t
from plancompare.ingest import (
    RawBlock,
    RawParagraph,
    read_bytes,
    read_source,
    sha256_of,
)
from plancompare.ingest.cleanup import clean_line
from plancompare.model import Plan, PlanMeta, SectionKind
from plancompare.plan.canonical import (
    has_headings,
    meta_from_dict,
    parse_front_matter,
    parse_markdown,
)
from plancompare.plan.structure import build_sections, take_head
from plancompare.text.visible import visible

_REGION = re.compile(
    r"^((?:[\u4e00-\u9fff]{1,7}?(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|地区|县|区|旗))+)"
)
_LEVELS = {"特别行政区": "省", "自治区": "省", "自治州": "州", "自治县": "县", "地区": "州"}
#: The four municipalities directly under the State Council: provincial in level, 市 in name.
_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
#: The longest plan id, in characters.
MAX_ID_LENGTH = 64
_PLAN_ID = re.compile(rf"[\w][\w-]{{0,{MAX_ID_LENGTH - 1}}}")
#: File names derived from an id (``ID.md``, ``sources/ID.vN.HASH.docx``) must stay under the
#: file system's 255 bytes.
MAX_ID_BYTES = 150


@dataclass(slots=True)
class MetaOptions:
    """Metadata a user gives on the command line; it wins over what the file says."""

    title: str | None = None
    region: str | None = None
    period: str | None = None
    status: str | None = None
    level: str | None = None
    """国家, 省, 市 or 县 when the region's name does not tell (丹阳市 is a county-level city)."""


def check_plan_id(plan_id: str) -> str:
    """A corpus id must be usable as a file name: letters, digits, _ and -."""
    # fullmatch: with match, "$" let "abc\n" through (and made a file "abc\n.md").
    if not _PLAN_ID.fullmatch(plan_id) or len(plan_id.encode("utf-8", "replace")) > MAX_ID_BYTES:
        raise PlanError(None, "plan_id_bad", id=visible(plan_id, one_line=True))
    return plan_id


def default_plan_id(path: Path) -> str:
    """A plan id from a file name: its stem, with unusable characters replaced."""
    stem = re.sub(r"[^\w-]+", "-", path.stem).strip("-") or "plan"
    while len(stem.encode("utf-8")) > MAX_ID_BYTES:
        stem = stem[:-1]
    return stem[:MAX_ID_LENGTH]


def region_of(title: str) -> tuple[str | None, str | None]:
    """Region and administrative level named at the start of a title: 德宏州… → (德宏州, 州)."""
    m = _REGION.match(title)
    if not m:
        return None, None
    region = m.group(1)
    if title[m.end() : m.end() + 1] in ("市", "县", "区", "旗", "盟"):
        region = title[: m.end() + 1]  # 杭州市, 开州区: 州 ends a name, not the region
    if region in _MUNICIPALITIES:
        return region, "省"  # 上海市: a municipality under the State Council is provincial
    for suffix, level in _LEVELS.items():
        if region.endswith(suffix):
            return region, level
    return region, region[-1]


def read_plan(
    path: Path,
    plan_id: str | None = None,
    options: MetaOptions | None = None,
    encoding: str | None = None,
) -> Plan:
    """Read a .txt, .docx or .md file into a :class:`Plan` (nothing is written)."""
    options = options or MetaOptions()
    plan_id = check_plan_id(plan_id) if plan_id else default_plan_id(path)
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        plan = _read_markdown(path, plan_id, encoding)
    else:
        doc = read_source(path, encoding)
        head, body = take_head(doc.blocks)
        meta = PlanMeta(
            id=plan_id,
            title=head.title,
            period=head.period,
            status=head.status,
            source=path.name,
            sha256=doc.sha256,
            encoding=doc.encoding,
            notes=list(doc.notes),
        )
        if not head.title:
            meta.notes.append(t("note_no_title", "en"))  # data: see plan.wording.note_text
        plan = Plan(meta=meta, sections=build_sections(body))
    _apply_options(plan.meta, options)
    if not any(s.kind is not SectionKind.PREAMBLE for s in plan.sections):
        if not any(s.content for s in plan.sections):
            raise PlanError(path, "err_no_headings", first="一、", second="（一）")
        # A page without numbered headings (a news report of a plan's targets, a short 通知)
        # is still a plan: its text is read as one body, and the user told so.
        plan.meta.notes.append(
            t("note_no_headings", "en", first="一、", second="（一）")
        )  # data: see plan.wording.note_text
    return plan


def _read_markdown(path: Path, plan_id: str, encoding: str | None) -> Plan:
    from plancompare.ingest.encoding import decode_text

    data = read_bytes(path)
    text, used = decode_text(data, path, encoding)
    if has_headings(text):
        plan = parse_markdown(text, path, plan_id)
    else:
        front = parse_front_matter(text, path)
        head, body = take_head(_markdown_paragraphs(text))
        plan = Plan(meta=meta_from_dict(front, path, plan_id), sections=build_sections(body))
        plan.meta.title = plan.meta.title or head.title
        plan.meta.period = plan.meta.period or head.period
        plan.meta.status = plan.meta.status or head.status
    # A canonical file keeps the provenance it names; a hand-written one gets its own.
    if not plan.meta.sha256:
        plan.meta.source = path.name
        plan.meta.sha256 = sha256_of(data)
        plan.meta.encoding = used
    plan.meta.id = plan_id if plan_id != default_plan_id(path) else plan.meta.id
    return plan


def _markdown_paragraphs(text: str) -> list[RawBlock]:
    """Paragraphs of a Markdown text without headings, for the heading grammar to read."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    tokens = MarkdownIt("commonmark").use(front_matter_plugin).parse(text)
    blocks: list[RawBlock] = []
    for tok in tokens:
        if tok.type == "inline":
            for line in tok.content.split("\n"):
                cleaned = clean_line(line)
                if cleaned:
                    blocks.append(RawParagraph(cleaned))
    return blocks


def _apply_options(meta: PlanMeta, options: MetaOptions) -> None:
    if options.title:
        meta.title = options.title
        meta.notes = [n for n in meta.notes if "--title" not in n]
    if options.period:
        meta.period = options.period
    if options.status:
        meta.status = options.status
    if options.region:
        meta.region = options.region
        meta.level = region_of(options.region)[1] or meta.level
    elif meta.title and not meta.region:
        meta.region, meta.level = region_of(meta.title)
    if options.level:
        meta.level = options.level


def now_iso() -> str:
    """The current time in UTC, ISO 8601, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
