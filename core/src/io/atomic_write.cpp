#include "io/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>
#include <string>

#include <fmt/format.h>

#include "support/error.hpp"

namespace reportlint {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kUntouched = "（原文件未改动）";

[[noreturn]] void refuse(const fs::path& target, std::string message) {
  throw Error({target.string(), 0, 0, std::move(message)});
}

std::size_t hash_of(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

// The file's bytes now, to compare with the snapshot; nullopt when it cannot be read.
std::optional<std::string> read_all(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  std::string bytes;
  char buffer[65536];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return bytes;
}

bool same_time(const timespec& a, const timespec& b) { return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec; }

}  // namespace

FileSnapshot snapshot_of(int fd, std::string_view bytes) {
  FileSnapshot s;
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    s.device = st.st_dev;
    s.inode = st.st_ino;
    s.size = st.st_size;
    s.modified = st.st_mtim;
  }
  s.hash = hash_of(bytes);
  return s;
}

void write_file_atomically(const fs::path& target, std::string_view bytes, const WriteGuard& guard) {
  std::error_code ec;
  const bool exists = fs::exists(target, ec);
  const fs::path real = exists ? fs::canonical(target, ec) : fs::absolute(target, ec).lexically_normal();
  if (ec) refuse(target, fmt::format("无法写回：{}", ec.message()));
  struct stat st {};
  const bool had_file = ::stat(real.c_str(), &st) == 0;
  if (!had_file && errno != ENOENT) refuse(target, fmt::format("无法写回：{}", std::strerror(errno)));
  if (had_file) {
    if (!S_ISREG(st.st_mode)) refuse(target, fmt::format("不是普通文件，不会被替换{}", kUntouched));
    if (st.st_nlink > 1)
      refuse(target, fmt::format("有 {} 个硬链接，替换它会把这些链接拆开；没有写回{}", st.st_nlink, kUntouched));
    // Read-only by its mode — even for root, whom access() would let through.
    if (!guard.force && (::access(real.c_str(), W_OK) != 0 || (st.st_mode & 0222) == 0))
      refuse(target, fmt::format("是只读文件，没有写回（确需修改请加 --force）{}", kUntouched));
  }

  // A hidden name beside the target, so rename() stays within one file system.
  std::string name = ".";
  name += real.filename().string();
  name += ".reportlint-XXXXXX";
  std::string temp = (real.parent_path() / name).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) refuse(target, fmt::format("无法在同一目录创建临时文件：{}{}", std::strerror(errno), kUntouched));

  auto fail = [&](std::string what) {
    ::close(fd);
    ::unlink(temp.c_str());
    refuse(target, what + std::string(kUntouched));
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(fmt::format("写入临时文件失败：{}", std::strerror(errno)));
    }
    written += static_cast<std::size_t>(n);
  }
  if (had_file) {
    if (::fchmod(fd, st.st_mode & 07777) != 0) fail(fmt::format("无法设置临时文件的权限：{}", std::strerror(errno)));
    // The replacement must belong to whom the file belonged: if it cannot, leave the file.
    if ((st.st_uid != ::geteuid() || st.st_gid != ::getegid()) && ::fchown(fd, st.st_uid, st.st_gid) != 0)
      fail(fmt::format("无法让新文件保持原来的属主和属组（{}）：{}，没有写回", st.st_uid, std::strerror(errno)));
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) fail(fmt::format("无法设置新文件的权限：{}", std::strerror(errno)));
  }
  if (::fsync(fd) != 0) fail(fmt::format("同步临时文件失败：{}", std::strerror(errno)));
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    refuse(target, fmt::format("关闭临时文件失败：{}{}", std::strerror(saved), kUntouched));
  }
  // Last: the file must still be the one that was read, as it was read. An edit saved in
  // the meantime (another editor, another reportlint) is kept, not overwritten.
  if (guard.expected) {
    const FileSnapshot& e = *guard.expected;
    struct stat now {};
    bool same = ::stat(real.c_str(), &now) == 0 && now.st_dev == e.device && now.st_ino == e.inode &&
                now.st_size == e.size && same_time(now.st_mtim, e.modified);
    if (same) {
      const auto current = read_all(real);
      same = current && hash_of(*current) == e.hash;
    }
    if (!same) {
      ::unlink(temp.c_str());
      refuse(target, fmt::format("在检查期间被修改过，没有写回修复，以免覆盖新的改动；请重新运行{}", kUntouched));
    }
  }
  if (::rename(temp.c_str(), real.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    refuse(target, fmt::format("替换原文件失败：{}{}", std::strerror(saved), kUntouched));
  }
}

}  // namespace reportlint
