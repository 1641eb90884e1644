#!/usr/bin/python3
"""Regenerates data/sample and data/secret/group{1,2,3} of featsel (deterministic).

Run from the package directory:  python3 generators/gen.py   (about 15 seconds)

Answers use the exact integer score C(i, j) = sum_r x_ri x_rj (N y_r - Y),
Y = sum_r y_r (= N^2 cov). The generator also checks that every group contains
a case that defeats each typical mistake (self pairs i = j, last instead of
first tie, signed instead of absolute covariance), so those submissions score 0
instead of getting partial points.
"""
import os
import random
from operator import mul


def scores(X, y):
    """C[(i, j)] for 0 <= i <= j < m (squares included, for the mistake checks)."""
    n, m = len(X), len(X[0])
    Y = sum(y)
    w = [n * v - Y for v in y]
    cols = [list(c) for c in zip(*X)]
    cw = [list(map(mul, c, w)) for c in cols]
    C = {}
    for i in range(m):
        ci = cw[i]
        for j in range(i, m):
            C[(i, j)] = sum(map(mul, ci, cols[j]))
    return C


def pick(C, m, self_pairs=False, last_tie=False, signed=False):
    best, arg = None, None
    for i in range(m):
        for j in range(i if self_pairs else i + 1, m):
            v = C[(i, j)] if signed else abs(C[(i, j)])
            if best is None or v > best or (last_tie and v == best):
                best, arg = v, (i, j)
    return arg


MISTAKES = {
    'self_pairs': dict(self_pairs=True),
    'last_tie': dict(last_tie=True),
    'signed': dict(signed=True),
}


def clamp(v):
    return max(0, min(9, v))


def base(rng, n, m, p=0.5, dist='uniform'):
    y = [1 if rng.random() < p else 0 for _ in range(n)]
    if dist == 'uniform':
        X = [[rng.randint(0, 9) for _ in range(m)] for _ in range(n)]
    elif dist == 'binary':
        X = [[rng.randint(0, 1) for _ in range(m)] for _ in range(n)]
    else:  # sparse
        X = [[rng.randint(1, 9) if rng.random() < 0.15 else 0 for _ in range(m)] for _ in range(n)]
    return X, y


def plant(rng, X, y, col, positive=True, noise=2):
    """Make column `col` follow the label (or its negation) with a little noise."""
    for r in range(len(X)):
        hi = (y[r] == 1) == positive
        X[r][col] = clamp((9 if hi else 0) + rng.randint(-noise, noise))


def copy_col(X, src, dst):
    for row in X:
        row[dst] = row[src]


def case_random(rng, n, m, **kw):
    return base(rng, n, m, **kw)


def case_self(rng, n, m, **kw):
    """One feature follows the label: its square beats every real pair."""
    X, y = base(rng, n, m, **kw)
    plant(rng, X, y, rng.randrange(m))
    return X, y


def case_tie(rng, n, m, **kw):
    """Three identical strong columns a < b < c: (a,b), (a,c), (b,c) tie."""
    X, y = base(rng, n, m, **kw)
    a, b, c = sorted(rng.sample(range(m), 3))
    plant(rng, X, y, a)
    copy_col(X, a, b)
    copy_col(X, a, c)
    return X, y


def case_negative(rng, n, m, **kw):
    """Two features follow the negated label: the best pair has negative covariance."""
    X, y = base(rng, n, m, **kw)
    a, b = rng.sample(range(m), 2)
    plant(rng, X, y, a, positive=False, noise=1)
    plant(rng, X, y, b, positive=False, noise=1)
    # a weaker positive signal so that a signed maximum picks something else
    c = next(k for k in range(m) if k not in (a, b))
    plant(rng, X, y, c, positive=True, noise=4)
    return X, y


def case_constant_label(rng, n, m, label, **kw):
    X, _ = base(rng, n, m, **kw)
    return X, [label] * n


def fmt_case(X, y):
    lines = ['%d %d' % (len(X), len(X[0]))]
    lines += [' '.join(map(str, row)) + ' %d' % lab for row, lab in zip(X, y)]
    return '\n'.join(lines) + '\n'


def write(path, X, y):
    m = len(X[0])
    C = scores(X, y)
    i, j = pick(C, m)
    with open(path + '.in', 'w') as f:
        f.write(fmt_case(X, y))
    with open(path + '.ans', 'w') as f:
        f.write('%d %d\n' % (i + 1, j + 1))
    return {name: pick(C, m, **kw) != (i, j) for name, kw in MISTAKES.items()}


def main():
    rng = random.Random(4242)
    sample = [
        ([[3, 0, 1], [1, 2, 2], [0, 4, 1], [2, 1, 0], [4, 3, 2], [1, 1, 3]], [1, 0, 0, 1, 1, 0]),
        ([[1, 1, 1, 0], [1, 1, 1, 0], [0, 0, 0, 1], [0, 0, 0, 1]], [1, 1, 0, 0]),
    ]
    groups = {
        'group1': [
            case_constant_label(rng, 1, 2, 0),
            case_random(rng, 100, 10),
            case_self(rng, 80, 8),
            case_tie(rng, 100, 10),
            case_negative(rng, 100, 10),
            case_constant_label(rng, 50, 10, 1),
            case_random(rng, 37, 7, p=0.2, dist='binary'),
        ],
        'group2': [
            case_random(rng, 2000, 60),
            case_tie(rng, 2000, 60, p=0.3),
            case_self(rng, 1500, 45, dist='sparse'),
            case_negative(rng, 1000, 60),
            case_random(rng, 2000, 2, p=0.7),
            case_random(rng, 1234, 60, dist='binary'),
        ],
        'group3': [
            case_random(rng, 2000, 400),
            case_tie(rng, 300, 400),
            case_negative(rng, 200, 400, dist='sparse'),
            case_self(rng, 150, 400, p=0.1),
            case_constant_label(rng, 1, 400, 1),
        ],
    }
    os.makedirs('data/sample', exist_ok=True)
    for f in os.listdir('data/sample'):
        if f.endswith('.in') or f.endswith('.ans'):
            os.remove(os.path.join('data/sample', f))
    for k, (X, y) in enumerate(sample, 1):
        write('data/sample/%02d' % k, X, y)
    for g, cases in groups.items():
        d = 'data/secret/' + g
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            if f.endswith('.in') or f.endswith('.ans'):
                os.remove(os.path.join(d, f))
        caught = {name: [] for name in MISTAKES}
        for k, (X, y) in enumerate(cases, 1):
            for name, bad in write('%s/%02d' % (d, k), X, y).items():
                if bad:
                    caught[name].append('%02d' % k)
        print(g, 'mistakes caught by cases:', caught)
        assert all(caught.values()), 'some mistake passes all of ' + g


if __name__ == '__main__':
    main()
