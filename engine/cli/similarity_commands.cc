#include "cli/similarity_commands.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/campaign_commands.h"
#include "similarity/batch.h"
#include "store/similarity_store.h"

namespace cli {
namespace {

constexpr int kExitRefused = 1;
constexpr int kExitBadArguments = 2;
constexpr size_t kPairsShown = 20;  // per problem, in the text output
// Pairs at or above this (or the threshold, if lower) are stored: the flagged ones
// and the near misses a reviewer may want to compare. --json prints every pair
// above the batch's floor; storing hundreds of thousands of weak pairs helps nobody.
constexpr double kStoredFloor = 0.5;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// "; 2.3 of them expected by chance" (the tail model's count of alike, not copied,
// pairs at the threshold), or nothing when there were too few pairs to fit it.
std::string chance_note(const similarity::BatchResult& r) {
  if (!r.chance_flagged) return "";
  char text[96];
  std::snprintf(text, sizeof text, "; %.1f of them expected by chance", *r.chance_flagged);
  return text;
}

void write_chance(Writer& w, const similarity::BatchResult& r) {
  w.Key("chance_flagged");
  if (r.chance_flagged)
    w.Double(std::round(*r.chance_flagged * 10) / 10);
  else
    w.Null();
}

double floor_of(const SimilarityCommands& s) { return s.floor >= 0 ? s.floor : similarity::BatchOptions{}.floor; }

// The pairs printed: from the --floor asked for, and every flagged pair even below it.
struct Printed {
  double from = 0;
  size_t count = 0;
};
Printed printed_pairs(const SimilarityCommands& s, const similarity::BatchResult& r) {
  Printed out;
  out.from = std::min(floor_of(s), r.threshold);
  for (const similarity::Pair& p : r.pairs) out.count += p.score >= out.from;
  return out;
}

double rounded(double x) { return std::round(x * 1e4) / 1e4; }

void write_lines(Writer& w, const char* key, int first, int last) {
  w.Key(key);
  w.StartArray();
  w.Int(first);
  w.Int(last);
  w.EndArray();
}

void write_matches(Writer& w, const std::vector<similarity::Match>& matches) {
  w.Key("matches");
  w.StartArray();
  for (const similarity::Match& m : matches) {
    w.StartObject();
    w.Key("tokens");
    w.Uint(m.tokens);
    write_lines(w, "a_lines", m.a_first, m.a_last);
    write_lines(w, "b_lines", m.b_first, m.b_last);
    w.EndObject();
  }
  w.EndArray();
}

void write_scores(Writer& w, const similarity::Pair& p, double threshold) {
  w.Key("score");
  w.Double(rounded(p.score));
  w.Key("jaccard");
  w.Double(rounded(p.jaccard));
  w.Key("longest");
  w.Uint(p.longest);
  w.Key("flagged");
  w.Bool(p.score >= threshold);
}

void print_pair(const similarity::Pair& p, const std::string& a, const std::string& b) {
  std::printf("  %.2f  %s ~ %s  (longest %u tokens)\n", p.score, a.c_str(), b.c_str(), p.longest);
  for (const similarity::Match& m : p.matches)
    std::printf("        lines %d-%d ~ %d-%d  (%u tokens)\n", m.a_first, m.a_last, m.b_first, m.b_last, m.tokens);
}

std::optional<similarity::Language> language_of_path(const std::string& path) {
  size_t dot = path.rfind('.');
  return dot == std::string::npos ? std::nullopt : similarity::language_named(path.substr(dot + 1));
}

int similarity_of_files(const SimilarityCommands& s) {
  std::vector<std::string> texts;
  std::vector<similarity::Solution> solutions;
  texts.reserve(s.files.size());
  for (const std::string& path : s.files) {
    std::optional<similarity::Language> lang = language_of_path(path);
    if (!lang) {
      std::fprintf(stderr, "shortlist similarity: %s: unknown language (expected .py, .c, .cc/.cpp, .java, .js)\n",
                   path.c_str());
      return kExitBadArguments;
    }
    std::optional<std::string> text = read_text(path);
    if (!text) {
      std::fprintf(stderr, "shortlist similarity: %s: cannot be read\n", path.c_str());
      return kExitBadArguments;
    }
    texts.push_back(std::move(*text));
    solutions.push_back({static_cast<int>(solutions.size()), *lang, {}});
  }
  for (size_t i = 0; i < texts.size(); ++i) solutions[i].text = texts[i];
  similarity::BatchOptions o;
  o.k = s.k > 0 ? s.k : 12;
  o.w = s.w > 0 ? s.w : 8;
  o.floor = std::min(floor_of(s), similarity::kMinRelativeThreshold);  // (flagged pairs are always printed)
  similarity::BatchResult r = similarity::compare_batch(solutions, {}, o);
  const Printed printed = printed_pairs(s, r);

  if (s.json) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    w.Key("pairs");
    w.StartArray();
    for (const similarity::Pair& p : r.pairs) {
      if (p.score < printed.from) continue;
      w.StartObject();
      w.Key("a");
      w.String(s.files[static_cast<size_t>(p.a)].c_str());
      w.Key("b");
      w.String(s.files[static_cast<size_t>(p.b)].c_str());
      write_scores(w, p, r.threshold);
      write_matches(w, p.matches);
      w.EndObject();
    }
    w.EndArray();
    w.Key("clusters");
    w.StartArray();
    for (const std::vector<int>& g : r.clusters) {
      w.StartArray();
      for (int d : g) w.String(s.files[static_cast<size_t>(d)].c_str());
      w.EndArray();
    }
    w.EndArray();
    w.Key("threshold");
    w.Double(rounded(r.threshold));
    write_chance(w, r);
    w.Key("k");
    w.Int(o.k);
    w.Key("w");
    w.Int(o.w);
    w.EndObject();
    std::printf("%s\n", buf.GetString());
    return 0;
  }
  std::printf("%zu files, %zu pairs above %.2f, flagged at %.2f%s (k %d, w %d)\n", solutions.size(),
              printed.count, printed.from, r.threshold, chance_note(r).c_str(), o.k, o.w);
  for (const similarity::Pair& p : r.pairs)
    if (p.score >= r.threshold) print_pair(p, s.files[static_cast<size_t>(p.a)], s.files[static_cast<size_t>(p.b)]);
  for (const std::vector<int>& g : r.clusters) {
    std::printf("  cluster:");
    for (int d : g) std::printf(" %s", s.files[static_cast<size_t>(d)].c_str());
    std::printf("\n");
  }
  return 0;
}

// One problem of the campaign: compared, stored, and said (as text, or into `w`).
// false (after saying why) if a starter file cannot be read or the store refuses.
bool compare_problem(const campaign::Campaign& c, const std::string& problem, const SimilarityCommands& s,
                     store::SimilarityStore& st, Writer* w) {
  const campaign::SimilarityConfig& cfg = c.similarity;
  // Starter code: read first, so that a missing file stops before anything changes.
  std::vector<std::string> starter_texts;
  std::vector<similarity::Starter> starter;
  std::string starter_list;
  auto listed = cfg.starter.find(problem);
  if (listed != cfg.starter.end())
    for (const std::string& f : listed->second) {
      std::string path = c.path_in(f);
      std::optional<similarity::Language> lang = language_of_path(path);
      std::optional<std::string> text = lang ? read_text(path) : std::nullopt;
      if (!text) {
        std::fprintf(stderr, "%s/campaign.yaml: similarity.starter.%s: %s %s\n", c.dir.c_str(), problem.c_str(),
                     path.c_str(), lang ? "cannot be read" : "is in no language similarity reads (.py .c .cc .cpp .java .js)");
        return false;
      }
      starter_texts.push_back(std::move(*text));
      starter.push_back({*lang, {}});
      starter_list += (starter_list.empty() ? "" : ";") + f;
    }
  for (size_t i = 0; i < starter.size(); ++i) starter[i].text = starter_texts[i];

  std::vector<store::SubmittedSource> subs = st.sources(problem);
  std::map<std::string, int> owner_of;
  std::vector<similarity::Solution> solutions;
  std::vector<size_t> sub_of;  // solution index -> subs index
  std::map<std::string, int> unread;  // language -> submissions similarity does not read
  for (size_t i = 0; i < subs.size(); ++i) {
    std::optional<similarity::Language> lang = similarity::language_named(subs[i].language);
    if (!lang) {
      ++unread[subs[i].language];
      continue;
    }
    auto [it, fresh] = owner_of.emplace(subs[i].applicant_id, static_cast<int>(owner_of.size()));
    solutions.push_back({it->second, *lang, subs[i].source});
    sub_of.push_back(i);
  }
  similarity::BatchOptions o;
  o.k = s.k > 0 ? s.k : cfg.k;
  o.w = s.w > 0 ? s.w : cfg.w;
  o.max_share = cfg.max_share;
  if (cfg.threshold > 0) o.threshold = cfg.threshold;
  // What is stored (from kStoredFloor, or a lower fixed threshold) needs its evidence
  // whatever floor the printing asked for; what is printed starts at that floor.
  o.floor = std::min({floor_of(s), kStoredFloor, o.threshold.value_or(1.0)});
  similarity::BatchResult r = similarity::compare_batch(solutions, starter, o);
  const Printed printed = printed_pairs(s, r);

  // Each flagged pair's cluster (1-based, largest cluster first).
  std::vector<int> cluster_of(solutions.size(), 0);
  for (size_t g = 0; g < r.clusters.size(); ++g)
    for (int d : r.clusters[g]) cluster_of[static_cast<size_t>(d)] = static_cast<int>(g + 1);
  store::SimilarityRun run;
  run.problem_id = problem;
  run.threshold = r.threshold;
  run.threshold_fixed = r.threshold_fixed;
  run.chance_flagged = r.chance_flagged;
  run.k = o.k;
  run.w = o.w;
  run.submissions = static_cast<int64_t>(subs.size());
  run.clusters = static_cast<int64_t>(r.clusters.size());
  run.starter = starter_list;
  size_t flagged = 0;
  for (const similarity::Pair& p : r.pairs) {
    flagged += p.score >= r.threshold;
    if (p.score < std::min(r.threshold, kStoredFloor)) continue;
    store::SimilarPair sp;
    sp.submission_a = subs[sub_of[static_cast<size_t>(p.a)]].submission_id;
    sp.submission_b = subs[sub_of[static_cast<size_t>(p.b)]].submission_id;
    sp.score = p.score;
    sp.jaccard = p.jaccard;
    sp.longest = p.longest;
    sp.flagged = p.score >= r.threshold;
    sp.cluster = sp.flagged ? cluster_of[static_cast<size_t>(p.a)] : 0;
    for (const similarity::Match& m : p.matches)
      sp.matches.push_back({m.tokens, m.a_first, m.a_last, m.b_first, m.b_last});
    run.pairs.push_back(std::move(sp));
  }
  if (std::string e = st.replace_run(run); !e.empty()) {
    std::fprintf(stderr, "shortlist similarity: problem %s: not stored: %s\n", problem.c_str(), e.c_str());
    return false;
  }

  const auto& sub = [&](int d) -> const store::SubmittedSource& { return subs[sub_of[static_cast<size_t>(d)]]; };
  if (w == nullptr) {
    std::printf("%s: %zu submissions by %zu applicants, %zu pairs above %.2f, %zu flagged at %.2f (%s%s), %zu "
                "clusters (k %d, w %d%s)\n",
                problem.c_str(), subs.size(), owner_of.size(), printed.count, printed.from, flagged, r.threshold,
                r.threshold_fixed ? "campaign.yaml" : "relative to this problem's scores", chance_note(r).c_str(),
                r.clusters.size(), o.k,
                o.w, starter.empty() ? "" : (", starter: " + starter_list).c_str());
    for (const auto& [lang, n] : unread)
      std::printf("  %d submissions in %s: not compared (similarity reads .py .c .cc .cpp .java .js)\n", n, lang.c_str());
    // The strongest flagged pairs; all of them are stored (and in --json).
    std::vector<const similarity::Pair*> shown;
    for (const similarity::Pair& p : r.pairs)
      if (p.score >= r.threshold) shown.push_back(&p);
    std::stable_sort(shown.begin(), shown.end(),
                     [](const similarity::Pair* x, const similarity::Pair* y) { return x->score > y->score; });
    for (size_t i = 0; i < shown.size() && i < kPairsShown; ++i)
      print_pair(*shown[i], sub(shown[i]->a).applicant_id + " (try " + std::to_string(sub(shown[i]->a).attempt) + ")",
                 sub(shown[i]->b).applicant_id + " (try " + std::to_string(sub(shown[i]->b).attempt) + ")");
    if (shown.size() > kPairsShown)
      std::printf("  ... and %zu more flagged pairs (all in --json and in `shortlist rank`'s report)\n",
                  shown.size() - kPairsShown);
    for (const std::vector<int>& g : r.clusters) {
      std::printf("  cluster:");
      for (int d : g) std::printf(" %s", sub(d).applicant_id.c_str());
      std::printf("\n");
    }
    return true;
  }
  w->StartObject();
  w->Key("id");
  w->String(problem.c_str());
  w->Key("submissions");
  w->Uint64(subs.size());
  w->Key("applicants");
  w->Uint64(owner_of.size());
  w->Key("not_compared");
  w->StartObject();
  for (const auto& [lang, n] : unread) {
    w->Key(lang.c_str());
    w->Int(n);
  }
  w->EndObject();
  w->Key("threshold");
  w->Double(rounded(r.threshold));
  w->Key("threshold_fixed");
  w->Bool(r.threshold_fixed);
  write_chance(*w, r);
  w->Key("k");
  w->Int(o.k);
  w->Key("w");
  w->Int(o.w);
  w->Key("starter");
  w->StartArray();
  if (listed != cfg.starter.end())
    for (const std::string& f : listed->second) w->String(f.c_str());
  w->EndArray();
  w->Key("flagged");
  w->Uint64(flagged);
  w->Key("pairs");
  w->StartArray();
  for (const similarity::Pair& p : r.pairs) {
    if (p.score < printed.from) continue;
    w->StartObject();
    w->Key("a");
    w->String(sub(p.a).applicant_id.c_str());
    w->Key("b");
    w->String(sub(p.b).applicant_id.c_str());
    w->Key("attempt_a");
    w->Int(sub(p.a).attempt);
    w->Key("attempt_b");
    w->Int(sub(p.b).attempt);
    write_scores(*w, p, r.threshold);
    w->Key("cluster");
    w->Int(p.score >= r.threshold ? cluster_of[static_cast<size_t>(p.a)] : 0);
    write_matches(*w, p.matches);
    w->EndObject();
  }
  w->EndArray();
  w->Key("clusters");
  w->StartArray();
  for (const std::vector<int>& g : r.clusters) {
    w->StartArray();
    for (int d : g) w->String(sub(d).applicant_id.c_str());
    w->EndArray();
  }
  w->EndArray();
  w->EndObject();
  return true;
}

int similarity_of_campaign(const SimilarityCommands& s) {
  std::optional<Opened> o = open_campaign(s.campaign_dir);
  if (!o) return kExitRefused;
  if (!s.problem.empty() && o->campaign.problem(s.problem) == nullptr) {
    std::fprintf(stderr, "shortlist similarity: --problem %s: not one of the campaign's problems\n", s.problem.c_str());
    return kExitBadArguments;
  }
  std::string error;
  std::unique_ptr<store::SimilarityStore> st =
      store::open_sqlite_similarity_store(o->campaign.dir + "/shortlist.db", &error);
  if (!st) {
    std::fprintf(stderr, "shortlist similarity: %s\n", error.c_str());
    return kExitRefused;
  }
  // JSON: {"floor": F, "problems": [...]}, each problem's object written and printed
  // in turn (one problem's pairs can run to tens of MB; all of them need not be held).
  if (s.json) std::printf("{\"floor\":%g,\"problems\":[", rounded(floor_of(s)));
  bool first = true;
  for (const campaign::ProblemRef& p : o->campaign.problems) {
    if (!s.problem.empty() && p.id != s.problem) continue;
    rapidjson::StringBuffer buf;
    Writer w(buf);
    if (!compare_problem(o->campaign, p.id, s, *st, s.json ? &w : nullptr)) return kExitRefused;
    if (s.json) {
      std::printf("%s%s", first ? "" : ",", buf.GetString());
      first = false;
    }
  }
  if (s.json) {
    std::printf("]}\n");
  } else {
    std::printf("stored in %s/shortlist.db: `shortlist rank` shows the flagged pairs side by side in report.html "
                "(flags are evidence for reviewers; they change no score)\n",
                o->campaign.dir.c_str());
  }
  return 0;
}

}  // namespace

