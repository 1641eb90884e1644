#include "review/assignment.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace review {
namespace {

std::string trim_lower(std::string_view s) {
  const char* space = " \t\r\n\f\v";
  size_t b = s.find_first_not_of(space);
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(space);
  std::string out(s.substr(b, e - b + 1));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The last '@' because a quoted local part may itself contain one; an address without
// '@' has no domain and so conflicts with nobody.
std::string email_domain(const std::string& email) {
  size_t at = email.rfind('@');
  return at == std::string::npos ? "" : trim_lower(std::string_view(email).substr(at + 1));
}

std::string trimmed(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n\f\v");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n\f\v") - b + 1);
}

uint64_t mix(uint64_t x) {  // splitmix64: same value on every platform, unlike std::hash
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
uint64_t tie_hash(uint64_t seed, uint64_t a, uint64_t b) { return mix(mix(mix(seed) ^ a) ^ (b << 1 | 1)); }

std::string name(const Person& p, int index) { return p.id.empty() ? "#" + std::to_string(index) : p.id; }
std::string label(const char* kind, const Person& p, int index) { return std::string(kind) + " " + name(p, index); }

// "(affiliation 'MIT', email domain 'mit.edu')", or "" when it has neither.
std::string origin(const Person& p) {
  std::string aff = trimmed(p.affiliation), dom = email_domain(p.email), out;
  if (!aff.empty()) out = "affiliation '" + aff + "'";
  if (!dom.empty()) out += (out.empty() ? "" : ", ") + std::string("email domain '") + dom + "'";
  return out.empty() ? "" : " (" + out + ")";
}

// Affiliations and domains interned to small integers (-1: empty) so that the
// A x N eligibility test in the hot loops is two integer compares.
struct Keys {
  std::vector<int> app_aff, app_dom, rev_aff, rev_dom;

  Keys(const std::vector<Person>& applicants, const std::vector<Person>& reviewers) {
    std::unordered_map<std::string, int> affs, doms;
    auto intern = [](std::unordered_map<std::string, int>& m, std::string s) {
      return s.empty() ? -1 : m.emplace(std::move(s), static_cast<int>(m.size())).first->second;
    };
    for (const Person& p : applicants) {
      app_aff.push_back(intern(affs, trim_lower(p.affiliation)));
      app_dom.push_back(intern(doms, email_domain(p.email)));
    }
    for (const Person& p : reviewers) {
      rev_aff.push_back(intern(affs, trim_lower(p.affiliation)));
      rev_dom.push_back(intern(doms, email_domain(p.email)));
    }
  }
  bool eligible(int a, int x) const {
    return (app_aff[a] < 0 || app_aff[a] != rev_aff[x]) && (app_dom[a] < 0 || app_dom[a] != rev_dom[x]);
  }
};

// Balanced loads are forced by the arithmetic: total = q*N + r, so exactly r reviewers
// review q+1 applicants and the rest q. A reviewer may go past q only while fewer than
// r have done so, which makes "every applicant got R" equivalent to "balanced".
struct Caps {
  int q = 0, r = 0, extras = 0;
  std::vector<int> load;
  bool open(int x) const { return load[x] < q || (load[x] == q && extras < r); }
  void take(int x) {
    if (load[x] == q) ++extras;
    ++load[x];
  }
};

// Dinic's max flow: decides exactly whether a balanced assignment exists once the
// greedy pass and single exchanges are stuck, rerouting their choices only as far as
// needed (they are preloaded as flow).
class MaxFlow {
 public:
  explicit MaxFlow(int nodes) : first_(nodes + 1, 0), level_(nodes), next_(nodes) {}
  int add(int from, int to, int cap) {
    int e = static_cast<int>(to_.size());
    to_.push_back(to), cap_.push_back(cap), from_.push_back(from);
    to_.push_back(from), cap_.push_back(0), from_.push_back(to);
    return e;
  }
  void preload(int e, int f) { cap_[e] -= f, cap_[e ^ 1] += f; }
  int flow(int e) const { return cap_[e ^ 1]; }
  int64_t run(int s, int t) {
    index();
    int64_t total = 0;
    while (bfs(s, t)) {
      std::copy(first_.begin(), first_.end() - 1, next_.begin());
      while (int f = dfs(s, t, INT_MAX)) total += f;
    }
    return total;
  }
  // After run(): the source side of a minimum cut.
  std::vector<char> reachable(int s) {
    bfs(s, -1);
    std::vector<char> out(level_.size());
    for (size_t v = 0; v < level_.size(); ++v) out[v] = level_[v] >= 0;
    return out;
  }

 private:
  // Edges grouped by tail in one array: with ~2 million edge ends, a vector per node
  // costs more in reallocation than the flow itself.
  void index() {
    for (int v : from_) ++first_[v + 1];
    for (size_t v = 1; v < first_.size(); ++v) first_[v] += first_[v - 1];
    out_.resize(from_.size());
    std::vector<int> fill(first_.begin(), first_.end() - 1);
    for (size_t e = 0; e < from_.size(); ++e) out_[fill[from_[e]]++] = static_cast<int>(e);
  }
  bool bfs(int s, int t) {
    std::fill(level_.begin(), level_.end(), -1);
    std::vector<int> queue{s};
    level_[s] = 0;
    for (size_t i = 0; i < queue.size(); ++i) {
      int v = queue[i];
      for (int j = first_[v]; j < first_[v + 1]; ++j) {
        int e = out_[j];
        if (cap_[e] > 0 && level_[to_[e]] < 0) level_[to_[e]] = level_[v] + 1, queue.push_back(to_[e]);
      }
    }
    return t >= 0 && level_[t] >= 0;
  }
  // Recursion depth is bounded by the level-graph path length (< 2 * min(A, N) + 4).
  int dfs(int v, int t, int limit) {
    if (v == t) return limit;
    for (int& j = next_[v]; j < first_[v + 1]; ++j) {
      int e = out_[j];
      if (cap_[e] <= 0 || level_[to_[e]] != level_[v] + 1) continue;
      if (int f = dfs(to_[e], t, std::min(limit, cap_[e]))) {
        preload(e, f);
        return f;
      }
    }
    return 0;
  }
  std::vector<int> to_, cap_, from_, first_, out_;
  std::vector<int> level_, next_;
};

struct UnionFind {
  std::vector<int> parent;
  explicit UnionFind(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  }
  void unite(int a, int b) {
    a = find(a), b = find(b);
    parent[std::max(a, b)] = std::min(a, b);
  }
};

// Eligible reviewers per applicant, flattened (applicant a: elig[start[a] .. start[a+1])).
struct Eligibility {
  std::vector<int> start, elig, reviewer_count;
  int count(int a) const { return start[a + 1] - start[a]; }
};

Eligibility eligibility(const Keys& keys, int A, int N) {
  Eligibility e;
  e.start.reserve(A + 1);
  e.reviewer_count.assign(N, 0);
  for (int a = 0; a < A; ++a) {
    e.start.push_back(static_cast<int>(e.elig.size()));
    for (int x = 0; x < N; ++x)
      if (keys.eligible(a, x)) e.elig.push_back(x), ++e.reviewer_count[x];
  }
  e.start.push_back(static_cast<int>(e.elig.size()));
  return e;
}

// Most constrained applicants first (fewest eligible reviewers), each taking its R
// least-loaded open reviewers; seeded hashes break the many ties so that equal inputs
// give equal output while the graph still comes out random-looking (hence connected).
// Returns how many applicants could not get all R.
int greedy(const Eligibility& e, int A, int R, uint64_t seed, Caps& caps, std::vector<std::vector<int>>& chosen) {
  std::vector<int> order(A);
  std::iota(order.begin(), order.end(), 0);
  std::vector<uint64_t> rank(A);
  for (int a = 0; a < A; ++a) rank[a] = tie_hash(seed, 0x6170706c, a);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return e.count(a) != e.count(b) ? e.count(a) < e.count(b) : rank[a] != rank[b] ? rank[a] < rank[b] : a < b;
  });
  int stuck = 0;
  std::vector<uint64_t> tie;
  std::vector<int> load;  // a snapshot per applicant; INT_MAX marks taken or closed
  for (int a : order) {
    const int* elig = e.elig.data() + e.start[a];
    const int n = e.count(a);
    const uint64_t salt = tie_hash(seed, a, 0x7265766965776572);
    tie.resize(n), load.resize(n);
    for (int i = 0; i < n; ++i) {
      tie[i] = mix(salt ^ static_cast<uint64_t>(elig[i]));
      load[i] = caps.open(elig[i]) ? caps.load[elig[i]] : INT_MAX;
    }
    int got = 0;
    while (got < R) {
      int best = -1;
      for (int i = 0; i < n; ++i)
        if (load[i] != INT_MAX && (best < 0 || load[i] < load[best] || (load[i] == load[best] && tie[i] < tie[best])))
          best = i;
      if (best < 0) break;
      load[best] = INT_MAX;
      if (!caps.open(elig[best])) continue;  // its "+1" slot went to an earlier pick
      caps.take(elig[best]);
      chosen[a].push_back(elig[best]);
      ++got;
    }
    stuck += got < R;
  }
  return stuck;
}

