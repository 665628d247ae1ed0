"""Word .docx plans: paragraphs with heading levels and list numbers, and tables, in order."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx

from plancompare.errors import PlanError
from plancompare.i18n import Words
from plancompare.ingest import (
    RawBlock,
    RawParagraph,
    RawTable,
    SourceDocument,
    read_bytes,
    sha256_of,
)
from plancompare.text.numbers import chinese_numeral

# lxml has no type information here; its elements are passed around as Any.
_Element = Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _CUSTOM_XML = (
    _W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
_PPR, _RPR, _TCPR, _TRPR, _NUMPR = (_W + t for t in ("pPr", "rPr", "tcPr", "trPr", "numPr"))
_VAL = _W + "val"

# Inside a paragraph: deleted or moved-away text, drawings and text boxes (their text is
# not part of the paragraph's flow), and property elements hold no paragraph text.
_SKIP_IN_PARAGRAPH = frozenset(
    {
        _PPR,
        _RPR,
        _W + "del",
        _W + "moveFrom",
        _W + "drawing",
        _W + "pict",
        _W + "object",
        _MC + "AlternateContent",
    }
)

_EDGE_SPACE = " \t\n\r\x0b\x0c\xa0\u2002\u2003\u2009\u3000\u200b\ufeff"

#: Limits on what a .docx unpacks to: real plans (images included) stay far below them.
MAX_DOCX_PARTS = 2_000
MAX_DOCX_UNPACKED = 64 * 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_HEADING_NAME = re.compile(r"(?:heading|标题)\s*([1-9])", re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "标题"})
_TOC_NAME = re.compile(r"(?:toc|目录)\s*[1-9]", re.IGNORECASE)
# Localized Word (Chinese among others) gives the built-in heading styles the ids "1".."9".
_HEADING_ID = re.compile(r"[1-9]")
_LEVEL_REF = re.compile(r"%([1-9])")


def read_docx(path: Path) -> SourceDocument:
    """Read a .docx plan into raw blocks in document order.

    Paragraphs carry their text (without surrounding blank space), the heading level from
    a heading style (0 for the Title style) and the number Word's automatic list numbering
    shows in front of them. Tables become rows of cell texts, merged cells giving "" for
    the positions they cover. Empty paragraphs and a table of contents are left out.
    A file that is not a readable Word document raises :class:`PlanError`.
    """
    data = read_bytes(path)
    document = _open(path, data)
    part = document.part
    styles = _Styles(part.styles.element)
    numbering = _Numbering(part.numbering_part.element, styles)
    reader = _BodyReader(styles, numbering)
    reader.read_container(document.element.body)
    return SourceDocument(path, reader.blocks, sha256_of(data), encoding=None)


def _open(path: Path, data: bytes) -> Any:
    """The python-docx document, or a one-line error saying why there is none."""
    if data.startswith(_OLE_MAGIC):
        raise _invalid(path, Words("docx_old_doc"))
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK\x03\x04"):
            raise _invalid(path, Words("docx_zip_cut_short"))
        if _looks_like_text(data):
            raise _invalid(path, Words("docx_plain_text"))
        raise _invalid(path, Words("docx_not_zip"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _invalid(path, Words("docx_zip_damaged")) from None
    names = {info.filename for info in infos}
    # A zip reads no further than the sizes its directory declares, so these bound the work:
    # a few hundred KB of .docx can otherwise unpack to 100 MB of paragraphs.
    if len(infos) > MAX_DOCX_PARTS:
        raise PlanError(path, "docx_too_many_parts", count=len(infos), limit=MAX_DOCX_PARTS)
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_DOCX_UNPACKED:
        raise PlanError(path, "docx_too_large", size=unpacked, limit=MAX_DOCX_UNPACKED)
    if "[Content_Types].xml" not in names:
        raise _invalid(path, Words("docx_no_document"))
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as e:
        if "not a Word file" in str(e):
            raise _invalid(path, Words("docx_no_document")) from None
        raise _invalid(path, Words("docx_cannot_read", reason=e)) from None
    except KeyError:
        # python-docx's KeyErrors name package internals (relationship types, part names).
        raise _invalid(path, Words("docx_part_missing")) from None
    except Exception as e:
        # python-docx surfaces damage as zip, zlib or lxml errors of many kinds; the user
        # only needs to know the file is damaged, not the traceback.
        kind = "docx_bad_xml" if "XML" in type(e).__name__ else "docx_damaged"
        raise _invalid(path, Words(kind, error=type(e).__name__)) from None


def _invalid(path: Path, reason: Words) -> PlanError:
    return PlanError(path, "err_docx_invalid", reason=reason)


def _looks_like_text(data: bytes) -> bool:
    """True when the start of the file decodes as UTF-8 or GB18030 without control bytes."""
    head = data[:4096]
    for encoding in ("utf-8", "gb18030"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError as e:
            # The 4 KB cut may split a character.
            if e.start < len(head) - 4:
                continue
            text = head[: e.start].decode(encoding)
        return not any(ord(c) < 32 and c not in "\t\n\r\x0c" for c in text)
    return False


def _opt_int(value: str | None) -> int | None:
    """The attribute as an int; None when absent or malformed (damaged files happen)."""
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _int(value: str | None, default: int) -> int:
    number = _opt_int(value)
    return default if number is None else number


def _val(parent: _Element, tag: str) -> str | None:
    """The w:val of a child element, or None when the child is absent."""
    if parent is None:
        return None
    child = parent.find(_W + tag)
    return None if child is None else child.get(_VAL)


# --- Styles --------------------------------------------------------------------------


@dataclass(slots=True)
class _Style:
    id: str
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


class _Styles:
    """Paragraph styles by id, with the heading level and list reference each implies."""

    def __init__(self, root: _Element) -> None:
        self._styles: dict[str, _Style] = {}
        self.default_id: str | None = None
        for el in root.iter(_W + "style"):
            if el.get(_W + "type", "paragraph") != "paragraph":
                continue
            style_id = el.get(_W + "styleId")
            if not style_id:
                continue
            ppr = el.find(_PPR)
            numpr = ppr.find(_NUMPR) if ppr is not None else None
            self._styles[style_id] = _Style(
                id=style_id,
                name=(_val(el, "name") or "").strip(),
                based_on=_val(el, "basedOn"),
                num_id=_val(numpr, "numId"),
                ilvl=_opt_int(_val(numpr, "ilvl")),
                outline=_opt_int(_val(ppr, "outlineLvl")),
            )
            if el.get(_W + "default") in ("1", "true", "on"):
                self.default_id = style_id
        self._levels: dict[str, int | None] = {}

    def chain(self, style_id: str | None) -> Iterable[_Style]:
        """The style and the styles it is based on, nearest first."""
        seen: set[str] = set()
        # Word falls back to the default paragraph style for a missing or unknown style.
        current = style_id if style_id in self._styles else self.default_id
        while current is not None and current not in seen:
            seen.add(current)
            style = self._styles.get(current)
            if style is None:
                return
            yield style
            current = style.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        """1-9 for heading styles (or styles based on one), 0 for Title, else None."""
        key = style_id or ""
        if key not in self._levels:
            self._levels[key] = self._find_level(style_id)
        return self._levels[key]

    def _find_level(self, style_id: str | None) -> int | None:
        chain = list(self.chain(style_id))
        for style in chain:
            name = style.name.lower()
            if name in _TITLE_NAMES:
                return 0
            m = _HEADING_NAME.fullmatch(name)
            if m:
                return int(m.group(1))
            # An English name that is not "heading N" is another built-in style; only an
            # empty or localized name leaves the id to tell.
            if _HEADING_ID.fullmatch(style.id) and not (name and name.isascii()):
                return int(style.id)
        # Chinese templates often define their own heading styles ("一级标题") that are
        # not based on Heading N but carry an outline level, which is what Word uses.
        for style in chain:
            if style.outline is not None:
                return style.outline + 1 if 0 <= style.outline < 9 else None
        return None

    def is_toc(self, style_id: str | None) -> bool:
        """True for the styles of table-of-contents entries ("toc 1", "目录 2")."""
        style = self._styles.get(style_id or "")
        return style is not None and bool(_TOC_NAME.fullmatch(style.name))

    def list_ref(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The numId and ilvl a paragraph style (or a style it is based on) numbers with."""
        for style in self.chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None


