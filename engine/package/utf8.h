// Whether text is UTF-8, strictly (no overlong forms, no surrogates, nothing
// above U+10FFFF): what package files and imported CSV files are held to.
#pragma once

#include <cstddef>
#include <string_view>

namespace package {

// True if `s` is valid UTF-8; else *bad_at is the byte offset of the first bad byte.
bool valid_utf8(std::string_view s, size_t* bad_at = nullptr);

}  // namespace package
