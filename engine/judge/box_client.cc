#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#include "box_client.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include <chrono>
#include <istream>
#include <thread>

#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <boost/process/args.hpp>
#include <boost/process/async_pipe.hpp>
#include <boost/process/child.hpp>
#include <boost/process/exe.hpp>
#include <boost/process/io.hpp>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

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

std::unique_lock<std::mutex> spawn_lock() {
  static std::mutex spawning;
  return std::unique_lock<std::mutex>(spawning);
}

struct BoxClient::Channel {
  boost::asio::io_context io;
  boost::process::async_pipe to_box{io}, from_box{io};
  boost::process::child child;
  boost::asio::streambuf incoming;
};

BoxClient::BoxClient() = default;

BoxClient::~BoxClient() { stop(); }

pid_t BoxClient::pid() const { return channel_ && channel_->child.valid() ? channel_->child.id() : -1; }

// Closing its stdin ends serve, which takes its box down; one that does not end
// within 2 s (or at once, if it is known to hang) is killed. Either way it is
// reaped here.
void BoxClient::stop(bool hung) {
  if (!channel_) return;
  std::error_code ec;
  boost::system::error_code closed;
  channel_->to_box.close(closed);
  if (channel_->child.valid()) {
    for (int i = 0; i < (hung ? 0 : 200) && channel_->child.running(ec); ++i)  // running() reaps one that ended
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (channel_->child.running(ec)) {
      // Not child::terminate(): Boost 1.74's reaps with WNOHANG right after the
      // kill, which is usually too early, and then never again.
      pid_t pid = channel_->child.id();
      kill(pid, SIGKILL);
      int status;
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
    }
  }
  channel_.reset();
}

std::string BoxClient::start(const std::string& binary, const std::vector<std::string>& dirs) {
  stop();
  // A box that dies mid-request must show as a failed write, not kill the judge.
  signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args = {"serve"};
  for (const std::string& d : dirs) {
    args.push_back("--dir");
    args.push_back(d);
  }
  auto channel = std::make_unique<Channel>();
  std::error_code ec;
  {
    auto lock = spawn_lock();
    for (int fd : {channel->to_box.native_source(), channel->to_box.native_sink(), channel->from_box.native_source(),
                   channel->from_box.native_sink()})
      fcntl(fd, F_SETFD, FD_CLOEXEC);  // dup2 onto the child's 0 and 1 clears it there
    channel->child = boost::process::child(boost::process::exe = binary, boost::process::args = args,
                                           boost::process::std_in < channel->to_box,
                                           boost::process::std_out > channel->from_box, ec);
  }
  if (ec || !channel->child.valid()) return "cannot start " + binary + ": " + ec.message();
  channel_ = std::move(channel);
  std::string ready;
  switch (read_line(60, &ready)) {
    case Read::kLine:
      break;
    case Read::kClosed:
      stop();
      return "shortlist-box serve ended before it was ready";
    case Read::kLate:
      stop();
      return "shortlist-box serve was not ready within 60 s";
  }
  rapidjson::Document d;
  d.Parse(ready.c_str());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("ready") || !d["ready"].IsBool() || !d["ready"].GetBool()) {
    stop();
    return "shortlist-box serve could not build its box: " + ready;
  }
  if (d.HasMember("workdir") && d["workdir"].IsString()) workdir_ = d["workdir"].GetString();
  return "";
}

BoxClient::Read BoxClient::read_line(double deadline_s, std::string* line) {
  Channel& c = *channel_;
  bool late = false;
  boost::system::error_code read_error;
  boost::asio::steady_timer timer(c.io, std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                            std::chrono::duration<double>(deadline_s)));
  boost::asio::async_read_until(c.from_box, c.incoming, '\n', [&](const boost::system::error_code& e, size_t) {
    read_error = e;
    timer.cancel();
  });
  timer.async_wait([&](const boost::system::error_code& e) {
    if (e) return;  // cancelled: the line came first
    late = true;
    try {
      c.from_box.cancel();
    } catch (const boost::system::system_error&) {  // nothing to cancel: the read ends anyway
    }
  });
  c.io.restart();
  c.io.run();
  if (late) return Read::kLate;
  if (read_error) return Read::kClosed;
  std::istream in(&c.incoming);
  std::getline(in, *line);
  return Read::kLine;
}

BoxReport BoxClient::run(const BoxRequest& request) {
  if (!send(request)) {
    BoxReport r;
    r.message = channel_ ? "the box went away" : "the box is not running";
    return r;
  }
  return receive();
}

// Synchronous: a request line is small and serve reads it as soon as it is idle,
// so the write does not wait on the box's runs.
bool BoxClient::send(const BoxRequest& request) {
  if (!channel_) return false;
  std::string line = request_json(request, next_id_++) + "\n";
  boost::system::error_code ec;
  boost::asio::write(channel_->to_box, boost::asio::buffer(line), ec);
  pending_deadline_s_ = (request.wall_s > 0 ? request.wall_s : 2 * request.cpu_s + 1) + report_grace_s_;
  return !ec;
}

BoxReport BoxClient::receive() {
  BoxReport r;
  if (!channel_) {
    r.message = "the box is not running";
    return r;
  }
  std::string answer;
  switch (read_line(pending_deadline_s_, &answer)) {
    case Read::kLine:
      if (parse_report(answer, &r)) return r;
      r = BoxReport{};
      r.message = "the box gave no report: " + answer.substr(0, 200);
      return r;
    case Read::kClosed:
      r.message = "the box gave no report (it ended)";
      break;
    case Read::kLate:
      r.message = "the box gave no report within " + std::to_string(static_cast<int>(pending_deadline_s_)) +
                  " s (the run's wall limit and a grace); it was stopped";
      stop(/*hung=*/true);
      return r;
  }
  stop();
  return r;
}

}  // namespace engine
