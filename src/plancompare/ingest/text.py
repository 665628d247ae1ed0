"""Plain-text plans: a paragraph a line, or hard-wrapped lines from a page layout (unwrapped);
tables that Word flattened one cell per line; header comments kept as notes."""

from __future__ import annotations

import itertools
import re

from plancompare.i18n import t
from plancompare.ingest import RawBlock, RawParagraph, RawTable
from plancompare.ingest.cleanup import clean_line
from plancompare.ingest.reflow import (
    CLAUSE_OPEN,
    LayoutLine,
    drop_contents,
    drop_page_furniture,
    is_contents_line,
    join_wrapped,
    looks_hard_wrapped,
    split_run_together,
    split_run_together_lines,
    unwrap,
)
from plancompare.text.numbering import opens_unit

FLATTENED_NOTE = "reconstructed from a table flattened to one cell per line"
ALIGNED_NOTE = "reconstructed from a table laid out in columns of spaces, a row a line"
PIPE_NOTE = "reconstructed from a table whose cells a page separated with |, a row a line"
CELL_LINES_NOTE = "reconstructed from a table a web page gave one cell per line"
#: Stored in the plan's front matter in the catalogue's English (plan.wording.note_text says
#: it in the reader's language).
UNWRAPPED_NOTE = t("note_unwrapped", "en")

# "# key: value" lines opening a text file (provenance written by whoever saved it); plan
# text never opens with a hash sign.
_HEADER_COMMENT = re.compile(r"^#\s*([\w .-]{1,40}?)\s*[:：]\s*(.*)$")


def header_comments(text: str) -> tuple[list[str], str]:
    """Split off the ``# key: value`` lines that open a text file: (notes, the rest).

    Blank lines among them are skipped; the first other line ends them.
    """
    lines = text.split("\n")
    notes: list[str] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        m = _HEADER_COMMENT.match(stripped)
        if m:
            notes.append(f"{m.group(1).strip()}: {m.group(2).strip()}")
        elif stripped:
            break
        i += 1
    if not notes:
        return [], text
    return notes, "\n".join(lines[i:])


def read_text(text: str) -> tuple[list[RawBlock], list[str]]:
    """Raw blocks of a decoded text file and the notes on what was done to read it."""
    notes, body = header_comments(text)
    cleaned = [clean_line(line) for line in body.split("\n")]
    if looks_hard_wrapped([c for c in cleaned if c]):
        lines = [LayoutLine(c) for c in cleaned if c]
        lines, _ = drop_page_furniture(drop_contents(lines))
        lines = split_run_together_lines(lines)
        # The paragraphs, a line each, read as a text of a paragraph a line: a table written
        # with bars among wrapped lines is rebuilt as the rest of the code rebuilds it.
        return blocks_from_text("\n".join(unwrap(lines))), [*notes, UNWRAPPED_NOTE]
    return blocks_from_text(body), notes


#: Line breaks written out as escapes (\r\n, \n) in a scraped page's text.
_ESCAPED_BREAK = re.compile(r"(?:\\r)?\\n|\\r")


def blocks_from_text(text: str) -> list[RawBlock]:
    """Raw blocks of a text with a paragraph a line: tables rebuilt, a line broken inside a
    clause (ending in 、 or ，) joined to the next, units run together split apart."""
    # A page that kept its line breaks as the letters \r\n (an escape a scraper wrote out).
    lines = _ESCAPED_BREAK.sub("\n", text).split("\n")
    blocks: list[RawBlock] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith("\t"):
            end, table = _flattened_table(lines, i)
            if table is not None:
                blocks.append(table)
                i = end
                continue
        if "|" in lines[i]:
            end, table = _pipe_table(lines, i)
            if table is not None:
                blocks.append(table)
                i = end
                continue
            if _prose_row(lines[i]):
                # 本报讯 …达到100%。 | |: a page's paragraph with the bars of its layout around it.
                lines[i] = " ".join(c for c in _row_cells(lines[i]) if c)
        if _YEAR_CELL.match(clean_line(lines[i])) or _HEADER_CELL.match(clean_line(lines[i])):
            end, table = _cell_lines_table(lines, i)
            if table is not None:
                blocks.append(table)
                i = end
                continue
        if len(_columns(lines[i])) >= 2:
            end, table = _aligned_table(lines, i)
            if table is not None:
                blocks.append(table)
                i = end
                continue
        cleaned = clean_line(lines[i])
        if cleaned and not is_contents_line(cleaned):
            previous = blocks[-1] if blocks else None
            if (
                isinstance(previous, RawParagraph)
                and previous.text[-1] in CLAUSE_OPEN
                and not opens_unit(cleaned)
            ):
                # A paragraph never ends inside a clause: the line was broken by an editor.
                previous.text = join_wrapped(previous.text, cleaned)
            else:
                blocks.extend(RawParagraph(p) for p in split_run_together(cleaned, False))
        i += 1
    return blocks


