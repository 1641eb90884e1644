#include "request.h"

#include <cstring>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace box {

static bool absolute_and_clean(std::string_view p) {
  if (p.empty() || p[0] != '/') return false;
  // No "..", ".", or empty components: inside paths are created, never resolved.
  size_t i = 1;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    std::string_view part = p.substr(i, j - i);
    if ((part.empty() && j != p.size()) || part == "." || part == "..") return false;
    i = j + 1;
  }
  return true;
}

bool reserved_inside_path(std::string_view path) {
  for (std::string_view r : {"/", "/proc", "/dev", "/tmp", "/box", "/etc"}) {
    if (path == r) return true;
    if (r != "/" && path.size() > r.size() && path.substr(0, r.size()) == r && path[r.size()] == '/')
      return true;
  }
  return false;
}

std::string encode_run(const RunRequest& r) {
  std::string out(reinterpret_cast<const char*>(&r.limits), sizeof r.limits);
  auto put_u32 = [&](uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put_u32(static_cast<uint32_t>(r.argv.size()));
  put_u32(static_cast<uint32_t>(r.env.size()));
  out.push_back(r.keep ? 1 : 0);
  for (const std::string& s : r.argv) out.append(s).push_back('\0');
  for (const std::string& s : r.env) out.append(s).push_back('\0');
  out.append(r.cwd).push_back('\0');
  return out;
}

bool decode_run(const std::string& bytes, RunRequest* r) {
  size_t header = sizeof r->limits + 2 * sizeof(uint32_t) + 1;
  if (bytes.size() < header) return false;
  std::memcpy(&r->limits, bytes.data(), sizeof r->limits);
  uint32_t argc, envc;
  std::memcpy(&argc, bytes.data() + sizeof r->limits, sizeof argc);
  std::memcpy(&envc, bytes.data() + sizeof r->limits + sizeof argc, sizeof envc);
  r->keep = bytes[header - 1] != 0;
  size_t pos = header;
  auto next = [&](std::string* s) {
    size_t end = bytes.find('\0', pos);
    if (end == std::string::npos) return false;
    s->assign(bytes, pos, end - pos);
    pos = end + 1;
    return true;
  };
  r->argv.resize(argc);
  r->env.resize(envc);
  for (std::string& s : r->argv)
    if (!next(&s)) return false;
  for (std::string& s : r->env)
    if (!next(&s)) return false;
  return next(&r->cwd) && pos == bytes.size() && argc > 0;
}

std::string dir_spec_text(const BindMount& d) {
  return d.host_path + ":" + d.inside_path + (d.writable ? ":rw" : "");
}

std::string parse_dir_spec(std::string_view text, BindMount* out) {
  std::string_view rest = text;
  bool rw = false;
  if (rest.size() >= 3 && rest.substr(rest.size() - 3) == ":rw") {
    rw = true;
    rest.remove_suffix(3);
  }
  size_t colon = rest.find(':');
  std::string_view host = rest.substr(0, colon);
  std::string_view inside = colon == std::string_view::npos ? host : rest.substr(colon + 1);
  std::string where = "--dir '" + std::string(text) + "': ";
  if (!absolute_and_clean(host)) return where + "host path must be absolute, without '.' or '..'";
  if (!absolute_and_clean(inside)) return where + "inside path must be absolute, without '.' or '..'";
  if (inside.find(':') != std::string_view::npos) return where + "expected HOST[:INSIDE][:rw]";
  if (reserved_inside_path(inside))
    return where + "inside path " + std::string(inside) + " is provided by the box itself";
  out->host_path = host;
  out->inside_path = inside;
  out->writable = rw;
  return "";
}

namespace {

std::string size_field(const rapidjson::Value& v, const char* key, uint64_t* out) {
  std::string err;
  if (v.IsUint64()) {
    *out = v.GetUint64();
    return "";
  }
  if (v.IsString()) {
    if (auto s = parse_size(v.GetString(), &err)) {
      *out = *s;
      return "";
    }
    return std::string("'") + key + "' " + err;
  }
  return std::string("'") + key + "' must be a size (bytes, or a string like \"256m\")";
}

std::string seconds_field(const rapidjson::Value& v, const char* key, double* out) {
  if (v.IsNumber() && valid_seconds(v.GetDouble())) {
    *out = v.GetDouble();
    return "";
  }
  return std::string("'") + key + "' must be a number of seconds > 0";
}

std::string string_field(const rapidjson::Value& v, const char* key, std::string* out) {
  if (!v.IsString()) return std::string("'") + key + "' must be a string";
  *out = std::string(v.GetString(), v.GetStringLength());
  if (out->find('\0') != std::string::npos) return std::string("'") + key + "' contains a NUL byte";
  return "";
}

}  // namespace

std::string parse_request(std::string_view line, RunRequest* out) {
  rapidjson::Document doc;
  doc.Parse(line.data(), line.size());
  if (doc.HasParseError())
    return std::string("not JSON at offset ") + std::to_string(doc.GetErrorOffset()) + ": " +
           rapidjson::GetParseError_En(doc.GetParseError());
  if (!doc.IsObject()) return "a request must be a JSON object";
  RunRequest r;
  std::string err;
  for (auto& m : doc.GetObject()) {
    std::string_view key(m.name.GetString(), m.name.GetStringLength());
    const rapidjson::Value& v = m.value;
    if (key == "id") {
      rapidjson::StringBuffer buf;
      rapidjson::Writer<rapidjson::StringBuffer> w(buf);
      v.Accept(w);
      r.id_json = buf.GetString();
    } else if (key == "argv") {
      if (!v.IsArray() || v.Empty()) return "'argv' must be a non-empty array of strings";
      for (auto& a : v.GetArray()) {
        std::string s;
        if (!a.IsString() || !(err = string_field(a, "argv", &s)).empty())
          return "'argv' must be a non-empty array of strings";
        r.argv.push_back(std::move(s));
      }
    } else if (key == "env") {
      if (!v.IsObject()) return "'env' must be an object of strings";
      for (auto& e : v.GetObject()) {
        std::string value;
        if (!e.value.IsString() || !string_field(e.value, "env", &value).empty())
          return "'env' values must be strings";
        std::string assignment = std::string(e.name.GetString()) + "=" + value;
        if (!valid_env_assignment(assignment)) return "'env' has an invalid name: " + assignment;
        r.env.push_back(std::move(assignment));
      }
    } else if (key == "cpu") {
      err = seconds_field(v, "cpu", &r.limits.cpu_s);
    } else if (key == "wall") {
      err = seconds_field(v, "wall", &r.limits.wall_s);
    } else if (key == "memory") {
      err = size_field(v, "memory", &r.limits.memory_bytes);
    } else if (key == "stack") {
      err = size_field(v, "stack", &r.limits.stack_bytes);
    } else if (key == "output") {
      err = size_field(v, "output", &r.limits.output_bytes);
    } else if (key == "processes" || key == "open_files") {
      if (!v.IsUint64()) return "'" + std::string(key) + "' must be a positive integer";
      (key == "processes" ? r.limits.processes : r.limits.open_files) = v.GetUint64();
    } else if (key == "stdin") {
      err = string_field(v, "stdin", &r.stdin_path);
    } else if (key == "stdout") {
      err = string_field(v, "stdout", &r.stdout_path);
    } else if (key == "stderr") {
      err = string_field(v, "stderr", &r.stderr_path);
    } else if (key == "cwd") {
      err = string_field(v, "cwd", &r.cwd);
      if (err.empty() && (r.cwd.empty() || r.cwd[0] != '/')) err = "'cwd' must be an absolute path";
    } else if (key == "keep" || key == "stdout_first") {
      if (!v.IsBool()) return "'" + std::string(key) + "' must be true or false";
      (key == "keep" ? r.keep : r.stdout_first) = v.GetBool();
    } else {
      return "unknown key '" + std::string(key) + "'";
    }
    if (!err.empty()) return err;
  }
  if (r.argv.empty()) return "'argv' is required";
  if (std::string e = r.limits.finish(); !e.empty()) return e;
  *out = std::move(r);
  return "";
}

std::string request_id(std::string_view line) {
  rapidjson::Document doc;
  doc.Parse(line.data(), line.size());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("id")) return "";
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  doc["id"].Accept(w);
  return buf.GetString();
}

}  // namespace box
