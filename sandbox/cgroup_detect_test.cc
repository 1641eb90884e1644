#include "cgroup_detect.h"

#include <doctest/doctest.h>

using namespace box;

// Lines as this project's hybrid hosts print them.
static const char* kHybrid =
    "25 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n"
    "30 29 0:26 / /sys/fs/cgroup/cpuacct rw,relatime shared:9 - cgroup cgroup rw,cpuacct\n"
    "31 29 0:27 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
    "32 29 0:28 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n"
    "33 29 0:29 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n";

TEST_CASE("parse_mountinfo on a hybrid host") {
  CgroupLayout l;
  parse_mountinfo(kHybrid, &l);
  CHECK(l.v1_mounts.at("memory") == "/sys/fs/cgroup/memory");
  CHECK(l.v1_mounts.at("pids") == "/sys/fs/cgroup/pids");
  CHECK(l.v1_mounts.at("cpuacct") == "/sys/fs/cgroup/cpuacct");
  CHECK(l.v2_mount == "/sys/fs/cgroup/unified");
  CHECK(!l.favordynmods);
}

TEST_CASE("parse_mountinfo sees favordynmods") {
  CgroupLayout l;
  parse_mountinfo("33 29 0:29 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw,favordynmods\n", &l);
  CHECK(l.favordynmods);
}

TEST_CASE("parse_mountinfo: combined v1 controllers and escaped paths") {
  CgroupLayout l;
  parse_mountinfo("40 29 0:30 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
                  "41 29 0:31 / /mnt/with\\040space rw - cgroup2 none rw,nsdelegate\n",
                  &l);
  CHECK(l.v1_mounts.at("cpuacct") == "/sys/fs/cgroup/cpu,cpuacct");
  CHECK(l.v1_mounts.count("memory") == 0);
  CHECK(l.v2_mount == "/mnt/with space");
}

TEST_CASE("parse_proc_cgroup") {
  CgroupLayout l;
  parse_proc_cgroup("9:name=systemd:/\n4:memory:/process_api/abc\n2:cpu,cpuacct:/x:y\n0::/user.slice\n", &l);
  CHECK(l.v1_own.at("memory") == "/process_api/abc");
  CHECK(l.v1_own.at("cpuacct") == "/x:y");
  CHECK(l.v1_own.at("cpu") == "/x:y");
  CHECK(l.v1_own.count("") == 0);
}

TEST_CASE("v2_has reads the controllers list") {
  CgroupLayout l;
  l.v2_controllers = "cpuset cpu io memory pids\n";
  CHECK(l.v2_has("memory"));
  CHECK(l.v2_has("pids"));
  CHECK(!l.v2_has("hugetlb"));
  CHECK(!l.v2_has("mem"));
}
