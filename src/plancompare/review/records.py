"""Comments as plain JSON data and back: the shape of ``comment list --json`` and of the database's
JSON columns, also carried in the W3C export's own namespace."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from plancompare.i18n import Words
from plancompare.model import FindingFigure
from plancompare.plan.wording import finding_text
from plancompare.review.model import (
    COVERAGE_VERDICTS,
    MAX_NUMBER,
    Anchor,
    AnchorCandidate,
    AnchorState,
    Comment,
    CoverageRef,
    Disposition,
    FindingRef,
    PairRef,
    Reference,
    Stance,
    Status,
    TargetFigure,
    TargetRef,
    TextPositionSelector,
    TextQuoteSelector,
    text_problem,
    time_problem,
)

if TYPE_CHECKING:
    from plancompare.review.anchoring import ReanchorSummary
    from plancompare.review.merge import MergeResult


class RecordError(ValueError):
    """A JSON record is not a comment (or part of one): the field, then the catalogue's words
    for what is wrong with it (:attr:`problem`, said where it is shown)."""

    def __init__(self, field: str | None, key: str, /, **values: object) -> None:
        words = Words(key, **values)
        self.problem = Words("err_record_field", field=field, problem=words) if field else words
        super().__init__(self.problem.text("en"))


def time_text(moment: datetime) -> str:
    """A UTC time as ISO 8601 with microseconds (sorts as text, parses back exactly)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_time(value: Any, name: str) -> datetime:
    """An ISO 8601 time; a time without a zone is taken as UTC."""
    if not isinstance(value, str):
        raise RecordError(name, "rec_expected_time", value=_short(value))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise RecordError(name, "rec_not_a_time", value=_short(value)) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:  # year 1 east of Greenwich, year 9999 west of it
        problem = time_problem(datetime.min.replace(tzinfo=UTC))
        assert problem is not None
        raise RecordError(name, problem.key, **problem.values) from None
    problem = time_problem(moment)
    if problem is not None:
        raise RecordError(name, problem.key, **problem.values)
    return moment


def anchor_dict(anchor: Anchor) -> dict[str, Any]:
    """An anchor: section, path, quote {exact, prefix, suffix}, position {start, end}, state."""
    return {
        "section": anchor.section,
        "path": list(anchor.path),
        "quote": (
            {
                "exact": anchor.quote.exact,
                "prefix": anchor.quote.prefix,
                "suffix": anchor.quote.suffix,
            }
            if anchor.quote
            else None
        ),
        "position": (
            {"start": anchor.position.start, "end": anchor.position.end}
            if anchor.position
            else None
        ),
        "state": anchor.state.value,
        "score": anchor.score,
        "candidates": [
            {"section": c.section, "start": c.start, "end": c.end, "score": c.score}
            for c in anchor.candidates
        ],
    }


def reference_dict(ref: Reference | None) -> dict[str, Any] | None:
    """A reference with its ``type``: ``target``, ``pair``, ``finding`` or ``coverage``."""
    if ref is None:
        return None
    if isinstance(ref, TargetRef):
        return {
            "type": "target",
            "targets": [_figure_dict(t) for t in ref.targets],
            "note": ref.note,
            "note_en": ref.note_en,
        }
    if isinstance(ref, PairRef):
        return {
            "type": "pair",
            "plan": ref.plan,
            "plan_version": ref.plan_version,
            "anchor": anchor_dict(ref.anchor),
            "score": ref.score,
            "kind": ref.kind,
        }
    if isinstance(ref, CoverageRef):
        return {
            "type": "coverage",
            "plan": ref.plan,
            "plan_version": ref.plan_version,
            "anchor": anchor_dict(ref.anchor),
            "verdict": ref.verdict,
            "score": ref.score,
            "basis": ref.basis,
            "sentences": ref.sentences,
            "found": ref.found,
            "counterpart": list(ref.counterpart),
        }
    finding = ref.finding()
    return {
        "type": "finding",
        "kind": ref.kind,
        "section": ref.section,
        "variant": ref.variant,
        "values": dict(ref.values),
        "figures": [
            {
                "value": f.value,
                "section": f.section,
                "path": list(f.path),
                "table": f.table,
                "quote": f.quote,
            }
            for f in ref.figures
        ],
        # Worded for readers of the export that do not word findings themselves.
        "message": ref.message or (finding_text(finding, "en") if ref.values else ""),
        "message_zh": ref.message_zh or (finding_text(finding, "zh") if ref.values else ""),
        "evidence": list(ref.evidence),
    }