// The greedy typically strands an applicant or two at the very end, when the only
// reviewers with room left conflict with them. Most are freed by one exchange: the
// stranded applicant a takes a full reviewer z from some b, who takes an open y
// instead. Loads stay within the caps (z's is unchanged, y's grows within them).
// Returns how many reviews are still missing.
int exchange(const Keys& keys, const Eligibility& e, int A, int N, int R, Caps& caps,
             std::vector<std::vector<int>>& chosen) {
  auto has = [&](int a, int x) { return std::find(chosen[a].begin(), chosen[a].end(), x) != chosen[a].end(); };
  int missing = 0;
  for (int a = 0; a < A; ++a) {
    while (static_cast<int>(chosen[a].size()) < R) {
      bool done = false;
      for (int i = e.start[a]; i < e.start[a + 1] && !done; ++i)
        if (caps.open(e.elig[i]) && !has(a, e.elig[i]))  // room made by an earlier exchange
          caps.take(e.elig[i]), chosen[a].push_back(e.elig[i]), done = true;
      for (int y = 0; y < N && !done; ++y) {
        if (!caps.open(y)) continue;
        for (int b = 0; b < A && !done; ++b) {
          if (b == a || !keys.eligible(b, y) || has(b, y)) continue;
          for (int& z : chosen[b])
            if (keys.eligible(a, z) && !has(a, z)) {
              chosen[a].push_back(z), z = y, caps.take(y), done = true;
              break;
            }
        }
      }
      if (!done) break;
    }
    missing += R - static_cast<int>(chosen[a].size());
  }
  return missing;
}