# --- Numbering -----------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    start: int
    fmt: str
    text: str | None
    restart: int | None
    legal: bool
    style: str | None


@dataclass(slots=True)
class _Num:
    state_key: str
    levels: dict[int, _Level]


@dataclass(slots=True)
class _Counters:
    values: list[int | None] = field(default_factory=lambda: [None] * 9)


class _Numbering:
    """Word's automatic list numbering, replayed paragraph by paragraph."""

    def __init__(self, root: _Element, styles: _Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, _Element] = {}
        self._num_el: dict[str, _Element] = {}
        for el in root.iterchildren(_W + "abstractNum"):
            self._abstract[el.get(_W + "abstractNumId", "")] = el
        for el in root.iterchildren(_W + "num"):
            self._num_el[el.get(_W + "numId", "")] = el
        self._nums: dict[str, _Num | None] = {}
        self._counters: dict[str, _Counters] = {}

    def number(self, ppr: _Element, style_id: str | None) -> str | None:
        """Advance the paragraph's list counters and return the number text it shows."""
        numpr = ppr.find(_NUMPR) if ppr is not None else None
        num_id = _val(numpr, "numId")
        ilvl = _opt_int(_val(numpr, "ilvl"))
        if num_id is None:
            num_id, style_ilvl = self._styles.list_ref(style_id)
            if ilvl is None:
                ilvl = style_ilvl
        if num_id is None or num_id == "0":
            return None
        num = self._num(num_id)
        if num is None:
            return None
        if ilvl is None:
            # A multilevel list linked to heading styles names the style in its level.
            ilvl = next((i for i, lv in num.levels.items() if lv.style == style_id), 0)
        if not 0 <= ilvl < 9:
            return None
        level = num.levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(num.state_key, _Counters()).values
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = num.levels[deeper].restart if deeper in num.levels else None
            # w:lvlRestart N: restart only after levels 1..N (1-based); 0: never restart.
            if restart is None or ilvl < restart:
                counters[deeper] = None
        if level.fmt in ("bullet", "none") or not level.text:
            return None
        return _LEVEL_REF.sub(lambda m: self._render(num, counters, level, m), level.text) or None

    @staticmethod
    def _render(num: _Num, counters: list[int | None], level: _Level, m: re.Match[str]) -> str:
        index = int(m.group(1)) - 1
        ref = num.levels.get(index)
        if ref is None:
            return ""
        value = counters[index]
        if value is None:
            value = ref.start
        return format_number(value, "decimal" if level.legal else ref.fmt)

    def _num(self, num_id: str) -> _Num | None:
        if num_id not in self._nums:
            self._nums[num_id] = self._build_num(num_id)
        return self._nums[num_id]

    def _build_num(self, num_id: str) -> _Num | None:
        el = self._num_el.get(num_id)
        if el is None:
            return None
        abstract_id = _val(el, "abstractNumId")
        abstract = self._resolve_abstract(abstract_id)
        if abstract is None:
            return None
        levels: dict[int, _Level] = {}
        for lvl_el in abstract.iterchildren(_W + "lvl"):
            levels[_int(lvl_el.get(_W + "ilvl"), 0)] = _level(lvl_el)
        overrides = list(el.iterchildren(_W + "lvlOverride"))
        for override in overrides:
            ilvl = _opt_int(override.get(_W + "ilvl"))
            if ilvl is None:
                continue
            lvl_el = override.find(_W + "lvl")
            if lvl_el is not None:
                levels[ilvl] = _level(lvl_el)
            start = _opt_int(_val(override, "startOverride"))
            if start is not None and ilvl in levels:
                levels[ilvl].start = start
        # Lists sharing an abstract definition continue one another in Word; a num that
        # overrides levels ("restart numbering") is a list instance of its own.
        state_key = (
            f"num:{num_id}" if overrides else f"abstract:{abstract.get(_W + 'abstractNumId')}"
        )
        return _Num(state_key, levels)

    def _resolve_abstract(self, abstract_id: str | None) -> _Element | None:
        """The abstractNum, following numStyleLink to the list style's definition."""
        seen: set[str] = set()
        while abstract_id is not None and abstract_id not in seen:
            seen.add(abstract_id)
            abstract = self._abstract.get(abstract_id)
            if abstract is None:
                return None
            link = _val(abstract, "numStyleLink")
            if link is None:
                return abstract
            linked_num, _ = self._styles.list_ref(link)
            num_el = self._num_el.get(linked_num or "")
            abstract_id = None if num_el is None else _val(num_el, "abstractNumId")
        return None


