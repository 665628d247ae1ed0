"""Comments as W3C Web Annotations: an AnnotationCollection in JSON-LD, written and read back.

Standard parts carry what any annotation tool understands (the body, the suggested wording as an
``editing`` body, the creator, and targets with a FragmentSelector for the section refined by a
TextQuoteSelector and a TextPositionSelector); plancompare's own fields (category, stance,
disposition, anchor state …) live in the ``plancompare:`` namespace, ``urn:plancompare:ns:``.
A comment on an aligned pair has two targets, one in each plan.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from plancompare.errors import PlanError
from plancompare.i18n import Words
from plancompare.model import Plan
from plancompare.review.model import (
    Anchor,
    AnchorState,
    Category,
    Comment,
    CoverageRef,
    PairRef,
)
from plancompare.review.records import (
    RecordError,
    anchor_dict,
    comment_from_dict,
    reference_dict,
    time_text,
)

NAMESPACE = "urn:plancompare:ns:"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
JSONLD_CONTEXT: list[Any] = [ANNO_CONTEXT, {"plancompare": NAMESPACE}]
_PLAN_IRI = re.compile(r"^urn:plancompare:plan:(?P<id>[^:]+):v(?P<version>\d+)$")
_SECTION = "section="
#: The largest export accepted: 20,000 comments take about 40 MB.
MAX_EXPORT_BYTES = 128 * 1024 * 1024
P = "plancompare:"


def plan_iri(plan_id: str, plan_version: int) -> str:
    """The IRI standing for one version of a plan (the annotation target's ``source``)."""
    return f"urn:plancompare:plan:{plan_id}:v{plan_version}"


def _generator() -> dict[str, str]:
    try:
        release = version("plancompare")
    except PackageNotFoundError:  # running from a checkout that is not installed
        release = "dev"
    return {"id": "urn:plancompare", "type": "Software", "name": f"plancompare {release}"}


def _target(plan_id: str, plan_version: int, anchor: Anchor) -> dict[str, Any]:
    plain = anchor_dict(anchor)
    refinements: list[dict[str, Any]] = []
    if anchor.quote is not None:
        refinements.append({"type": "TextQuoteSelector", **plain["quote"]})
    if anchor.position is not None:
        refinements.append({"type": "TextPositionSelector", **plain["position"]})
    selectors: list[dict[str, Any]]
    if anchor.section is None:
        selectors = refinements  # the section is gone: the quote alone says what it was
    elif refinements:
        selectors = [_fragment(anchor.section, r) for r in refinements]
    else:
        selectors = [_fragment(anchor.section, None)]
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": plan_iri(plan_id, plan_version),
        P + "plan": plan_id,
        P + "planVersion": plan_version,
        P + "sectionPath": plain["path"],
        P + "anchorState": plain["state"],
    }
    if selectors:
        target["selector"] = selectors[0] if len(selectors) == 1 else selectors
    if anchor.score is not None:
        target[P + "anchorScore"] = anchor.score
    if anchor.candidates:
        target[P + "candidates"] = plain["candidates"]
    return target


def _fragment(section: str, refined: dict[str, Any] | None) -> dict[str, Any]:
    selector: dict[str, Any] = {
        "type": "FragmentSelector",
        "conformsTo": NAMESPACE + "section",
        "value": _SECTION + section,
    }
    if refined is not None:
        selector["refinedBy"] = refined
    return selector


def annotation(comment: Comment) -> dict[str, Any]:
    """One comment as a W3C Annotation."""
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "value": comment.body,
            "format": "text/markdown",
            "purpose": "commenting",
        }
    ]
    if comment.suggestion:
        bodies.append(
            {
                "type": "TextualBody",
                "value": comment.suggestion,
                "format": "text/plain",
                "purpose": "editing",
            }
        )
    targets = [_target(comment.plan, comment.plan_version, comment.anchor)]
    ref = comment.reference
    if isinstance(ref, PairRef):
        pair = _target(ref.plan, ref.plan_version, ref.anchor)
        pair[P + "pairScore"] = ref.score
        pair[P + "pairKind"] = ref.kind
        targets.append(pair)
    if comment.suggestion:
        motivation = "editing"
    elif comment.category == Category.QUESTION:
        motivation = "questioning"
    else:
        motivation = "commenting"
    record: dict[str, Any] = {
        "id": f"urn:uuid:{comment.id}",
        "type": "Annotation",
        "motivation": motivation,
        "created": time_text(comment.created),
        "modified": time_text(comment.updated),
        "creator": {
            "type": "Person",
            "name": comment.reviewer,
            P + "organisation": comment.organisation,
        },
        "body": bodies,
        "target": targets[0] if len(targets) == 1 else targets,
        P + "category": comment.category,
        P + "stance": comment.stance.value,
        P + "rationale": comment.rationale,
        P + "status": comment.status.value,
        P + "disposition": comment.disposition.value,
        P + "dispositionNote": comment.disposition_note,
        P + "quoted": comment.quoted,
    }
    if ref is not None and not isinstance(ref, PairRef):
        record[P + "reference"] = reference_dict(ref)
    if comment.deleted is not None:
        record[P + "deleted"] = time_text(comment.deleted)
    return record