std::string names(const std::vector<Person>& people, const std::vector<int>& which) {
  std::string out;
  for (size_t i = 0; i < which.size() && i < 5; ++i) out += (i ? ", " : "") + name(people[which[i]], which[i]);
  if (which.size() > 5) out += ", ...";
  return out;
}

// Explains why max flow fell short, from its minimum cut: ideally a Hall-type
// shortage (a group of applicants whose only possible reviewers cannot absorb their
// reviews, or a group of reviewers whose only possible applicants cannot fill them).
std::string explain_shortfall(MaxFlow& flow, const Eligibility& e, const Caps& caps, int A, int N, int R,
                              int64_t achieved, const std::vector<Person>& applicants,
                              const std::vector<Person>& reviewers) {
  std::vector<char> side = flow.reachable(0);
  const int q = caps.q, r = caps.r;
  std::string head = "no balanced assignment exists because of conflicts: every reviewer must review " +
                     (r ? std::to_string(q) + " or " + std::to_string(q + 1) : std::to_string(q)) +
                     " applicants, and the conflicts leave room for only " + std::to_string(achieved) + " of the " +
                     std::to_string(int64_t{A} * R) + " reviews; ";
  // Applicant side: the cut's applicants U all of whose eligible reviewers lie in W.
  std::vector<int> U, W;
  bool closed = true;
  for (int a = 0; a < A; ++a)
    if (side[1 + a]) {
      U.push_back(a);
      for (int i = e.start[a]; i < e.start[a + 1]; ++i) closed = closed && side[1 + A + e.elig[i]];
    }
  for (int x = 0; x < N; ++x)
    if (side[1 + A + x]) W.push_back(x);
  int64_t room = int64_t{q} * static_cast<int64_t>(W.size()) + std::min<int64_t>(r, W.size());
  if (!U.empty() && closed && int64_t{R} * static_cast<int64_t>(U.size()) > room)
    return head + "the " + std::to_string(U.size()) + " applicants " + names(applicants, U) +
           " need " + std::to_string(int64_t{R} * static_cast<int64_t>(U.size())) +
           " reviews but can only be reviewed by the " + std::to_string(W.size()) + " reviewers " +
           names(reviewers, W) + ", who can take at most " + std::to_string(room);
  // Reviewer side: the reviewers V outside the cut must take q each, from applicants
  // that can give each of them at most one review and at most R in all.
  std::vector<int> V, in_v(N, 0);
  for (int x = 0; x < N; ++x)
    if (!side[1 + A + x]) V.push_back(x), in_v[x] = 1;
  int64_t supply = 0, sources = 0;
  for (int a = 0; a < A; ++a) {
    int k = 0;
    for (int i = e.start[a]; i < e.start[a + 1]; ++i) k += in_v[e.elig[i]];
    supply += std::min(k, R), sources += k > 0;
  }
  int64_t need = int64_t{q} * static_cast<int64_t>(V.size());
  if (!V.empty() && supply < need)
    return head + "the " + std::to_string(V.size()) + " reviewers " + names(reviewers, V) +
           " must review at least " + std::to_string(need) + " applicants in all, but only " +
           std::to_string(sources) + " applicants have no conflict with them, and those can give them at most " +
           std::to_string(supply) + " reviews";
  std::vector<int> short_of;
  for (int a = 0; a < A; ++a)
    if (side[1 + a]) short_of.push_back(a);
  return head + "applicants in short supply of reviewers include " + names(applicants, short_of);
}

