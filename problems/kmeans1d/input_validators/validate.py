#!/usr/bin/python3
"""Input validator for kmeans1d: exits 42 iff stdin is a valid input."""
import re
import sys

INT = re.compile(rb'-?(0|[1-9][0-9]*)')
POS = re.compile(rb'[1-9][0-9]*')


def fail(msg):
    sys.stderr.write(msg + '\n')
    sys.exit(43)


def main():
    data = sys.stdin.buffer.read()
    if not data.endswith(b'\n'):
        fail('input must end with a newline')
    lines = data[:-1].split(b'\n')
    if len(lines) != 2:
        fail('expected exactly 2 lines, got %d' % len(lines))
    head = lines[0].split(b' ')
    if len(head) != 2 or not all(POS.fullmatch(t) for t in head):
        fail('first line must be "N K" (positive integers, single space)')
    n, k = int(head[0]), int(head[1])
    if not 1 <= n <= 2000:
        fail('N out of range: %d' % n)
    if not 1 <= k <= min(10, n):
        fail('K out of range: %d' % k)
    toks = lines[1].split(b' ')
    if len(toks) != n:
        fail('expected %d integers separated by single spaces, got %d fields' % (n, len(toks)))
    for i, t in enumerate(toks):
        if not INT.fullmatch(t) or t == b'-0':
            fail('point %d malformed: %r' % (i + 1, t[:30]))
        if abs(int(t)) > 10**6:
            fail('point %d out of range: %r' % (i + 1, t[:30]))
    sys.exit(42)


main()
