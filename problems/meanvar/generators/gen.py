#!/usr/bin/python3
"""Regenerates data/sample and data/secret of meanvar (deterministic).

Run from the package directory:  python3 generators/gen.py
Answers are computed exactly (integer arithmetic on the decimal inputs) and
rounded to 10 decimals.
"""
import os
import random

SCALE = 10**6  # inputs have at most 6 decimals


def fmt_x(v):
    """v: integer number of millionths -> shortest decimal text."""
    sign = '-' if v < 0 else ''
    v = abs(v)
    whole, frac = divmod(v, SCALE)
    if frac == 0:
        return '%s%d' % (sign, whole)
    return '%s%d.%s' % (sign, whole, ('%06d' % frac).rstrip('0'))


def fmt_frac(p, q, digits=10):
    """Exact p/q (q > 0) rounded half away from zero to `digits` decimals."""
    neg = p < 0
    p = abs(p)
    scaled = (p * 10**digits * 2 + q) // (2 * q)
    whole, frac = divmod(scaled, 10**digits)
    if scaled == 0:
        neg = False
    return '%s%d.%0*d' % ('-' if neg else '', whole, digits, frac)


def answer(vals):
    n = len(vals)
    s = sum(vals)
    q = sum(v * v for v in vals)
    mean = fmt_frac(s, n * SCALE)
    var = fmt_frac(n * q - s * s, n * n * SCALE * SCALE)
    return '%s %s\n' % (mean, var)


def write(path, vals):
    assert 1 <= len(vals) <= 200000
    assert all(abs(v) <= SCALE * SCALE for v in vals)
    with open(path + '.in', 'w') as f:
        f.write('%d\n%s\n' % (len(vals), ' '.join(fmt_x(v) for v in vals)))
    with open(path + '.ans', 'w') as f:
        f.write(answer(vals))


def M(x):
    """millionths of a decimal literal given as a string"""
    whole, _, frac = x.lstrip('-').partition('.')
    v = int(whole) * SCALE + int((frac + '000000')[:6])
    return -v if x.startswith('-') else v


def main():
    rng = random.Random(20240611)
    top = 10**6 * SCALE
    samples = [
        [M(x) for x in '1 2 3 4 5'.split()],
        [M(x) for x in '-1.5 0.25 2 10.125'.split()],
        [M('-7'), M('0.000001'), M('1000000'), M('-999999.5')],
    ]
    secret = []
    # 01: a single number (population variance 0; the N-1 formula divides by 0)
    secret.append([M('-42.5')])
    # 02: two numbers at the extremes
    secret.append([top, -top])
    # 03: all equal
    secret.append([M('-123456.789')] * 1000)
    # 04: random integers over the whole range
    secret.append([rng.randint(-10**6, 10**6) * SCALE for _ in range(1000)])
    # 05: random 6-decimal numbers over the whole range
    secret.append([rng.randint(-top, top) for _ in range(5000)])
    # 06: large offset + small noise: E[x^2] - E[x]^2 in doubles loses the variance
    secret.append([top - rng.randint(0, SCALE) for _ in range(5000)])
    # 07: large negative offset + noise
    secret.append([-top + rng.randint(0, 3 * SCALE) for _ in range(2000)])
    # 08: large offset, tiny noise (variance about 1e-9)
    secret.append([top - rng.randint(0, 100) for _ in range(3000)])
    # 09: small offset-free sample, few points (N-1 vs N matters a lot)
    secret.append([rng.randint(-100 * SCALE, 100 * SCALE) for _ in range(7)])
    # 10: offset with moderate noise, mixed precision
    secret.append([999000 * SCALE + rng.randint(0, 1000) * rng.choice([1, 1000, SCALE]) for _ in range(4000)])
    # 11: N at the maximum with short numbers (the quadratic solution must time out)
    secret.append([rng.randint(0, 9) * SCALE for _ in range(200000)])
    # 12: bimodal: two far-apart clumps, huge variance
    clumps = [rng.choice([top, -top]) + rng.randint(-5 * SCALE, 5 * SCALE) for _ in range(3000)]
    secret.append([max(-top, min(top, v)) for v in clumps])

    for d in ('data/sample', 'data/secret'):
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            if f.endswith('.in') or f.endswith('.ans'):
                os.remove(os.path.join(d, f))
    for i, vals in enumerate(samples, 1):
        write('data/sample/%02d' % i, vals)
    for i, vals in enumerate(secret, 1):
        write('data/secret/%02d' % i, vals)


if __name__ == '__main__':
    main()
