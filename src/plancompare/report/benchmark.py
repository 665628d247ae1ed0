"""The benchmark as people read it: each cell's figures in words, the concepts × plans matrix of
the report's appendix, and a small chart per comparable concept (SVG, drawn by matplotlib,
inline in the HTML page).

The CLI's matrix, the TUI's 指标 view and the report all word cells here, so a figure reads
the same everywhere. The Markdown report carries each chart's data in a fenced ``chart``
block; :func:`inline_charts` turns those blocks of the rendered HTML into inline SVG, so the
page stays one standalone file that asks nothing of the network.
"""

from __future__ import annotations

import functools
import html
import io
import json
import math
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from plancompare.i18n import t
from plancompare.model import Benchmark, ConceptCell, ConceptRow, Milestone
from plancompare.plan.wording import value_text
from plancompare.text.units import tidy


def number_text(value: Decimal) -> str:
    """A Decimal as a reviewer writes it: 100, 2.5, 0.3 (no exponent, no trailing zeros)."""
    return format(tidy(value), "f")


def milestone_text(m: Milestone, common: bool = False, lang: str = "zh") -> str:
    """≥100亿元, 3–5家, 约10家; with ``common`` in the row's unit (no unit written)."""
    if common:
        value = m.common if m.common is not None else m.value
        return value_text(number_text(value), comparator=m.comparator, lang=lang)
    high = None if m.value_max is None else number_text(m.value_max)
    return value_text(number_text(m.value), high, m.unit, m.comparator, lang=lang)


def cell_text(cell: ConceptCell, lang: str = "zh", concept: str | None = None) -> str:
    """A cell in one line: the plan's own name for the indicator where it differs from the
    row's ``concept``, its kind word (每年, 累计, 新增), then each milestone with its year
    (5家 2028 → ≥10家 2030), and a mark where its statements disagree."""
    kind = t(f"measure_{cell.kind}", lang)
    steps = [
        t("bench_year", lang, value=milestone_text(m, lang=lang), year=m.year)
        if m.year is not None
        else t("bench_no_year", lang, value=milestone_text(m, lang=lang))
        for m in cell.milestones
    ]
    text = " → ".join(steps)
    if kind:
        text = f"{kind} {text}"
    if concept is not None and cell.indicator != concept:
        text = f"{cell.indicator}{t('colon', lang)}{text}"
    if cell.disagreements or len({m.year for m in cell.milestones}) < len(cell.milestones):
        text += t("bench_disagree", lang)
    return text


def verdict_text(row: ConceptRow, lang: str = "zh") -> str:
    """可比 / 有条件可比 / 不可比 (nothing for a row of one plan)."""
    return t(f"verdict_{row.verdict}", lang) if len(row.cells) > 1 else ""


def reasons_text(row: ConceptRow, lang: str = "zh") -> str:
    """The reasons in words: 目标年份不同、范围不同."""
    return t("list_sep", lang).join(t(f"reason_{r}", lang) for r in row.reasons)


def normalised_notes(row: ConceptRow, cell: ConceptCell, lang: str = "zh") -> list[str]:
    """What the row's normalisation gives for a cell: its baseline, yearly amount, implied
    growth and — where the row allows one — its ratio to the first cell, with the years."""
    notes: list[str] = []
    unit = row.unit or ""
    if cell.baseline is not None and cell.baseline_year is not None:
        first_unit = cell.milestones[0].unit if cell.milestones else ""
        notes.append(
            t(
                "bench_baseline",
                lang,
                year=cell.baseline_year,
                value=number_text(cell.baseline),
                unit=first_unit or "",
            )
        )
    if cell.per_year is not None and cell.kind != "annual":
        notes.append(t("bench_per_year", lang, value=number_text(cell.per_year), unit=unit))
    if cell.growth is not None:
        percent = number_text((cell.growth * 100).quantize(Decimal("0.1")))
        notes.append(t("bench_growth", lang, percent=percent))
    reference = next(iter(row.cells.values()))
    if cell.ratio is not None and reference is not cell:
        notes.append(
            t(
                "bench_ratio",
                lang,
                ratio=number_text(cell.ratio),
                year=cell.milestones[-1].year or "—",
                ref_year=reference.milestones[-1].year or "—",
            )
        )
    return notes


