#include "report.h"

#include <csignal>
#include <cstring>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace box {

const char* status_name(Status s) {
  switch (s) {
    case Status::OK: return "OK";
    case Status::RE: return "RE";
    case Status::TLE: return "TLE";
    case Status::MLE: return "MLE";
    case Status::OLE: return "OLE";
    case Status::SV: return "SV";
    case Status::IE: return "IE";
  }
  return "IE";
}

static std::string mib(uint64_t bytes) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f MiB", bytes / 1048576.0);
  return buf;
}

static std::string seconds(double s) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.3f s", s);
  return buf;
}

Report internal_error(std::string message) {
  Report r;
  r.status = Status::IE;
  r.message = std::move(message);
  return r;
}

Report classify(const RunOutcome& o, const Limits& limits) {
  Report r;
  r.exited = o.exited;
  r.exit_code = o.exit_code;
  r.signal = o.signal;
  r.cpu_s = o.cpu_s;
  r.wall_s = o.wall_s;
  r.ended_at = o.ended_at;
  r.memory_bytes = o.memory_bytes;
  if (!o.started) {
    r.status = Status::IE;
    r.message = o.setup_error[0] ? o.setup_error : "the program was not started";
    return r;
  }
  if (o.oom_kills > 0) {
    r.status = Status::MLE;
    r.message = "memory limit " + mib(limits.memory_bytes) + " exceeded (killed by the OOM killer)";
  } else if (o.killed_for_cpu || o.cpu_s > limits.cpu_s || (!o.exited && o.signal == SIGXCPU)) {
    r.status = Status::TLE;
    r.limit = "cpu";
    r.message = "CPU time limit " + seconds(limits.cpu_s) + " exceeded";
  } else if (o.killed_for_wall) {
    r.status = Status::TLE;
    r.limit = "wall";
    r.message = "wall time limit " + seconds(limits.wall_s) + " exceeded";
  } else if (!o.exited && o.signal == SIGSYS) {
    r.status = Status::SV;
    r.message = "forbidden system call (killed by the seccomp filter)";
  } else if ((!o.exited && o.signal == SIGXFSZ) || o.largest_output_bytes >= limits.output_bytes) {
    r.status = Status::OLE;
    r.message = "output limit " + mib(limits.output_bytes) + " exceeded";
  } else if (o.full_filesystem[0]) {
    r.status = Status::OLE;
    r.message = std::string(o.full_filesystem) + " is full (its size is capped)";
  } else if (!o.exited) {
    r.status = Status::RE;
    r.message = std::string("killed by signal ") + std::to_string(o.signal) + " (" + strsignal(o.signal) + ")";
  } else if (o.exit_code != 0) {
    r.status = Status::RE;
    r.message = "exit code " + std::to_string(o.exit_code);
  } else {
    r.status = Status::OK;
  }
  return r;
}

std::optional<Report> report_from_json(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("status") || !d["status"].IsString()) return std::nullopt;
  Report r;
  std::string status = d["status"].GetString();
  bool known = false;
  for (Status s : {Status::OK, Status::RE, Status::TLE, Status::MLE, Status::OLE, Status::SV, Status::IE})
    if (status == status_name(s)) r.status = s, known = true;
  if (!known) return std::nullopt;
  if (d.HasMember("limit") && d["limit"].IsString())
    r.limit = std::string(d["limit"].GetString()) == "wall" ? "wall" : "cpu";
  r.exited = d.HasMember("exit_code") && d["exit_code"].IsInt();
  if (r.exited) r.exit_code = d["exit_code"].GetInt();
  if (d.HasMember("signal") && d["signal"].IsInt()) r.signal = d["signal"].GetInt();
  if (d.HasMember("cpu_s") && d["cpu_s"].IsNumber()) r.cpu_s = d["cpu_s"].GetDouble();
  if (d.HasMember("wall_s") && d["wall_s"].IsNumber()) r.wall_s = d["wall_s"].GetDouble();
  if (d.HasMember("memory_bytes") && d["memory_bytes"].IsUint64()) r.memory_bytes = d["memory_bytes"].GetUint64();
  if (d.HasMember("message") && d["message"].IsString()) r.message = d["message"].GetString();
  if (d.HasMember("ended_at") && d["ended_at"].IsNumber()) r.ended_at = d["ended_at"].GetDouble();
  return r;
}

std::string to_json(const Report& r, const std::string& id_json) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  if (!id_json.empty()) {
    w.Key("id");
    w.RawValue(id_json.data(), id_json.size(), rapidjson::kObjectType);
  }
  w.Key("status");
  w.String(status_name(r.status));
  w.Key("limit");
  r.limit ? w.String(r.limit) : w.Null();
  w.Key("exit_code");
  (r.status != Status::IE && r.exited) ? w.Int(r.exit_code) : w.Null();
  w.Key("signal");
  (r.status != Status::IE && !r.exited) ? w.Int(r.signal) : w.Null();
  w.Key("cpu_s");
  w.Double(static_cast<double>(static_cast<int64_t>(r.cpu_s * 1e6)) / 1e6);
  w.Key("wall_s");
  w.Double(static_cast<double>(static_cast<int64_t>(r.wall_s * 1e6)) / 1e6);
  w.Key("memory_bytes");
  w.Uint64(r.memory_bytes);
  w.Key("message");
  w.String(r.message.c_str(), r.message.size());
  if (r.ended_at > 0) {
    w.Key("ended_at");
    w.Double(static_cast<double>(static_cast<int64_t>(r.ended_at * 1e6)) / 1e6);
  }
  w.EndObject();
  return buf.GetString();
}

}  // namespace box
