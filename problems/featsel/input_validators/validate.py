#!/usr/bin/python3
"""Input validator for featsel: exits 42 iff stdin is a valid input.

Flags (from testdata.yaml input_validator_flags): max_n=A max_m=B tighten the
bounds for a test group.
"""
import re
import sys

POS = re.compile(rb'[1-9][0-9]*')


def fail(msg):
    sys.stderr.write(msg + '\n')
    sys.exit(43)


def main():
    max_n, max_m = 2000, 400
    for arg in sys.argv[1:]:
        key, _, val = arg.partition('=')
        if key == 'max_n' and val.isdigit():
            max_n = min(max_n, int(val))
        elif key == 'max_m' and val.isdigit():
            max_m = min(max_m, int(val))
        else:
            sys.stderr.write('unknown flag %r\n' % arg)
            sys.exit(2)
    data = sys.stdin.buffer.read()
    if not data.endswith(b'\n'):
        fail('input must end with a newline')
    lines = data[:-1].split(b'\n')
    head = lines[0].split(b' ')
    if len(head) != 2 or not all(POS.fullmatch(t) for t in head):
        fail('first line must be "N M" (positive integers, single space)')
    n, m = int(head[0]), int(head[1])
    if not 1 <= n <= max_n:
        fail('N out of range [1, %d]: %d' % (max_n, n))
    if not 2 <= m <= max_m:
        fail('M out of range [2, %d]: %d' % (max_m, m))
    if len(lines) != n + 1:
        fail('expected %d lines after the first, got %d' % (n, len(lines) - 1))
    # a row is M digits 0-9 and a label 0/1, single spaces: exactly 2M+1 bytes
    row = re.compile(rb'(?:[0-9] ){%d}[01]' % m)
    for r, line in enumerate(lines[1:], 1):
        if not row.fullmatch(line):
            fail('row %d malformed (need %d features 0-9 and a label 0/1, single spaces): %r'
                 % (r, m, line[:60]))
    sys.exit(42)


main()
