// Path patterns of the config ([[ignore]] path, encoding tables): `**` any run of
// directories, `*` any run within one name, `?` one character; '/'-separated.
#pragma once

#include <string_view>

namespace reportlint {

bool glob_matches(std::string_view pattern, std::string_view path);

}  // namespace reportlint
