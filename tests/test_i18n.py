"""The one wording catalogue: every key in both languages, none missing or left untranslated,
the same placeholders in each; and every key the code asks for by name is there."""

from __future__ import annotations

import re
import string

import pytest

from plancompare.i18n import CATALOGUE, LANGUAGES
from tests.conftest import ROOT

CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
#: English entries that are Chinese on purpose, each with its reason.
CHINESE_IN_ENGLISH = {
    "ditto": "〃 is the ditto mark in both languages",
    "seen_above": "starts with the ditto mark",
}
#: Entries the same in both languages, each with its reason.
SAME_IN_BOTH = {
    "diff_ratio": "a multiplication sign and a number",
    "diff_none": "a dash",
    "ditto": "the ditto mark",
    "place_sep": "the path separator ›",
    "quote_open": "quotation marks",
    "quote_close": "quotation marks",
    "plan_version_no_date": "the plan's own status word",
    "plan_title": "the plan's own title",
}
KEYS = sorted(set(CATALOGUE["zh"]) | set(CATALOGUE["en"]))


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


#: Words that are empty on purpose: a blank to fill in by hand, measure kinds that need no word.
MAY_BE_EMPTY = {"form_blank", "measure_stock", "measure_share"}


@pytest.mark.parametrize("key", KEYS)
def test_every_key_is_worded_in_both_languages(key: str) -> None:
    for lang in LANGUAGES:
        assert key in CATALOGUE[lang], f"{key} is missing in {lang}"
        assert CATALOGUE[lang][key].strip() or key in MAY_BE_EMPTY, f"{key} is empty in {lang}"
    zh, en = CATALOGUE["zh"][key], CATALOGUE["en"][key]
    assert fields(zh) == fields(en), key  # format() never fails in one language only
    if key not in CHINESE_IN_ENGLISH:
        assert not CJK.search(CJK_FREE.sub("", en)), f"{key} is not translated: {en!r}"
    if zh == en and key not in SAME_IN_BOTH:
        assert not re.search(r"[A-Za-z\u4e00-\u9fff]", zh.replace("{", "").split("}")[-1]), (
            f"{key} reads the same in both languages: {zh!r}"
        )
    values = dict.fromkeys(fields(zh), 1)
    for lang in LANGUAGES:
        CATALOGUE[lang][key].format(**values)  # every placeholder is filled by name


#: Parts of English entries that are not words: the names of plancompare's commands.
CJK_FREE = re.compile(r"plancompare [a-z ]+")

#: How the code asks for a key by name: t("key", …), words("key"), labels["key"], say(…, "key").
USES = re.compile(
    r"""(?:\bt|\bw|words|self|labels|\bt\.labels|say\(settings,)\s*[\(\[]\s*["']([a-z][a-z0-9_\-]+)["']"""
)


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    named: set[str] = set()
    for path in (ROOT / "src" / "plancompare").rglob("*.py"):
        named |= set(USES.findall(path.read_text(encoding="utf-8")))
    keys = set(KEYS)
    # (a name ending in _ is a prefix the code completes: kind_…, view_…)
    missing = sorted(k for k in named if k not in keys and "_" in k and not k.endswith("_"))
    assert missing == []
    assert len(named & keys) > 150  # the scan does find the keys


def test_a_count_of_one_reads_in_the_singular() -> None:
    from plancompare.i18n import SINGULAR, t

    for lang, words in SINGULAR.items():
        for key, singular in words.items():
            assert key in CATALOGUE[lang], key
            assert fields(singular) <= fields(CATALOGUE[lang][key]), key
            assert "{n}" in CATALOGUE[lang][key], key  # a singular only where a count is said
    assert t("report_total", "en", n=1) == "1 comment"
    assert t("report_total", "en", n=2) == "2 comments"
    assert t("report_total", "zh", n=1) == "共 1 条意见"
    assert t("export_written", "en", n=1, path="a.md") == "Exported 1 comment: a.md"
