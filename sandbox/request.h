// A request for one run, and the description of a box (what it sees).
//
// Contract: BoxSpec is fixed when a box is built (directories bound in, sizes of
// /box and /tmp); RunRequest varies per run. parse_request() reads one line of the
// resident protocol and parse_dir_spec() one --dir argument; both return an error
// message that names the field and what was expected. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "run_limits.h"

namespace box {

inline constexpr const char* kWorkDir = "/box";  // the program's writable work dir

struct BindMount {
  std::string host_path;    // absolute, on the host
  std::string inside_path;  // absolute, inside the box
  bool writable = false;
};

struct BoxSpec {
  std::vector<BindMount> dirs;
  uint64_t fs_size_bytes = 64ull << 20;  // cap of /box and of /tmp, each
};

struct RunRequest {
  Limits limits;
  std::vector<std::string> argv;
  std::vector<std::string> env;  // NAME=VALUE, added to the box's base environment
  std::string stdin_path, stdout_path, stderr_path;  // host paths; empty = default
  std::string cwd = kWorkDir;
  bool keep = false;  // leave the program's files in /box and /tmp (until a run without keep ends)
  // Open stdout before stdin. Two boxes joined by named pipes (an interactive
  // problem) open them in opposite orders, so that neither open waits forever.
  bool stdout_first = false;
  std::string id_json;           // resident protocol: the request's "id", as JSON text
};

// "HOST[:INSIDE][:rw]" -> BindMount, or an error message.
std::string parse_dir_spec(std::string_view text, BindMount* out);
// The inverse: a BindMount as a --dir argument.
std::string dir_spec_text(const BindMount& d);

// Inside paths that the box itself provides and --dir may not cover.
bool reserved_inside_path(std::string_view path);

// The binary form of a run between processes of the same binary (supervisor or
// warm client -> keeper or warm server; stdin, stdout, stderr travel as fds).
std::string encode_run(const RunRequest& request);
bool decode_run(const std::string& bytes, RunRequest* request);

// One JSON request line of `shortlist-box serve` -> RunRequest, or an error message.
// Keys: id, argv (required), cpu, wall, memory, stack, processes, output, open_files,
// stdin, stdout, stderr, env (object), cwd, keep, stdout_first. Unknown keys are an error.
std::string parse_request(std::string_view line, RunRequest* out);

// The "id" of a request line as JSON text, or "" (for answering a bad request).
std::string request_id(std::string_view line);

}  // namespace box
