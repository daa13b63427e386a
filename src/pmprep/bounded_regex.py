"""Regular expressions that run in time linear in the text they scan (for every text path in the core).

Python's ``re`` backtracks. A pattern with an unbounded repeat (``*``, ``+``, ``{2,}``) can scan a
long run of characters from every start position and fail each time: ``\\d[\\d,.]*x`` over
"1.1.1.1…" does, and 40 KB of it took 87 s. With every repeat bounded, the work at one start
position has a fixed ceiling, so a whole scan is linear in the text. :func:`bounded` rewrites a
pattern's unbounded repeats to at most :data:`MAX_RUN` repetitions (``*`` → ``{0,MAX_RUN}``,
``+`` → ``{1,MAX_RUN}``, ``{m,}`` → ``{m,m+MAX_RUN}``), lazy and possessive forms included, and
:func:`unbounded_repeats` lets a test prove that no pattern in use has one left.

A run longer than ``MAX_RUN`` inside one match (a 33-letter word after ``struggl``, 33 spaces
between two words) simply does not match as one; no answer needs that.
"""

from __future__ import annotations

import re
import re._constants as _sre  # the parser's own names: stable across 3.11–3.13
import re._parser as _parser

MAX_RUN = 32


def bound_repeats(pattern: str, limit: int = MAX_RUN) -> str:
    """``pattern`` with every unbounded repeat capped at ``limit`` repetitions."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    after_repeat = False  # the last token was a repeat, so a "?" or "+" now makes it lazy or possessive
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            after_repeat = False
            continue
        if in_class:
            # "]" closes the class unless it is the class's first character ("[]a]", "[^]a]").
            if ch == "]" and not (out[-1] == "[" or (out[-1] == "^" and out[-2] == "[")):
                in_class = False
            out.append(ch)
            i += 1
            continue
        if ch in "?+" and after_repeat:
            out.append(ch)
            i += 1
            after_repeat = False
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
        elif ch in "*+":
            out.append(f"{{{0 if ch == '*' else 1},{limit}}}")
        elif ch == "?" and out and out[-1] != "(":
            out.append(ch)  # an optional item: a repeat of at most one
        elif ch == "{" and (match := _REPEAT.match(pattern, i)) and match.group(0) != "{}":
            low, comma, high = match.groups()
            if comma and not high:
                low_n = int(low or 0)
                out.append(f"{{{low_n},{low_n + limit}}}")
            else:
                out.append(match.group(0))
            i = match.end()
            after_repeat = True
            continue
        else:
            out.append(ch)
            i += 1
            after_repeat = False
            continue
        after_repeat = ch != "["
        i += 1
    return "".join(out)


_REPEAT = re.compile(r"\{(\d*)(,?)(\d*)\}")


def bounded(pattern: str, flags: int = 0, *, limit: int = MAX_RUN) -> re.Pattern[str]:
    """Compile ``pattern`` with its repeats bounded at ``limit`` (see the module's docstring).

    A larger ``limit`` suits a repeat meant to span a clause (``[^?]+`` up to a question mark) in a
    pattern that is only tried at one place (``match`` at the start).
    """
    return re.compile(bound_repeats(pattern, limit), flags)


def unbounded_repeats(pattern: re.Pattern[str]) -> int:
    """How many repeats in a compiled pattern have no upper bound (0 means linear scanning)."""
    return _count(_parser.parse(pattern.pattern, pattern.flags))


def _count(tree) -> int:
    total = 0
    for op, av in tree:
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, high, sub = av
            total += (high == _sre.MAXREPEAT) + _count(sub)
        elif op == _sre.SUBPATTERN:
            total += _count(av[-1])
        elif op == _sre.BRANCH:
            total += sum(_count(branch) for branch in av[1])
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            total += _count(av[1])
        elif op == _sre.ATOMIC_GROUP:
            total += _count(av)
        elif op == _sre.GROUPREF_EXISTS:
            total += sum(_count(branch) for branch in av[1:] if branch)
    return total