// Tarjan's bridges of the review graph (applicants 0..A-1, reviewers A..A+N-1), by
// edge id a*R+k; iterative since a path can be thousands of nodes long.
std::vector<char> bridges(const std::vector<std::vector<int>>& chosen, int A, int N, int R) {
  std::vector<std::vector<std::pair<int, int>>> adj(A + N);
  for (int a = 0; a < A; ++a)
    for (int k = 0; k < R; ++k) {
      adj[a].push_back({A + chosen[a][k], a * R + k});
      adj[A + chosen[a][k]].push_back({a, a * R + k});
    }
  std::vector<char> bridge(static_cast<size_t>(A) * R, 0);
  std::vector<int> disc(A + N, -1), low(A + N, 0), parent_edge(A + N, -1), it(A + N, 0), stack;
  int time = 0;
  for (int root = 0; root < A + N; ++root) {
    if (disc[root] >= 0 || adj[root].empty()) continue;
    disc[root] = low[root] = time++;
    stack.push_back(root);
    while (!stack.empty()) {
      int v = stack.back();
      if (it[v] < static_cast<int>(adj[v].size())) {
        auto [w, id] = adj[v][it[v]++];
        if (id == parent_edge[v]) continue;
        if (disc[w] < 0) {
          disc[w] = low[w] = time++;
          parent_edge[w] = id;
          stack.push_back(w);
        } else {
          low[v] = std::min(low[v], disc[w]);
        }
      } else {
        stack.pop_back();
        if (!stack.empty()) {
          int u = stack.back();
          low[u] = std::min(low[u], low[v]);
          if (low[v] > disc[u]) bridge[parent_edge[v]] = 1;
        }
      }
    }
  }
  return bridge;
}

// Component root per node (applicants 0..A-1, reviewers A..A+N-1) and how many
// components hold an applicant; every reviewer in use hangs off one.
int components(const std::vector<std::vector<int>>& chosen, int A, int N, std::vector<int>* comp) {
  UnionFind uf(A + N);
  for (int a = 0; a < A; ++a)
    for (int x : chosen[a]) uf.unite(a, A + x);
  comp->assign(A + N, 0);
  int count = 0;
  for (int v = 0; v < A + N; ++v) {
    (*comp)[v] = uf.find(v);
    count += v < A && (*comp)[v] == v;  // the union keeps the smallest index as root
  }
  return count;
}

