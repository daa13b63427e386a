"""How the planning core writes dates, durations and levels in sentences (one place, one style)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def day(d: date) -> str:
    """``1 Nov 2026``: the style the catalog calendar uses."""
    return f"{d.day} {d.strftime('%b %Y')}"


def duration(minutes: int) -> str:
    """``45 min``, ``2 h``, ``3 h 45 min``."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def round2(value: Fraction | int | float) -> float:
    """Half-up to two decimals, computed exactly (no binary-float surprises at .xx5)."""
    frac = Fraction(value) if not isinstance(value, float) else Fraction(str(value))
    exact = Decimal(frac.numerator) / Decimal(frac.denominator)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def level(value: float) -> str:
    """A level as people read it: ``2``, ``2.5``, ``2.33``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def short_level(value: float) -> str:
    """A level to one decimal, half-up, as a sentence shows it next to "Solid is 3": ``2.1``, ``3``."""
    exact = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return level(float(exact))


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"
