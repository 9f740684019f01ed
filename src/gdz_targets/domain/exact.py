"""Exact arithmetic on figures: what is exact on paper is exact in gdz (100 × 0.58 is 58, not 57.999…).

Every figure gdz holds has at most 15 significant digits, so the shortest decimal that reads back as its float
is the figure as it was written. Differences and ratios of such decimals are worked out in integers and become
a float once, correctly rounded — and never rounded up onto a whole number the exact result is short of, so
that a score shown rounded down is the exact score rounded down. Integers rather than `fractions`: importing
that module costs every run about two milliseconds (README, Performance).
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def decimal_digits(value: float) -> tuple[int, int]:
    """(n, e) such that `value` is n × 10**e, digit for digit as written (`87.6` is (876, -1))."""
    if isinstance(value, int):
        return value, 0
    if value.is_integer():
        return int(value), 0
    mantissa, _, exponent = repr(value).partition("e")
    whole, _, fraction = mantissa.partition(".")
    return int(whole + fraction), int(exponent or 0) - len(fraction)


def scaled(*values: float) -> tuple[list[int], int]:
    """The values as integers over one power of ten: `([n1, n2, …], e)` with value_i = n_i × 10**e."""
    parts = [decimal_digits(value) for value in values]
    low = min(exponent for _, exponent in parts)
    return [digits * 10 ** (exponent - low) for digits, exponent in parts], low


def quotient(numerator: int, denominator: int) -> float:
    """numerator / denominator as the nearest float, but never rounded up onto the whole number above an exact
    result that is short of it (the float of 57.9999999999999999 is 58.0: this gives the float below 58)."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    try:
        result = numerator / denominator  # int / int is correctly rounded
    except OverflowError:  # beyond any float: a target a hair's breadth from its start
        return math.inf if numerator > 0 else -math.inf
    floor = numerator // denominator
    if result >= floor + 1:
        return math.nextafter(float(floor + 1), -math.inf)
    return result


def at_scale(number: int, exponent: int, divisor: int = 1) -> float:
    """number × 10**exponent / divisor as a float, rounded once."""
    if exponent < 0:
        return quotient(number, divisor * 10**-exponent)
    return quotient(number * 10**exponent, divisor)


def difference(a: float, b: float) -> float:
    """a − b exactly as written, then rounded once: 100 − 87.6 is 12.4."""
    (first, second), exponent = scaled(a, b)
    return at_scale(first - second, exponent)


def share(value: float, start: float, end: float) -> float:
    """100 × (value − start) / (end − start), exactly, then rounded once; `end` must differ from `start`."""
    (now, low, high), _ = scaled(value, start, end)
    return quotient(100 * (now - low), high - low)


def weighted_mean(values: Sequence[float], weights: Sequence[float], over: Sequence[float]) -> float:
    """Σ weightᵢ × valueᵢ / Σ over, worked out exactly: every weight is 1/k (a group of k measures shares one
    weight), so three measures of 100 weighted ⅓ each average 100, not 99.99999999999999."""
    shares, every = [round(1 / weight) for weight in weights], [round(1 / weight) for weight in over]
    common = math.lcm(*shares, *every)
    digits, exponent = scaled(*values)
    total = sum(number * (common // share) for number, share in zip(digits, shares, strict=True))
    return at_scale(total, exponent, sum(common // share for share in every))
