"""What counts over a period prove about the absence rule, found by enumeration: every way
the days (and, for a share rule, the school days) can fall in the weeks is tried. This is the
specification the browser's closed forms (docs/assets/absence-rule.js) are held to; it shares
no code and no formula with them.

A period of P weeks; a window is W weeks in a row inside it. A week holds at most ``cap`` of a
count (five days, five early departures; skipped lessons: no limit).
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache

PER_WEEK = 5


@cache
def fewest_in_busiest_window(P: int, W: int, cap: int | None, most: int) -> dict[int, int]:
    """For every total C ≤ ``most``: the smallest possible largest window sum over all ways to
    spread C over P weeks (each week 0..cap). P ≥ W."""
    top = most if cap is None else min(cap, most)
    # state: (last W-1 weeks, total so far) → smallest largest window so far
    states: dict[tuple[tuple[int, ...], int], int] = {((), 0): 0}
    for _ in range(P):
        nxt: dict[tuple[tuple[int, ...], int], int] = {}
        for (tail, total), busiest in states.items():
            for v in range(0, top + 1):
                if total + v > most:
                    break
                weeks = tail + (v,)
                b = max(busiest, sum(weeks)) if len(weeks) == W else busiest
                key = (weeks[-(W - 1):] if W > 1 else (), total + v)
                if b < nxt.get(key, 1 << 30):
                    nxt[key] = b
        states = nxt
    out: dict[int, int] = {}
    for (_, total), busiest in states.items():
        out[total] = min(out.get(total, 1 << 30), busiest)
    return out


def count_status(P: int, W: int, t: int, cap: int | None, count: int) -> str:
    """reached | not | unclear for P ≥ W, by enumeration."""
    assert P >= W
    most_in_one = count if cap is None else min(count, cap * W)
    if most_in_one < t:
        return "not"  # no spread puts t into one window
    fewest = fewest_in_busiest_window(P, W, cap, count)[count]
    return "reached" if fewest >= t else "unclear"


@cache
def share_outcomes(P: int, W: int, num: int, den: int) -> tuple[frozenset, frozenset]:
    """For a share rule (num/den of a window's school days), over every layout of school days
    s ≤ 5 and absent days x ≤ s per week: the (school days, absent days) totals for which some
    layout keeps every window under the share, and those for which some layout reaches it in
    a window. A window with no school days is never reached. P ≥ W."""
    def reached(weeks: tuple[tuple[int, int], ...]) -> bool:
        s = sum(w[0] for w in weeks)
        x = sum(w[1] for w in weeks)
        return s > 0 and x * den >= num * s

    pairs = [(s, x) for s in range(PER_WEEK + 1) for x in range(s + 1)]
    # state: (last W-1 weeks, S, A) → set of (all windows under so far, some window reached)
    states: dict[tuple, set[tuple[bool, bool]]] = {((), 0, 0): {(True, False)}}
    for _ in range(P):
        nxt: dict[tuple, set[tuple[bool, bool]]] = {}
        for (tail, S, A), flags in states.items():
            for pair in pairs:
                weeks = tail + (pair,)
                hit = len(weeks) == W and reached(weeks)
                key = (weeks[-(W - 1):] if W > 1 else (), S + pair[0], A + pair[1])
                bucket = nxt.setdefault(key, set())
                for under, some in flags:
                    bucket.add((under and not hit, some or hit))
        states = nxt
    kept_under, reached_some = set(), set()
    for (_, S, A), flags in states.items():
        for under, some in flags:
            if under:
                kept_under.add((S, A))
            if some:
                reached_some.add((S, A))
    return frozenset(kept_under), frozenset(reached_some)


def share_status(P: int, W: int, share: Fraction, school: int, absent: int) -> str:
    """reached | not | unclear for P ≥ W and a share rule, by enumeration."""
    under, some = share_outcomes(P, W, share.numerator, share.denominator)
    if (school, absent) not in some:
        return "not"
    return "unclear" if (school, absent) in under else "reached"
