#include "judge/boxed_program.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "judge/compile_cache.h"
#include "util/sha256.h"

namespace engine {
namespace {

std::string first_bytes(const std::string& text, size_t max_bytes = 2000) {
  return text.size() <= max_bytes ? text : text.substr(0, max_bytes) + "\n[...]";
}

std::string pick_main(const std::vector<std::string>& files) {
  for (const char* prefix : {"validate", "main", "Main", "__main__"})
    for (const std::string& f : files)
      if (f.rfind(prefix, 0) == 0) return f;
  return files.front();
}

}  // namespace

bool write_file(const std::string& path, const std::string& text, mode_t mode) {
  unlink(path.c_str());
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return false;
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  fchmod(fd, mode);
  return close(fd) == 0 && ok;
}

std::string read_file(const std::string& path, size_t limit) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return "";
  std::string out;
  char buf[65536];
  ssize_t n;
  while (out.size() < limit && (n = read(fd, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  close(fd);
  return out;
}

std::string compile_key(const Language& lang, const std::string& toolchain_version,
                        const std::vector<std::pair<std::string, std::string>>& sources) {
  util::Sha256 h;
  h.add_field(lang.id);
  for (const std::string& a : lang.compile) h.add_field(a);
  h.add_field("|run|");
  for (const std::string& a : lang.run) h.add_field(a);
  h.add_field(toolchain_version);
  for (const auto& [name, content] : sources) {
    h.add_field(name);
    h.add_field(content);
  }
  return h.hex();
}

namespace {

// The toolchain's own words about its version, asked once per language (worker
// threads share the answers; spawn_lock keeps popen's shell from inheriting a
// box's pipe another thread is setting up).
std::string toolchain_version(const Language& lang) {
  static std::map<std::string, std::string> known;
  static std::mutex asking;
  std::lock_guard<std::mutex> guard(asking);
  auto it = known.find(lang.id);
  if (it != known.end()) return it->second;
  std::string command;
  for (const std::string& a : lang.version) command += "'" + a + "' ";
  std::string out;
  auto spawning = spawn_lock();
  if (FILE* p = popen((command + "2>&1").c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  return known[lang.id] = out;
}

}  // namespace

BuildSpec package_program_spec(const std::string& box_binary, const std::string& path, const LanguageTable* languages,
                               const package::Limits& limits, const std::string& scratch_prefix,
                               const std::string& cache_dir) {
  BuildSpec b;
  b.box_binary = box_binary;
  b.path = path;
  b.languages = languages;
  b.limits = limits;
  b.memory_mib = limits.validation_memory_mib;
  b.scratch_prefix = scratch_prefix;
  b.cache_dir = cache_dir;
  return b;
}

const Language* program_language(const LanguageTable& languages, const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return languages.for_files(sorted_visible(path));
  return languages.for_file(path);
}

std::string BoxedProgram::build(const BuildSpec& spec) {
  // Sources may be links (packages reuse files); what the links point to is read.
  char real[PATH_MAX];
  if (!realpath(spec.path.c_str(), real)) return spec.path + ": not found";
  std::string path = real;
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return spec.path + ": not found";
  bool is_dir = S_ISDIR(st.st_mode);
  std::string from = is_dir ? path : path.substr(0, path.rfind('/'));
  // A linked file keeps the name it was given (a Java class is named after it).
  std::string given_name = spec.path.substr(spec.path.rfind('/') + 1);
  std::vector<std::string> names = is_dir ? sorted_visible(path) : std::vector<std::string>{given_name};
  bool has_build = is_dir && std::count(names.begin(), names.end(), "build");
  bool has_run = is_dir && std::count(names.begin(), names.end(), "run");
  const LanguageTable& languages = *spec.languages;
  language_ = spec.language;
  if (has_build || has_run) {
    // The format's build/run scripts: `build` runs in (a copy of) the program's
    // directory, then `run` is the program. They may use sh, cc, c++ and python3.
    script_language_.id = "build-run";
    script_language_.name = "build/run scripts";
    script_language_.compile = has_build ? std::vector<std::string>{"./build"} : std::vector<std::string>{};
    script_language_.run = {"./run"};
    script_language_.version = {"/bin/sh", "-c", "cc --version; c++ --version; python3 --version"};
    language_ = &script_language_;
  }
  if (!language_) language_ = languages.for_files(names);
  if (!language_) return spec.path + ": no language in languages.yaml for its files";

  // The files to stage: the program's, then the package's include/<language>/ over them.
  std::map<std::string, std::string> staged;
  std::set<std::string> executable;
  for (const std::string& n : names) {
    char source[PATH_MAX];
    struct stat fst;
    std::string link = is_dir ? from + "/" + n : path;
    if (!realpath(link.c_str(), source) || stat(source, &fst) != 0 || !S_ISREG(fst.st_mode)) continue;
    staged[n] = read_file(source, 1ull << 30);
    if (fst.st_mode & S_IXUSR) executable.insert(n);
  }
  for (const char* script : {"build", "run"})
    if (language_ == &script_language_ && staged.count(script) && !executable.count(script))
      return spec.path + "/" + script + ": must be executable (chmod +x)";
  if (!spec.include_dir.empty())
    for (const std::string& n : sorted_visible(spec.include_dir)) {
      char source[PATH_MAX];
      struct stat fst;
      if (realpath((spec.include_dir + "/" + n).c_str(), source) && stat(source, &fst) == 0 && S_ISREG(fst.st_mode))
        staged[n] = read_file(source, 1ull << 30);
    }
  for (const auto& [n, content] : staged)
    if (languages.for_file(n) == language_) files_.files.push_back(n);
  if (files_.files.empty() && language_ == &script_language_) files_.main = "run";
  if (files_.files.empty())
    for (const auto& [n, content] : staged) files_.files.push_back(n);  // e.g. named by --language
  if (files_.files.empty()) return spec.path + ": no source file";
  // A single-file program is its own main file, whatever include/ adds.
  files_.main = language_ == &script_language_          ? "run"
                : !is_dir && staged.count(given_name) ? given_name
                : files_.files.size() == 1            ? files_.files[0]
                                                      : pick_main(files_.files);
  files_.memory_mib = spec.memory_mib;

  if (std::string e = box_.start(spec.box_binary, spec.dirs); !e.empty()) return e;
  for (const auto& [n, content] : staged)
    if (!write_file(box_.workdir() + "/" + n, content, executable.count(n) ? 0755 : 0644)) return "cannot stage " + n;
  if (language_->compile.empty()) return has_build || has_run ? check_run_script() : "";

  std::string cached;
  if (!spec.cache_dir.empty()) {
    std::vector<std::pair<std::string, std::string>> sources(staged.begin(), staged.end());
    cached = spec.cache_dir + "/" + compile_key(*language_, toolchain_version(*language_), sources);
    std::string error;
    if (load_from_compile_cache(cached, box_.workdir(), &error)) {
      from_cache_ = error.empty();
      return error;
    }
  }

  BoxRequest c;
  c.argv = expand(language_->compile, files_);
  c.cpu_s = spec.limits.compilation_time_s;
  c.memory_bytes = static_cast<long long>(spec.limits.compilation_memory_mib) << 20;
  c.processes = 128;
  c.stdout_path = spec.scratch_prefix + ".out";
  c.stderr_path = spec.scratch_prefix + ".err";
  c.keep = true;  // its output stays in /box for us to take over
  BoxReport r = box_.run(c);
  if (r.status == "IE") return r.message;
  if (r.status != "OK") {
    std::string output = read_file(c.stderr_path, 1 << 20) + read_file(c.stdout_path, 1 << 20);
    return "CE: " + first_bytes(output.empty() ? r.message : output);
  }
  // The compiler's files belong to the box user and would be wiped after the next
  // run: rewrite them root-owned, never following a link it may have left.
  std::vector<std::string> outputs;
  for (const std::string& name : sorted_visible(box_.workdir())) {
    std::string p = box_.workdir() + "/" + name;
    if (lstat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid == 0) continue;
    std::string content = read_file(p, 1ull << 30);
    if (!write_file(p, content, 0755)) return "cannot take over the compiler's " + name;
    outputs.push_back(name);
  }
  if (!cached.empty()) store_in_compile_cache(cached, box_.workdir(), outputs);
  return language_ == &script_language_ ? check_run_script() : "";
}

std::string BoxedProgram::check_run_script() {
  struct stat st;
  std::string run = box_.workdir() + "/run";
  if (lstat(run.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    return "the program has no run file" + std::string(language_->compile.empty() ? "" : " after its build");
  if (!(st.st_mode & S_IXUSR)) return "its run file is not executable";
  return "";
}

}  // namespace engine