def _level(el: _Element) -> _Level:
    fmt = _val(el, "numFmt")
    if fmt is None:
        # Word 2010+ writes newer formats inside mc:AlternateContent with a fallback.
        fallback = el.find(f"{_MC}AlternateContent/{_MC}Fallback/{_W}numFmt")
        fmt = fallback.get(_VAL) if fallback is not None else "decimal"
    legal = el.find(_W + "isLgl")
    return _Level(
        start=_int(_val(el, "start"), 1),
        fmt=fmt or "decimal",
        text=_val(el, "lvlText"),
        restart=_opt_int(_val(el, "lvlRestart")),
        legal=legal is not None and legal.get(_VAL) not in ("0", "false", "off"),
        style=_val(el, "pStyle"),
    )


# --- Number formats ------------------------------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
# cn2an writes simplified legal numerals; the traditional ones differ in three characters.
_TO_TRADITIONAL_LEGAL = str.maketrans("贰叁陆", "貳參陸")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def format_number(value: int, fmt: str) -> str:
    """A list counter as Word shows it in the given w:numFmt (decimal when unknown)."""
    formatter = _FORMATS.get(fmt)
    if formatter is None or value < 1:
        return str(value)
    return formatter(value)


def chinese_counting(value: int, legal: bool = False) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 101 → 一百零一; ``legal`` → 壹拾壹 (decimal from 10000 on)."""
    if not 0 < value < 10000:
        return str(value)
    return chinese_numeral(value, legal)


def _enclosed(value: int, first: int, count: int) -> str:
    return chr(first + value - 1) if value <= count else str(value)


def _circled(value: int) -> str:
    if value <= 20:
        return chr(0x2460 + value - 1)
    if value <= 35:
        return chr(0x3251 + value - 21)
    if value <= 50:
        return chr(0x32B1 + value - 36)
    return str(value)


def _letters(value: int, upper: bool) -> str:
    letter = chr((ord("A") if upper else ord("a")) + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    out: list[str] = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda v: symbols[v - 1] if v <= len(symbols) else str(v)


_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda v: f"{v:02d}",
    "chineseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "taiwaneseCountingThousand": chinese_counting,
    "ideographDigital": lambda v: "".join(_CN_DIGITS[int(d)] for d in str(v)),
    "taiwaneseDigital": lambda v: "".join(_CN_DIGITS[int(d)] for d in str(v)),
    "chineseLegalSimplified": lambda v: chinese_counting(v, legal=True),
    "ideographLegalTraditional": lambda v: chinese_counting(v, legal=True).translate(
        _TO_TRADITIONAL_LEGAL
    ),
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "decimalEnclosedParen": lambda v: _enclosed(v, 0x2474, 20),
    "decimalEnclosedFullstop": lambda v: _enclosed(v, 0x2488, 20),
    "ideographEnclosedCircle": lambda v: _enclosed(v, 0x3280, 10),
    "ideographEnclosedParen": lambda v: _enclosed(v, 0x3220, 10),
    "decimalFullWidth": lambda v: str(v).translate(_FULL_WIDTH_DIGITS),
    "decimalFullWidth2": lambda v: str(v).translate(_FULL_WIDTH_DIGITS),
    "lowerLetter": lambda v: _letters(v, upper=False),
    "upperLetter": lambda v: _letters(v, upper=True),
    "lowerRoman": lambda v: _roman(v).lower(),
    "upperRoman": _roman,
}


# --- Body ----------------------------------------------------------------------------


class _BodyReader:
    """Walks the document body once, in order, collecting raw blocks."""

    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        self._styles = styles
        self._numbering = numbering
        self.blocks: list[RawBlock] = []

    def read_container(self, container: _Element) -> None:
        """Paragraphs and tables of the body (or of a content control inside it)."""
        for el in container:
            tag = el.tag
            if tag == _P:
                paragraph = self._paragraph(el)
                if paragraph is not None:
                    self.blocks.append(paragraph)
            elif tag == _TBL:
                self.blocks.append(self._table(el))
            elif tag == _SDT:
                if not _is_toc_control(el):
                    content = el.find(_SDT_CONTENT)
                    if content is not None:
                        self.read_container(content)
            elif tag == _CUSTOM_XML:
                self.read_container(el)

    def _paragraph(self, p: _Element) -> RawParagraph | None:
        ppr = p.find(_PPR)
        style_id = _val(ppr, "pStyle")
        # Counters advance even for paragraphs left out: Word numbers empty items too.
        number = self._numbering.number(ppr, style_id)
        if self._styles.is_toc(style_id):
            return None
        text = paragraph_text(p)
        if not text:
            return None
        level = self._styles.heading_level(style_id)
        if level is None:
            outline = _opt_int(_val(ppr, "outlineLvl"))
            if outline is not None and 0 <= outline < 9:
                level = outline + 1
        return RawParagraph(text, heading_level=level, number=number)

    def _table(self, tbl: _Element) -> RawTable:
        rows: list[list[str]] = []
        for tr in _children(tbl, _TR):
            trpr = tr.find(_TRPR)
            row: list[str] = [""] * _int(_val(trpr, "gridBefore"), 0)
            for tc in _children(tr, _TC):
                tcpr = tc.find(_TCPR)
                span = max(1, _int(_val(tcpr, "gridSpan"), 1))
                vmerge = tcpr.find(_W + "vMerge") if tcpr is not None else None
                covered = vmerge is not None and vmerge.get(_VAL, "continue") == "continue"
                text = self._cell_text(tc)
                row.append("" if covered else text)
                row.extend([""] * (span - 1))
            row.extend([""] * _int(_val(trpr, "gridAfter"), 0))
            rows.append(row)
        width = max((len(r) for r in rows), default=0)
        for row in rows:
            row.extend([""] * (width - len(row)))
        return RawTable(rows)

    def _cell_text(self, container: _Element) -> str:
        """A cell's paragraphs (nested tables included) joined without separator."""
        parts: list[str] = []
        for el in container:
            tag = el.tag
            if tag == _P:
                ppr = el.find(_PPR)
                # An automatic number in a cell (a 序号 column) is part of what it shows.
                number = self._numbering.number(ppr, _val(ppr, "pStyle"))
                text = paragraph_text(el)
                if text or number:
                    parts.append((number or "") + text)
            elif tag == _TBL:
                for tr in _children(el, _TR):
                    for tc in _children(tr, _TC):
                        parts.append(self._cell_text(tc))
            elif tag == _SDT:
                content = el.find(_SDT_CONTENT)
                if content is not None:
                    parts.append(self._cell_text(content))
            elif tag == _CUSTOM_XML:
                parts.append(self._cell_text(el))
        return "".join(parts)


