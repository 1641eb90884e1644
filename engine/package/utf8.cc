#include "package/utf8.h"

namespace package {

bool valid_utf8(std::string_view s, size_t* bad_at) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = n != 0 && i + n <= s.size();
    for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
    if (ok && n == 2) ok = c >= 0xC2;                                    // no overlong forms
    if (ok && n == 3 && c == 0xE0) ok = static_cast<unsigned char>(s[i + 1]) >= 0xA0;
    if (ok && n == 3 && c == 0xED) ok = static_cast<unsigned char>(s[i + 1]) < 0xA0;  // no surrogates
    if (ok && n == 4 && c == 0xF0) ok = static_cast<unsigned char>(s[i + 1]) >= 0x90;
    if (ok && n == 4) ok = c < 0xF4 || (c == 0xF4 && static_cast<unsigned char>(s[i + 1]) < 0x90);
    if (!ok) {
      if (bad_at) *bad_at = i;
      return false;
    }
    i += n;
  }
  return true;
}

}  // namespace package
