// Two Gram matrices, over all rows (S) and over the rows labelled 1 (P):
// N^2 cov(i, j) = N * P(i, j) - Y * S(i, j), exact in 64-bit integers.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<vector<long long>> all(m, vector<long long>(m, 0)), pos(m, vector<long long>(m, 0));
    vector<int> x(m);
    long long ones = 0;
    for (int r = 0; r < n; r++) {
        for (int k = 0; k < m; k++) cin >> x[k];
        int label;
        cin >> label;
        ones += label;
        for (int i = 0; i < m; i++) {
            if (x[i] == 0) continue;
            vector<long long>& target = label ? pos[i] : all[i];
            for (int j = i + 1; j < m; j++) target[j] += x[i] * x[j];
        }
    }
    long long best = -1;
    int bi = 0, bj = 1;
    for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
            long long s = all[i][j] + pos[i][j];
            long long v = llabs(n * pos[i][j] - ones * s);
            if (v > best) {
                best = v;
                bi = i;
                bj = j;
            }
        }
    }
    printf("%d %d\n", bi + 1, bj + 1);
    return 0;
}