def _children(parent: _Element, tag: str) -> Iterable[_Element]:
    """Children with the tag, looking through content controls and custom XML wrappers."""
    for el in parent:
        if el.tag == tag:
            yield el
        elif el.tag == _SDT:
            content = el.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif el.tag == _CUSTOM_XML:
            yield from _children(el, tag)


def _is_toc_control(sdt: _Element) -> bool:
    """True for the content control Word wraps a table of contents in."""
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and (gallery.get(_VAL) or "").startswith("Table of Contents")


def paragraph_text(p: _Element) -> str:
    """The visible text of a w:p element without surrounding blank space.

    Unlike python-docx's ``Paragraph.text`` this includes tracked insertions, content
    controls and smart tags, and leaves out deleted text and text boxes.
    """
    out: list[str] = []
    _collect_text(p, out)
    return "".join(out).strip(_EDGE_SPACE)


def _collect_text(el: _Element, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == _W + "t":
            out.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag == _W + "br":
            # Page and column breaks end a page, not a line of the paragraph.
            if child.get(_W + "type") in (None, "textWrapping"):
                out.append("\n")
        elif tag == _W + "cr":
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        elif tag == _W + "r":
            rpr = child.find(_RPR)
            hidden = rpr.find(_W + "vanish") if rpr is not None else None
            if hidden is None or hidden.get(_VAL) in ("0", "false", "off"):
                _collect_text(child, out)
        elif tag not in _SKIP_IN_PARAGRAPH and isinstance(tag, str):
            _collect_text(child, out)
