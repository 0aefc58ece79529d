#include "cli/baseline.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/atomic_write.hpp"
#include "io/source.hpp"
#include "lint/fingerprint.hpp"
#include "support/error.hpp"
#include "support/names.hpp"

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

namespace {

// 1-based line and column (in code points) of a byte offset.
std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::uint32_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

Baseline Baseline::load(const fs::path& file) {
  Baseline baseline(file);
  // As a draft is read: a regular file of bounded size, valid UTF-8; errors name it.
  std::string text;
  try {
    text = read_source_file(file.string()).text;
  } catch (Error& e) {
    std::vector<Failure> failures = e.failures();
    for (Failure& f : failures)
      f.message = f.message.starts_with("无法读取：") ? "无法读取基线文件：" + f.message.substr(std::string_view("无法读取：").size())
                                                      : "基线文件" + f.message;
    throw Error(std::move(failures));
  }
  const std::string shown = file.string();
  auto fail = [&](std::string message, std::uint32_t line = 0, std::uint32_t column = 0) {
    throw Error(Failure{shown, line, column, "不是有效的基线文件：" + message});
  };
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    // e.byte is 1-based: the byte at which parsing failed.
    const auto [line, column] = line_column(text, e.byte == 0 ? 0 : e.byte - 1);
    std::string detail = e.what();
    if (const std::size_t at = detail.find(": syntax error"); at != std::string::npos) detail.erase(0, at + 2);
    fail(fmt::format("JSON 语法错误（{}）", detail), line, column);
  } catch (const json::exception& e) {
    // A number too large for any type (out_of_range 406) is reported without a position.
    std::string detail = e.what();
    if (const std::size_t at = detail.find("] "); at != std::string::npos) detail.erase(0, at + 2);
    fail(fmt::format("JSON 错误（{}）", detail));
  }
  const json version = root.is_object() ? root.value("version", json()) : json();
  if (!root.is_object() || (version != 1 && version != 2) || !root.contains("findings") || !root["findings"].is_array())
    fail("应有 \"version\"（1 或 2）和 \"findings\" 数组");
  std::size_t index = 0;
  for (const json& f : root["findings"]) {
    ++index;
    auto field = [&](const char* name) -> const json* {
      if (!f.is_object()) return nullptr;
      const auto it = f.find(name);
      return it != f.end() && it->is_string() ? &*it : nullptr;
    };
    // Version 2 keeps a version-1 finding (matched on its line) as it was.
    const char* identity = version == 2 && field("fingerprint") ? "fingerprint" : "line";
    if (!f.is_object() || !field("file") || !field("rule") || !field(identity))
      fail(fmt::format("第 {} 条记录应有字符串 \"file\"、\"rule\"、{}", index,
                       version == 1 ? "\"line\"" : "\"fingerprint\"（或旧版的 \"line\"）"));
    std::size_t count = 1;
    if (const auto it = f.find("count"); it != f.end()) {
      if (!it->is_number_unsigned() || it->get<std::uint64_t>() == 0 || it->get<std::uint64_t>() > 1'000'000'000)
        fail(fmt::format("第 {} 条记录的 \"count\" 应为正整数", index));
      count = it->get<std::size_t>();
    }
    Key key{field("file")->get<std::string>(), field("rule")->get<std::string>(), field(identity)->get<std::string>()};
    if (identity == std::string_view("line")) {
      baseline.line_counts_[std::move(key)] += count;
    } else {
      if (const json* text = field("text")) baseline.texts_[key] = text->get<std::string>();
      baseline.counts_[std::move(key)] += count;
    }
  }
  return baseline;
}

std::string Baseline::file_key(const std::string& shown_path) const {
  std::error_code ec;
  const fs::path absolute = fs::absolute(shown_path, ec).lexically_normal();
  fs::path relative = absolute.lexically_relative(directory_);
  if (relative.empty()) relative = absolute;  // no common root
  // Stored in JSON: a name that is not UTF-8 is kept as escape_name() shows it.
  return escape_name(relative.generic_string());
}

void Baseline::add(const std::string& shown_path, const Document& document, const Diagnostic& diagnostic) {
  Key key{file_key(shown_path), std::string(diagnostic.rule), fingerprint(document, diagnostic)};
  texts_.try_emplace(key, fingerprint_parts(document, diagnostic).flagged);
  ++counts_[std::move(key)];
}

bool Baseline::take(const std::string& shown_path, const Document& document, const Diagnostic& diagnostic) {
  const std::string file = file_key(shown_path);
  if (const auto it = counts_.find({file, std::string(diagnostic.rule), fingerprint(document, diagnostic)});
      it != counts_.end() && it->second > 0) {
    --it->second;
    return true;
  }
  if (line_counts_.empty()) return false;
  const std::string_view line = trim(document.line_text(document.line_at(diagnostic.range.begin)));
  const auto it = line_counts_.find({file, std::string(diagnostic.rule), std::string(line)});
  if (it == line_counts_.end() || it->second == 0) return false;
  --it->second;
  return true;
}

std::size_t Baseline::size() const {
  std::size_t n = 0;
  for (const auto& [key, count] : counts_) n += count;
  for (const auto& [key, count] : line_counts_) n += count;
  return n;
}

void Baseline::write() const {
  json findings = json::array();
  for (const auto& [key, count] : counts_) {
    if (count == 0) continue;
    const auto text = texts_.find(key);
    findings.push_back({{"file", std::get<0>(key)},
                        {"rule", std::get<1>(key)},
                        {"fingerprint", std::get<2>(key)},
                        {"text", text != texts_.end() ? text->second : std::string()},
                        {"count", count}});
  }
  for (const auto& [key, count] : line_counts_) {
    if (count == 0) continue;
    findings.push_back({{"file", std::get<0>(key)}, {"rule", std::get<1>(key)}, {"line", std::get<2>(key)}, {"count", count}});
  }
  const json root = {{"version", 2}, {"tool", "reportlint"}, {"findings", std::move(findings)}};
  std::error_code ec;
  if (!fs::exists(file_, ec)) {
    if (file_.has_parent_path()) fs::create_directories(file_.parent_path(), ec);
    std::ofstream(file_, std::ios::binary);  // the atomic writer replaces an existing file
  }
  write_file_atomically(file_, root.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
}

}  // namespace reportlint