# ------------------------------------------------------------------------------ Markdown


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", text)


def chartable(row: ConceptRow) -> bool:
    """Whether a row gets a chart: several plans, figures that may be set side by side
    (never a row that is not comparable), in a unit they share."""
    return (
        len(row.cells) > 1
        and row.verdict != "not_comparable"
        and all(m.common is not None for c in row.cells.values() for m in c.milestones)
    )


def chart_data(row: ConceptRow, names: Callable[[str], str], lang: str = "zh") -> dict[str, Any]:
    """What a row's chart shows: its title, unit, caption and bars (plan · year, value in the
    row's unit), as plain data."""
    unit = row.unit or t("bench_no_unit", lang)
    reasons = reasons_text(row, lang)
    caption = t(
        "bench_chart_caption",
        lang,
        concept=row.concept,
        unit=unit,
        verdict=t(f"verdict_{row.verdict}", lang),
        reasons=t("bench_chart_reasons", lang, reasons=reasons) if reasons else "",
    )
    bars = [
        {
            "plan": names(plan),
            "year": m.year,
            "value": number_text(m.common) if m.common is not None else None,
            "kind": t(f"measure_{cell.kind}", lang),
        }
        for plan, cell in row.cells.items()
        for m in cell.milestones
    ]
    return {
        "title": t("bench_chart_title", lang, concept=row.concept, unit=unit),
        "unit": unit,
        "caption": caption,
        "bars": bars,
    }


def benchmark_markdown(
    bench: Benchmark,
    lang: str = "zh",
    names: Callable[[str], str] | None = None,
    charts: bool = True,
    rows: Sequence[ConceptRow] | None = None,
) -> list[str]:
    """The matrix of concepts found in several plans × plans, as Markdown lines: each cell's
    figures by year and kind, the verdict and its reasons; then how many concepts one plan
    alone states, and a ``chart`` block per row that may be charted. Given ``rows``, those
    rows only (and nothing on the others)."""
    name_of = names or (lambda plan_id: plan_id)
    shared = bench.shared if rows is None else list(rows)
    if not shared:
        return [t("bench_none", lang), ""]
    heads = [
        t("bench_concept", lang),
        *(_escape(name_of(p.id)) for p in bench.plans),
        t("bench_verdict", lang),
    ]
    out = ["| " + " | ".join(heads) + " |", "|" + " --- |" * len(heads)]
    for row in shared:
        cells = [
            _escape(cell_text(row.cells[p.id], lang, row.concept)) if p.id in row.cells else "—"
            for p in bench.plans
        ]
        verdict = verdict_text(row, lang)
        if row.reasons:
            verdict += t("paren", lang, text=reasons_text(row, lang))
        out.append(f"| {_escape(row.concept)} | " + " | ".join([*cells, verdict]) + " |")
    out.append("")
    alone = len(bench.rows) - len(bench.shared)
    if alone and rows is None:
        out += [t("bench_only_one", lang, n=alone), ""]
    if charts:
        for row in shared:
            if chartable(row):
                data = chart_data(row, name_of, lang)
                out += ["```chart", json.dumps(data, ensure_ascii=False), "```", ""]
    return out


# ------------------------------------------------------------------------------ charts

_CHART_BLOCK = re.compile(
    r'<pre><code class="language-chart">(?P<data>.*?)</code></pre>', re.DOTALL
)
#: Fonts the SVG names for its text (the reader's browser draws it; nothing is embedded).
CHART_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC"]


def chart_svg(data: dict[str, Any]) -> str:
    """A small bar chart of a row's values by plan and year, as inline SVG markup (its text
    kept as text, so the units can be read and searched; no namespace URLs, no scripts)."""
    return _inline(_draw(data, "svg").decode("utf-8"))


def chart_png(data: dict[str, Any]) -> bytes:
    """The same chart as a PNG picture (for Word, which draws no SVG of its own)."""
    return _draw(data, "png")


