// Replacing a file's content without a moment where it is half written.
#pragma once

#include <filesystem>
#include <string_view>

namespace reportlint {

// Writes `bytes` to a temporary file in the target's directory, copies the target's
// permissions (and owner, where allowed), syncs it, then renames it over the target.
// A symbolic link is followed: the file it points to is replaced, the link stays.
// Throws Error naming the file; the target is untouched on failure.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace reportlint
