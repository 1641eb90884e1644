import sys
data = sys.stdin.read().split()
n = int(data[0])
xs = [float(v) for v in data[1::2][:n]]
ys = [float(v) for v in data[2::2][:n]]
mx, my = sum(xs) / n, sum(ys) / n
r = max(((a - mx) ** 2 + (b - my) ** 2) ** 0.5 for a, b in zip(xs, ys))
print(f"{mx:.6f} {my:.6f} {r:.6f}")