def _figure_dict(t: TargetFigure) -> dict[str, Any]:
    return {
        "plan": t.plan,
        "indicator": t.indicator,
        "value": t.value,
        "value_max": t.value_max,
        "unit": t.unit,
        "comparator": t.comparator,
        "year": t.year,
        "section": t.section,
        "quote": t.quote,
        "qualitative": t.qualitative,
        "path": list(t.path),
        "table": t.table,
    }


def comment_dict(comment: Comment) -> dict[str, Any]:
    """One comment as in ``comment list --json``."""
    return {
        "id": comment.id,
        "plan": comment.plan,
        "plan_version": comment.plan_version,
        "anchor": anchor_dict(comment.anchor),
        "quoted": comment.quoted,
        "category": comment.category,
        "stance": comment.stance.value,
        "body": comment.body,
        "suggestion": comment.suggestion,
        "rationale": comment.rationale,
        "reviewer": comment.reviewer,
        "organisation": comment.organisation,
        "status": comment.status.value,
        "disposition": comment.disposition.value,
        "disposition_note": comment.disposition_note,
        "reference": reference_dict(comment.reference),
        "created": time_text(comment.created),
        "updated": time_text(comment.updated),
        "deleted": time_text(comment.deleted) if comment.deleted else None,
    }


# --- back from JSON, checking every field: imports come from other people's files ------------


