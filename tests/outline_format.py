"""A compact text form of a section tree, for fixture files (one line per section)."""

from __future__ import annotations

from plancompare.model import Plan, Section


def outline_lines(plan: Plan, head: bool = True) -> list[str]:
    """``id | kind | number | title | text`` per section, indented by level; head lines first."""
    lines: list[str] = []
    if head:
        for key in ("title", "period", "status"):
            value = getattr(plan.meta, key)
            if value:
                lines.append(f"@{key} {value}")
    for s in plan.walk():
        lines.append(_line(s))
        for t in s.tables:
            lines.append(f"{'  ' * s.level}table {' / '.join(t.header)}")
            lines.extend(f"{'  ' * s.level}  {' / '.join(r)}" for r in t.rows)
    return lines


def _line(s: Section) -> str:
    indent = "  " * (s.level - 1)
    return f"{indent}{s.id} | {s.kind.value} | {s.number or '-'} | {s.title or '-'} | {s.text}"