@functools.cache
def _register_chart_fonts() -> None:
    """Make the Chinese fonts installed on the system known to matplotlib. Its font list is
    cached on first use; fonts installed after that (fonts-noto-cjk added later) stay unknown
    to it, and a PNG chart for Word then draws every Chinese character as a box. Only the
    system's font files whose names say they are CJK are added, once per process."""
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    if any(name in known for name in CHART_FONTS):
        return
    for path in font_manager.findSystemFonts():
        if any(mark in Path(path).name for mark in _CJK_FONT_FILES):
            font_manager.fontManager.addfont(path)


#: How the files of CJK fonts are named (NotoSansCJK-Regular.ttc, SourceHanSansSC-Regular.otf).
_CJK_FONT_FILES = ("SansCJK", "SourceHanSans", "msyh", "PingFang")


def _draw(data: dict[str, Any], fmt: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    _register_chart_fonts()

    bars = [b for b in data["bars"] if b["value"] is not None]
    labels = [
        f"{b['plan']}\n{b['year'] or '—'}{(' ' + b['kind']) if b['kind'] else ''}" for b in bars
    ]
    values = [float(b["value"]) for b in bars]
    plans = list(dict.fromkeys(b["plan"] for b in bars))
    palette = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"]
    colours = [palette[plans.index(b["plan"]) % len(palette)] for b in bars]
    with plt.rc_context(
        {
            "svg.fonttype": "none",
            "font.family": "sans-serif",
            "font.sans-serif": [*CHART_FONTS, "DejaVu Sans"],
            "font.size": 9,
            "svg.hashsalt": "plancompare",
        }
    ):
        fig, ax = plt.subplots(figsize=(max(3.2, 0.9 * len(bars) + 1.2), 2.4))
        ax.bar(range(len(bars)), values, color=colours, width=0.6)
        ax.set_xticks(range(len(bars)), labels)
        ax.set_ylabel(data["unit"])
        ax.set_title(data["title"], fontsize=10)
        for x, v in enumerate(values):
            ax.annotate(f"{v:g}", (x, v), ha="center", va="bottom", fontsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buffer = io.BytesIO()
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # glyphs the measuring font lacks: drawn by the page
            metadata = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
            fig.savefig(buffer, format=fmt, metadata=metadata, dpi=200)
        plt.close(fig)
    return buffer.getvalue()


def chart_data_of(block: str) -> dict[str, Any] | None:
    """The data of a ``chart`` block, None when it is not what the report writes (a block of
    that name from elsewhere is shown as it is, never drawn half)."""
    try:
        data = json.loads(block)
        texts = [data["title"], data["unit"], data["caption"]]
        bars = data["bars"]
        for b in bars:
            texts += [b["plan"], b["kind"]]
            if b["value"] is not None and not math.isfinite(float(b["value"])):
                return None
            if b["year"] is not None and not isinstance(b["year"], int):
                return None
    except (ValueError, KeyError, TypeError):
        return None
    if not bars or not all(isinstance(text, str) for text in texts):
        return None
    return dict(data)


def _inline(svg: str) -> str:
    """matplotlib's SVG file as markup to put inside an HTML page: no XML declaration, no
    DOCTYPE, no metadata, no namespace URLs (the HTML parser gives inline SVG its namespace)."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    svg = re.sub(r'\s+xmlns(?::\w+)?="[^"]*"', "", svg)
    return svg.strip()


def chart_figure(data: dict[str, Any]) -> str:
    """A chart and its caption as an HTML figure."""
    caption = html.escape(data["caption"])
    return (
        f'<figure class="chart" role="img" aria-label="{caption}">{chart_svg(data)}'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def inline_charts(page: str) -> str:
    """The HTML of a rendered report with every ``chart`` block drawn as an inline SVG figure."""

    def draw(m: re.Match[str]) -> str:
        data = chart_data_of(html.unescape(m.group("data")))
        return m.group(0) if data is None else chart_figure(data)

    return _CHART_BLOCK.sub(draw, page)


def plan_names(plans: Sequence[Any]) -> Callable[[str], str]:
    """A plan as tables name it: its region (陆河县), else its id."""
    regions = {p.id: p.meta.region or p.id for p in plans}
    return lambda plan_id: regions.get(plan_id, plan_id)
