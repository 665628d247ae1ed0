"""Decoding text sources: byte-order marks, UTF-8, GB18030/GBK, Big5 and the errors."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from plancompare.errors import PlanError
from plancompare.ingest.encoding import decode_text

DATA = Path(__file__).parent / "data"
SEED = (DATA / "seed_002_utf8.txt").read_text(encoding="utf-8")
PATH = Path("plan.txt")


def error_of(data: bytes, encoding: str | None = None) -> str:
    with pytest.raises(PlanError) as info:
        decode_text(data, PATH, encoding)
    return info.value.line("en")


def test_seed_is_a_real_plan() -> None:
    assert SEED.startswith("德宏州纺织服装产业集群建设三年行动计划\n")
    assert "\r" not in SEED


def test_utf8_without_bom() -> None:
    assert decode_text(SEED.encode("utf-8"), PATH) == (SEED, "utf-8")


def test_utf8_with_bom_drops_the_bom() -> None:
    assert decode_text(codecs.BOM_UTF8 + SEED.encode("utf-8"), PATH) == (SEED, "utf-8-sig")


def test_ascii_is_utf8() -> None:
    assert decode_text(b"plan 2025\n", PATH) == ("plan 2025\n", "utf-8")


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_gb_encodings_of_the_seed_decode_to_the_utf8_text(codec: str) -> None:
    assert decode_text(SEED.encode(codec), PATH) == (SEED, "gb18030")


def test_gb2312_bytes_are_reported_as_gb18030() -> None:
    assert decode_text(SEED.encode("gb2312"), PATH) == (SEED, "gb18030")


def test_gb18030_four_byte_characters() -> None:
    # U+4DAE is outside GBK; GB18030 writes it as four bytes.
    text = SEED + "\u4dae\n"
    assert decode_text(text.encode("gb18030"), PATH) == (text, "gb18030")


def test_big5_traditional_text() -> None:
    text = (
        "臺灣地區經濟發展規劃（草案）\n"
        "一、總體要求\n"
        "推動產業轉型升級，加強基礎設施建設，提高人民生活水準，"
        "促進城鄉協調發展，建設現代化經濟體系。\n"
    )
    assert decode_text(text.encode("big5"), PATH) == (text, "big5")


def test_crlf_and_cr_become_lf() -> None:
    text, used = decode_text("第一行\r\n第二行\r第三行\n".encode(), PATH)
    assert (text, used) == ("第一行\n第二行\n第三行\n", "utf-8")


def test_crlf_in_gb18030() -> None:
    crlf = SEED.replace("\n", "\r\n")
    assert decode_text(crlf.encode("gb18030"), PATH) == (SEED, "gb18030")


def test_other_characters_are_left_alone() -> None:
    text = "\u3000\u3000一、总体要求\t（见表1）\xa0\n"
    assert decode_text(text.encode("utf-8"), PATH) == (text, "utf-8")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    data = bom + SEED.replace("\n", "\r\n").encode(codec)
    assert decode_text(data, PATH) == (SEED, "utf-16")


def test_utf16_bom_with_odd_length_is_an_error() -> None:
    data = codecs.BOM_UTF16_LE + "规划".encode("utf-16-le") + b"\x00"
    assert error_of(data) == (
        "plan.txt: starts with a UTF-16 byte-order mark but is not valid UTF-16 "
        "(invalid bytes at offset 6); pass --encoding if you know it"
    )


def test_explicit_encoding() -> None:
    assert decode_text(SEED.encode("gbk"), PATH, "GBK") == (SEED, "gbk")
    assert decode_text("规划\r\n".encode("gb2312"), PATH, "gb2312") == ("规划\n", "gb2312")
    assert decode_text(SEED.encode("utf-8"), PATH, "utf8") == (SEED, "utf-8")


def test_explicit_utf8_drops_a_bom() -> None:
    assert decode_text(codecs.BOM_UTF8 + b"abc", PATH, "utf-8") == ("abc", "utf-8")


def test_explicit_encoding_decides_even_when_ambiguous() -> None:
    data = "集体经济".encode("gbk")
    assert decode_text(data, PATH, "big5")[1] == "big5"
    assert decode_text(data, PATH, "gb18030") == ("集体经济", "gb18030")


def test_wrong_explicit_encoding() -> None:
    data = b"abc" + "中国".encode("gbk")
    assert error_of(data, "utf-8") == "plan.txt: cannot decode as utf-8: invalid bytes at offset 3"


def test_unknown_explicit_encoding() -> None:
    assert error_of(b"abc", "klingon") == "plan.txt: unknown text encoding 'klingon'"


def test_explicit_codec_that_is_not_a_text_encoding() -> None:
    assert error_of(b"abc", "base64") == "plan.txt: 'base64' is not a text encoding"


def test_binary_with_nul_bytes() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    assert error_of(png) == "plan.txt: looks like a binary file, not text"


def test_binary_with_many_control_bytes() -> None:
    data = bytes(range(1, 32)) * 10 + "规划".encode()
    assert error_of(data) == "plan.txt: looks like a binary file, not text"


def test_a_form_feed_is_not_binary() -> None:
    assert decode_text("第一页\f第二页\n".encode(), PATH) == ("第一页\f第二页\n", "utf-8")


def test_undecodable_bytes() -> None:
    data = b"plan " + bytes(range(0x80, 0x100))
    assert error_of(data) == (
        "plan.txt: not valid UTF-8 or GB18030 text (invalid bytes at offset 5); "
        "pass --encoding if you know it"
    )


def test_random_high_bytes_are_undecodable() -> None:
    rng = random.Random(20250101)
    data = bytes(0x80 | b for b in rng.randbytes(4096))
    assert "not valid UTF-8 or GB18030 text (invalid bytes at offset 0)" in error_of(data)


def test_damaged_utf8_reports_the_utf8_offset() -> None:
    cut = len(SEED[:100].encode("utf-8"))
    good = SEED.encode("utf-8")
    data = good[:cut] + b"\xff" + good[cut:]
    assert cut == 274
    assert error_of(data) == (
        "plan.txt: not valid UTF-8 or GB18030 text (invalid bytes at offset 274); "
        "pass --encoding if you know it"
    )


def test_ambiguous_short_string_is_not_guessed() -> None:
    # Four common simplified characters in GBK read as four common traditional ones in
    # Big5 (摩极冪撳): both decodings are plausible, so the reader refuses to guess.
    data = "集体经济".encode("gbk")
    assert data.decode("big5") == "摩极冪撳"
    assert error_of(data) == (
        "plan.txt: cannot tell the text encoding (tried UTF-8, GB18030, Big5); pass --encoding"
    )


def test_short_string_with_a_clear_winner_is_decoded() -> None:
    # "中国" in GBK reads as a rare Big5 level-2 character plus another in Big5.
    assert decode_text("中国".encode("gbk"), PATH) == ("中国", "gb18030")


def test_a_line_of_the_seed_that_big5_also_decodes() -> None:
    line = "一、指导思想\n"
    data = line.encode("gb18030")
    data.decode("big5")  # Big5 decodes it too (as 珨﹜硌絳佷砑) ...
    assert decode_text(data, PATH) == (line, "gb18030")  # ... but implausibly.
