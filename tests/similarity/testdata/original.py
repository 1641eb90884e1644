import sys

def read_points(stream):
    n = int(stream.readline())
    pts = []
    for _ in range(n):
        x, y = map(float, stream.readline().split())
        pts.append((x, y))
    return pts

def centroid(pts):
    sx = sum(p[0] for p in pts)
    sy = sum(p[1] for p in pts)
    return sx / len(pts), sy / len(pts)

def spread(pts, c):
    best = 0.0
    for x, y in pts:
        d = (x - c[0]) ** 2 + (y - c[1]) ** 2
        if d > best:
            best = d
    return best ** 0.5

pts = read_points(sys.stdin)
c = centroid(pts)
print("%.6f %.6f %.6f" % (c[0], c[1], spread(pts, c)))
