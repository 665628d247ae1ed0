"""The matrix of bad inputs and hostile content (issue 14): each ends in one line and exit
status 2 with nothing written, or is handled; none ends in a traceback. Every fixture is made
here by the test, none is a stored blob."""

from __future__ import annotations

import io
import json
import math
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner, Result

from plancompare.cli import main
from plancompare.embed.cache import CachedEmbedder, text_key
from plancompare.embed.lexical import LexicalEmbedder
from plancompare.review import annotations
from tests.conftest import SEEDS


def one_line(result: Result, *words: str) -> str:
    """The single error line of a refused command (exit status 2), holding ``words``."""
    lines = result.output.strip().splitlines()
    assert result.exit_code == 2, result.output
    assert len(lines) == 1, result.output
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# --- limits that fail fast ---------------------------------------------------------------------


def alias_bomb() -> str:
    """A front matter of about 350 bytes whose aliases expand to 9^9 strings."""
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "---\n" + "\n".join(levels) + "\nnotes: *i\n---\n\n# 一、总体要求\n\n正文。\n"


def test_a_yaml_alias_bomb_fails_at_once(cli: Callable[..., Result], tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.md"
    bomb.write_text(alias_bomb(), encoding="utf-8")
    assert len(bomb.read_bytes()) < 400
    imported = cli("import", str(bomb), "--id", "bomb")
    outline = cli("outline", str(bomb))
    one_line(imported, "bomb.md", "alias")
    one_line(outline, "bomb.md", "alias")


def docx_with(document_xml: bytes, extra_parts: int = 0) -> bytes:
    """A .docx (zip) holding ``document_xml`` and ``extra_parts`` small parts."""
    content_types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"/>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("word/document.xml", document_xml)
        for n in range(extra_parts):
            z.writestr(f"word/media/part{n}.xml", b"<x/>")
    return out.getvalue()


def test_a_docx_that_unpacks_to_100_mb_is_refused(
    cli: Callable[..., Result], tmp_path: Path, corpus_dir: Path
) -> None:
    paragraph = "<w:p><w:r><w:t>" + "产业发展" * 250 + "</w:t></w:r></w:p>"
    body = paragraph.encode() * (100 * 1024 * 1024 // len(paragraph.encode()))
    path = tmp_path / "big.docx"
    path.write_bytes(docx_with(b"<w:document><w:body>" + body + b"</w:body></w:document>"))
    before = snapshot(corpus_dir)
    result = cli("--lang", "en", "import", str(path), "--id", "big")
    assert path.stat().st_size < 1024 * 1024
    one_line(result, "big.docx", "unpacks to")
    assert snapshot(corpus_dir) == before


def test_a_docx_of_thousands_of_parts_is_refused(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "parts.docx"
    path.write_bytes(docx_with(b"<w:document/>", extra_parts=3000))
    one_line(cli("--lang", "en", "import", str(path), "--id", "parts"), "parts.docx", "parts")


def test_a_comment_body_is_bounded(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli(
        "--lang",
        "en",
        "comment",
        "add",
        "luhe",
        "--section",
        "1",
        "--body",
        "-",
        input="很" * 1_100_000,
    )
    one_line(result, "body", "limit")
    assert cli("--lang", "en", "comment", "list", "--json").output.count('"id"') == 0


def test_an_import_file_is_bounded(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.jsonld"
    path.write_text(json.dumps({"type": "AnnotationCollection", "items": ["x" * 5000]}))
    monkeypatch.setattr(annotations, "MAX_EXPORT_BYTES", 4096)
    one_line(cli("--lang", "en", "comments", "import", str(path)), "big.jsonld", "too large")


# --- no tracebacks -----------------------------------------------------------------------------


def test_a_body_that_is_not_utf8_is_one_line(corpus_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["--lang", "en", "--corpus", str(corpus_dir), "--db", str(tmp_path / "r.db")]
    from_stdin = runner.invoke(
        main, [*args, "comment", "add", "luhe", "--section", "1", "--body", "-"], input=b"\xff\xfe"
    )
    # A body given in argv with undecodable bytes arrives as lone surrogates.
    from_argv = runner.invoke(
        main, [*args, "comment", "add", "luhe", "--section", "1", "--body", "坏\udcff"]
    )
    one_line(from_stdin, "UTF-8")
    one_line(from_argv, "body", "not valid text")


def exported(cli: Callable[..., Result], tmp_path: Path) -> dict[str, object]:
    """A real export of one comment, to spoil."""
    cli("comment", "add", "luhe", "--section", "1", "--body", "建议补充", "--reviewer", "甲")
    path = tmp_path / "one.jsonld"
    assert cli("comments", "export", str(path)).exit_code == 0
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def spoil(data: dict[str, object], change: Callable[[dict[str, object]], None]) -> str:
    copy = json.loads(json.dumps(data))
    change(copy["first"]["items"][0])
    return json.dumps(copy, ensure_ascii=False)


def set_target_position(item: dict[str, object], value: int) -> None:
    target = item["target"]
    assert isinstance(target, dict)
    target["selector"] = {
        "type": "FragmentSelector",
        "value": "section=1",
        "refinedBy": {"type": "TextPositionSelector", "start": 0, "end": value},
    }


SPOILED: dict[str, Callable[[dict[str, object]], None]] = {
    "year 1": lambda item: item.update(created="0001-01-01T00:00:00+08:00"),
    "year 9999": lambda item: item.update(modified="9999-12-31T23:59:59-05:00"),
    "version 10^30": lambda item: item["target"].update({"plancompare:planVersion": 10**30}),  # type: ignore[union-attr]
    "position 10^30": lambda item: set_target_position(item, 10**30),
    "infinite score": lambda item: item["target"].update({"plancompare:anchorScore": math.inf}),  # type: ignore[union-attr]
    "surrogate in a path": lambda item: item["target"].update(  # type: ignore[union-attr]
        {"plancompare:sectionPath": ["\udcff"]}
    ),
}


@pytest.mark.parametrize("case", SPOILED)
def test_comments_import_checks_times_numbers_and_text(
    cli: Callable[..., Result], tmp_path: Path, case: str
) -> None:
    data = exported(cli, tmp_path)
    db = tmp_path / "other.db"
    path = tmp_path / "spoiled.jsonld"
    path.write_text(spoil(data, SPOILED[case]), encoding="utf-8", errors="surrogatepass")
    runner = CliRunner()
    corpus = str(tmp_path / "corpora")
    result = runner.invoke(
        main, ["--corpus", corpus, "--db", str(db), "comments", "import", str(path)]
    )
    one_line(result, "spoiled.jsonld")
    assert (
        not db.exists()
        or sqlite3.connect(db).execute("select count(*) from comments").fetchone()[0] == 0
    )


def test_json_nested_100000_deep_is_one_line(cli: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonld"
    path.write_text("[" * 100_000 + "]" * 100_000)
    one_line(cli("--lang", "en", "comments", "import", str(path)), "deep.jsonld", "nested")


def test_a_corpus_that_cannot_be_written_is_one_line(
    cli: Callable[..., Result], corpus_dir: Path
) -> None:
    """(As root no folder is read-only: a corpus whose sources/ is a file cannot be written.)"""
    source = corpus_dir / "sources"
    for kept in source.iterdir():
        kept.unlink()
    source.rmdir()
    source.write_text("not a folder")
    one_line(
        cli("--lang", "en", "import", str(SEEDS["dehong"]), "--id", "other"),
        "cannot write the corpus",
    )
    assert not (corpus_dir / "other.md").exists()


@pytest.mark.parametrize("plan_id", ["𝒜" * 60, "abc\n", "-abc", "a b"])
def test_an_unusable_id_is_one_line(
    cli: Callable[..., Result], corpus_dir: Path, plan_id: str
) -> None:
    before = snapshot(corpus_dir)
    one_line(
        cli("--lang", "en", "import", str(SEEDS["dehong"]), "--id", plan_id), "not a usable plan id"
    )
    assert snapshot(corpus_dir) == before


def vectors_of(texts: list[str]) -> list[list[float]]:
    return [[float(x) for x in v] for v in LexicalEmbedder().embed_batch(texts)]


@pytest.mark.parametrize("damage", ["wrong size", "NaN"])
def test_a_damaged_cache_row_is_dropped_and_embedded_again(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "embeddings.db"
    texts = ["推动产业集群发展", "完善要素保障"]
    first = CachedEmbedder(LexicalEmbedder(), cache)
    good = first.embed_batch(texts)
    bad = (
        np.full(7, 0.5, np.float32)
        if damage == "wrong size"
        else np.full(good.shape[1], np.nan, np.float32)
    )
    with sqlite3.connect(cache) as conn:
        conn.execute(
            "update embeddings set dim = ?, vector = ? where hash = ?",
            [len(bad), bad.tobytes(), text_key(texts[0])],
        )
    again = CachedEmbedder(LexicalEmbedder(), cache)
    vectors = again.embed_batch(texts)
    third = CachedEmbedder(LexicalEmbedder(), cache)
    third.embed_batch(texts)
    assert vectors.shape == good.shape
    assert np.allclose(vectors, good)
    assert again.computed == 1  # the damaged row only
    assert third.computed == 0  # and it was stored again, whole


def test_nan_vectors_never_make_align_print_invalid_json(
    corpus_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "embeddings.db"
    monkeypatch.setenv("PLANCOMPARE_CACHE", str(cache))
    runner = CliRunner()
    args = ["--corpus", str(corpus_dir), "--db", str(tmp_path / "r.db"), "--model", "e5"]
    first = runner.invoke(main, [*args, "align", "luhe", "dehong", "--json"])
    assert first.exit_code == 0, first.output
    with sqlite3.connect(cache) as conn:
        rows = conn.execute("select hash, dim from embeddings").fetchall()
        nan = np.full(rows[0][1], np.nan, np.float32).tobytes()
        conn.execute("update embeddings set vector = ?", [nan])
    second = runner.invoke(main, [*args, "align", "luhe", "dehong", "--json"])

    def refuse(constant: str) -> float:
        raise AssertionError(f"{constant} in the JSON")

    assert second.exit_code == 0, second.output
    assert json.loads(second.output, parse_constant=refuse)["links"]


def test_an_error_naming_a_value_with_line_breaks_is_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A plan id read from an imported file may hold \\r or \\n: the error stays one line."""
    from plancompare.cli import report_error
    from plancompare.errors import PlanError

    report_error(PlanError("x.jsonld", "err_no_such_plan", plan="a\rb\nc", plans="-"), "en")
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "\\x0d" in err and "\\n" in err