def annotation_collection(
    comments: Sequence[Comment], generated: datetime, label: str = ""
) -> dict[str, Any]:
    """The comments as one AnnotationCollection (a single page holding every annotation)."""
    ids = ",".join(sorted(c.id for c in comments))
    collection_id = uuid.uuid5(uuid.NAMESPACE_URL, f"{NAMESPACE}collection:{ids}")
    return {
        "@context": JSONLD_CONTEXT,
        "id": f"urn:uuid:{collection_id}",
        "type": "AnnotationCollection",
        "label": label or "plancompare review comments",
        "total": len(comments),
        "generator": _generator(),
        "generated": time_text(generated),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [annotation(c) for c in comments],
        },
    }


def dumps_collection(collection: dict[str, Any]) -> str:
    """JSON-LD text: UTF-8 as is, indented, ending in a newline."""
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


# --- reading -----------------------------------------------------------------------------------


def _types(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def read_annotations(path: Path) -> list[Comment]:
    """Comments from an exported AnnotationCollection; any problem is a PlanError naming the
    file (and the annotation), before anything is stored."""
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise PlanError(path, "import_too_large", size=size, limit=MAX_EXPORT_BYTES)
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlanError(path, "err_no_such_file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise PlanError(path, "err_cannot_read", reason=e) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise PlanError(path, "err_not_json", line=e.lineno, reason=e.msg) from None
    except RecursionError:  # arrays nested 100,000 deep: no export looks like that
        raise PlanError(path, "json_too_deep") from None
    return parse_collection(data, path)


def parse_collection(data: Any, where: str | Path) -> list[Comment]:
    """Comments from a parsed AnnotationCollection (see :func:`read_annotations`)."""
    if not isinstance(data, dict) or "AnnotationCollection" not in _types(data.get("type")):
        raise PlanError(where, "err_not_a_collection")
    page = data.get("first")
    if isinstance(page, dict) and page.get("next"):
        raise PlanError(where, "err_collection_pages")
    items = page.get("items") if isinstance(page, dict) else data.get("items")
    if not isinstance(items, list):
        raise PlanError(where, "err_collection_no_items")
    comments: list[Comment] = []
    seen: set[str] = set()
    for n, item in enumerate(items, start=1):
        try:
            comment = comment_from_dict(_record(item))
        except RecordError as e:
            raise PlanError(where, "err_annotation", number=n, problem=e.problem) from None
        if comment.id in seen:
            raise PlanError(where, "err_annotation_twice", number=n, id=comment.id)
        seen.add(comment.id)
        comments.append(comment)
    return comments


def _record(item: Any) -> dict[str, Any]:
    """An annotation in the shape of :func:`plancompare.review.records.comment_dict`."""
    if not isinstance(item, dict) or "Annotation" not in _types(item.get("type")):
        raise RecordError(None, "ann_not_an_annotation")
    raw_id = item.get("id")
    if not isinstance(raw_id, str):
        raise RecordError(None, "ann_no_id")
    try:
        comment_id = str(uuid.UUID(raw_id.removeprefix("urn:uuid:")))
    except ValueError:
        raise RecordError(None, "ann_bad_id", id=repr(raw_id)) from None
    bodies = [b for b in _as_list(item.get("body")) if isinstance(b, dict)]
    body = next((b for b in bodies if b.get("purpose") in (None, "commenting")), None)
    if body is None or not isinstance(body.get("value"), str):
        raise RecordError(None, "ann_no_body")
    suggestion = next((b.get("value") for b in bodies if b.get("purpose") == "editing"), "")
    targets = _as_list(item.get("target"))
    if not targets or len(targets) > 2:
        raise RecordError(None, "ann_targets")
    plan, plan_version, anchor = _target_record(targets[0], "target.")
    reference = item.get(P + "reference")
    if len(targets) == 2:
        other_plan, other_version, other_anchor = _target_record(targets[1], "target[2].")
        reference = {
            "type": "pair",
            "plan": other_plan,
            "plan_version": other_version,
            "anchor": other_anchor,
            "score": targets[1].get(P + "pairScore"),
            "kind": targets[1].get(P + "pairKind"),
        }
    raw_creator = item.get("creator")
    creator: dict[str, Any] = raw_creator if isinstance(raw_creator, dict) else {}
    return {
        "id": comment_id,
        "plan": plan,
        "plan_version": plan_version,
        "anchor": anchor,
        "body": body["value"],
        "suggestion": suggestion,
        "created": item.get("created"),
        "updated": item.get("modified") or item.get("created"),
        "reviewer": creator.get("name") or "",
        "organisation": creator.get(P + "organisation") or "",
        "category": item.get(P + "category", Category.OTHER.value),
        "stance": item.get(P + "stance", "neutral"),
        "rationale": item.get(P + "rationale"),
        "status": item.get(P + "status", "submitted"),
        "disposition": item.get(P + "disposition", "pending"),
        "disposition_note": item.get(P + "dispositionNote"),
        "quoted": item.get(P + "quoted"),
        "reference": reference,
        "deleted": item.get(P + "deleted"),
    }


def _target_record(target: Any, where: str) -> tuple[Any, Any, dict[str, Any]]:
    if not isinstance(target, dict):
        raise RecordError(where.rstrip("."), "ann_expected_object")
    plan, plan_version = target.get(P + "plan"), target.get(P + "planVersion")
    if plan is None or plan_version is None:
        m = _PLAN_IRI.match(str(target.get("source", "")))
        if m is None:
            raise RecordError(f"{where}source", "ann_not_a_plan_iri")
        plan, plan_version = m["id"], int(m["version"])
    anchor: dict[str, Any] = {
        "section": None,
        "path": target.get(P + "sectionPath") or [],
        "quote": None,
        "position": None,
        "state": target.get(P + "anchorState", AnchorState.ANCHORED.value),
        "score": target.get(P + "anchorScore"),
        "candidates": target.get(P + "candidates") or [],
    }
    for selector in _as_list(target.get("selector")):
        if not isinstance(selector, dict):
            raise RecordError(f"{where}selector", "ann_expected_object")
        kinds = _types(selector.get("type"))
        if "FragmentSelector" in kinds:
            value = selector.get("value")
            if not isinstance(value, str) or not value.startswith(_SECTION):
                raise RecordError(f"{where}selector", "ann_bad_fragment")
            anchor["section"] = value.removeprefix(_SECTION)
            refined = selector.get("refinedBy")
            if refined is not None:
                _selector_into(refined, anchor, where)
        else:
            _selector_into(selector, anchor, where)
    return plan, plan_version, anchor


def _selector_into(selector: Any, anchor: dict[str, Any], where: str) -> None:
    if not isinstance(selector, dict):
        raise RecordError(f"{where}selector", "ann_expected_object")
    kinds = _types(selector.get("type"))
    if "TextQuoteSelector" in kinds:
        anchor["quote"] = {k: selector.get(k) for k in ("exact", "prefix", "suffix")}
    elif "TextPositionSelector" in kinds:
        anchor["position"] = {k: selector.get(k) for k in ("start", "end")}
    else:
        raise RecordError(f"{where}selector", "ann_bad_selector", type=repr(selector.get("type")))


def check_anchors(
    comments: Sequence[Comment],
    load_plan: Callable[[str, int], Plan | None],
    where: str | Path,
) -> None:
    """Refuse comments anchored to sections (or text) their plan version does not have.

    ``load_plan(id, version)`` returns the plan version, or None when the corpus lacks it. An
    orphaned anchor points nowhere by definition and is not checked.
    """
    for n, comment in enumerate(comments, start=1):
        anchors = [(comment.plan, comment.plan_version, comment.anchor)]
        if isinstance(comment.reference, PairRef | CoverageRef):
            ref = comment.reference
            anchors.append((ref.plan, ref.plan_version, ref.anchor))
        for plan_id, plan_version, anchor in anchors:
            if anchor.state is AnchorState.ORPHANED or anchor.section is None:
                continue
            plan = load_plan(plan_id, plan_version)
            label = Words("err_annotation_label", number=n, id=comment.id[:8])
            if plan is None:
                raise PlanError(
                    where, "err_annotation_no_plan", at=label, plan=plan_id, version=plan_version
                )
            section = plan.section(anchor.section)
            if section is None:
                raise PlanError(
                    where,
                    "err_annotation_no_section",
                    at=label,
                    plan=plan_id,
                    version=plan_version,
                    section=anchor.section,
                )
            pos, quote = anchor.position, anchor.quote
            if (
                pos is not None
                and quote is not None
                and section.text[pos.start : pos.end] != (quote.exact)
            ):
                raise PlanError(
                    where,
                    "err_annotation_quote_moved",
                    at=label,
                    plan=plan_id,
                    version=plan_version,
                    section=anchor.section,
                    start=pos.start,
                    end=pos.end,
                )
