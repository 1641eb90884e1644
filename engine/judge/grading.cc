#include "judge/judging.h"

#include <cmath>
#include <fstream>

namespace engine {

JudgeResult Judging::grade_scoring_2025() {
  std::map<std::string, Verdict> outcome;  // "sample", "secret/g1": AC if all its cases were accepted
  const package::TestGroup *sample = nullptr, *secret = nullptr;
  for (const package::TestGroup& g : p_.data.groups) (g.name == "sample" ? sample : secret) = &g;
  if (sample) {
    const TestArgs args = test_args(p_, sample->settings);
    Verdict v = Verdict::AC;
    for (const package::TestCase* tc : sample->cases_in_order()) {
      CaseRun c = run_case(*tc, args);  // score files on samples are ignored, as the format says
      if (v == Verdict::AC) v = c.verdict;
    }
    outcome["sample"] = v;
  }
  graders::Scored total;
  if (secret && secret->groups.empty()) {
    total = grade_scored_group(*secret, outcome);
  } else if (secret) {
    std::vector<graders::Scored> groups;
    size_t top = result_.groups.size();
    if (gate(*secret, outcome, &total).note.empty()) {
      for (const package::TestGroup& g : secret->groups) {
        if (graders::decided(secret->scoring, groups)) break;
        groups.push_back(grade_scored_group(g, outcome));
      }
      total = graders::aggregate(secret->scoring, groups, "secret");
    }
    result_.groups[top].verdict = total.verdict;
    result_.groups[top].score = total.score;
  }
  result_.score = total.score;
  result_.max_score = secret && secret->scoring.max_score ? *secret->scoring.max_score : total.score;
  result_.verdict = Verdict::AC;
  for (const TestResult& t : result_.tests)
    if (t.verdict != Verdict::AC) {
      result_.verdict = t.verdict;
      if (result_.message.empty() && t.verdict == Verdict::JE) result_.message = t.name + ": " + t.message;
      break;
    }
  if (total.verdict == Verdict::JE) {
    result_.verdict = Verdict::JE;
    if (!total.error.empty()) result_.message = total.error;
  }
  return result_;
}

GroupScore& Judging::gate(const package::TestGroup& g, const std::map<std::string, Verdict>& outcome,
                          graders::Scored* skipped) {
  result_.groups.push_back({g.name, Verdict::AC, 0, g.scoring.max_score, ""});
  GroupScore& gs = result_.groups.back();
  for (const std::string& required : g.scoring.require_pass) {
    auto it = outcome.find(required);
    Verdict v = it == outcome.end() ? Verdict::JE : it->second;
    if (v == Verdict::AC) continue;
    gs.verdict = skipped->verdict = v;
    gs.note = "not run: it requires " + required + ", which was not passed";
    break;
  }
  return gs;
}

graders::Scored Judging::grade_scored_group(const package::TestGroup& g, std::map<std::string, Verdict>& outcome) {
  graders::Scored result;
  size_t at = result_.groups.size();
  if (gate(g, outcome, &result).note.empty()) {
    const TestArgs args = test_args(p_, g.settings);
    std::vector<const package::TestCase*> cases = g.cases_in_order();
    graders::CaseLimit limit = graders::case_limit(g.scoring, cases.size());
    std::vector<graders::Scored> scored;
    for (const package::TestCase* tc : cases) {
      if (graders::decided(g.scoring, scored)) break;
      CaseRun c = run_case(*tc, args);
      scored.push_back(graders::score_case(c.verdict, c.files, limit));
      if (scored.back().verdict == Verdict::JE && c.verdict != Verdict::JE) {
        judge_error_at(c.test, scored.back().error);
        scored.back().error = tc->name + ": " + scored.back().error;
      }
    }
    result = graders::aggregate(g.scoring, scored, g.name);
  }
  result_.groups[at].verdict = result.verdict;
  result_.groups[at].score = result.score;
  outcome[g.name] = result.verdict;
  return result;
}

void Judging::judge_error_at(size_t test, const std::string& why) {
  result_.tests[test].verdict = Verdict::JE;
  result_.tests[test].message = why;
}

graders::GroupResult Judging::grade(const package::TestGroup& g) {
  const TestArgs args = test_args(p_, g.settings);  // once per group, not per case
  auto child = [&](size_t i) {
    auto [is_group, index] = g.order[i];
    if (is_group) {
      graders::GroupResult sub = grade(g.groups[index]);
      return graders::ChildResult{sub.result.verdict, sub.result.score};
    }
    return legacy_case(run_case(g.cases[index], args));
  };
  // Scoring problems list their groups' scores (placed before their subgroups').
  size_t at = result_.groups.size();
  bool listed = p_.config.scoring && !g.name.empty();
  if (listed) {
    std::optional<double> max;
    if (std::isfinite(g.settings.range_high)) max = g.settings.range_high;
    result_.groups.push_back({g.name, Verdict::AC, 0, max, ""});
  }
  graders::GroupResult r =
      g.settings.custom_grading
          ? graders::grade_group(g.settings, g.order.size(), child,
                                 [&](const std::vector<graders::Result>& subs, std::string* error) {
                                   return run_grader(subs, g.settings, error);
                                 })
          : graders::grade_group(g.settings, g.order.size(), child);
  if (listed) {
    result_.groups[at].verdict = r.result.verdict;
    result_.groups[at].score = r.result.score;
    if (r.children_judged < g.order.size())
      result_.groups[at].note = "stopped after " + std::to_string(r.children_judged) + " of " +
                                std::to_string(g.order.size()) + " (on_reject: break)";
  }
  return r;
}

std::optional<graders::Result> Judging::run_grader(const std::vector<graders::Result>& subs,
                                                   const graders::GroupSettings& settings, std::string* error) {
  if (!grader_built_) {
    grader_built_ = true;
    std::vector<std::string> entries = sorted_visible(p_.dir + "/graders");
    if (entries.empty()) {
      *error = "grading: custom, but graders/ is empty or missing";
      return std::nullopt;
    }
    grader_error_ = grader_.build(package_program_spec(opt_.box_binary, p_.dir + "/graders/" + entries[0],
                                                       opt_.languages, p_.config.limits, scratch_ + "/gcompile",
                                                       opt_.cache_dir));
    count_build(grader_);
  }
  if (!grader_error_.empty()) {
    *error = "grader: " + grader_error_;
    return std::nullopt;
  }
  std::string in = scratch_ + "/grader.in", out = scratch_ + "/grader.out";
  {
    std::ofstream f(in);
    f << graders::grader_input(subs);
  }
  BoxRequest r;
  r.argv = grader_.argv();
  for (const std::string& flag : graders::split_flags(settings.grader_flags)) r.argv.push_back(flag);
  r.cpu_s = p_.config.limits.validation_time_s;
  r.memory_bytes = grader_.memory_bytes(p_.config.limits.validation_memory_mib);
  r.stdin_path = in;
  r.stdout_path = out;
  r.stderr_path = scratch_ + "/grader.err";
  BoxReport b = grader_.box().run(r);
  if (b.status != "OK") {
    *error = "grader: " + (b.status == "RE" ? "exit code " + std::to_string(b.exit_code) : b.message);
    return std::nullopt;
  }
  graders::Result result;
  if (std::string e = graders::parse_grader_output(read_file(out, 4096), &result); !e.empty()) {
    *error = e;
    return std::nullopt;
  }
  return result;
}

graders::ChildResult Judging::legacy_case(const CaseRun& c) {
  std::string why;
  std::optional<double> score;
  if (c.files.score && !c.files.score->empty()) {
    if (!p_.config.custom_score) why = "output validator wrote score.txt without validation: custom score";
    else if (c.verdict != Verdict::AC) why = "output validator wrote score.txt on a rejected case";
    else score = std::strtod(c.files.score->c_str(), nullptr);
  } else if (p_.config.scoring && p_.config.custom_score && c.verdict == Verdict::AC) {
    why = "validation: custom score, but the output validator wrote no score.txt";
  }
  if (why.empty()) return graders::ChildResult{c.verdict, score};
  judge_error_at(c.test, why);
  return graders::ChildResult{Verdict::JE, std::nullopt};
}

}  // namespace engine
