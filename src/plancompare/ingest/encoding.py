"""Decoding a text file's bytes: with the given encoding, or by a detection that never guesses."""

from __future__ import annotations

import codecs
import contextlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from plancompare.errors import PlanError

#: A candidate decoding must have at least this share of plausible characters among the
#: non-ASCII ones. Measured on the seed plans: the right decoding scores 0.97-1.00, a plan's
#: GB18030 bytes read as Big5 score about 0.47 and Big5 bytes read as GB18030 about 0.15.
PLAUSIBLE = 0.85

#: When two candidates both decode strictly, the better one is taken only if it leads by
#: this much. Short lines of the seeds encoded as GB18030 and read as Big5 score anywhere
#: from 0.0 to 1.0, so a short ambiguous input ends in an error rather than a coin toss.
CLEAR_MARGIN = 0.3

#: More than this share of control bytes (other than tab, newlines, form feed, vertical tab)
#: means the file is not text at all.
BINARY_CONTROL_SHARE = 0.05

#: A file whose first invalid byte comes after this many valid multi-byte UTF-8 characters
#: is UTF-8 with damage, not another encoding; say so instead of "cannot tell".
UTF8_EVIDENCE = 8

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

# Control bytes that Word exports and text editors leave in real text are not counted.
_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)

_CANDIDATES = ("gb18030", "big5")

_PUNCTUATION = (
    "\u3000、。〃〈〉《》「」『』【】〔〕〖〗‐–—―‘’“”…‧‰′″※•·×÷°±§℃№≤≥≠≈√∶■□▲△◆◇○◎●★☆→←↑↓"
)
_PUNCTUATION_RANGES = (
    (0xFF01, 0xFF5F),  # full-width ASCII forms: ，（）：；！？％
    (0xFFE0, 0xFFE6),  # full-width ￠￡￢￣￤￥
    (0x2160, 0x216C),  # Ⅰ-Ⅻ
    (0x2170, 0x217C),  # ⅰ-ⅻ
    (0x2460, 0x249C),  # ①-⑳ ⑴-⒇ ⒈-⒛
    (0x3220, 0x322A),  # ㈠-㈩
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    name: str
    text: str
    score: float


def decode_text(data: bytes, path: Path, encoding: str | None = None) -> tuple[str, str]:
    """Decode a text file's bytes and return ``(text, encoding used)``.

    With ``encoding`` the bytes are decoded strictly with it. Otherwise a byte-order mark
    decides (``utf-8-sig``, ``utf-16``, ``utf-32``); then strict UTF-8; then GB18030 and
    Big5, each strictly, kept only when the result reads as Chinese text and, if both
    decode, only when one is clearly better. Anything else is a :class:`PlanError`:
    binary data, bytes no candidate decodes, or an encoding that cannot be told apart.
    Line endings are normalised to ``\\n``; no other character is touched.
    """
    if encoding is not None:
        return _decode_given(data, path, encoding)
    for bom, name, label in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data, path, bom, name, label)
    if b"\x00" in data or _control_share(data) > BINARY_CONTROL_SHARE:
        raise PlanError(path, "err_binary")
    try:
        return _newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as e:
        utf8_offset = e.start
    return _detect_cjk(data, path, utf8_offset)


