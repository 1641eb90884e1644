# Recursive binary search on [lo, hi]: ask the middle, recurse into the half the reply leaves.
import sys


def ask(x):
    sys.stdout.write('? %d\n' % x)
    sys.stdout.flush()
    return sys.stdin.readline().strip()


def search(lo, hi):
    if lo > hi:
        return
    mid = (lo + hi) // 2
    reply = ask(mid)
    if reply == '<':
        search(lo, mid - 1)
    elif reply == '>':
        search(mid + 1, hi)


def main():
    search(1, 10**9)


main()
