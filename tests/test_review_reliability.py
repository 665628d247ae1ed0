"""The review database never loses a comment: killed writers, concurrent writers, read-only
folders. These tests start real processes."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.process import BaseProcess
from pathlib import Path

import pytest

from plancompare.review.model import Anchor, Comment, new_comment_id, utc_now
from plancompare.review.store import CommentStore
from tests.conftest import CORPORA, ROOT

#: How many times a writer is killed (dozens: each run takes a few milliseconds).
KILLS = 40
#: Comments each of the two concurrent writers adds.
CONCURRENT = 500


def a_comment(label: str) -> Comment:
    """A comment on a fixed anchor (no plan to load: the writers must start fast)."""
    now = utc_now()
    return Comment(
        id=new_comment_id(),
        plan="luhe",
        plan_version=1,
        anchor=Anchor(section="1", path=["一、指导思想"]),
        body=f"意见 {label}",
        created=now,
        updated=now,
    )


def add_comments(db: Path, label: str, count: int, log: Path | None = None) -> None:
    """Add ``count`` comments (forever if negative), appending each id to ``log`` once its add
    has returned."""
    store = CommentStore.open(db)
    out = log.open("a", encoding="utf-8") if log is not None else None
    n = 0
    while count < 0 or n < count:
        c = store.add(a_comment(f"{label}-{n}"))
        if out is not None:
            out.write(c.id + "\n")
            out.flush()
        n += 1
    store.close()


def acknowledged(log: Path) -> int:
    """How many adds the writers have acknowledged: complete lines of ``log``."""
    return log.read_bytes().count(b"\n") if log.exists() else 0


def wait_for_acknowledged(log: Path, count: int, writer: BaseProcess, timeout: float) -> None:
    """Wait until ``log`` holds ``count`` acknowledged adds; fail if the writer ends first or
    the count does not come within ``timeout`` seconds (a stuck writer, not a slow one)."""
    deadline = time.monotonic() + timeout
    while acknowledged(log) < count:
        assert writer.exitcode is None, f"the writer ended ({writer.exitcode}) before it was killed"
        assert time.monotonic() < deadline, f"{count} adds not acknowledged after {timeout} s"
        time.sleep(0.001)


def test_a_writer_killed_at_random_points_loses_no_acknowledged_comment(tmp_path: Path) -> None:
    """Each writer is killed once it has acknowledged a drawn number of adds, 0 to 5: with 0
    at once (while it starts, opens or migrates the database), else during the add after
    the last acknowledged one. The kills are placed by the writer's progress, not by a clock,
    so a slow or busy machine changes where they land, never whether the test can pass."""
    db, log = tmp_path / "comments" / "review.db", tmp_path / "added.log"
    # A fork server starts writers in milliseconds (plancompare and sqlite-utils already
    # imported), so the kills land while opening, migrating and adding, not while importing.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__, "sqlite_utils"])
    draws = random.Random(20250601)
    plan = [draws.choice((0, 0, 1, 1, 2, 3, 5)) for _ in range(KILLS)]
    assert sum(plan) > KILLS and plan.count(0) >= KILLS // 10  # both kinds of kill happen
    for wanted in plan:
        target = acknowledged(log) + wanted
        writer = context.Process(target=add_comments, args=(db, str(target), -1, log))
        writer.start()
        wait_for_acknowledged(log, target, writer, timeout=120)
        assert writer.pid is not None
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
        assert writer.exitcode == -signal.SIGKILL, "the writer failed before it was killed"
    logged = log.read_text(encoding="utf-8").split("\n") if log.exists() else []
    returned = {line for line in logged if len(line) == 36}  # a torn last line is not a return
    assert len(returned) >= sum(plan)  # every writer got as far as it was meant to
    with CommentStore.open(db) as store:
        assert store.integrity() == "ok"
        stored = {c.id for c in store.list()}
    assert returned <= stored


def _writer_command(db: Path, label: str, count: int) -> list[str]:
    code = (
        "import sys; from pathlib import Path; "
        "from tests.test_review_reliability import add_comments; "
        "add_comments(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]))"
    )
    return [sys.executable, "-c", code, str(db), label, str(count)]


def _env() -> dict[str, str]:
    return os.environ | {"PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}


def test_two_processes_writing_at_once_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "comments" / "review.db"  # new: both also race to create the schema
    writers = [
        subprocess.Popen(
            _writer_command(db, label, CONCURRENT),
            cwd=ROOT,
            env=_env(),
            stderr=subprocess.PIPE,
            text=True,
        )
        for label in ("甲", "乙")
    ]
    for w in writers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    with CommentStore.open(db) as store:
        comments = store.list()
        assert store.integrity() == "ok"
    assert len(comments) == 2 * CONCURRENT
    assert len({c.id for c in comments}) == 2 * CONCURRENT
    assert {c.body.split()[1].split("-")[0] for c in comments} == {"甲", "乙"}


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make a folder read-only: chmod for a user; root ignores modes, so the immutable flag."""
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("running as root without chattr: cannot make a folder read-only")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = "from plancompare.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "--corpus", str(CORPORA), "--db", str(db), *args],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_read_only_comments_folder_is_a_one_line_error_and_loses_nothing(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "comments"
    db = folder / "review.db"
    assert _cli(db, "comment", "add", "luhe", "--section", "1", "--body", "第一条").returncode == 0
    before = db.read_bytes()
    with read_only(folder):
        added = _cli(db, "comment", "add", "luhe", "--section", "1", "--body", "第二条")
        english = _cli(
            db, "--lang", "en", "comment", "add", "luhe", "--section", "1", "--body", "x"
        )
        listed = _cli(db, "comment", "list", "--json")
        report = _cli(db, "report", "-o", str(folder / "report.md"))
        export = _cli(db, "comments", "export", str(folder / "mine.jsonld"))
    for failed in (added, report, export):
        assert failed.returncode == 2, failed.stderr
        assert failed.stderr.count("\n") == 1 and "Traceback" not in failed.stderr
    assert "无法写入审阅数据库（所在文件夹是否只读？）" in added.stderr
    assert "cannot write the review database (is its folder read-only?)" in english.stderr
    assert listed.returncode == 0 and "第一条" in listed.stdout  # reading still works
    assert db.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["review.db"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("select body from comments").fetchall() == [("第一条",)]


def test_reading_a_read_only_copy_with_unmerged_wal_data_refuses_rather_than_hides_it(
    tmp_path: Path,
) -> None:
    live, copy = tmp_path / "live", tmp_path / "copy"
    copy.mkdir()
    with CommentStore.open(live / "review.db") as store:
        store.add(a_comment("在 WAL 里"))
        # copied while open, as a backup tool would: the comment is still in review.db-wal
        for name in ("review.db", "review.db-wal"):
            (copy / name).write_bytes((live / name).read_bytes())
    assert (copy / "review.db-wal").stat().st_size > 0
    with read_only(copy):
        listed = _cli(copy / "review.db", "--lang", "en", "comment", "list")
    assert listed.returncode == 2
    assert "latest changes are in a -wal file" in listed.stderr