def _decode_given(data: bytes, path: Path, encoding: str) -> tuple[str, str]:
    """Strict decoding with the encoding the user named."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise PlanError(path, "err_unknown_encoding", encoding=encoding) from None
    try:
        text = data.decode(name)
    except UnicodeDecodeError as e:
        raise PlanError(path, "err_cannot_decode", encoding=encoding, offset=e.start) from None
    except LookupError:
        # Codecs such as base64 or rot13 exist but do not turn bytes into text.
        raise PlanError(path, "err_not_a_text_encoding", encoding=encoding) from None
    if name.startswith("utf") and text.startswith("\ufeff"):
        # A byte-order mark is an artefact of the encoding, not part of the plan.
        text = text[1:]
    return _newlines(text), name


def _decode_bom(data: bytes, path: Path, bom: bytes, name: str, label: str) -> tuple[str, str]:
    """Strict decoding of a file that announces its encoding with a byte-order mark."""
    try:
        text = data.decode(name)
    except UnicodeDecodeError as e:
        offset = e.start if name != "utf-8-sig" else _utf8_error_offset(data, len(bom))
        raise PlanError(path, "err_bad_bom", label=label, offset=offset) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text or _control_share_text(text) > BINARY_CONTROL_SHARE:
        raise PlanError(path, "err_binary")
    return _newlines(text), name


def _utf8_error_offset(data: bytes, start: int) -> int:
    """Offset in ``data`` of the first byte that is not valid UTF-8, from ``start`` on."""
    try:
        data[start:].decode("utf-8")
    except UnicodeDecodeError as e:
        return start + e.start
    return start


def _detect_cjk(data: bytes, path: Path, utf8_offset: int) -> tuple[str, str]:
    """Choose between GB18030 and Big5 for bytes that are not UTF-8."""
    utf8_prefix = data[:utf8_offset].decode("utf-8")
    if _non_ascii_count(utf8_prefix) >= UTF8_EVIDENCE:
        raise _not_decodable(path, utf8_offset)
    controls = len(data.translate(None, _NOT_CONTROL_BYTES))
    decoded: list[_Candidate] = []
    for name in _CANDIDATES:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        decoded.append(_Candidate(name, text, _plausibility(text, name, controls)))
    if not decoded:
        raise _not_decodable(path, utf8_offset)
    decoded.sort(key=lambda c: c.score, reverse=True)
    best = decoded[0]
    runner_up = decoded[1].score if len(decoded) > 1 else 0.0
    if best.score >= PLAUSIBLE and best.score - runner_up >= CLEAR_MARGIN:
        text = best.text[1:] if best.text.startswith("\ufeff") else best.text
        return _newlines(text), best.name
    raise PlanError(path, "err_encoding_unclear")


def _not_decodable(path: Path, utf8_offset: int) -> PlanError:
    return PlanError(path, "err_not_decodable", offset=utf8_offset)


def _plausibility(text: str, name: str, controls: int) -> float:
    """Share of the non-ASCII characters (and stray control characters) that are plausible.

    ASCII reads the same in every candidate, so only the rest is evidence. A character is
    plausible if it is common punctuation or a common hanzi of the script the encoding is
    for: all of GB2312 for GB18030, Big5's frequent characters (level 1) for Big5. The
    commons of the *other* script do not count, because a plan misread in the wrong
    encoding is mostly valid but rare or other-script characters (GB bytes read as Big5
    give traditional level-1 characters only about half the time).
    """
    evidence = _non_ascii_count(text) + controls
    if evidence == 0:
        return 0.0
    plausible = len(text) - len(text.translate(_plausible_table(name)))
    return plausible / evidence


def _non_ascii_count(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _control_share(data: bytes) -> float:
    return len(data.translate(None, _NOT_CONTROL_BYTES)) / len(data) if data else 0.0


def _control_share_text(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(text.count(chr(b)) for b in _CONTROL_BYTES)
    return controls / len(text)


@cache
def _plausible_table(name: str) -> dict[int, None]:
    """A ``str.translate`` table that deletes the plausible characters for an encoding."""
    chars = set(_PUNCTUATION)
    for low, high in _PUNCTUATION_RANGES:
        chars.update(map(chr, range(low, high)))
    if name == "gb18030":
        # GB2312 hanzi: rows 0xB0-0xF7 (level 1 by pinyin, level 2 by radical).
        chars.update(_decodable("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF)))
    else:
        # Big5 level 1, the 5401 frequent characters: 0xA440-0xC67E.
        trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
        chars.update(_decodable("big5", range(0xA4, 0xC6), trails))
        chars.update(_decodable("big5", [0xC6], range(0x40, 0x7F)))
    return dict.fromkeys(map(ord, chars))


def _decodable(encoding: str, leads: range | list[int], trails: range | list[int]) -> set[str]:
    """Every character of a double-byte code range that the codec defines."""
    out: set[str] = set()
    for lead in leads:
        for trail in trails:
            with contextlib.suppress(UnicodeDecodeError):
                out.add(bytes((lead, trail)).decode(encoding))
    return out


def _newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
