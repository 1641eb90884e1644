#!/usr/bin/python3
"""Input validator for guess: the input file is the hidden number H, 1 <= H <= 10^9."""
import re
import sys

data = sys.stdin.buffer.read()
m = re.fullmatch(rb'([1-9][0-9]{0,9})\n', data)
if not m or not 1 <= int(m.group(1)) <= 10**9:
    sys.stderr.write('expected one line with an integer 1 <= H <= 10^9\n')
    sys.exit(43)
sys.exit(42)
