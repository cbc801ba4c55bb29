"""Score → calibrated confidence: a monotone step table fitted by isotonic regression on labelled cases."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise

from ferry.agent import calibration_table


def fit_isotonic(
    points: Sequence[tuple[float, bool]], min_bin: int = 8, breaks: Sequence[float] = ()
) -> list[tuple[float, float]]:
    """Pool-adjacent-violators fit: returns (score lower bound, confidence) steps, increasing in both.

    Blocks hold at least `min_bin` points so a handful of cases cannot pin a confidence to 0 or 1. No block spans a
    score in `breaks` (the auto-apply line): mappings applied without asking and proposals put to the person are
    judged on their own, so an applied mapping is not given the accuracy of the questions just below the line.
    """
    if breaks:
        edges = [float("-inf"), *sorted(breaks), float("inf")]
        joined: list[tuple[float, float]] = []
        for low, high in pairwise(edges):
            for bound, confidence in fit_isotonic([p for p in points if low <= p[0] < high], min_bin):
                joined.append((bound, max(confidence, joined[-1][1]) if joined else confidence))
        return joined
    ordered = sorted(points, key=lambda p: p[0])
    if not ordered:
        return []
    # Start from blocks of min_bin points, then merge any block that breaks monotonicity.
    blocks: list[list[float]] = []  # [sum_correct, count, min_score]
    for start in range(0, len(ordered), min_bin):
        chunk = ordered[start : start + min_bin]
        blocks.append([float(sum(c for _, c in chunk)), float(len(chunk)), chunk[0][0]])
    if len(blocks) > 1 and blocks[-1][1] < min_bin:
        tail = blocks.pop()
        blocks[-1][0] += tail[0]
        blocks[-1][1] += tail[1]
    merged: list[list[float]] = []
    for block in blocks:
        merged.append(block)
        while len(merged) > 1 and merged[-2][0] / merged[-2][1] >= merged[-1][0] / merged[-1][1]:
            last = merged.pop()
            merged[-1][0] += last[0]
            merged[-1][1] += last[1]
    # Laplace-style shrink keeps a perfect block below 1.0: we never claim certainty from a finite sample. The shrink
    # pulls a small perfect block further than a large one, so the steps are kept non-decreasing after it.
    steps: list[tuple[float, float]] = []
    for b in merged:
        confidence = round((b[0] + 0.5) / (b[1] + 1.0), 4)
        steps.append((round(b[2], 4), max(confidence, steps[-1][1]) if steps else confidence))
    return steps


def calibrated(score: float, table: Sequence[tuple[float, float]] | None = None) -> float:
    """The confidence for a raw match score, read from the fitted table (identity when none is fitted)."""
    steps = calibration_table.TABLE if table is None else table
    if not steps:
        return round(max(0.0, min(1.0, score)), 3)
    index = bisect_right([s for s, _ in steps], score) - 1
    return round(steps[max(index, 0)][1], 3)


def expected_calibration_error(points: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """ECE: the count-weighted gap between confidence and accuracy over equal-width confidence bins."""
    if not points:
        return 0.0
    total = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [(c, ok) for c, ok in points if low <= c < high or (b == bins - 1 and c == 1.0)]
        if members:
            confidence = sum(c for c, _ in members) / len(members)
            accuracy = sum(ok for _, ok in members) / len(members)
            total += abs(confidence - accuracy) * len(members)
    return total / len(points)