def _flattened_table(lines: list[str], start: int) -> tuple[int, RawTable | None]:
    """Read a Word table exported as tab-indented cells, a blank line between rows.

    Returns the index after the table and the table, or (start, None) when the lines do
    not form a table (tab-indented paragraphs are just stray indentation).
    """
    rows: list[list[str]] = []
    row: list[str] = []
    i = start
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            row.append(clean_line(line))
        elif not line.strip() and i + 1 < len(lines) and lines[i + 1].startswith("\t"):
            if row:
                rows.append(row)
            row = []
        else:
            break
        i += 1
    if row:
        rows.append(row)
    if not _looks_like_table(rows):
        return start, None
    return i, RawTable(rows, [FLATTENED_NOTE])


#: Between two columns of a table laid out with spaces: two blanks or more, or a tab.
_COLUMN_GAP = re.compile(r"(?:[ \u3000\xa0]{2,}|\t)+")


def _columns(line: str) -> list[str]:
    return [c for c in (clean_line(c) for c in _COLUMN_GAP.split(line.strip())) if c]


def _aligned_table(lines: list[str], start: int) -> tuple[int, RawTable | None]:
    """Read a table laid out in columns of spaces, a row a line (an indicator table copied
    from a PDF or a web page: ``1.城乡居民人均可支配收入(元)    35000    预期性``).

    Returns the index after the table and the table, or (start, None) when the lines do not
    form one (a paragraph with a double space is not a table).
    """
    rows: list[list[str]] = []
    i = start
    while i < len(lines) and len(cells := _columns(lines[i])) >= 2:
        rows.append(cells)
        i += 1
    if not _looks_like_table(rows):
        return start, None
    return i, RawTable(rows, [ALIGNED_NOTE])


def _pipe_table(lines: list[str], start: int) -> tuple[int, RawTable | None]:
    """Read a table whose cells a web page separated with ``|``, a row a line (``农村卫生厕所
    普及率 | >85% |``): three lines or more, each with a ``|``. Rows are padded to one width;
    a row of one cell (主要指标, 2022年目标值) labels the rows after it.

    Returns the index after the table and the table, or (start, None) when the lines do not
    form one.
    """
    rows: list[list[str]] = []
    i = start
    while i < len(lines) and "|" in lines[i] and not _prose_row(lines[i]):
        rows.append(_row_cells(lines[i]))
        i += 1
    if len(rows) >= 3 and all(len(r) < 2 for r in rows):
        # One cell a line, each ended by |: rows are told apart by their serial numbers.
        rebuilt = _serial_rows(lines[start:i]) or _header_width_rows(lines[start:i])
        if rebuilt is None:
            return start, None
        return i, RawTable(rebuilt, [PIPE_NOTE])
    if len(rows) < 3 or all(len(r) < 2 for r in rows):
        return start, None
    if sum(1 for r in rows for c in r if len(c) > 40) * 5 > sum(len(r) for r in rows):
        return start, None  # long cells: text with a stray |, not a table
    width = max(len(r) for r in rows)
    return i, RawTable([r + [""] * (width - len(r)) for r in rows], [PIPE_NOTE])


#: A cell of sentences: prose, never a table's cell (a cell states one name or figure).
_PROSE_CELL = re.compile(r".{30,}[。；;！!].{20,}")


def _row_cells(line: str) -> list[str]:
    return [clean_line(c) for c in line.strip().strip("|").split("|")]


def _prose_row(line: str) -> bool:
    """Whether a line with bars holds sentences of running text and nothing else (a page's
    paragraph set in a layout table: ``本报讯 …到2015年…达到100%。 …以上。 | |``), not a row
    of cells (a task table's row has sentences too, beside its office and deadline)."""
    filled = [c for c in _row_cells(line) if c]
    return len(filled) == 1 and bool(_PROSE_CELL.search(filled[0]))