// Joins components by moves that keep every constraint but connectivity. Let a1 lie
// in component C1 with a reviewer x1 whose edge is no bridge, so that C1 stays whole
// without it. Then either
//  - swap: a2 in another component C2 gives its x2 to a1 and takes x1 (loads do not
//    change; both halves of C2, if the edge a2-x2 was a bridge, attach to C1), or
//  - shift: a1 drops x1 (load q+1) for x2 (load q) of another component, which moves
//    one of the r "+1" loads and so keeps the balance.
// Each move merges two components. Returns false when no move respects the conflicts.
bool connect(std::vector<std::vector<int>>& chosen, const Keys& keys, const Eligibility& e, const Caps& caps, int A,
             int N, int R) {
  std::vector<int> comp, load(N, 0);
  for (const std::vector<int>& mine : chosen)
    for (int x : mine) ++load[x];
  auto reaches_out = [&](int a) {  // both moves give a1 a reviewer of another component
    for (int i = e.start[a]; i < e.start[a + 1]; ++i)
      if (comp[A + e.elig[i]] != comp[a] && load[e.elig[i]] > 0) return true;
    return false;
  };
  while (components(chosen, A, N, &comp) > 1) {
    std::vector<char> bridge = bridges(chosen, A, N, R);
    bool moved = false;
    for (int a1 = 0; a1 < A && !moved; ++a1)
      for (int k1 = 0; k1 < R && !moved && (k1 > 0 || reaches_out(a1)); ++k1) {
        if (bridge[a1 * R + k1]) continue;
        int& x1 = chosen[a1][k1];
        for (int a2 = 0; a2 < A && !moved; ++a2) {
          if (comp[a2] == comp[a1] || !keys.eligible(a2, x1)) continue;
          for (int k2 = 0; k2 < R && !moved; ++k2)
            if (keys.eligible(a1, chosen[a2][k2])) std::swap(x1, chosen[a2][k2]), moved = true;
        }
        if (moved || load[x1] != caps.q + 1) continue;
        for (int x2 = 0; x2 < N && !moved; ++x2)
          if (load[x2] == caps.q && comp[A + x2] != comp[a1] && keys.eligible(a1, x2))
            --load[x1], ++load[x2], x1 = x2, moved = true;
      }
    if (!moved) return false;
  }
  return true;
}

std::string disconnected_reason(const Eligibility& e, const std::vector<std::vector<int>>& chosen, int A, int N,
                                const std::vector<Person>& applicants) {
  UnionFind uf(A + N);
  for (int a = 0; a < A; ++a)
    for (int i = e.start[a]; i < e.start[a + 1]; ++i) uf.unite(a, A + e.elig[i]);
  int groups = 0, other = -1;
  for (int v = 0; v < A + N; ++v) groups += uf.find(v) == v;
  // Every reviewer can review someone (checked before), so every group holds an applicant.
  for (int a = 1; a < A && other < 0; ++a)
    if (uf.find(a) != uf.find(0)) other = a;
  const std::string why = " so the calibration offsets of reviewers in different groups could not be compared";
  if (other >= 0)
    return "no connected assignment exists because of conflicts: they split applicants and reviewers into " +
           std::to_string(groups) + " groups with no possible review between them (e.g. " +
           label("applicant", applicants[0], 0) + origin(applicants[0]) + " and " +
           label("applicant", applicants[other], other) + origin(applicants[other]) +
           " can never be linked through shared reviewers)," + why;
  std::vector<int> comp;
  int parts = components(chosen, A, N, &comp);
  return "could not make the reviewer-applicant graph connected: balanced assignments split into " +
         std::to_string(parts) + " or more groups that no exchange of reviewers between applicants joins without a "
         "conflict," + why;
}

