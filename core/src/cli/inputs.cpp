#include "cli/inputs.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace reportlint {
namespace fs = std::filesystem;
namespace {

bool is_supported(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".md" || ext == ".markdown";
}

}  // namespace

std::vector<Input> collect_inputs(const std::vector<std::string>& paths, std::vector<Failure>& failures) {
  std::vector<Input> inputs;
  std::set<std::string> seen;
  auto add = [&](std::string path) {
    if (seen.insert(fs::path(path).lexically_normal().string()).second) inputs.push_back({std::move(path), false});
  };
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back({"-", true});
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) {
      failures.push_back({path, 0, 0, "文件或目录不存在"});
      continue;
    }
    if (!fs::is_directory(status)) {
      add(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      failures.push_back({path, 0, 0, "无法读取目录：" + ec.message()});
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        failures.push_back({it->path().generic_string(), 0, 0, "无法读取目录：" + ec.message()});
        break;
      }
      const fs::path& p = it->path();
      if (p.filename().string().starts_with(".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && is_supported(p)) found.push_back(p.generic_string());
    }
    std::sort(found.begin(), found.end());
    for (std::string& f : found) add(std::move(f));
  }
  return inputs;
}

}  // namespace reportlint
