# WRONG: one-pass E[x^2] - E[x]^2, accumulated in float32 (as a numpy-style
# float32 array would); loses the variance completely for values near 1e6.
import struct
import sys


def f32(v):
    return struct.unpack('f', struct.pack('f', v))[0]


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    s = q = 0.0
    for t in data[1:n + 1]:
        v = f32(float(t))
        s = f32(s + v)
        q = f32(q + f32(v * v))
    mean = f32(s / n)
    print('%.10f %.10f' % (mean, f32(q / n) - f32(mean * mean)))


main()
