# Half-open interval [lo, hi) that still holds H: ask its middle, keep the matching half.
# Each query at least halves the interval, so 30 queries are enough.
import sys


def main():
    lo, hi = 1, 10**9 + 1
    for _ in range(31):
        mid = lo + (hi - lo) // 2
        print('?', mid, flush=True)
        answer = input().strip()
        if answer == '=':
            sys.exit(0)
        if answer == '<':
            hi = mid
        else:
            lo = mid + 1


main()