// A balanced assignment into *chosen: the greedy pass, then single exchanges, then,
// when those are not enough, max flow, which decides exactly whether one exists.
// "" or why none does.
std::string balance(const Keys& keys, const Eligibility& e, int A, int N, int R, uint64_t seed, Caps& caps,
                    std::vector<std::vector<int>>& chosen, const std::vector<Person>& applicants,
                    const std::vector<Person>& reviewers) {
  caps.extras = 0;
  caps.load.assign(N, 0);
  chosen.assign(A, {});
  // Exchanges cost O(N * A * R) per missing review: worth it for the usual handful;
  // many strandings mean a tight or impossible case, which only the flow settles.
  int stuck = greedy(e, A, R, seed, caps, chosen);
  if (stuck == 0 || (stuck <= 16 && exchange(keys, e, A, N, R, caps, chosen) == 0)) return "";
  // Nodes: 0 source, 1..A applicants, A+1..A+N reviewers, then the pool of the r "+1"
  // slots, then the sink. The greedy's picks are preloaded, so they stay unless a
  // reroute needs them.
  const int source = 0, pool = A + N + 1, sink = A + N + 2;
  MaxFlow flow(A + N + 3);
  std::vector<int> pair_edge(e.elig.size());
  int64_t achieved = 0;
  for (int a = 0; a < A; ++a) {
    flow.preload(flow.add(source, 1 + a, R), static_cast<int>(chosen[a].size()));
    achieved += static_cast<int64_t>(chosen[a].size());
    for (int i = e.start[a]; i < e.start[a + 1]; ++i) {
      pair_edge[i] = flow.add(1 + a, 1 + A + e.elig[i], 1);
      if (std::find(chosen[a].begin(), chosen[a].end(), e.elig[i]) != chosen[a].end()) flow.preload(pair_edge[i], 1);
    }
  }
  for (int x = 0; x < N; ++x) {
    flow.preload(flow.add(1 + A + x, sink, caps.q), std::min(caps.load[x], caps.q));
    if (caps.r) flow.preload(flow.add(1 + A + x, pool, 1), caps.load[x] - std::min(caps.load[x], caps.q));
  }
  if (caps.r) flow.preload(flow.add(pool, sink, caps.r), caps.extras);
  achieved += flow.run(source, sink);
  if (achieved < int64_t{A} * R) return explain_shortfall(flow, e, caps, A, N, R, achieved, applicants, reviewers);
  for (int a = 0; a < A; ++a) {
    chosen[a].clear();
    for (int i = e.start[a]; i < e.start[a + 1]; ++i)
      if (flow.flow(pair_edge[i])) chosen[a].push_back(e.elig[i]);
  }
  return "";
}

}  // namespace

std::string conflict(const Person& applicant, const Person& reviewer) {
  std::string why;
  std::string aff = trim_lower(applicant.affiliation);
  if (!aff.empty() && aff == trim_lower(reviewer.affiliation))
    why = "same affiliation '" + trimmed(applicant.affiliation) + "'";
  std::string dom = email_domain(applicant.email);
  if (!dom.empty() && dom == email_domain(reviewer.email))
    why += (why.empty() ? "" : " and ") + std::string("same email domain '") + dom + "'";
  return why;
}