#: A header cell of a year column (2020年, 2025年目标值, 2017 年).
_YEAR_CELL = re.compile(
    r"^(?:19|20)\d{2}\s*年?\s*(?:底|末)?\s*(?:目标值?|预期值?|基期值?|基数|值|实绩|实际值?|现状值?)?$"
)
#: A short header cell before the year columns (类别, 指标, 指标名称, 单位, 序号).
_HEADER_CELL = re.compile(
    r"^(?:类别|类型|领域|序号|指标|指标名称|主要指标|具体指标|单位|属性|指标属性)$"
)
#: A value cell: a number, maybe with a bound, a %, a range.
_VALUE_CELL = re.compile(
    r"^[<>≥≤＞＜]?\s*[-+]?\d[\d.,]*\s*(?:[-—~～至]\s*\d[\d.,]*)?\s*[%‰]?\s*(?:以上|以下|左右)?$"
)
#: The longest a name or category cell of such a table runs.
_CELL_MAX = 60


def _cell_lines_table(lines: list[str], start: int) -> tuple[int, RawTable | None]:
    """Read a table a web page gave one cell per line: a header of short cells ending in two
    year columns or more (类别 / 指标 / 2017年 / 2020年 / 2022年), then rows of a name followed
    by one value per year column, a category line before some of them.

    Returns the index after the table and the table, or (start, None) when the lines do not
    form one.
    """
    # A page may leave a blank line between cells: the cells are the lines with text.
    at = [k for k in range(start, len(lines)) if clean_line(lines[k])]
    cells = [clean_line(lines[k]) for k in at]
    i = 0
    header: list[str] = []
    while i < len(cells):
        dated = i + 1 < len(cells) and _DATE_NOTE.match(cells[i + 1])
        if _VALUE_LABEL.match(cells[i]) and dated:
            header.append(cells[i] + cells[i + 1])  # 目标值 / (2016年): one column's header
            i += 2
        elif _HEADER_CELL.match(cells[i]) or _YEAR_CELL.match(cells[i]):
            header.append(cells[i])
            i += 1
        else:
            break
    years = sum(1 for h in header if _year_head(h))
    if years < 2 or not _year_head(header[-1]):
        # Not a header of short cells over year columns: perhaps a table of numbered rows.
        return _numbered_cells_table(lines, start)
    labels = len(header) - years  # 类别, 指标: the text columns before the years
    rows: list[list[str]] = []
    category = ""
    end = i  # after the last row read: a category line is the table's only if a row follows
    while i < len(cells):
        name = cells[i]
        if not name or _VALUE_CELL.match(name) or len(name) > _CELL_MAX:
            break
        values = cells[i + 1 : i + 1 + years]
        if len(values) == years and all(_VALUE_CELL.match(v) for v in values):
            texts = [category, name] if labels >= 2 else [name]
            rows.append([*([""] * (labels - len(texts))), *texts[-max(labels, 1) :], *values])
            i += 1 + years
            end = i
        elif i + 1 < len(cells) and cells[i + 1] and not _VALUE_CELL.match(cells[i + 1]):
            category = name  # 总体规模, then its rows
            i += 1
        else:
            break
    if len(rows) < 2:
        return _numbered_cells_table(lines, start)  # rows that open with serial numbers
    width = max(labels, 1) + years
    head = header if len(header) == width else [*([""] * (width - len(header))), *header]
    return at[end - 1] + 1, RawTable([head[-width:], *rows], [CELL_LINES_NOTE])


#: A column's label that a date in brackets on the next line completes (申报值 / (2014年12月)).
_VALUE_LABEL = re.compile(r"^(?:申报值|目标值|现状值|基期值|基准值|预期值|规划值|实际值)$")
_DATE_NOTE = re.compile(r"^[（(]\s*(?:19|20)\d{2}\s*年[^（）()]{0,8}[)）]$")


#: Such a label and its date as one header (目标值(2016年)).
_DATED_LABEL = re.compile(
    _VALUE_LABEL.pattern.removesuffix("$") + _DATE_NOTE.pattern.removeprefix("^")
)


def _year_head(cell: str) -> bool:
    """Whether a header cell heads a year's column (2020年, 目标值(2016年))."""
    return bool(_YEAR_CELL.match(cell) or _DATED_LABEL.match(cell))


#: The column that says what kind of indicator a row is (预期性, 约束性) and its values.
_ATTRIBUTE_HEADER = re.compile(r"^(?:指标)?(?:属性|性质)$")
_ATTRIBUTE_CELL = re.compile(r"^(?:预期性|约束性|指导性|引导性)$")
#: An empty value: the table gives no figure (a new indicator has no baseline).
_NO_VALUE = re.compile(r"^[-—–/]$|^无$")
#: A unit cell between a name and its values (岁, %, ‰, 张, /10万, 人/万人).
_UNIT_CELL = re.compile(r"^(?:[^\d\s]{1,4}|/?\d*[十百千万]?[^\d\s]{0,3}(?:/[^\d\s]{1,3})?)$")


