// Winnowing (Schleimer, Wilkerson, Aiken 2003, the method behind MOSS): hash every
// k-gram of tokens, then in every window of w consecutive k-gram hashes keep the
// smallest (the rightmost of equals). Two token streams that share a run of at
// least w + k - 1 tokens share at least one kept fingerprint — the guarantee that
// lets an index of fingerprints find every such copy without comparing all pairs —
// while only about 2 / (w + 1) of the k-grams are kept.
//
// Contract: pure and deterministic (the hash does not depend on the process); a
// stream shorter than k tokens has no fingerprint; one shorter than w + k - 1 keeps
// its smallest k-gram hash.
#pragma once

#include <cstdint>
#include <vector>

#include "similarity/tokens.h"

namespace similarity {

struct Fingerprint {
  uint64_t hash = 0;
  uint32_t position = 0;  // index of the k-gram's first token
};

std::vector<Fingerprint> winnow(const std::vector<Token>& tokens, int k, int w);

// Every k-gram's hash, in order (winnow's input; for tests).
std::vector<uint64_t> kgram_hashes(const std::vector<Token>& tokens, int k);

}  // namespace similarity
