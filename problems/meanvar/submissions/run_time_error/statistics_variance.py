# CRASHES on N = 1: statistics.variance needs at least two data points
# (StatisticsError), and the author rescales the sample variance by (N-1)/N.
import statistics
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    xs = list(map(float, data[1:n + 1]))
    mean = statistics.fmean(xs)
    var = statistics.variance(xs, mean) * (n - 1) / n
    print('%.10f %.10f' % (mean, var))


main()
