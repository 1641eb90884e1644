#include "box_client.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

extern char** environ;

namespace engine {

std::string request_json(const BoxRequest& r, long long id) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("id");
  w.Int64(id);
  w.Key("argv");
  w.StartArray();
  for (const std::string& a : r.argv) w.String(a.c_str(), static_cast<rapidjson::SizeType>(a.size()));
  w.EndArray();
  w.Key("cpu");
  w.Double(r.cpu_s);
  if (r.wall_s > 0) {
    w.Key("wall");
    w.Double(r.wall_s);
  }
  w.Key("memory");
  w.Int64(r.memory_bytes);
  w.Key("output");
  w.Int64(r.output_bytes);
  w.Key("processes");
  w.Int(r.processes);
  for (auto [key, value] : {std::pair{"stdin", &r.stdin_path}, std::pair{"stdout", &r.stdout_path},
                            std::pair{"stderr", &r.stderr_path}})
    if (!value->empty()) {
      w.Key(key);
      w.String(value->c_str());
    }
  w.Key("keep");
  w.Bool(r.keep);
  if (r.stdout_first) {
    w.Key("stdout_first");
    w.Bool(true);
  }
  w.EndObject();
  return buf.GetString();
}

bool parse_report(const std::string& line, BoxReport* out) {
  rapidjson::Document d;
  d.Parse(line.c_str());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("status") || !d["status"].IsString()) return false;
  BoxReport r;
  r.status = d["status"].GetString();
  if (d.HasMember("limit") && d["limit"].IsString()) r.limit = d["limit"].GetString();
  if (d.HasMember("exit_code") && d["exit_code"].IsInt()) r.exit_code = d["exit_code"].GetInt();
  if (d.HasMember("signal") && d["signal"].IsInt()) r.signal = d["signal"].GetInt();
  if (d.HasMember("cpu_s") && d["cpu_s"].IsNumber()) r.cpu_s = d["cpu_s"].GetDouble();
  if (d.HasMember("wall_s") && d["wall_s"].IsNumber()) r.wall_s = d["wall_s"].GetDouble();
  if (d.HasMember("memory_bytes") && d["memory_bytes"].IsInt64()) r.memory_bytes = d["memory_bytes"].GetInt64();
  if (d.HasMember("message") && d["message"].IsString()) r.message = d["message"].GetString();
  if (d.HasMember("ended_at") && d["ended_at"].IsNumber()) r.ended_at = d["ended_at"].GetDouble();
  *out = r;
  return true;
}

BoxClient::~BoxClient() {
  if (to_box_ >= 0) close(to_box_);  // EOF: serve ends and takes its box down
  if (from_box_ >= 0) close(from_box_);
  if (pid_ > 0) {
    int status;
    for (int i = 0; i < 200 && waitpid(pid_, &status, WNOHANG) == 0; ++i) usleep(10000);
    if (waitpid(pid_, &status, WNOHANG) == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
  }
}

std::string BoxClient::start(const std::string& binary, const std::vector<std::string>& dirs) {
  // A box that dies mid-request must show as a failed write, not kill the judge.
  signal(SIGPIPE, SIG_IGN);
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) return std::string("pipe: ") + std::strerror(errno);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  std::vector<std::string> args = {binary, "serve"};
  for (const std::string& d : dirs) {
    args.push_back("--dir");
    args.push_back(d);
  }
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int rc = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  to_box_ = in[1];
  from_box_ = out[0];
  if (rc != 0) {
    pid_ = -1;
    return "cannot start " + binary + ": " + std::strerror(rc);
  }
  std::string ready;
  if (!read_line(&ready)) return "shortlist-box serve ended before it was ready";
  rapidjson::Document d;
  d.Parse(ready.c_str());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("ready") || !d["ready"].IsBool() || !d["ready"].GetBool())
    return "shortlist-box serve could not build its box: " + ready;
  if (d.HasMember("workdir") && d["workdir"].IsString()) workdir_ = d["workdir"].GetString();
  return "";
}

bool BoxClient::read_line(std::string* line) {
  for (;;) {
    size_t nl = buffer_.find('\n');
    if (nl != std::string::npos) {
      *line = buffer_.substr(0, nl);
      buffer_.erase(0, nl + 1);
      return true;
    }
    char chunk[4096];
    ssize_t n = read(from_box_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

BoxReport BoxClient::run(const BoxRequest& request) {
  if (!send(request)) {
    BoxReport r;
    r.message = to_box_ < 0 ? "the box is not running" : "the box went away";
    return r;
  }
  return receive();
}

bool BoxClient::send(const BoxRequest& request) {
  if (to_box_ < 0) return false;
  std::string line = request_json(request, next_id_++) + "\n";
  const char* p = line.data();
  size_t left = line.size();
  while (left > 0) {
    ssize_t n = write(to_box_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

BoxReport BoxClient::receive() {
  BoxReport r;
  std::string answer;
  if (!read_line(&answer) || !parse_report(answer, &r)) {
    r = BoxReport{};
    r.message = "the box gave no report";
  }
  return r;
}

}  // namespace engine
