#!/usr/bin/python3
"""Regenerates data/sample and data/secret of guess (deterministic).

Run from the package directory:  python3 generators/gen.py
Each case: X.in = the hidden number, X.ans = the same number (the interactor
ignores it). Samples also get X.interaction: the dialogue of a plain binary
search over [1, 10^9] with mid = (lo + hi) // 2 ('>' lines come from the
submission, '<' lines from the judge).
"""
import os
import random

MAX = 10**9


def binary_search_dialogue(hidden):
    lines = []
    lo, hi = 1, MAX
    while True:
        mid = (lo + hi) // 2
        lines.append('>? %d' % mid)
        if hidden < mid:
            lines.append('<<')
            hi = mid - 1
        elif hidden > mid:
            lines.append('<>')
            lo = mid + 1
        else:
            lines.append('<=')
            return lines


def write(path, hidden, interaction=False):
    assert 1 <= hidden <= MAX
    for ext in ('.in', '.ans'):
        with open(path + ext, 'w') as f:
            f.write('%d\n' % hidden)
    if interaction:
        with open(path + '.interaction', 'w') as f:
            f.write('\n'.join(binary_search_dialogue(hidden)) + '\n')


def main():
    rng = random.Random(31)
    samples = [250000000, 123456789]
    secret = [1, MAX, MAX // 2, MAX // 2 + 1, 2, MAX - 1, 31, 32, 2**29, 2**29 + 1,
              999999937, 7]
    secret += [rng.randint(1, MAX) for _ in range(6)]
    for d in ('data/sample', 'data/secret'):
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            if f.endswith(('.in', '.ans', '.interaction')):
                os.remove(os.path.join(d, f))
    for i, h in enumerate(samples, 1):
        write('data/sample/%02d' % i, h, interaction=True)
    for i, h in enumerate(secret, 1):
        write('data/secret/%02d' % i, h)


if __name__ == '__main__':
    main()
