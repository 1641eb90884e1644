import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    xs = list(map(float, data[1:n + 1]))
    mean = sum(xs) / n
    var = sum((x - mean) * (x - mean) for x in xs) / n
    print('%.10f %.10f' % (mean, var))


main()
