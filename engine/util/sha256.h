// SHA-256 (OpenSSL's libcrypto) as lowercase hex: the content hashes of the compile
// cache, of submission sources, and of a ranking's inputs.
#pragma once

#include <string>
#include <string_view>

namespace util {

// Incremental: add() the pieces, then hex(). Each piece can be followed by a NUL
// separator (add_field), so that ("ab","c") and ("a","bc") hash differently.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void add(std::string_view data);
  void add_field(std::string_view data) {
    add(data);
    add(std::string_view("\0", 1));
  }
  std::string hex();  // ends the hash

 private:
  void* ctx_;
};

std::string sha256_hex(std::string_view data);

}  // namespace util
