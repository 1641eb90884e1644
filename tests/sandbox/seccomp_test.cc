// Syscalls the seccomp policy must kill: the status is SV and the call never
// returns to the program (no "ESCAPED"/"ERRNO" line).
#include <doctest/doctest.h>

#include <string>

#include "box.h"
#include "table.h"
#include "text.h"

namespace {

void expect_killed(const std::string& syscall_name) {
  auto r = box::Run{}.exec({box::attack("forbidden_syscall"), syscall_name});
  table::row("syscall " + syscall_name, "SV", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK(text::has(r.out, "CALLING " + syscall_name));  // the probe got as far as the call
  CHECK(r.report.status == "SV");
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
  CHECK_FALSE(text::has(r.out, "ERRNO"));
}

}  // namespace

TEST_CASE("seccomp: ptrace is killed") { expect_killed("ptrace"); }
TEST_CASE("seccomp: mount is killed") { expect_killed("mount"); }
TEST_CASE("seccomp: umount is killed") { expect_killed("umount"); }
TEST_CASE("seccomp: unshare is killed") { expect_killed("unshare"); }
TEST_CASE("seccomp: setns is killed") { expect_killed("setns"); }
TEST_CASE("seccomp: clone with CLONE_NEWUSER is killed") { expect_killed("clone_newuser"); }
TEST_CASE("seccomp: clone with CLONE_NEWNS is killed") { expect_killed("clone_newns"); }
TEST_CASE("seccomp: kexec_load is killed") { expect_killed("kexec_load"); }
TEST_CASE("seccomp: bpf is killed") { expect_killed("bpf"); }
TEST_CASE("seccomp: perf_event_open is killed") { expect_killed("perf_event_open"); }
TEST_CASE("seccomp: keyctl is killed") { expect_killed("keyctl"); }
TEST_CASE("seccomp: add_key is killed") { expect_killed("add_key"); }
TEST_CASE("seccomp: io_uring_setup is killed") { expect_killed("io_uring_setup"); }
TEST_CASE("seccomp: personality change is killed") { expect_killed("personality"); }
TEST_CASE("seccomp: x32 syscall is killed") { expect_killed("x32_getpid"); }
TEST_CASE("seccomp: 32-bit int 0x80 syscall is killed") { expect_killed("int80_getpid"); }

// seccomp cannot see clone3's flags (they sit behind a pointer), so refusing
// clone3 outright (ENOSYS, glibc then falls back to clone) is as good as a kill.
// What must never happen is a new namespace.
TEST_CASE("seccomp: clone3 with CLONE_NEWUSER never creates a namespace") {
  auto r = box::Run{}.exec({box::attack("forbidden_syscall"), "clone3_newuser"});
  table::row("syscall clone3_newuser", "SV or ENOSYS", r);
  INFO(r.describe());
  REQUIRE(r.report.valid());
  CHECK_FALSE(text::has(r.out, "ESCAPED"));
  bool killed = r.report.status == "SV";
  bool refused = r.report.status == "OK" && text::has(r.out, "ERRNO clone3_newuser");
  CHECK((killed || refused));
}
