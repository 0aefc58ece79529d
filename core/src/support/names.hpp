// File names as reportlint shows them. A name on Linux is any bytes but '/' and NUL: not
// valid UTF-8, or holding terminal escape sequences. Every output names files through
// escape_name(), so JSON stays valid UTF-8 and nothing a file is called reaches the
// terminal as a control sequence.
#pragma once

#include <string>
#include <string_view>

namespace reportlint {

// `name` with each byte that is not part of valid UTF-8, and each control character
// (C0, DEL, C1), written as \xNN; a backslash is written \\ only when escapes were needed,
// so ordinary names are shown as they are.
std::string escape_name(std::string_view name);

// Length of the valid UTF-8 sequence at s[i] that is not a control character, or 0 for a
// byte escape_name() writes as \xNN. Allocates nothing: crash handlers use it.
std::size_t printable_sequence(std::string_view s, std::size_t i) noexcept;

// Why a path could not be used, from errno: 文件或目录不存在, 没有权限, 符号链接循环…
std::string describe_path_error(int error);

}  // namespace reportlint
