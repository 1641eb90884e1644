#!/usr/bin/python3
"""Input validator for meanvar: exits 42 iff stdin is a valid input."""
import re
import sys

NUM = re.compile(rb'-?(0|[1-9][0-9]*)(\.[0-9]{1,6})?')
INT = re.compile(rb'[1-9][0-9]*')


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
    if not INT.fullmatch(lines[0]):
        fail('first line must be a positive integer without leading zeros')
    n = int(lines[0])
    if not 1 <= n <= 200000:
        fail('N out of range: %d' % n)
    toks = lines[1].split(b' ')
    if len(toks) != n:
        fail('expected %d numbers separated by single spaces, got %d fields' % (n, len(toks)))
    for i, t in enumerate(toks):
        if not NUM.fullmatch(t):
            fail('number %d malformed: %r' % (i + 1, t[:30]))
        whole, _, frac = t.lstrip(b'-').partition(b'.')
        if len(whole) > 7 or int(whole) > 10**6 or (int(whole) == 10**6 and frac.strip(b'0')):
            fail('number %d out of range: %r' % (i + 1, t[:30]))
    sys.exit(42)


main()
