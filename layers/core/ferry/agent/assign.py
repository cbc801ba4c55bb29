"""Exact one-to-one assignment (Hungarian algorithm, O(n²m)) for the small score matrices of a sheet."""

from __future__ import annotations

import math


def linear_sum_assignment(cost: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs (row, col) minimising the total cost; every row is assigned when rows ≤ cols, else every column.

    Shortest augmenting paths with potentials (Jonker-Volgenant style); exact, deterministic, no numpy needed.
    """
    if not cost or not cost[0]:
        return []
    n_rows, n_cols = len(cost), len(cost[0])
    transposed = n_rows > n_cols
    matrix = [list(col) for col in zip(*cost, strict=True)] if transposed else cost
    n, m = len(matrix), len(matrix[0])
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j] = 1-based row assigned to column j (0 = free)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        min_slack = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = math.inf
            j1 = 0
            row = matrix[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    reduced = row[j - 1] - u[i0] - v[j]
                    if reduced < min_slack[j]:
                        min_slack[j] = reduced
                        way[j] = j0
                    if min_slack[j] < delta:
                        delta = min_slack[j]
                        j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    min_slack[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    pairs = [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]
    if transposed:
        pairs = [(c, r) for r, c in pairs]
    return sorted(pairs)


def maximise_assignment(scores: list[list[float]], floor: float = 0.0) -> list[tuple[int, int]]:
    """One-to-one pairs maximising the total score; pairs scoring at or below `floor` are left unassigned."""
    if not scores or not scores[0]:
        return []
    cost = [[-(s if s > floor else 0.0) for s in row] for row in scores]
    return [(r, c) for r, c in linear_sum_assignment(cost) if scores[r][c] > floor]
