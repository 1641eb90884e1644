// `shortlist grade`: the dispatcher. It claims jobs from the campaign's store with
// a lease and judges them on N worker slots (never more than the cores: one timed
// run per slot at a time), each slot with its own store connection and its own
// resident boxes. A Boost.Asio loop on the calling thread keeps the leases of the
// running jobs alive, prints progress, and turns SIGINT/SIGTERM into "finish the
// running jobs, claim no more".
//
// Contract (with store.h's): a judging is written in the transaction that
// finishes its job; a job whose worker dies (kill -9 of the whole grader) is
// claimed again once its lease runs out; identical (source, language, problem,
// generation) submissions are judged once; a package that cannot be loaded gives
// its jobs an IE judging saying why, instead of a retry loop.
#pragma once

#include <cstdint>
#include <string>

#include "campaign/campaign.h"
#include "languages/languages.h"

namespace dispatch {

struct GradeOptions {
  int workers = 0;          // 0: one per core
  bool follow = false;      // keep running and pick up new submissions
  double lease_s = 30;      // a dead grader's jobs are claimed again after this
  std::string box_binary;   // shortlist-box
  const engine::LanguageTable* languages = nullptr;
  bool terminal = false;    // a progress bar (else a plain line now and then)
};

struct GradeSummary {
  int64_t judged = 0, reused = 0, stale = 0, internal_errors = 0;
  int64_t builds = 0, builds_from_cache = 0;  // compile steps asked for, and served by the compile cache
  bool interrupted = false;
};

GradeSummary grade(const campaign::Campaign& campaign, const GradeOptions& options);

}  // namespace dispatch
