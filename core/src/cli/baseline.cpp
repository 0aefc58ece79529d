#include "cli/baseline.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/atomic_write.hpp"
#include "support/error.hpp"

namespace reportlint {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Baseline::Baseline(fs::path file) : file_(std::move(file)) {
  std::error_code ec;
  directory_ = fs::absolute(file_, ec).lexically_normal().parent_path();
}

Baseline Baseline::load(const fs::path& file) {
  Baseline baseline(file);
  const std::string shown = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(Failure{shown, 0, 0, "无法读取基线文件"});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  auto fail = [&](std::string message) { throw Error(Failure{shown, 0, 0, "不是有效的基线文件：" + message}); };
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    fail(e.what());
  }
  if (!root.is_object() || root.value("version", 0) != 1 || !root.contains("findings") || !root["findings"].is_array())
    fail("应有 \"version\": 1 和 \"findings\" 数组");
  for (const json& f : root["findings"]) {
    if (!f.is_object() || !f.contains("file") || !f["file"].is_string() || !f.contains("rule") || !f["rule"].is_string() ||
        !f.contains("line") || !f["line"].is_string())
      fail("每条记录都应有字符串 \"file\"、\"rule\"、\"line\"");
    const std::size_t count = f.value("count", 1);
    baseline.counts_[{f["file"].get<std::string>(), f["rule"].get<std::string>(), f["line"].get<std::string>()}] += count;
  }
  return baseline;
}

Baseline::Key Baseline::key_of(const std::string& shown_path, const Document& document, const Diagnostic& d) const {
  std::error_code ec;
  const fs::path absolute = fs::absolute(shown_path, ec).lexically_normal();
  fs::path relative = absolute.lexically_relative(directory_);
  if (relative.empty()) relative = absolute;  // no common root
  const std::string_view line = trim(document.line_text(document.line_at(d.range.begin)));
  return {relative.generic_string(), std::string(d.rule), std::string(line)};
}

void Baseline::add(const std::string& shown_path, const Document& document, const Diagnostic& diagnostic) {
  ++counts_[key_of(shown_path, document, diagnostic)];
}

bool Baseline::take(const std::string& shown_path, const Document& document, const Diagnostic& diagnostic) {
  const auto it = counts_.find(key_of(shown_path, document, diagnostic));
  if (it == counts_.end() || it->second == 0) return false;
  --it->second;
  return true;
}

std::size_t Baseline::size() const {
  std::size_t n = 0;
  for (const auto& [key, count] : counts_) n += count;
  return n;
}

void Baseline::write() const {
  json findings = json::array();
  for (const auto& [key, count] : counts_) {
    if (count == 0) continue;
    findings.push_back({{"file", std::get<0>(key)}, {"rule", std::get<1>(key)}, {"line", std::get<2>(key)}, {"count", count}});
  }
  const json root = {{"version", 1}, {"tool", "reportlint"}, {"findings", std::move(findings)}};
  std::error_code ec;
  if (!fs::exists(file_, ec)) {
    if (file_.has_parent_path()) fs::create_directories(file_.parent_path(), ec);
    std::ofstream(file_, std::ios::binary);  // the atomic writer replaces an existing file
  }
  write_file_atomically(file_, root.dump(2) + "\n");
}

}  // namespace reportlint
