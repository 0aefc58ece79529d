#include "cli/inputs.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <set>

#include "support/names.hpp"

namespace reportlint {
namespace fs = std::filesystem;
namespace {

bool is_supported(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".docx";
}

std::string cannot_read(const std::error_code& ec) { return "无法读取目录：" + describe_path_error(ec.value()); }

// Every supported file below `root`, hidden entries (.git, .cache) and Word's lock files
// (~$x.docx) left out. A directory or entry that cannot be read is a failure naming it;
// the walk goes on with the rest, so a gate never passes on files it silently did not see.
void walk(const fs::path& root, std::vector<std::string>& found, std::vector<Failure>& failures) {
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      failures.push_back({dir.generic_string(), 0, 0, cannot_read(ec)});
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      // Hidden entries, and the lock files Word and WPS keep beside an open document (~$报告.docx).
      if (const std::string name = p.filename().string(); name.starts_with(".") || name.starts_with("~$")) continue;
      std::error_code entry_ec;
      // Directories are entered, not followed through symbolic links (no loops).
      if (it->is_directory(entry_ec) && !it->is_symlink(entry_ec)) {
        pending.push_back(p);
        continue;
      }
      if (!is_supported(p)) continue;
      const auto status = fs::status(p, entry_ec);
      if (entry_ec) {
        failures.push_back({p.generic_string(), 0, 0, "无法读取：" + describe_path_error(entry_ec.value())});
      } else if (fs::is_regular_file(status)) {
        found.push_back(p.generic_string());
      } else if (!fs::is_directory(status)) {
        failures.push_back({p.generic_string(), 0, 0, "不是普通文件（设备、管道或套接字），不会读取"});
      }
    }
    if (ec) failures.push_back({dir.generic_string(), 0, 0, cannot_read(ec)});
  }
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& paths, std::vector<Failure>& failures) {
  std::vector<Input> inputs;
  std::set<std::string> seen;  // each file once, and each failure once, however often named
  auto first_time = [&](const std::string& path) { return seen.insert(fs::path(path).lexically_normal().string()).second; };
  auto add = [&](std::string path) {
    if (first_time(path)) inputs.push_back({std::move(path), false});
  };
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back({"-", true});
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      if (first_time(path)) failures.push_back({path, 0, 0, describe_path_error(ec ? ec.value() : ENOENT)});
      continue;
    }
    if (!fs::is_directory(status)) {
      add(path);
      continue;
    }
    std::vector<std::string> found;
    walk(path, found, failures);
    std::sort(found.begin(), found.end());
    for (std::string& f : found) add(std::move(f));
  }
  return inputs;
}

}  // namespace reportlint
