#include "judge/boxed_program.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace engine {
namespace {

bool write_file(const std::string& path, const std::string& text, mode_t mode) {
  unlink(path.c_str());
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return false;
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  fchmod(fd, mode);
  return close(fd) == 0 && ok;
}

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

std::string BoxedProgram::build(const std::string& box_binary, const std::vector<std::string>& dirs,
                                const std::string& given_path, const LanguageTable& languages, const Language* language,
                                const package::Limits& limits, int memory_mib, const std::string& scratch_prefix) {
  // Sources may be links (packages reuse files); what the links point to is read.
  char real[PATH_MAX];
  if (!realpath(given_path.c_str(), real)) return given_path + ": not found";
  std::string path = real;
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return given_path + ": not found";
  bool is_dir = S_ISDIR(st.st_mode);
  std::string from = is_dir ? path : path.substr(0, path.rfind('/'));
  // A linked file keeps the name it was given (a Java class is named after it).
  std::string given_name = given_path.substr(given_path.rfind('/') + 1);
  std::vector<std::string> names = is_dir ? sorted_visible(path) : std::vector<std::string>{given_name};
  for (const std::string& n : names)
    if (n == "build" || n == "run") return path + ": programs with build/run scripts are not supported yet";
  language_ = language;
  if (!language_) {  // a directory of sources: C/C++ before Python
    for (const std::string& n : names)
      if (const Language* l = languages.for_file(n); l && (!language_ || l->id == "cpp20" || l->id == "c")) language_ = l;
  }
  if (!language_) return path + ": no language in languages.yaml for its files";
  for (const std::string& n : names)
    if (languages.for_file(n) == language_) files_.files.push_back(n);
  if (files_.files.empty()) files_.files = names;  // e.g. a submission named by --language
  files_.main = files_.files.size() == 1 ? files_.files[0] : pick_main(files_.files);
  files_.memory_mib = memory_mib;

  if (std::string e = box_.start(box_binary, dirs); !e.empty()) return e;
  for (const std::string& n : names) {
    char source[PATH_MAX];
    struct stat fst;
    std::string link = is_dir ? from + "/" + n : path;
    if (!realpath(link.c_str(), source) || stat(source, &fst) != 0 || !S_ISREG(fst.st_mode)) continue;
    if (!write_file(box_.workdir() + "/" + n, read_file(source, 1ull << 30), 0644)) return "cannot stage " + n;
  }
  if (language_->compile.empty()) return "";

  BoxRequest c;
  c.argv = expand(language_->compile, files_);
  c.cpu_s = limits.compilation_time_s;
  c.memory_bytes = static_cast<long long>(limits.compilation_memory_mib) << 20;
  c.processes = 128;
  c.stdout_path = scratch_prefix + ".out";
  c.stderr_path = scratch_prefix + ".err";
  c.keep = true;  // its output stays in /box for us to take over
  BoxReport r = box_.run(c);
  if (r.status == "IE") return r.message;
  if (r.status != "OK") {
    std::string output = read_file(c.stderr_path, 1 << 20) + read_file(c.stdout_path, 1 << 20);
    return "CE: " + first_bytes(output.empty() ? r.message : output);
  }
  // The compiler's files belong to the box user and would be wiped after the next
  // run: rewrite them root-owned, never following a link it may have left.
  for (const std::string& name : sorted_visible(box_.workdir())) {
    std::string p = box_.workdir() + "/" + name;
    if (lstat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid == 0) continue;
    if (!write_file(p, read_file(p, 1ull << 30), 0755)) return "cannot take over the compiler's " + name;
  }
  return "";
}

}  // namespace engine
