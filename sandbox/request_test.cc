#include "request.h"

#include <doctest/doctest.h>

using namespace box;

TEST_CASE("parse_dir_spec") {
  BindMount m;
  CHECK(parse_dir_spec("/opt/x", &m) == "");
  CHECK(m.host_path == "/opt/x");
  CHECK(m.inside_path == "/opt/x");
  CHECK(!m.writable);
  CHECK(parse_dir_spec("/srv/data:/data:rw", &m) == "");
  CHECK(m.inside_path == "/data");
  CHECK(m.writable);
  CHECK(parse_dir_spec("/srv/data:/data", &m) == "");
  CHECK(!m.writable);
}

TEST_CASE("dir_spec_text is parse_dir_spec's inverse") {
  for (const char* text : {"/opt/x:/opt/x", "/srv/data:/data:rw", "/a:/b"}) {
    BindMount m;
    REQUIRE(parse_dir_spec(text, &m) == "");
    CHECK(dir_spec_text(m) == text);
  }
}

TEST_CASE("parse_dir_spec rejects relative, dotted and reserved paths") {
  BindMount m;
  CHECK(parse_dir_spec("relative", &m).find("absolute") != std::string::npos);
  CHECK(parse_dir_spec("/a/../etc", &m).find("'..'") != std::string::npos);
  CHECK(parse_dir_spec("/a:/b/./c", &m) != "");
  CHECK(parse_dir_spec("/a:b", &m) != "");
  CHECK(parse_dir_spec("/a:/proc", &m).find("provided by the box") != std::string::npos);
  CHECK(parse_dir_spec("/a:/tmp/x", &m) != "");
  CHECK(parse_dir_spec("/a:/box", &m) != "");
  CHECK(parse_dir_spec("/a:/", &m) != "");
  CHECK(parse_dir_spec("/a:/b:/c", &m) != "");
  CHECK(parse_dir_spec("/a:/boxes", &m) == "");  // a prefix of a name is not the name
}

TEST_CASE("parse_request reads every field") {
  RunRequest r;
  REQUIRE(parse_request(R"({"id":{"n":1},"argv":["/bin/x","a b"],"cpu":1.5,"wall":4,)"
                        R"("memory":"64m","stack":8388608,"processes":3,"output":"1k","open_files":16,)"
                        R"("stdin":"/in","stdout":"/out","stderr":"/err","env":{"A":"1"},)"
                        R"("cwd":"/box/sub","keep":true,"stdout_first":true})",
                        &r) == "");
  CHECK(r.id_json == R"({"n":1})");
  CHECK(r.argv == std::vector<std::string>{"/bin/x", "a b"});
  CHECK(r.limits.cpu_s == 1.5);
  CHECK(r.limits.wall_s == 4);
  CHECK(r.limits.memory_bytes == 64u << 20);
  CHECK(r.limits.stack_bytes == 8388608u);
  CHECK(r.limits.processes == 3u);
  CHECK(r.limits.output_bytes == 1024u);
  CHECK(r.limits.open_files == 16u);
  CHECK(r.stdin_path == "/in");
  CHECK(r.stdout_path == "/out");
  CHECK(r.stderr_path == "/err");
  CHECK(r.env == std::vector<std::string>{"A=1"});
  CHECK(r.cwd == "/box/sub");
  CHECK(r.keep);
  CHECK(r.stdout_first);
}

TEST_CASE("parse_request defaults and derived limits") {
  RunRequest r;
  REQUIRE(parse_request(R"({"argv":["p"],"cpu":2})", &r) == "");
  CHECK(r.limits.wall_s == 5);
  CHECK(r.limits.stack_bytes == r.limits.memory_bytes + kStackMargin);
  CHECK(r.cwd == "/box");
  CHECK(r.id_json.empty());
}

TEST_CASE("parse_request errors name the field") {
  RunRequest r;
  CHECK(parse_request("not json", &r).find("not JSON") != std::string::npos);
  CHECK(parse_request("[1]", &r) == "a request must be a JSON object");
  CHECK(parse_request("{}", &r) == "'argv' is required");
  CHECK(parse_request(R"({"argv":[]})", &r).find("'argv'") != std::string::npos);
  CHECK(parse_request(R"({"argv":[1]})", &r).find("'argv'") != std::string::npos);
  CHECK(parse_request(R"({"argv":["p"],"cpu":-1})", &r).find("'cpu'") != std::string::npos);
  CHECK(parse_request(R"({"argv":["p"],"memory":"12x"})", &r).find("'memory'") != std::string::npos);
  CHECK(parse_request(R"({"argv":["p"],"memory":-5})", &r).find("'memory'") != std::string::npos);
  CHECK(parse_request(R"({"argv":["p"],"env":{"1A":"x"}})", &r).find("'env'") != std::string::npos);
  CHECK(parse_request(R"({"argv":["p"],"cwd":"rel"})", &r).find("'cwd'") != std::string::npos);
  CHECK(parse_request(R"({"argv":["p"],"bogus":1})", &r) == "unknown key 'bogus'");
  CHECK(parse_request(R"({"argv":["p"],"keep":"yes"})", &r).find("'keep'") != std::string::npos);
}

TEST_CASE("encode_run / decode_run round trip; truncated or argv-less bytes are refused") {
  RunRequest r;
  r.argv = {"/usr/bin/python3", "-c", "print(1)"};
  r.env = {"A=1", "B="};
  r.cwd = "/box/sub";
  r.keep = true;
  r.limits.cpu_s = 1.5;
  std::string bytes = encode_run(r);
  RunRequest back;
  REQUIRE(decode_run(bytes, &back));
  CHECK(back.argv == r.argv);
  CHECK(back.env == r.env);
  CHECK(back.cwd == "/box/sub");
  CHECK(back.keep);
  CHECK(back.limits.cpu_s == 1.5);
  CHECK_FALSE(decode_run(bytes.substr(0, bytes.size() - 1), &back));
  CHECK_FALSE(decode_run(bytes + "x", &back));
  CHECK_FALSE(decode_run(bytes.substr(0, 5), &back));
  RunRequest none;
  CHECK_FALSE(decode_run(encode_run(none), &back));
}
