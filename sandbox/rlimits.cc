#include "rlimits.h"

#include <sys/resource.h>

#include <cmath>


namespace box {

const char* apply_rlimits(const Limits& l, RlimitFallbacks fallbacks) {
  struct Item {
    int resource;
    const char* what;
    rlim_t value;
    bool apply;
  };
  rlim_t cpu = static_cast<rlim_t>(std::ceil(l.cpu_s)) + 1;
  const Item items[] = {
      {RLIMIT_CPU, "setrlimit RLIMIT_CPU", cpu, true},
      {RLIMIT_FSIZE, "setrlimit RLIMIT_FSIZE", l.output_bytes, true},
      {RLIMIT_STACK, "setrlimit RLIMIT_STACK", l.stack_bytes, true},
      {RLIMIT_NOFILE, "setrlimit RLIMIT_NOFILE", l.open_files, true},
      {RLIMIT_CORE, "setrlimit RLIMIT_CORE", 0, true},
      {RLIMIT_MEMLOCK, "setrlimit RLIMIT_MEMLOCK", 0, true},
      {RLIMIT_MSGQUEUE, "setrlimit RLIMIT_MSGQUEUE", 0, true},
      {RLIMIT_AS, "setrlimit RLIMIT_AS", l.memory_bytes, fallbacks.address_space},
      {RLIMIT_NPROC, "setrlimit RLIMIT_NPROC", l.processes, fallbacks.process_count},
  };
  for (const Item& it : items) {
    if (!it.apply) continue;
    rlimit r{it.value, it.value};
    if (setrlimit(it.resource, &r) != 0) return it.what;
  }
  return nullptr;
}

}  // namespace box
