#include "cli/similarity_commands.h"

#include <cmath>
#include <cstdio>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "cli/campaign_commands.h"
#include "similarity/pairs.h"

namespace cli {
namespace {

constexpr int kExitRefused = 1;
constexpr int kExitBadArguments = 2;

int similarity_of_files(const SimilarityCommands& s) {
  std::vector<similarity::Document> docs;
  for (const std::string& path : s.files) {
    size_t dot = path.rfind('.');
    std::optional<similarity::Language> lang =
        dot == std::string::npos ? std::nullopt : similarity::language_named(path.substr(dot + 1));
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
    docs.push_back(similarity::fingerprint(*text, *lang, s.k, s.w));
  }
  similarity::PairOptions o;
  o.k = s.k;
  // A handful of files says nothing about boilerplate; a batch does.
  o.max_share = docs.size() < 20 ? 1.0 : 0.1;
  o.floor = 0.1;
  std::vector<similarity::Pair> pairs = similarity::find_pairs(docs, {}, o);
  std::vector<double> scores;
  for (const similarity::Pair& p : pairs) scores.push_back(p.score);
  double threshold = similarity::relative_threshold(scores);
  std::vector<std::vector<int>> groups = similarity::clusters(static_cast<int>(docs.size()), pairs, threshold);

  if (s.json) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("pairs");
    w.StartArray();
    for (const similarity::Pair& p : pairs) {
      w.StartObject();
      w.Key("a");
      w.String(s.files[static_cast<size_t>(p.a)].c_str());
      w.Key("b");
      w.String(s.files[static_cast<size_t>(p.b)].c_str());
      w.Key("score");
      w.Double(std::round(p.score * 1e4) / 1e4);
      w.Key("jaccard");
      w.Double(std::round(p.jaccard * 1e4) / 1e4);
      w.Key("longest");
      w.Uint(p.longest);
      w.Key("flagged");
      w.Bool(p.score >= threshold);
      w.Key("matches");
      w.StartArray();
      for (const similarity::Match& m : p.matches) {
        w.StartObject();
        w.Key("tokens");
        w.Uint(m.tokens);
        w.Key("a_lines");
        w.StartArray();
        w.Int(m.a_first);
        w.Int(m.a_last);
        w.EndArray();
        w.Key("b_lines");
        w.StartArray();
        w.Int(m.b_first);
        w.Int(m.b_last);
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("clusters");
    w.StartArray();
    for (const std::vector<int>& g : groups) {
      w.StartArray();
      for (int d : g) w.String(s.files[static_cast<size_t>(d)].c_str());
      w.EndArray();
    }
    w.EndArray();
    w.Key("threshold");
    w.Double(std::round(threshold * 1e4) / 1e4);
    w.Key("k");
    w.Int(s.k);
    w.Key("w");
    w.Int(s.w);
    w.EndObject();
    std::printf("%s\n", buf.GetString());
    return 0;
  }
  std::printf("%zu files, %zu pairs above %.2f, flagged at %.2f (k %d, w %d)\n", docs.size(), pairs.size(), o.floor,
              threshold, s.k, s.w);
  for (const similarity::Pair& p : pairs) {
    if (p.score < threshold) continue;
    std::printf("  %.2f  %s ~ %s  (longest %u tokens)\n", p.score, s.files[static_cast<size_t>(p.a)].c_str(),
                s.files[static_cast<size_t>(p.b)].c_str(), p.longest);
    for (const similarity::Match& m : p.matches)
      std::printf("        lines %d-%d ~ %d-%d  (%u tokens)\n", m.a_first, m.a_last, m.b_first, m.b_last, m.tokens);
  }
  for (const std::vector<int>& g : groups) {
    std::printf("  cluster:");
    for (int d : g) std::printf(" %s", s.files[static_cast<size_t>(d)].c_str());
    std::printf("\n");
  }
  return 0;
}

}  // namespace

void add_similarity_commands(CLI::App& app, SimilarityCommands* s) {
  s->similarity = app.add_subcommand(
      "similarity", "Find near-copies among source files: renamed identifiers, reordered functions and changed "
                    "comments do not hide them. Prints each pair above a low floor with its score (shared "
                    "fingerprints over the shorter file's), the longest equal run and the matching lines, the "
                    "clusters, and the threshold that flags a pair (relative to these files' own scores).");
  s->similarity->add_option("--files", s->files, "FILE...  the sources (.py, .c, .cc/.cpp, .java, .js)")
      ->required()
      ->expected(2, 1 << 20);
  s->similarity->add_flag("--json", s->json, "print {pairs: [{a, b, score, jaccard, longest, flagged, matches}], "
                                             "clusters, threshold, k, w}");
  s->similarity->add_option("--k", s->k, "K  tokens per fingerprinted k-gram (default 12)")->check(CLI::Range(3, 100));
  s->similarity->add_option("--w", s->w, "W  winnowing window (default 8): every equal run of W + K - 1 tokens is "
                                         "found")
      ->check(CLI::Range(1, 100));
}

std::optional<int> run_similarity_command(const SimilarityCommands& s) {
  if (s.similarity->parsed()) return similarity_of_files(s);
  return std::nullopt;
}

}  // namespace cli
