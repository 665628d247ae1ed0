"""Finding words in plans: every place a text occurs, in headings and body text."""

from __future__ import annotations

from dataclasses import dataclass

from plancompare.model import Plan, Section

#: Characters of context shown on each side of a hit.
CONTEXT = 12
#: Between the headings of a hit's path.
PATH_SEPARATOR = " › "


@dataclass(slots=True, frozen=True)
class TextHit:
    """One place a searched text occurs in a plan."""

    plan: str
    """Id of the plan."""
    section: str
    """Id of the section."""
    label: str
    """The section's label (its heading as written)."""
    start: int | None
    """Offset of the hit in the section's ``text``; None for a hit in the heading."""
    end: int | None
    """End offset in the section's ``text``; None for a hit in the heading."""
    before: str
    """A little of the text before the hit (on its line)."""
    match: str
    """The text found, as written."""
    after: str
    """A little of the text after the hit (on its line)."""
    path: str = ""
    """Where it is, as the draft names it: the headings from the top down to its section
    (三、重点任务 › （二）加强梯度培育)."""


def _folded(text: str) -> str:
    # casefold() can change a text's length (ß → ss); offsets must stay those of the text,
    # so fall back to the text itself where it would.
    folded = text.casefold()
    return folded if len(folded) == len(text) else text


def heading_paths(plan: Plan) -> dict[str, str]:
    """Each section's headings from the top level down (三、重点任务 › （二）加强梯度培育)."""
    paths: dict[str, str] = {}

    def visit(section: Section, above: str) -> None:
        here = f"{above}{PATH_SEPARATOR}{section.label}" if above else section.label
        paths[section.id] = here
        for child in section.children:
            visit(child, here)

    for top in plan.sections:
        visit(top, "")
    return paths


def occurrences(text: str, query: str) -> list[tuple[int, int]]:
    """Offsets of every place ``query`` occurs in ``text`` (ignoring case), in order."""
    needle = _folded(query.strip())
    if not needle:
        return []
    haystack = _folded(text)
    found = []
    at = haystack.find(needle)
    while at >= 0:
        found.append((at, at + len(needle)))
        at = haystack.find(needle, at + len(needle))
    return found


def search_plans(plans: list[Plan], query: str, limit: int = 500) -> list[TextHit]:
    """Where ``query`` occurs (ignoring case) in the headings and text of ``plans``, in
    document order, plan by plan; at most ``limit`` hits."""
    needle = _folded(query.strip())
    if not needle:
        return []
    hits: list[TextHit] = []
    for plan in plans:
        paths = heading_paths(plan)
        for section in plan.walk():
            label = section.label
            path = paths[section.id]
            at = _folded(label).find(needle)
            if at >= 0:
                hits.append(
                    TextHit(
                        plan.id,
                        section.id,
                        label,
                        None,
                        None,
                        label[:at],
                        label[at : at + len(needle)],
                        label[at + len(needle) :],
                        path,
                    )
                )
            text = section.text
            for at, end in occurrences(text, query):
                if len(hits) >= limit:
                    break
                line_start = text.rfind("\n", 0, at) + 1
                line_end = text.find("\n", end)
                line_end = len(text) if line_end < 0 else line_end
                before = text[max(line_start, at - CONTEXT) : at]
                after = text[end : min(line_end, end + CONTEXT)]
                hits.append(
                    TextHit(plan.id, section.id, label, at, end, before, text[at:end], after, path)
                )
            if len(hits) >= limit:
                return hits[:limit]
    return hits
