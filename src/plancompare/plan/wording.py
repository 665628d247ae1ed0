"""How a plan's parts read to a person: places as the draft names them — a heading path with
the draft's own numbers (五、保障措施 › （一）建立高位推进机制), an indicator table by its section
(指标表（三、总体目标）) —, a plan by its title or short name, a version by its status and date,
and what a finding says; never an internal id.

Ids stay in ``--json`` output and in the database; everything a person reads about where a
comment or a finding is comes from here, worded in the reader's language (the catalogue).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from plancompare.i18n import recognise, t
from plancompare.model import (
    INFERRED_LABEL,
    PREAMBLE_LABEL,
    Finding,
    Plan,
    PlanMeta,
    SectionKind,
)


def section_path(plan: Plan, section_id: str) -> list[str]:
    """The labels of the sections from the top level down to ``section_id`` (as anchors keep
    them: ``Section.label``, placeholders included)."""
    return [s.label for s in plan.path(section_id)]


def path_place(path: Sequence[str], lang: str = "zh") -> str:
    """A stored path of labels as a reader finds it in the draft: headings with their own
    numbers joined by ›; a heading the draft lacks (an inferred parent) is left out, the
    preamble is named."""
    words = [t("place_preamble", lang) if label == PREAMBLE_LABEL else label for label in path]
    shown = [w for w in words if w != INFERRED_LABEL]
    if not shown:
        return t("place_untitled" if words else "place_unknown", lang)
    return t("place_sep", lang).join(shown)


def section_place(plan: Plan, section_id: str, lang: str = "zh") -> str:
    """Where ``section_id`` is, as the draft names it; a part without a heading is named by
    its first item."""
    trail = plan.path(section_id)
    if trail and trail[-1].kind is SectionKind.INFERRED:
        first = next((c.label for c in trail[-1].children), "")
        if first:
            return t("place_untitled_before", lang, first=first)
    return path_place([s.label for s in trail], lang)


def figure_place(path: Sequence[str], table: bool, lang: str = "zh") -> str:
    """Where a target is stated: its section, or the indicator table of its section."""
    if not table:
        return path_place(path, lang)
    if not path:
        return t("place_table_alone", lang)
    return t("place_table", lang, section=path_place(path, lang))


def plan_title(meta: PlanMeta, lang: str = "zh") -> str:
    """The plan by its title, with its status when the title lacks it:
    《陆河县服装产业高质量发展规划（征求意见稿）》."""
    title = meta.title or meta.region or meta.id
    if meta.status and meta.status not in title:
        title += t("plan_status", lang, status=meta.status)
    return t("plan_title", lang, title=title)


def plan_short(meta: PlanMeta) -> str:
    """The plan's short name: its region (陆河县), else its title."""
    return meta.region or meta.title or meta.id


def date_text(day: date, lang: str = "zh") -> str:
    """A date as the reader writes it: 2025年6月2日 / 2025-06-02."""
    return t("date", lang, year=day.year, month=day.month, day=day.day)


def version_text(meta: PlanMeta, lang: str = "zh") -> str:
    """The plan's version as a reader knows it: its status and the date it was imported
    (征求意见稿，2025年6月1日导入); the corpus version number only when there is no status."""
    if not meta.status:
        return t("plan_no_status", lang, version=meta.version)
    imported = _imported_date(meta.imported)
    if imported is None:
        return t("plan_version_no_date", lang, status=meta.status)
    return t("plan_version", lang, status=meta.status, date=date_text(imported, lang))


def _imported_date(stamp: str | None) -> date | None:
    if not stamp:
        return None
    try:
        return datetime.fromisoformat(stamp).date()
    except ValueError:
        return None


def finding_text(finding: Finding, lang: str = "zh") -> str:
    """What a finding says, in ``lang``: its kind's wording with its values, and for a target
    finding each statement of the target with the place where the draft makes it."""
    stated = t("sep", lang).join(
        t("finding_stated", lang, value=f.value, place=figure_place(f.path, f.table, lang))
        for f in finding.figures
    )
    return t(finding.wording, lang, **finding.values, stated=stated)


#: The notes the importer keeps in a plan's front matter. They are data in the canonical file,
#: written in the catalogue's English (its stable form); :func:`note_text` says them again in
#: the reader's language.
IMPORT_NOTES = ("note_no_title", "note_no_headings", "note_unwrapped", "note_pdf")


def note_text(note: str, lang: str = "zh") -> str:
    """A note of a plan's front matter in ``lang``: the importer's own notes reworded, any
    other note (a source file's ``# key: value`` header) as it was written."""
    for key in IMPORT_NOTES:
        values = recognise(key, note)
        if values is not None:
            return t(key, lang, **values)
    return note


#: How comparators read before a value (≥100亿元); ``~`` reads as the catalogue's "about".
_SYMBOLS = {">=": "≥", "<=": "≤"}


def value_text(
    value: str | None,
    value_max: str | None = None,
    unit: str | None = None,
    comparator: str | None = None,
    qualitative: str | None = None,
    lang: str = "zh",
) -> str:
    """A target's value as a reviewer reads it: ≥100亿元, 3–5家, 约20%, 〈零事故〉."""
    if value is None:
        return f"〈{qualitative}〉" if qualitative else "—"
    if value_max is not None:
        return f"{value}–{value_max}{unit or ''}"
    sign = t("value_about", lang) if comparator == "~" else _SYMBOLS.get(comparator or "", "")
    if unit and unit.endswith(":"):
        return f"{sign}{unit}{value}"  # 1:1.25, a ratio of one to the value
    return f"{sign}{value}{unit or ''}"
