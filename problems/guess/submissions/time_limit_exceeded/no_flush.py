# TIME LIMIT: correct binary search, but it never flushes. Its stdout is a pipe,
# so print() only fills Python's buffer; the judge never sees the query and
# both sides wait for each other until the wall-clock limit kills the run.
# (input() would flush stdout; sys.stdin.readline() does not.)
import sys


def main():
    lo, hi = 1, 10**9
    while lo <= hi:
        mid = (lo + hi) // 2
        print('?', mid)
        reply = sys.stdin.readline().strip()
        if reply == '=':
            return
        if reply == '<':
            hi = mid - 1
        else:
            lo = mid + 1


main()
