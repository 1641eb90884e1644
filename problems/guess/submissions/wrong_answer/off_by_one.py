# WRONG: the search range is [1, 10^9 - 1], so H = 10^9 is never asked; the
# program gives up without finding it (fine for every other H).
import sys


def main():
    lo, hi = 1, 10**9 - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        print('?', mid, flush=True)
        reply = sys.stdin.readline().strip()
        if reply == '=':
            return
        if reply == '<':
            hi = mid - 1
        else:
            lo = mid + 1


main()