Assignment assign_reviewers(const std::vector<Person>& applicants, const std::vector<Person>& reviewers,
                            const AssignmentOptions& options) {
  auto refuse = [](std::string why) { return Assignment{std::move(why), {}, {}}; };
  const int A = static_cast<int>(applicants.size()), N = static_cast<int>(reviewers.size());
  const int R = options.per_applicant;
  if (R < 1) return refuse("per_applicant must be at least 1 (got " + std::to_string(R) + ")");
  if (N == 0) return refuse("no reviewers: at least " + std::to_string(R) + " are needed to review each applicant");
  if (R > N)
    return refuse("per_applicant is " + std::to_string(R) + " but there are only " + std::to_string(N) +
                  " reviewers; each applicant needs " + std::to_string(R) + " distinct reviewers");
  const int64_t total = int64_t{A} * R;
  if (total > INT_MAX / 2) return refuse("too many reviews to assign (" + std::to_string(total) + ")");

  // A connected graph on A applicants and K reviewers in use needs A + K - 1 edges.
  // Balanced loads put every reviewer in use once total >= N, and otherwise give each
  // at most one applicant.
  const int64_t in_use = std::min<int64_t>(N, total);
  const std::string uncomparable = "calibration offsets (harsh vs lenient reviewers) could not be compared";
  if (A > 1 && total < int64_t{A} + in_use - 1) {
    if (R == 1)
      return refuse("per_applicant = 1 with " + std::to_string(N) +
                    " reviewers cannot give a connected reviewer-applicant graph: each applicant would be seen by "
                    "one reviewer only, so no two reviewers would ever score the same applicant and their " +
                    uncomparable + "; use per_applicant >= 2");
    if (total < N)
      return refuse(std::to_string(A) + " applicants x " + std::to_string(R) + " reviews = " +
                    std::to_string(total) + " reviews over " + std::to_string(N) +
                    " reviewers: balanced loads let no reviewer review two applicants, so no two applicants share a "
                    "reviewer and " + uncomparable + "; use fewer reviewers or more reviews per applicant");
    return refuse("a connected reviewer-applicant graph needs at least " + std::to_string(A + N - 1) +
                  " reviews to link " + std::to_string(A) + " applicants and " + std::to_string(N) +
                  " reviewers, but " + std::to_string(A) + " x " + std::to_string(R) + " gives only " +
                  std::to_string(total) + ", so " + uncomparable +
                  "; use fewer reviewers or more reviews per applicant");
  }

  const Keys keys(applicants, reviewers);
  const Eligibility e = eligibility(keys, A, N);
  std::vector<int> short_apps;
  for (int a = 0; a < A; ++a)
    if (e.count(a) < R) short_apps.push_back(a);
  if (!short_apps.empty()) {
    int a = short_apps[0], same_aff = 0, same_dom = 0;
    for (int x = 0; x < N; ++x) {
      same_aff += keys.app_aff[a] >= 0 && keys.app_aff[a] == keys.rev_aff[x];
      same_dom += keys.app_dom[a] >= 0 && keys.app_dom[a] == keys.rev_dom[x];
    }
    std::string by;
    if (same_aff) by = std::to_string(same_aff) + " by affiliation";
    if (same_dom) by += (by.empty() ? "" : ", ") + std::to_string(same_dom) + " by email domain";
    std::string more = short_apps.size() > 1
                           ? " (and " + std::to_string(short_apps.size() - 1) + " more applicants likewise)"
                           : "";
    return refuse(label("applicant", applicants[a], a) + origin(applicants[a]) + " has only " +
                  std::to_string(e.count(a)) + " of " + std::to_string(N) +
                  " reviewers without a conflict (conflicts: " + by + "); it needs " + std::to_string(R) + more);
  }

  Caps caps;
  caps.q = static_cast<int>(total / N), caps.r = static_cast<int>(total % N);
  for (int x = 0; x < N; ++x)
    if (e.reviewer_count[x] < caps.q)
      return refuse("no balanced assignment exists because of conflicts: " + label("reviewer", reviewers[x], x) +
                    origin(reviewers[x]) + " has a conflict with all but " + std::to_string(e.reviewer_count[x]) +
                    " applicants, yet balanced loads (" + std::to_string(A) + " applicants x " + std::to_string(R) +
                    " reviews over " + std::to_string(N) + " reviewers) need every reviewer to review at least " +
                    std::to_string(caps.q));

  // A balanced assignment can still split into components that no local move joins
  // (it takes a longer rotation of reviewers); other seeds lay the graph out afresh.
  // That rescues small cases; a large one that stays split is split by its structure
  // (e.g. loads that force one group's reviewers to serve only that group), and a
  // failed search can cost up to O(A^2 R^2), hence fewer retries there.
  const int attempts = total <= 2000 ? 8 : 2;
  std::vector<std::vector<int>> chosen;
  for (int attempt = 0;; ++attempt) {
    uint64_t seed = attempt ? mix(options.seed ^ mix(attempt)) : options.seed;
    if (std::string why = balance(keys, e, A, N, R, seed, caps, chosen, applicants, reviewers); !why.empty())
      return refuse(why);
    if (A <= 1 || connect(chosen, keys, e, caps, A, N, R)) break;
    std::string why = disconnected_reason(e, chosen, A, N, applicants);
    if (attempt + 1 == attempts || why.rfind("no connected assignment exists", 0) == 0) return refuse(why);
  }

  Assignment out;
  out.load.assign(N, 0);
  for (std::vector<int>& mine : chosen) {
    std::sort(mine.begin(), mine.end());
    for (int x : mine) ++out.load[x];
  }
  out.reviewers_of = std::move(chosen);
  return out;
}

}  // namespace review
