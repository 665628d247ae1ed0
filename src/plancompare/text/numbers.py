"""Numbers as plans write them (十万, 10万, １０００００, 3.5亿, 百分之五十), read as Decimal."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_UNITS = "十百千万亿"
_CN = _CN_DIGITS + _CN_UNITS
_MAGNITUDE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

# An Arabic number, possibly with Chinese magnitudes (10万, 3.5亿, 1万5千), or a Chinese
# numeral (十万, 二〇二七, 一百二十). Percent words are handled on their own.
_NUMBER = re.compile(
    rf"百分之(?P<pct>[{_CN}点]+|\d+(?:\.\d+)?)"
    rf"|(?P<ar>\d+(?:\.\d+)?(?:[{_CN_UNITS}]+\d*(?:\.\d+)?)*[{_CN_UNITS}]*)"
    rf"|(?P<cn>[{_CN}]+(?:点[{_CN_DIGITS}]+)?)"
)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# A lone Chinese digit is a number only before a measure word: 三年, 五家 — not 一是, 统一.
_MEASURE_AFTER = set("个家人年月日倍项次所名座条种款批户位元台套亩")


@dataclass(slots=True, frozen=True)
class NumberSpan:
    """A number found in a text."""

    start: int
    """Offset of its first character."""
    end: int
    """Offset just past it."""
    value: Decimal
    """Its value (万 and 亿 multiplied out; a percentage as its number, 百分之五十 → 50)."""
    percent: bool = False
    """True when written as 百分之…; the % sign of 50% is not part of the span."""

    @property
    def canonical(self) -> str:
        """The value in plain digits, as :func:`normalize_numbers` writes it."""
        return format_decimal(self.value) + ("%" if self.percent else "")


def format_decimal(value: Decimal) -> str:
    """Plain digits, no exponent, no trailing zeros: 100000, 0.5, 3.25."""
    return format(value.normalize(), "f")


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number in ``text`` with its offsets; full-width digits count as digits."""
    plain = text.translate(_FULL_WIDTH)
    spans: list[NumberSpan] = []
    for m in _NUMBER.finditer(plain):
        if m["pct"] is not None:
            value = parse_number(m["pct"])
            if value is not None:
                spans.append(NumberSpan(m.start(), m.end(), value, percent=True))
            continue
        raw = m["ar"] if m["ar"] is not None else m["cn"]
        if m["cn"] is not None and len(raw) == 1:
            after = plain[m.end()] if m.end() < len(plain) else ""
            if raw in _CN_UNITS or after not in _MEASURE_AFTER:
                continue
        end = m.end()
        value = parse_number(raw)
        if value is None and m["ar"] is not None:
            # Digits followed by magnitudes that do not parse together: keep the digits.
            digits = _DIGITS.match(raw)
            if digits is not None:
                end = m.start() + digits.end()
                value = parse_number(digits.group())
        if value is not None:
            spans.append(NumberSpan(m.start(), end, value))
    return spans


def normalize_numbers(text: str) -> str:
    """``text`` with every number written in plain digits: 十万, 10万 and １０００００ all
    become 100000; 百分之五十 becomes 50%. Other characters are left as they are."""
    parts: list[str] = []
    pos = 0
    plain = text.translate(_FULL_WIDTH)
    for span in find_numbers(text):
        parts.append(plain[pos : span.start])
        parts.append(span.canonical)
        pos = span.end
    parts.append(plain[pos:])
    return "".join(parts)


_DIGIT_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_DIGIT_VALUE |= {"六": 6, "七": 7, "八": 8, "九": 9}


def small_chinese_number(text: str) -> int | None:
    """一 … 九十九 (两, 十二, 三十), the numbers headings and counts mostly use.

    Read here without cn2an, whose import costs about 150 ms (it compiles its transform
    patterns) and would be paid by every command that reads a plan.
    """
    if len(text) == 1:
        return 10 if text == "十" else _DIGIT_VALUE.get(text)
    tens, ten, ones = text.partition("十")
    if not ten or len(tens) > 1 or len(ones) > 1:
        return None
    high = _DIGIT_VALUE.get(tens, -1) if tens else 1
    low = _DIGIT_VALUE.get(ones, -1) if ones else 0
    return high * 10 + low if high > 0 and low >= 0 else None


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Decimal | None:
    """The value of one number as written, or None: 100, １００, 5.2, 1,000, -8.6, 10万,
    3.5亿, 十万, 两, 三点五, 二〇二七; 1 43 (a PDF's space inside the digits) is 143."""
    raw = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace("−", "-")
    raw = re.sub(r"(?<=\d) (?=\d)", "", raw)
    negative = raw.startswith("-")
    value = _unsigned(raw[1:] if negative else raw)
    return -value if negative and value is not None else value


def _unsigned(raw: str) -> Decimal | None:
    if not raw:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        return Decimal(raw)
    mixed = re.fullmatch(r"(\d+(?:\.\d+)?)([十百千万亿]+)", raw)
    if mixed:
        # 10万, 3.5亿, 1.2千万: multiply exactly, without a float in between.
        value = Decimal(mixed[1])
        for unit in mixed[2]:
            value *= _MAGNITUDE[unit]
        return value
    small = small_chinese_number(raw)
    if small is not None:
        return Decimal(small)
    if any(ch.isdigit() for ch in raw) or any(ch in _CN for ch in raw):
        return _cn2an(raw)
    return None


def _cn2an(raw: str) -> Decimal | None:
    # cn2an takes ~0.15 s to import: only the texts that need it pay for it.
    import cn2an

    try:
        value = cn2an.cn2an(raw.replace("〇", "零") if _has_unit(raw) else raw, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def chinese_numeral(value: int, legal: bool = False) -> str:
    """An integer in Chinese numerals, as headings number (4 → 四, 12 → 十二); ``legal`` gives
    the anti-fraud forms of financial writing (壹, 贰). The one place that writes numerals."""
    if not legal and 0 < value < 100:
        tens, ones = divmod(value, 10)
        digits = "零一二三四五六七八九"
        return (
            ("" if tens <= 1 else digits[tens])
            + ("十" if tens else "")
            + (digits[ones] if ones else "")
        )
    import cn2an  # ~0.15 s to import: only numbers past 九十九 (or legal forms) pay for it

    return str(cn2an.an2cn(value, "up" if legal else "low"))


def _has_unit(raw: str) -> bool:
    return any(ch in _CN_UNITS for ch in raw)
