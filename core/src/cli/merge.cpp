#include "cli/merge.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/error.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace {

using json = nlohmann::ordered_json;

enum class Kind { json, jsonl, sarif };

std::string read_all(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(Failure{file, 0, 0, "无法读取：" + describe_path_error(errno)});
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

[[noreturn]] void not_an_output(const std::string& file, const std::string& why) {
  throw Error(Failure{file, 0, 0, "不是 reportlint 的 json、jsonl 或 sarif 输出：" + why});
}

// A percent-encoded SARIF URI back to the path it names, for ordering like a single run.
std::string decoded(std::string_view uri) {
  std::string out;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size()) {
      out += static_cast<char>(std::stoi(std::string(uri.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

void print(const json& j) { fmt::print("{}\n", j.dump(2, ' ', false, json::error_handler_t::replace)); }

void merge_json(std::vector<json>& inputs) {
  json merged = inputs.front();
  json files = json::array();
  json summary = json::object();
  for (json& input : inputs) {
    for (json& f : input["files"]) files.push_back(std::move(f));
    for (const auto& [key, value] : input["summary"].items())
      summary[key] = (summary.contains(key) ? summary[key].get<std::uint64_t>() : 0) + value.get<std::uint64_t>();
  }
  std::stable_sort(files.begin(), files.end(), [](const json& a, const json& b) {
    return a["path"].get_ref<const std::string&>() < b["path"].get_ref<const std::string&>();
  });
  merged["files"] = std::move(files);
  merged["summary"] = std::move(summary);
  print(merged);
}

void merge_sarif(std::vector<json>& inputs, std::size_t max_results) {
  json merged = inputs.front();
  json& run = merged["runs"][0];
  json rules = json::array();
  std::map<std::string, std::size_t> index_of;
  json results = json::array();
  json notifications = json::array();
  for (json& input : inputs) {
    for (json& r : input["runs"]) {
      const json& own_rules = r["tool"]["driver"]["rules"];
      for (const json& rule : own_rules)
        if (index_of.emplace(rule["id"].get<std::string>(), rules.size()).second) rules.push_back(rule);
      for (json& result : r["results"]) {
        if (result.contains("ruleId")) {
          const auto it = index_of.find(result["ruleId"].get<std::string>());
          if (it != index_of.end()) result["ruleIndex"] = it->second;
          else result.erase("ruleIndex");
        }
        results.push_back(std::move(result));
      }
      if (r.contains("invocations"))
        for (json& invocation : r["invocations"])
          for (json& n : invocation.value("toolExecutionNotifications", json::array())) notifications.push_back(n);
    }
  }
  auto key = [](const json& result) {
    const json& location = result["locations"][0]["physicalLocation"];
    return std::tuple(decoded(location["artifactLocation"]["uri"].get<std::string>()),
                      location["region"].value("startLine", 0), location["region"].value("startColumn", 0));
  };
  std::stable_sort(results.begin(), results.end(), [&](const json& a, const json& b) { return key(a) < key(b); });
  if (max_results && results.size() > max_results) {
    // As one run would: the most severe kept, errors first.
    auto rank = [](const json& r) {
      const std::string level = r.value("level", "warning");
      return level == "error" ? 0 : level == "warning" ? 1 : 2;
    };
    std::vector<std::size_t> order(results.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(results[a]) < rank(results[b]); });
    order.resize(max_results);
    std::sort(order.begin(), order.end());
    json kept = json::array();
    for (const std::size_t i : order) kept.push_back(std::move(results[i]));
    const std::string message = fmt::format("SARIF 中只有 {} 个结果（共 {} 个；GitHub 不接受一次运行超过 25000 个结果）：保留了最严重的，错误在先",
                                            kept.size(), results.size());
    fmt::print(stderr, "reportlint: warning: {}\n", message);
    notifications.push_back({{"level", "warning"}, {"message", {{"text", message}}}});
    results = std::move(kept);
  }
  run["tool"]["driver"]["rules"] = std::move(rules);
  run["results"] = std::move(results);
  run["invocations"] = json::array({{{"executionSuccessful", true}, {"toolExecutionNotifications", std::move(notifications)}}});
  merged["runs"] = json::array({std::move(run)});
  print(merged);
}

}  // namespace

void merge_outputs(const std::vector<std::string>& files, std::size_t sarif_max_results) {
  if (files.empty()) throw Error(Failure{"", 0, 0, "用法：reportlint merge FILE...（各分片的 json、jsonl 或 sarif 输出）"});
  std::vector<json> documents;
  std::vector<std::pair<std::string, std::string>> lines;  // jsonl: (sort key, line)
  std::optional<Kind> kind;
  for (const std::string& file : files) {
    const std::string text = read_all(file);
    Kind this_kind = Kind::jsonl;
    json document = json::parse(text, nullptr, false);
    if (!document.is_discarded() && document.is_object()) {
      if (document.contains("runs") && document["runs"].is_array() && !document["runs"].empty()) this_kind = Kind::sarif;
      else if (document.contains("files") && document["files"].is_array() && document.contains("summary")) this_kind = Kind::json;
      else not_an_output(file, "既没有 \"files\"，也没有 \"runs\"");
    }
    if (kind && *kind != this_kind) not_an_output(file, "与第一个文件的格式不同");
    kind = this_kind;
    if (this_kind != Kind::jsonl) {
      documents.push_back(std::move(document));
      continue;
    }
    std::size_t number = 0;
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(at, end - at);
      at = end + 1;
      ++number;
      if (line.empty()) continue;
      const json d = json::parse(line, nullptr, false);
      if (d.is_discarded() || !d.is_object() || !d.contains("path") || !d["path"].is_string())
        throw Error(Failure{file, static_cast<std::uint32_t>(number), 1, "不是 reportlint 的 jsonl 输出：这一行不是带 \"path\" 的 JSON 对象"});
      lines.emplace_back(fmt::format("{}\n{:010}\n{:010}", d["path"].get<std::string>(), d.value("line", 0), d.value("column", 0)), line);
    }
  }
  if (*kind == Kind::jsonl) {
    std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, line] : lines) fmt::print("{}\n", line);
  } else if (*kind == Kind::json) {
    merge_json(documents);
  } else {
    merge_sarif(documents, sarif_max_results);
  }
}

}  // namespace reportlint