void add_similarity_commands(CLI::App& app, SimilarityCommands* s) {
  s->similarity = app.add_subcommand(
      "similarity",
      "Find near-copies among solutions: renamed identifiers, reordered functions and changed comments do not hide "
      "them. Without --files: the campaign's submissions, per problem (starter code and settings from campaign.yaml's "
      "similarity: section), stored for `shortlist rank`, whose report shows flagged pairs side by side. With --files: "
      "loose source files. Prints each pair above a low floor (0.4; --floor) with its score (shared fingerprints over the "
      "shorter solution's), the longest equal run and the matching lines, the clusters, and the threshold that flags "
      "a pair (relative to the batch's own scores unless campaign.yaml fixes one). Flags change no score.");
  s->similarity->add_option("--files", s->files, "FILE...  loose sources (.py, .c, .cc/.cpp, .java, .js) instead of "
                                                 "the campaign's submissions")
      ->expected(2, 1 << 20);
  s->similarity->add_option("--campaign", s->campaign_dir, "DIR  the campaign directory (default: the current one)");
  s->similarity->add_option("--problem", s->problem, "P  only this problem of the campaign");
  s->similarity->add_flag("--json", s->json,
                          "print JSON: with --files {pairs: [{a, b, score, jaccard, longest, flagged, matches}], "
                          "clusters, threshold, chance_flagged, k, w}; for the campaign {floor, problems: [{id, "
                          "submissions, threshold, chance_flagged, k, w, starter, flagged, pairs: [{a, b, attempt_a, attempt_b, score, ...}], "
                          "clusters}]}");
  s->similarity->add_option("--floor", s->floor, "X  print the pairs scoring at least X (default 0.4; the threshold "
                                                 "is fitted on the pairs from 0.25 whatever X is)")
      ->check(CLI::Range(0.0, 1.0));
  s->similarity->add_option("--k", s->k, "K  tokens per fingerprinted k-gram (default: campaign.yaml's, else 12)")
      ->check(CLI::Range(3, 100));
  s->similarity->add_option("--w", s->w, "W  winnowing window (default: campaign.yaml's, else 8): every equal run of "
                                         "W + K - 1 tokens is found")
      ->check(CLI::Range(1, 100));
}

std::optional<int> run_similarity_command(const SimilarityCommands& s) {
  if (!s.similarity->parsed()) return std::nullopt;
  if (!s.files.empty()) {
    if (!s.problem.empty() || s.campaign_dir != ".") {
      std::fprintf(stderr, "shortlist similarity: --files compares loose files: --problem and --campaign do not apply\n");
      return kExitBadArguments;
    }
    return similarity_of_files(s);
  }
  return similarity_of_campaign(s);
}

}  // namespace cli
