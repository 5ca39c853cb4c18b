"""Number formatting and careful wording shared by the findings and the templates."""

from __future__ import annotations

import math


def num(n: float | int) -> str:
    """Whole numbers with thousands separators: ``1,234``."""
    return f"{int(round(n)):,}"


def rate(x: float) -> str:
    """A rate with one decimal: ``10.3``."""
    return f"{x:.1f}"


def pct(share: float) -> str:
    """A 0-1 share as a whole percent: ``66%`` (``<1%`` for small non-zero shares)."""
    if share > 0 and share * 100 < 0.5:
        return "<1%"
    return f"{share * 100:.0f}%"


def plural(n: int, word: str, words: str | None = None) -> str:
    """``1 event`` / ``2 events``."""
    return f"{num(n)} {word if n == 1 else (words or word + 's')}"


def p_text(p: float) -> str:
    """``p = 0.03`` / ``p < 0.001``."""
    if math.isnan(p):
        return "p not available"
    return "p < 0.001" if p < 0.001 else f"p = {p:.2f}" if p >= 0.01 else f"p = {p:.3f}"
