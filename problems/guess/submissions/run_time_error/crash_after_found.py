# CRASHES: a correct binary search, but after the judge's '=' it expects one more
# line (it thinks the judge reports the number of queries used) and calls
# int() on it; the judge has already finished, so readline() returns '' and
# int('') raises ValueError (non-zero exit). The judge accepted before the crash,
# so the verdict is RTE whatever the timing.
import sys


def main():
    lo, hi = 1, 10**9
    while lo <= hi:
        mid = (lo + hi) // 2
        print('?', mid, flush=True)
        reply = sys.stdin.readline().strip()
        if reply == '=':
            used = int(sys.stdin.readline())
            print('found in', used, 'queries', file=sys.stderr)
            return
        if reply == '<':
            hi = mid - 1
        else:
            lo = mid + 1


main()
