// Replacing a file's content without a moment where it is half written, and without
// losing anything the user did not ask to lose.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string_view>

namespace reportlint {

// What a file was when it was read: the rewrite checks it is still that file, unchanged.
struct FileSnapshot {
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  timespec modified{};
  std::size_t hash = 0;  // of the bytes read
};

// Takes the snapshot of an open file whose bytes are `bytes`.
FileSnapshot snapshot_of(int fd, std::string_view bytes);

struct WriteGuard {
  std::optional<FileSnapshot> expected;  // refuse when the file changed since
  bool force = false;                    // rewrite a read-only file too
};

// Writes `bytes` to a temporary file in the target's directory, gives it the target's
// permissions, owner and group, syncs it, then renames it over the target. A symbolic
// link is followed: the file it points to is replaced, the link stays. A target that
// does not exist yet is created.
//
// Refuses — throwing Error naming the file, which is left as it was — when the target is
// not a regular file, changed since `guard.expected` was taken, is read-only (unless
// `guard.force`), has other hard links (a rename would split them), or could not keep
// its owner and group.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes, const WriteGuard& guard = {});

}  // namespace reportlint