def _get(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise RecordError(
            f"{where}{key}", "rec_expected", kind=_kind_name(kind), value=_short(value)
        )
    if isinstance(value, int) and not 0 <= value <= MAX_NUMBER:
        raise RecordError(
            f"{where}{key}", "rec_out_of_range", value=_short(value), limit=MAX_NUMBER
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise RecordError(f"{where}{key}", "rec_not_finite", value=repr(value))
    if isinstance(value, str):
        problem = text_problem(value)
        if problem is not None:
            raise RecordError(f"{where}{key}", problem.key, **problem.values)
    return value


def _short(value: Any) -> str:
    """A value for an error line: never a megabyte of it."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _opt(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    return None if data.get(key) is None else _get(data, key, kind, where)


#: The words for the kinds of JSON value a field takes (a number: a whole one or not).
_KIND_WORDS = {str: "rec_kind_text", int: "rec_kind_whole", float: "rec_kind_number"}
_KIND_WORDS |= {dict: "rec_kind_object", list: "rec_kind_list", bool: "rec_kind_bool"}


def _kind_name(kind: type | tuple[type, ...]) -> Words:
    kinds = set(kind) if isinstance(kind, tuple) else {kind}
    return Words(_KIND_WORDS[float if kinds == {int, float} else kinds.pop()])


def _enum(data: dict[str, Any], key: str, kind: Any, where: str) -> Any:
    value = _get(data, key, str, where)
    try:
        return kind(value)
    except ValueError:
        allowed = [m.value for m in kind]
        raise RecordError(f"{where}{key}", "err_not_one_of", text=value, choices=allowed) from None


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RecordError(where, "rec_expected", kind=Words("rec_kind_object"), value=_short(value))
    return value


def anchor_from_dict(value: Any, where: str = "anchor.") -> Anchor:
    """An anchor from :func:`anchor_dict`'s shape."""
    data = _object(value, where.rstrip("."))
    path = _get(data, "path", list, where) if data.get("path") is not None else []
    if not all(isinstance(p, str) and text_problem(p) is None for p in path):
        raise RecordError(f"{where}path", "rec_not_section_labels")
    quote = None
    if data.get("quote") is not None:
        q = _object(data["quote"], f"{where}quote")
        quote = TextQuoteSelector(
            exact=_get(q, "exact", str, f"{where}quote."),
            prefix=_opt(q, "prefix", str, f"{where}quote.") or "",
            suffix=_opt(q, "suffix", str, f"{where}quote.") or "",
        )
        if not quote.exact:
            raise RecordError(f"{where}quote.exact", "rec_empty_quote")
    position = None
    if data.get("position") is not None:
        p = _object(data["position"], f"{where}position")
        start = _get(p, "start", int, f"{where}position.")
        end = _get(p, "end", int, f"{where}position.")
        if not 0 <= start < end:
            raise RecordError(f"{where}position", "rec_no_span", start=start, end=end)
        position = TextPositionSelector(start, end)
    candidates = []
    for i, c in enumerate(data.get("candidates") or []):
        c = _object(c, f"{where}candidates[{i}]")
        w = f"{where}candidates[{i}]."
        candidates.append(
            AnchorCandidate(
                section=_get(c, "section", str, w),
                start=_get(c, "start", int, w),
                end=_get(c, "end", int, w),
                score=float(_get(c, "score", (int, float), w)),
            )
        )
    score = _opt(data, "score", (int, float), where)
    return Anchor(
        section=_opt(data, "section", str, where),
        path=list(path),
        quote=quote,
        position=position,
        state=_enum(data, "state", AnchorState, where) if "state" in data else AnchorState.ANCHORED,
        score=None if score is None else float(score),
        candidates=candidates,
    )


def reference_from_dict(value: Any, where: str = "reference.") -> Reference | None:
    """A reference from :func:`reference_dict`'s shape."""
    if value is None:
        return None
    data = _object(value, where.rstrip("."))
    kind = data.get("type")
    if kind == "target":
        figures = _get(data, "targets", list, where)
        if not 1 <= len(figures) <= 2:
            raise RecordError(f"{where}targets", "rec_one_or_two_targets")
        return TargetRef(
            [_figure_from_dict(f, f"{where}targets[{i}].") for i, f in enumerate(figures)],
            _opt(data, "note", str, where) or "",
            _opt(data, "note_en", str, where) or "",
        )
    if kind == "pair":
        score = _opt(data, "score", (int, float), where)
        return PairRef(
            plan=_get(data, "plan", str, where),
            plan_version=_get(data, "plan_version", int, where),
            anchor=anchor_from_dict(data.get("anchor"), f"{where}anchor."),
            score=None if score is None else float(score),
            kind=_opt(data, "kind", str, where),
        )
    if kind == "finding":
        evidence = _opt(data, "evidence", list, where) or []
        if not all(isinstance(e, str) and text_problem(e) is None for e in evidence):
            raise RecordError(f"{where}evidence", "rec_not_quotes")
        values = _opt(data, "values", dict, where) or {}
        figures = _opt(data, "figures", list, where) or []
        kept = FindingRef(
            kind=_get(data, "kind", str, where),
            section=_opt(data, "section", str, where),
            evidence=[str(e) for e in evidence],
            values={str(k): str(v) for k, v in values.items()},
            figures=[_finding_figure(f, f"{where}figures[{i}].") for i, f in enumerate(figures)],
            variant=_opt(data, "variant", str, where) or "",
        )
        if not kept.values:  # an older record: the words it kept are all there is
            kept.message = _opt(data, "message", str, where) or ""
            kept.message_zh = _opt(data, "message_zh", str, where) or ""
        return kept
    if kind == "coverage":
        return _coverage_from_dict(data, where)
    raise RecordError(f"{where}type", "rec_bad_reference_type", value=repr(kind))


def _coverage_from_dict(data: dict[str, Any], where: str) -> CoverageRef:
    verdict = _get(data, "verdict", str, where)
    if verdict not in COVERAGE_VERDICTS:
        allowed = ", ".join(COVERAGE_VERDICTS)
        raise RecordError(f"{where}verdict", "err_not_one_of", text=verdict, choices=allowed)
    score = float(_get(data, "score", (int, float), where))
    if not 0 <= score <= 1:
        raise RecordError(f"{where}score", "rec_out_of_range", value=repr(score), limit=1)
    counterpart = _opt(data, "counterpart", list, where) or []
    if not all(isinstance(p, str) and text_problem(p) is None for p in counterpart):
        raise RecordError(f"{where}counterpart", "rec_not_section_labels")
    return CoverageRef(
        plan=_get(data, "plan", str, where),
        plan_version=_get(data, "plan_version", int, where),
        anchor=anchor_from_dict(data.get("anchor"), f"{where}anchor."),
        verdict=verdict,
        score=score,
        basis=_opt(data, "basis", str, where) or "content",
        sentences=_opt(data, "sentences", int, where) or 0,
        found=_opt(data, "found", int, where) or 0,
        counterpart=list(counterpart),
    )


def _finding_figure(value: Any, where: str) -> FindingFigure:
    data = _object(value, where.rstrip("."))
    path = _opt(data, "path", list, where) or []
    return FindingFigure(
        value=_get(data, "value", str, where),
        section=_get(data, "section", str, where),
        path=[str(p) for p in path],
        table=bool(_opt(data, "table", bool, where)),
        quote=_opt(data, "quote", str, where) or "",
    )


def _figure_from_dict(value: Any, where: str) -> TargetFigure:
    data = _object(value, where.rstrip("."))
    return TargetFigure(
        plan=_get(data, "plan", str, where),
        indicator=_get(data, "indicator", str, where),
        value=_opt(data, "value", str, where),
        value_max=_opt(data, "value_max", str, where),
        unit=_opt(data, "unit", str, where),
        comparator=_opt(data, "comparator", str, where),
        year=_opt(data, "year", int, where),
        section=_get(data, "section", str, where),
        quote=_opt(data, "quote", str, where) or "",
        qualitative=_opt(data, "qualitative", str, where),
        path=[str(p) for p in _opt(data, "path", list, where) or []],
        table=bool(_opt(data, "table", bool, where)),
    )


def comment_from_dict(value: Any, where: str = "") -> Comment:
    """A comment from :func:`comment_dict`'s shape (every field checked)."""
    data = _object(value, where.rstrip(".") or "comment")
    deleted = data.get("deleted")
    return Comment(
        id=_get(data, "id", str, where),
        plan=_get(data, "plan", str, where),
        plan_version=_get(data, "plan_version", int, where),
        anchor=anchor_from_dict(data.get("anchor"), f"{where}anchor."),
        body=_get(data, "body", str, where),
        created=parse_time(data.get("created"), f"{where}created"),
        updated=parse_time(data.get("updated"), f"{where}updated"),
        category=_get(data, "category", str, where),
        stance=_enum(data, "stance", Stance, where),
        suggestion=_opt(data, "suggestion", str, where) or "",
        rationale=_opt(data, "rationale", str, where) or "",
        reviewer=_opt(data, "reviewer", str, where) or "",
        organisation=_opt(data, "organisation", str, where) or "",
        status=_enum(data, "status", Status, where),
        disposition=_enum(data, "disposition", Disposition, where),
        disposition_note=_opt(data, "disposition_note", str, where) or "",
        quoted=_opt(data, "quoted", str, where) or "",
        reference=reference_from_dict(data.get("reference"), f"{where}reference."),
        deleted=None if deleted is None else parse_time(deleted, f"{where}deleted"),
    )


def merge_result_dict(result: MergeResult) -> dict[str, Any]:
    """``comments import --json``: ids added, updated, unchanged, and the conflicts."""
    return {
        "added": list(result.added),
        "updated": list(result.updated),
        "unchanged": list(result.unchanged),
        "conflicts": [
            {"id": c.id, "fields": list(c.fields), "kept": c.kept} for c in result.conflicts
        ],
    }


def reanchor_dict(summary: ReanchorSummary) -> dict[str, Any]:
    """``comments reanchor --json``: the plan, its version and how many anchors ended how."""
    return {
        "plan": summary.plan,
        "version": summary.version,
        "states": {s.value: summary.states[s] for s in AnchorState if summary.states[s]},
        "pair_sides": summary.pair_sides,
    }
