"""W3C Web Annotation export and import, and merging another reviewer's comments."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from plancompare.errors import PlanError
from plancompare.model import Finding, Plan
from plancompare.review.annotations import (
    NAMESPACE,
    annotation_collection,
    check_anchors,
    dumps_collection,
    parse_collection,
    read_annotations,
)
from plancompare.review.merge import MergeAction, decide_merge, group_near_duplicates
from plancompare.review.model import (
    AnchorState,
    Comment,
    Disposition,
    FindingRef,
    Status,
    TargetFigure,
    TargetRef,
)
from plancompare.review.store import CommentStore
from plancompare.review.writing import Draft, new_comment, pair_reference

T0 = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def later(comment: Comment, minutes: int, **changes: object) -> Comment:
    return replace(comment, updated=comment.updated + timedelta(minutes=minutes), **changes)


@pytest.fixture
def comments(luhe: Plan, dehong: Plan) -> list[Comment]:
    figure = TargetFigure("luhe", "服装产业年总产值", "100", None, "亿元", ">=", 2030, "3.1", "…")
    return [
        new_comment(
            luhe,
            "6.1",
            Draft(
                body="建议明确**牵头单位**",
                suggestion="由县科工局牵头",
                rationale="便于落实",
                reviewer="张三",
                organisation="县发展改革局",
                status=Status.SUBMITTED,
            ),
            quote="工作领导小组",
            now=T0,
        ),
        new_comment(
            luhe,
            "3.1",
            Draft(body="两地目标可对照", category="疑问", reviewer="张三"),
            quote="服装产业年总产值突破100亿元",
            reference=pair_reference(dehong, "2"),
            now=T0,
        ),
        new_comment(
            luhe, "3.1", Draft(body="目标偏高"), reference=TargetRef([figure], "年份不同"), now=T0
        ),
        new_comment(
            luhe,
            "6",
            Draft(body="编号缺四、"),
            reference=FindingRef.of(
                Finding(
                    "numbering-gap",
                    "6",
                    ["三、", "五、"],
                    {"prev": "三、", "heading": "五、", "missing": "四、", "between": "0"},
                )
            ),
            now=T0,
        ),
    ]


def test_export_is_a_w3c_annotation_collection(comments: list[Comment]) -> None:
    data = annotation_collection(comments, T0, "张三")
    assert data["type"] == "AnnotationCollection" and data["total"] == 4
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["@context"][1] == {"plancompare": NAMESPACE}
    first = data["first"]["items"][0]
    assert first["id"] == f"urn:uuid:{comments[0].id}" and first["type"] == "Annotation"
    assert first["motivation"] == "editing"
    assert [b["purpose"] for b in first["body"]] == ["commenting", "editing"]
    selectors = first["target"]["selector"]
    assert [s["type"] for s in selectors] == ["FragmentSelector", "FragmentSelector"]
    assert selectors[0]["value"] == "section=6.1"
    assert selectors[0]["refinedBy"]["type"] == "TextQuoteSelector"
    assert selectors[0]["refinedBy"]["exact"] == "工作领导小组"
    assert selectors[1]["refinedBy"]["type"] == "TextPositionSelector"
    assert first["creator"] == {
        "type": "Person",
        "name": "张三",
        "plancompare:organisation": "县发展改革局",
    }
    pair = data["first"]["items"][1]
    assert pair["motivation"] == "questioning"
    assert [t["plancompare:plan"] for t in pair["target"]] == ["luhe", "dehong"]
    # every key outside the W3C vocabulary is in plancompare's namespace
    w3c = {"id", "type", "motivation", "created", "modified", "creator", "body", "target"}
    assert all(k in w3c or k.startswith("plancompare:") for k in first)


def test_export_then_import_gives_the_same_comments(
    comments: list[Comment], tmp_path: Path
) -> None:
    path = tmp_path / "张三.jsonld"
    path.write_text(dumps_collection(annotation_collection(comments, T0)), encoding="utf-8")
    assert read_annotations(path) == comments


def test_a_deleted_comment_travels_as_deleted(comments: list[Comment]) -> None:
    gone = replace(comments[0], deleted=T0)
    (back,) = parse_collection(annotation_collection([gone], T0), "x")
    assert back.deleted == T0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "not JSON (line 1"),
        ('{"type": "Annotation"}', "not a W3C annotation collection"),
        ("[1, 2]", "not a W3C annotation collection"),
        ('{"type": "AnnotationCollection"}', "no list of annotations"),
        (
            '{"type": "AnnotationCollection", "first": {"items": [{"type": "Note"}]}}',
            "annotation 1: not an Annotation",
        ),
        (
            '{"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation", '
            '"id": "x"}]}}',
            "annotation 1: id 'x' is not a urn:uuid",
        ),
    ],
)
def test_bad_import_files_are_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonld"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PlanError, match=message.replace("(", r"\(")) as e:
        read_annotations(path)
    assert str(path) in e.value.line("en") and "\n" not in e.value.line("en")


def test_a_field_of_the_wrong_type_names_the_annotation_and_field(
    comments: list[Comment],
) -> None:
    data = annotation_collection(comments, T0)
    data["first"]["items"][2]["plancompare:stance"] = "maybe"
    with pytest.raises(PlanError, match=r"annotation 3: stance: 'maybe' is not one of"):
        parse_collection(data, "x.jsonld")
    data = annotation_collection(comments, T0)
    data["first"]["items"][0]["target"]["selector"][1]["refinedBy"]["start"] = "5"
    with pytest.raises(PlanError, match=r"annotation 1: anchor\.position\.start"):
        parse_collection(data, "x.jsonld")
    data = annotation_collection(comments + comments[:1], T0)
    with pytest.raises(PlanError, match=r"annotation 5: id .* occurs twice"):
        parse_collection(data, "x.jsonld")


def test_anchors_are_checked_against_the_plans(
    comments: list[Comment], luhe: Plan, dehong: Plan
) -> None:
    plans = {("luhe", 1): luhe, ("dehong", 1): dehong}

    def load(plan_id: str, version: int) -> Plan | None:
        return plans.get((plan_id, version))

    check_anchors(comments, load, "x")
    missing = replace(comments[0], anchor=replace(comments[0].anchor, section="9.9"))
    with pytest.raises(PlanError, match=r"annotation 1 .* has no section '9\.9'"):
        check_anchors([missing], load, "x")
    shifted = replace(comments[0], quoted="", anchor=replace(comments[0].anchor, section="6.2"))
    with pytest.raises(PlanError, match="the quote is not at"):
        check_anchors([shifted], load, "x")
    unknown = replace(comments[0], plan="nowhere")
    with pytest.raises(PlanError, match="plan 'nowhere' v1 is not in the corpus"):
        check_anchors([unknown], load, "x")
    orphan = replace(
        comments[0], anchor=replace(comments[0].anchor, section="9.9", state=AnchorState.ORPHANED)
    )
    check_anchors([orphan], load, "x")  # an orphan points nowhere by definition


# --- merging ---------------------------------------------------------------------------------


def test_merge_decisions(comments: list[Comment]) -> None:
    mine = comments[0]
    assert decide_merge(None, mine).action is MergeAction.ADD
    assert decide_merge(mine, mine).action is MergeAction.UNCHANGED
    synced = replace(mine, synced=mine.updated)
    theirs = later(mine, 5, body="对方改过")
    step = decide_merge(synced, theirs)
    assert step.action is MergeAction.UPDATE and step.store is not None
    assert step.store.body == "对方改过" and step.fields == ["body"]
    # changed here since the last import, and there too: the later edit wins, reported
    mine_edited = later(synced, 10, disposition=Disposition.ACCEPTED)
    step = decide_merge(mine_edited, theirs)
    assert step.action is MergeAction.CONFLICT and step.kept == "local"
    assert step.superseded == theirs and step.fields == ["body", "disposition"]
    step = decide_merge(later(synced, 1, disposition=Disposition.ACCEPTED), theirs)
    assert step.action is MergeAction.CONFLICT and step.kept == "incoming"
    # an old copy of something already merged is not news
    assert decide_merge(mine_edited, replace(mine, body="旧")).action is MergeAction.UNCHANGED
    # anchors follow the later plan version without being an edit
    newer_anchor = replace(mine, plan_version=2)
    step = decide_merge(mine, newer_anchor)
    assert step.action is MergeAction.UPDATE and step.store is not None
    assert step.store.plan_version == 2


def test_importing_twice_changes_nothing_and_conflicts_keep_both_copies(
    comments: list[Comment], tmp_path: Path
) -> None:
    clock = lambda: T0 + timedelta(minutes=10)  # noqa: E731 - the consolidator edits at 9:10
    with CommentStore.open(tmp_path / "review.db", clock=clock) as store:
        first = store.merge(comments)
        assert len(first.added) == 4 and not first.updated and not first.conflicts
        again = store.merge(comments)
        assert len(again.unchanged) == 4 and not again.added and not again.conflicts
        theirs = later(comments[0], 30, body="对方的新写法")
        store.update(comments[0].id, disposition="不采纳")  # the consolidator's own edit
        result = store.merge([theirs])
        assert [c.id for c in result.conflicts] == [comments[0].id]
        assert result.conflicts[0].kept == "incoming"
        assert result.conflicts[0].fields == ["body", "disposition"]
        current = store.get(comments[0].id)
        assert current.body == "对方的新写法"
        ((_, reason, saved),) = store.revisions(comments[0].id)
        assert saved.disposition is Disposition.REJECTED and "conflict" in reason
        assert store.merge([theirs]).unchanged == [comments[0].id]


def test_near_duplicates_from_different_reviewers_are_grouped_never_dropped(
    luhe: Plan,
) -> None:
    def by(who: str, body: str, quote: str | None = "工作领导小组") -> Comment:
        return new_comment(
            luhe,
            "6.1",
            Draft(body=body, reviewer=who, organisation=who + "局"),
            quote=quote,
            now=T0,
        )

    a = by("甲", "建议明确牵头单位。")
    b = by("乙", "建议明确牵头单位！")
    c = by("丙", "建议删除本句")
    d = by("甲", "建议明确牵头单位")  # the same reviewer twice: not a duplicate of a
    e = by("丁", "建议明确牵头单位", quote=None)  # the whole section: another place
    groups = group_near_duplicates([a, b, c, d, e])
    assert [[m.id for m in g.comments] for g in groups] == [
        [a.id, b.id, d.id],
        [c.id],
        [e.id],
    ]
    assert sum(g.count for g in groups) == 5
