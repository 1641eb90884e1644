import sys

# my own work
def middle(points):
    ax = sum(q[0] for q in points)
    ay = sum(q[1] for q in points)
    return ax / len(points), ay / len(points)

def far(points, m):
    top = 0.0
    for u, v in points:
        dist = (u - m[0]) ** 2 + (v - m[1]) ** 2
        if dist > top:
            top = dist
    return top ** 0.5

def load(f):
    count = int(f.readline())
    out = []
    for _ in range(count):
        u, v = map(float, f.readline().split())
        out.append((u, v))
    return out

points = load(sys.stdin)
m = middle(points)
print("%.3f %.3f %.3f" % (m[0], m[1], far(points, m)))
