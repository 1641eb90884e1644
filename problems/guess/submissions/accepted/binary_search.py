# Binary search over [1, 10^9]: at most 30 queries. Flushes after every query.
import sys


def main():
    lo, hi = 1, 10**9
    while lo <= hi:
        mid = (lo + hi) // 2
        print('?', mid, flush=True)
        reply = sys.stdin.readline().strip()
        if reply == '=':
            return
        if reply == '<':
            hi = mid - 1
        elif reply == '>':
            lo = mid + 1
        else:
            return  # the judge has stopped talking to us


main()