def _numbered_row(cells: list[str], years: int) -> tuple[list[str] | None, list[str]]:
    """One row from the cells after a serial number (or a sub-row's, 其中：…): the name, a unit
    if one stands before the values, a value per year column (持续提升 too; - for none), the
    indicator's kind; and the cells left. None when the cells do not hold a row."""
    if len(cells) < 1 + years:
        return None, cells
    name, rest = re.sub(r"^其中\s*[:：]?", "", cells[0]), cells[1:]  # 其中：a part of the row above
    unit = ""
    numeric = bool(rest) and bool(_VALUE_CELL.match(rest[0]) or _NO_VALUE.match(rest[0]))
    if rest and not numeric and _UNIT_CELL.match(rest[0]) and not _ATTRIBUTE_CELL.match(rest[0]):
        after = rest[1 : 1 + years]
        if len(after) == years and all(_value_like(v) for v in after):
            unit, rest = rest[0], rest[1:]  # /10万 before 9.7 and <9
    bracketed = _UNIT_IN_NAME.search(name)
    if not unit and bracketed is not None and _UNIT_CELL.match(bracketed.group(1)):
        name, unit = name[: bracketed.start()], bracketed.group(1)  # 森林覆盖率(%)
    values = rest[:years]
    if len(values) < years or not all(_value_like(v) for v in values):
        return None, cells
    if not any(_VALUE_CELL.match(v) for v in values) and not any(
        _NO_VALUE.match(v) for v in values
    ):
        return None, cells
    rest = rest[years:]
    kind = rest.pop(0) if rest and _ATTRIBUTE_CELL.match(rest[0]) else ""
    shown = ["" if _NO_VALUE.match(v) else v for v in values]
    return [name, unit, *shown, kind], rest


def _value_like(cell: str) -> bool:
    """A cell that can stand in a year column: a number, none (-), or a few words (持续提升)."""
    short = len(cell) <= _WORDS_VALUE and not _ATTRIBUTE_CELL.match(cell)
    return bool(_VALUE_CELL.match(cell) or _NO_VALUE.match(cell)) or (short and "：" not in cell)


#: A unit in brackets at the end of a name cell: 森林覆盖率(%), 森林蓄积量(万立方米).
_UNIT_IN_NAME = re.compile(r"[（(]([^（）()]{1,6})[)）]$")
#: The longest a value in words (持续提升, 稳步提高) runs.
_WORDS_VALUE = 6


def _header_like(cell: str) -> bool:
    return bool(_HEADER_CELL.match(cell) or _YEAR_CELL.match(cell) or _ATTRIBUTE_HEADER.match(cell))


def _numbered_cells_table(lines: list[str], start: int) -> tuple[int, RawTable | None]:
    """Read a table a web page gave one cell per line, blank lines between, with a serial
    number opening each row (领域 / 序号 / 主要指标 / 单位 / 2020年 / 2025年目标 / 指标性质, then
    健康水平 / 1 / 人均预期寿命 / 82.98 / >79 / 预期性 …): rows of uneven width, as an empty
    cell (no unit) leaves no line and a category spans its rows. Each row is read from its
    serial number: the name, a unit if one stands before the values, one value per year
    column, the indicator's kind; what follows up to the next number is the next rows'
    category.

    Returns the index after the table and the table, or (start, None) when the lines do not
    form one.
    """
    at: list[int] = []  # the line of each cell
    cells: list[str] = []
    i = start
    while i < len(lines):
        cell = clean_line(lines[i])
        if cell:
            if len(cell) > _CELL_MAX or cell.endswith(("。", "；", ";")):
                break
            at.append(i)
            cells.append(cell)
        i += 1
    first = next((k for k, c in enumerate(cells) if c == "1"), None)
    if first is None:
        return start, None
    header = cells[:first]
    has_category = bool(header) and header[0] in ("类别", "类型", "领域")
    category = ""
    if has_category and not _header_like(header[-1]):
        category = header.pop()  # 健康水平, the first rows' category, before their number
    years = [h for h in header if _YEAR_CELL.match(h)]
    if not years or not all(_header_like(h) for h in header):
        return start, None
    rows: list[list[str]] = []
    k, serial, last = first, 1, first
    while k < len(cells) and cells[k] == str(serial):
        nxt = next((j for j in range(k + 1, len(cells)) if cells[j] == str(serial + 1)), None)
        end = nxt if nxt is not None else len(cells)
        rest = cells[k + 1 : end]
        read = 0
        while rest:
            row, rest = _numbered_row(rest, len(years))
            if row is None:
                break
            rows.append([category, *row])
            read += 1
        if not read:
            break
        if nxt is None:
            last = end - len(rest)  # the last row: what follows it is no longer the table
            break
        if len(rest) > 1 or (rest and not has_category):
            break
        if rest:
            category = rest[0]  # 健康服务 before the next number: the next rows' category
        last, k, serial = end, end, serial + 1
    if len(rows) < 2:
        return start, None
    head = ["类别", "指标", "单位", *years, "属性"]
    stop = at[last - 1] + 1 if last - 1 < len(at) else i
    return stop, RawTable([head, *rows], [CELL_LINES_NOTE])


