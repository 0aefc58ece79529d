#include "io/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "support/error.hpp"

namespace reportlint {
namespace fs = std::filesystem;

void write_file_atomically(const fs::path& target, std::string_view bytes) {
  std::error_code ec;
  const fs::path real = fs::canonical(target, ec);
  if (ec) throw Error({target.string(), 0, 0, fmt::format("无法写回：{}", ec.message())});
  struct stat st {};
  if (::stat(real.c_str(), &st) != 0)
    throw Error({target.string(), 0, 0, fmt::format("无法写回：{}", std::strerror(errno))});

  // A hidden name beside the target, so rename() stays within one file system.
  std::string name = ".";
  name += real.filename().string();
  name += ".reportlint-XXXXXX";
  std::string temp = (real.parent_path() / name).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw Error({target.string(), 0, 0, fmt::format("无法在同一目录创建临时文件：{}（原文件未改动）", std::strerror(errno))});

  auto fail = [&](const char* what) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    throw Error({target.string(), 0, 0, fmt::format("{}：{}（原文件未改动）", what, std::strerror(saved))});
  };
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("写入临时文件失败");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0) fail("无法设置临时文件的权限");
  if (::fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM) fail("无法设置临时文件的属主");
  if (::fsync(fd) != 0) fail("同步临时文件失败");
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    throw Error({target.string(), 0, 0, fmt::format("关闭临时文件失败：{}（原文件未改动）", std::strerror(saved))});
  }
  if (::rename(temp.c_str(), real.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    throw Error({target.string(), 0, 0, fmt::format("替换原文件失败：{}（原文件未改动）", std::strerror(saved))});
  }
}

}  // namespace reportlint
