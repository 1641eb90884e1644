#include "rlimits.h"

#include <sys/resource.h>

#include <cmath>

#include "sys.h"

namespace box {

std::string apply_rlimits(const Limits& l, RlimitFallbacks fallbacks) {
  struct Item {
    int resource;
    const char* name;
    rlim_t value;
    bool apply;
  };
  rlim_t cpu = static_cast<rlim_t>(std::ceil(l.cpu_s)) + 1;
  const Item items[] = {
      {RLIMIT_CPU, "RLIMIT_CPU", cpu, true},
      {RLIMIT_FSIZE, "RLIMIT_FSIZE", l.output_bytes + 1, true},
      {RLIMIT_STACK, "RLIMIT_STACK", l.stack_bytes, true},
      {RLIMIT_NOFILE, "RLIMIT_NOFILE", l.open_files, true},
      {RLIMIT_CORE, "RLIMIT_CORE", 0, true},
      {RLIMIT_MEMLOCK, "RLIMIT_MEMLOCK", 0, true},
      {RLIMIT_MSGQUEUE, "RLIMIT_MSGQUEUE", 0, true},
      {RLIMIT_AS, "RLIMIT_AS", l.memory_bytes, fallbacks.address_space},
      {RLIMIT_NPROC, "RLIMIT_NPROC", l.processes, fallbacks.process_count},
  };
  for (const Item& it : items) {
    if (!it.apply) continue;
    rlimit r{it.value, it.value};
    if (setrlimit(it.resource, &r) != 0) return errno_message(std::string("setrlimit ") + it.name);
  }
  return "";
}

}  // namespace box
