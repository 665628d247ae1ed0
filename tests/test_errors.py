"""What a user's mistake says: every raise names a key of the wording catalogue (never English
text), with the values its words take, and the line is said in the interface's language."""

from __future__ import annotations

import ast
import pickle
import string
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from plancompare.errors import PlanError, PlanWarning
from plancompare.i18n import CATALOGUE, Words, t
from plancompare.plan.wording import IMPORT_NOTES, note_text
from tests.conftest import ROOT

Cli = Callable[..., Result]
SOURCE = ROOT / "src" / "plancompare"

#: What names a key as its first (Words) or second argument (the others: after the file).
KEY_AT = {"Words": 0, "PlanError": 1, "EmbeddingCacheWarning": 1, "RecordError": 1}
#: Those that must name their key as written (a literal), so that a reader finds its words.
LITERAL_KEY = {"PlanError", "EmbeddingCacheWarning"}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def calls() -> Iterator[tuple[str, ast.Call]]:
    """(where, call) for every call that names a catalogue key for later."""
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name in KEY_AT:
                    yield f"{path.relative_to(ROOT)}:{node.lineno} {name}", node


CALLS = list(calls())


def test_the_scan_finds_the_raise_sites() -> None:
    raises = [where for where, _ in CALLS if where.endswith("PlanError")]
    assert len(raises) >= 100, len(raises)


@pytest.mark.parametrize(("where", "call"), CALLS, ids=[w for w, _ in CALLS])
def test_a_raise_names_a_catalogue_key_with_its_values(where: str, call: ast.Call) -> None:
    name = where.rsplit(" ", 1)[1]
    at = KEY_AT[name]
    assert len(call.args) > at, f"{where}: no catalogue key"
    key = call.args[at]
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        assert key.value in CATALOGUE["zh"] and key.value in CATALOGUE["en"], (
            f"{where}: {key.value!r} is not a key of the catalogue (English text instead?)"
        )
        given = {k.arg for k in call.keywords}
        if None not in given:  # no **values: the keywords are all there is
            assert given == fields(CATALOGUE["en"][key.value]), f"{where}: {key.value}"
    else:
        assert name not in LITERAL_KEY, f"{where}: name the key as written"
        assert not isinstance(key, ast.JoinedStr | ast.Constant), f"{where}: not a key"


def test_a_count_of_one_is_singular_where_the_words_say_a_count() -> None:
    assert t("reanchor_done", "en", n=1, plan="luhe", version=2) == (
        "1 comment on luhe re-anchored to v2"
    )
    assert t("reanchor_done", "en", n=3, plan="luhe", version=2) == (
        "3 comments on luhe re-anchored to v2"
    )


def test_the_line_is_said_in_the_language_asked_for() -> None:
    error = PlanError("corpora", "err_no_such_plan", plan="nanjing", plans=["dehong", "luhe"])
    assert error.line("zh") == "corpora：这里没有规划“nanjing”（现有规划：dehong、luhe）"
    assert error.line("en") == "corpora: no plan 'nanjing' here (plans: dehong, luhe)"
    assert str(error) == error.line("en")  # logs and tracebacks
    assert error.key == "err_no_such_plan" and error.where == "corpora"
    nowhere = PlanError(None, "err_no_such_plan", plan="x", plans=[])
    assert nowhere.line("zh") == "这里没有规划“x”（现有规划：无）"
    assert nowhere.line("en") == "no plan 'x' here (plans: none)"


def test_words_inside_words_are_said_in_the_same_language() -> None:
    error = PlanError("a.docx", "err_docx_invalid", reason=Words("docx_not_zip"))
    assert error.line("zh") == "a.docx：不是有效的 .docx 文件（不是 zip 压缩包）"
    assert error.line("en") == "a.docx: not a valid .docx file (not a zip archive)"


def test_an_error_survives_a_trip_through_pickle() -> None:
    error = PlanError(Path("x.md"), "err_no_such_version", plan="luhe", version=3)
    back = pickle.loads(pickle.dumps(error))
    assert back.line("zh") == error.line("zh") and back.key == error.key


def test_a_warning_is_worded_as_an_error_is() -> None:
    warning = PlanWarning("cache.db", "warn_cache_not_used", reason="disk I/O error")
    assert warning.line("zh") == "cache.db：未使用语义向量缓存（disk I/O error）"
    assert isinstance(warning, UserWarning) and not isinstance(warning, PlanError)


def test_import_notes_are_data_in_english_and_said_in_the_readers_language() -> None:
    for key in IMPORT_NOTES:
        values = dict.fromkeys(fields(CATALOGUE["en"][key]), "7")
        stored = t(key, "en", **values)
        assert note_text(stored, "zh") == t(key, "zh", **values)
        assert note_text(stored, "en") == stored
    assert note_text("来源: 县政府网站", "en") == "来源: 县政府网站"  # a source's own header


# --- from the command line ------------------------------------------------------------------


def one_line(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_a_missing_plan_in_chinese_by_default(cli: Cli) -> None:
    line = one_line(cli("outline", "nanjing"))
    assert line.startswith("plancompare：错误：nanjing：")
    assert "没有这个规划编号" in line and "dehong、luhe" in line


def test_a_missing_plan_in_english(cli: Cli) -> None:
    line = one_line(cli("--lang", "en", "outline", "nanjing"))
    assert line.startswith("plancompare: error: nanjing: no such plan id in ")
    assert "(plans: dehong, luhe) and no such file" in line


def test_the_language_comes_from_the_environment_too(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANCOMPARE_LANG", "en")
    assert one_line(cli("outline", "nanjing")).startswith("plancompare: error: nanjing: ")


def test_a_bad_file_in_chinese(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    assert one_line(cli("import", str(empty))) == f"plancompare：错误：{empty}：文件是空的"
    odt = tmp_path / "plan.odt"
    odt.write_bytes(b"PK\x03\x04")
    line = one_line(cli("import", str(odt)))
    assert (
        line == f"plancompare：错误：{odt}：不支持的文件类型“.odt”；应为 .txt、.md、.docx 或 .pdf"
    )


def test_a_bad_comment_import_in_chinese_names_the_annotation(cli: Cli, tmp_path: Path) -> None:
    export = tmp_path / "李四.jsonld"
    export.write_text(
        '{"type": "AnnotationCollection", "first": {"items": [{"type": "Note"}]}}', "utf-8"
    )
    line = one_line(cli("comments", "import", str(export)))
    assert line == f"plancompare：错误：{export}：第 1 条注解：不是 Annotation"


def test_a_bad_language_in_the_config_file_is_said_in_chinese(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "plancompare.toml"
    config.write_text('lang = "fr"\n', encoding="utf-8")
    monkeypatch.setenv("PLANCOMPARE_CONFIG", str(config))
    line = one_line(cli("plans"))
    assert line == f"plancompare：错误：{config}：未知的语言“fr”（可用：zh、en）"


def test_a_commands_own_lang_words_its_errors(cli: Cli) -> None:
    line = one_line(cli("benchmark", "luhe", "--lang", "en"))
    assert line == "plancompare: error: " + t("bench_plans_needed", "en")