_RULE = re.compile(r"^\|{2,}$")
#: The serial number that opens each row of a table given one cell per line (1, 2, 3 …).
_SERIAL = re.compile(r"^[0-9]{1,3}$")


def _pipe_cells(lines: list[str]) -> list[str]:
    """The cells of a table given one cell a line, each ended by |: a line ||||, a rule between
    header and body, is none; | alone is an empty cell."""
    return [clean_line(x.strip().removesuffix("|")) for x in lines if not _RULE.match(x.strip())]


def _serial_rows(lines: list[str]) -> list[list[str]] | None:
    """Rows of a table given one cell a line: the header up to the first serial number 1, then
    rows from one serial number to the next. A header wider than the rows has a cell spanning
    two columns over its sub-headers (“十四五”目标, an empty cell, then 2025年 and 年均): the
    spanning cell and its empty neighbour go. None when no run of serial numbers is found."""
    cells = _pipe_cells(lines)
    starts = [k for k, c in enumerate(cells) if _SERIAL.match(c)]
    serial = [k for k in starts if cells[k] == "1"][:1]
    if not serial:
        return None
    k = serial[0]
    body_starts = [k]
    for j in starts:
        if j > body_starts[-1] and cells[j] == str(len(body_starts) + 1):
            body_starts.append(j)
    if len(body_starts) < 2:
        return None
    width = body_starts[1] - body_starts[0]
    if width < 3 or any(b - a != width for a, b in itertools.pairwise(body_starts)):
        return None
    header = cells[:k]
    while len(header) > width:
        empty = next((j for j in range(1, len(header)) if not header[j]), None)
        if empty is None:
            return None
        del header[empty - 1 : empty + 1]
    if len(header) != width:
        return None
    body = [cells[a : a + width] for a in body_starts]
    return [header, *body] if all(len(r) == width for r in body) else None


#: A header cell after the year columns: the period's yearly growth or total (年均增长(%),
#: 年均增速, 累计) or the indicator's kind (属性).
_AFTER_YEARS_HEADER = re.compile(
    r"^(?:(?:年均|累计)[\u4e00-\u9fff]{0,4}(?:[（(][^（）()]{1,4}[)）])?|(?:指标)?(?:属性|性质))$"
)


def _header_width_rows(lines: list[str]) -> list[list[str]] | None:
    """Rows of a table given one cell a line without serial numbers (具体指标 / 2010年 /
    2015年 / 年均增长(%) / 属性, then 中医医院床位数(万张) / 47.1 / 69.2 / 8 / 预期性 …): every
    row as wide as the header, a name then values (- for none) and the indicator's kind. None
    unless the header has a year column and two rows or more follow it."""
    cells = [c for c in _pipe_cells(lines) if c]
    width = 0
    while width < len(cells) and (
        _header_like(cells[width]) or _AFTER_YEARS_HEADER.match(cells[width])
    ):
        width += 1
    header = cells[:width]
    if width < 3 or not any(_YEAR_CELL.match(h) for h in header):
        return None
    rows = []
    for k in range(width, len(cells) - width + 1, width):
        row = cells[k : k + width]
        name, rest = row[0], row[1:]
        if _value_like(name) or len(name) > _CELL_MAX:
            break
        if not all(_value_like(v) or _ATTRIBUTE_CELL.match(v) for v in rest):
            break
        rows.append([name, *("" if _NO_VALUE.match(v) else v for v in rest)])
    return [header, *rows] if len(rows) >= 2 else None


def _looks_like_table(rows: list[list[str]]) -> bool:
    """At least a header and two rows of two or more short cells, mostly of one width."""
    if len(rows) < 3 or len(rows[0]) < 2:
        return False
    width = len(rows[0])
    regular = sum(1 for r in rows if len(r) == width)
    cells = [c for r in rows for c in r if c]
    short = sum(1 for c in cells if len(c) <= 40)
    return regular * 5 >= len(rows) * 4 and short * 5 >= len(cells) * 4
