"""The review database: adding, editing, soft deletion, filters, search, schema, bad files."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from plancompare.errors import PlanError
from plancompare.model import Plan
from plancompare.review.migrations import known_names
from plancompare.review.model import (
    AnchorState,
    Comment,
    Disposition,
    Stance,
    Status,
)
from plancompare.review.store import CommentFilter, CommentStore
from plancompare.review.writing import Draft, new_comment

T0 = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


class Clock:
    """A clock that moves one minute each time it is read."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> CommentStore:
    opened = CommentStore.open(tmp_path / "comments" / "review.db", clock=Clock())
    yield opened
    opened.close()


def comment(plan: Plan, section: str, body: str, quote: str | None = None, **draft) -> Comment:
    return new_comment(plan, section, Draft(body=body, **draft), quote=quote, now=T0)


def test_a_comment_comes_back_as_it_was_stored(store: CommentStore, luhe: Plan) -> None:
    c = comment(
        luhe,
        "6.1",
        "建议明确牵头单位",
        "工作领导小组",
        category="修改",
        stance=Stance.OPPOSE,
        suggestion="由县科工局牵头",
        rationale="便于落实",
        reviewer="张三",
        organisation="县发展改革局",
    )
    store.add(c)
    back = store.get(c.id)
    assert back == c
    assert back.category == "amend" and back.quoted == "工作领导小组"
    assert back.anchor.position is not None
    assert luhe.section("6.1").text[back.anchor.position.start : back.anchor.position.end] == (
        "工作领导小组"
    )


def test_an_id_prefix_finds_the_comment_and_an_unknown_id_is_a_plan_error(
    store: CommentStore, luhe: Plan
) -> None:
    c = store.add(comment(luhe, "1", "整体意见"))
    assert store.get(c.id[:6]).id == c.id
    with pytest.raises(PlanError, match="no comment 'ffffffff'"):
        store.get("ffffffff")
    with pytest.raises(PlanError, match="already exists"):
        store.add(c)


def test_update_changes_fields_and_the_updated_time_only(store: CommentStore, luhe: Plan) -> None:
    c = store.add(comment(luhe, "1", "整体意见"))
    changed = store.update(c.id, disposition="采纳", disposition_note="已修改", body="新的意见")
    assert changed.disposition is Disposition.ACCEPTED and changed.disposition_note == "已修改"
    assert changed.body == "新的意见" and changed.created == c.created
    assert changed.updated > c.updated
    assert store.get(c.id) == changed
    with pytest.raises(ValueError, match="cannot update"):
        store.update(c.id, created=T0)
    with pytest.raises(PlanError, match="not one of"):
        store.update(c.id, stance="maybe")


def test_deleting_is_soft_and_restorable(store: CommentStore, luhe: Plan) -> None:
    keep = store.add(comment(luhe, "1", "保留"))
    gone = store.add(comment(luhe, "2", "删除"))
    store.delete(gone.id)
    assert [c.id for c in store.list()] == [keep.id]
    assert [c.id for c in store.list(CommentFilter(deleted=True))] == [gone.id]
    assert store.get(gone.id).deleted is not None
    store.restore(gone.id)
    assert {c.id for c in store.list()} == {keep.id, gone.id}
    store.delete(gone.id)
    assert store.purge_deleted() == 1
    assert store.count() == 1


def test_filters(store: CommentStore, luhe: Plan, dehong: Plan) -> None:
    a = store.add(comment(luhe, "1", "意见一", reviewer="张三", category="补充"))
    b = store.add(comment(dehong, "2", "意见二", reviewer="李四", status=Status.SUBMITTED))
    assert [c.id for c in store.list(CommentFilter(plans=["dehong"]))] == [b.id]
    assert [c.id for c in store.list(CommentFilter(reviewers=["张三"]))] == [a.id]
    assert [c.id for c in store.list(CommentFilter(categories=["add"]))] == [a.id]
    assert [c.id for c in store.list(CommentFilter(statuses=[Status.SUBMITTED]))] == [b.id]
    assert store.list(CommentFilter(states=[AnchorState.ORPHANED])) == []


def test_search_finds_chinese_words_of_any_length_in_bodies_and_quotes(
    store: CommentStore, luhe: Plan
) -> None:
    a = store.add(comment(luhe, "6.1", "建议明确牵头单位", "工作领导小组", rationale="责任不清"))
    b = store.add(comment(luhe, "1", "目标偏高", suggestion='改为"稳步提升"'))
    assert [c.id for c in store.search("牵头")] == [a.id]  # two characters: scanned
    assert [c.id for c in store.search("领导小组")] == [a.id]  # in the quote, via the index
    assert [c.id for c in store.search("责任")] == [a.id]  # in the rationale
    assert [c.id for c in store.search('"稳步提升"')] == [b.id]  # quotes in the query are text
    assert [c.id for c in store.search("目标 偏高")] == [b.id]  # words are ANDed
    assert store.search("牵头 偏高") == []
    assert store.search("100%_") == []
    store.update(a.id, body="改写后的意见")
    assert store.search("牵头单位") == []  # the index follows edits


def test_schema_is_numbered_migrations_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    CommentStore.open(path).close()
    CommentStore.open(path).close()
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("select name from _sqlite_migrations order by id")]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert names == known_names()
    assert names == sorted(names) and names[0].startswith("001_")
    assert mode == "wal"


def test_a_database_from_a_newer_plancompare_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    CommentStore.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at) "
            "values ('plancompare.review', '999_future', 'now')"
        )
    with pytest.raises(PlanError, match="newer plancompare"):
        CommentStore.open(path)


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    path.write_text("这不是数据库\n", encoding="utf-8")
    with pytest.raises(PlanError, match="not a SQLite database"):
        CommentStore.open(path)
    assert path.read_text(encoding="utf-8") == "这不是数据库\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.db"]


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="is a folder"):
        CommentStore.open(tmp_path)


def test_rewrite_is_not_an_edit(store: CommentStore, luhe: Plan) -> None:
    c = store.add(comment(luhe, "1", "意见"))
    changes = store.rewrite(CommentFilter(), lambda x: None)
    assert changes == []
    changes = store.rewrite(CommentFilter(), lambda x: replace(x, plan_version=2))
    assert [(old.plan_version, new.plan_version) for old, new in changes] == [(1, 2)]
    assert store.get(c.id).updated == c.updated


def test_threads_can_share_one_store(store: CommentStore, luhe: Plan) -> None:
    """A Textual thread worker and the UI thread use one store object."""
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(20):
                store.add(comment(luhe, "1", f"线程{n}意见{i}"))
                store.list()
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count() == 60
    assert store.integrity() == "ok"


def test_preferences_are_remembered(tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    with CommentStore.open(path) as store:
        assert store.preference("reviewer") is None
        store.set_preference("reviewer", "张三")
        store.set_preference("reviewer", "李四")
    with CommentStore.open(path) as store:
        assert store.preference("reviewer") == "李四"
