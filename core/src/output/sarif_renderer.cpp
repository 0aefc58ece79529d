// SARIF 2.1.0 (OASIS), the log GitHub code scanning and other CI dashboards read: one
// run, every rule of the loaded plugins under tool.driver.rules with its doc page as
// help, results with their regions, fingerprints (partialFingerprints, the baseline's),
// notes as related locations and fixes as SARIF fixes. GitHub refuses a run of more than
// 25,000 results: beyond RenderOptions::sarif_max_results the run keeps the most severe
// ones (errors first, then in order), and says so in the log and on standard error.
// Paths are relative URIs against %SRCROOT% (the working directory), percent-encoded.
// SARIF counts columns in code points or UTF-16 units only; other units fall back to
// code points, and columnKind says which.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/fingerprint.hpp"
#include "output/formats.hpp"
#include "output/relative_path.hpp"

namespace reportlint {
namespace {

using json = nlohmann::ordered_json;

std::string_view level_of(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "note";
}

// A path as a relative URI reference: '/' separators, everything but unreserved
// characters percent-encoded (Chinese file names included).
std::string uri_of(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

class SarifRenderer final : public Renderer {
 public:
  SarifRenderer(const RenderOptions& options, std::FILE* out) : options_(options), out_(out) {
    unit_ = options.column_unit == ColumnUnit::utf16 ? ColumnUnit::utf16 : ColumnUnit::codepoint;
    for (std::size_t i = 0; i < options.rules.size(); ++i) rule_index_.emplace(options.rules[i].id, i);
  }

  void file(const FileReport& report) override {
    if (!report.document) return;
    PositionMapper begins(*report.document, unit_), ends(*report.document, unit_);
    const json artifact = {{"uri", uri_of(relative(report.path))}, {"uriBaseId", "%SRCROOT%"}};
    auto region = [&](TextRange r) {
      const Position b = begins.at(r.begin), e = ends.at(r.end);
      return json{{"startLine", b.line}, {"startColumn", b.column}, {"endLine", e.line}, {"endColumn", e.column}};
    };
    for (const Diagnostic& d : report.diagnostics) {
      json result = {{"ruleId", d.rule}};
      if (auto it = rule_index_.find(d.rule); it != rule_index_.end()) result["ruleIndex"] = it->second;
      result["level"] = level_of(d.severity);
      result["message"] = {{"text", d.message}};
      result["locations"] = json::array({{{"physicalLocation", {{"artifactLocation", artifact}, {"region", region(d.range)}}}}});
      result["partialFingerprints"] = {{"reportlint/v1", fingerprint(*report.document, d)}};
      if (!d.notes.empty()) {
        json related = json::array();
        for (std::size_t i = 0; i < d.notes.size(); ++i) {
          json location = {{"id", i + 1}, {"message", {{"text", d.notes[i].message}}}};
          if (d.notes[i].range)
            location["physicalLocation"] = {{"artifactLocation", artifact}, {"region", region(*d.notes[i].range)}};
          related.push_back(std::move(location));
        }
        result["relatedLocations"] = std::move(related);
      }
      if (d.fix) {
        json replacements = json::array();
        for (const Edit& e : d.fix->edits)
          replacements.push_back({{"deletedRegion", region(e.range)}, {"insertedContent", {{"text", e.replacement}}}});
        std::string description = d.fix->message.empty() ? "修复" : d.fix->message;
        if (d.fix->applicability == Applicability::unsafe) description += "（建议，需人工确认）";
        result["fixes"] = json::array({{{"description", {{"text", description}}},
                                        {"artifactChanges", json::array({{{"artifactLocation", artifact},
                                                                          {"replacements", std::move(replacements)}}})}}});
      }
      severities_.push_back(d.severity);
      results_.push_back(std::move(result));
    }
  }

  void finish(const Summary&) override {
    json notifications = json::array();
    if (options_.sarif_max_results && results_.size() > options_.sarif_max_results) {
      const std::size_t total = results_.size();
      keep_most_severe(options_.sarif_max_results);
      const std::string message = fmt::format(
          "SARIF 中只有 {} 个结果（共 {} 个；GitHub 不接受一次运行超过 25000 个结果）：保留了最严重的，错误在先。"
          "要看到全部，请用 --baseline 只报告新问题、分目录检查，或用 --sarif-max-results 0 取消限制",
          results_.size(), total);
      std::fprintf(stderr, "reportlint: warning: %s\n", message.c_str());
      notifications.push_back({{"level", "warning"}, {"message", {{"text", message}}}});
    }
    json rules = json::array();
    for (const RuleDescription& r : options_.rules) {
      rules.push_back({{"id", r.id},
                       {"shortDescription", {{"text", r.summary}}},
                       {"fullDescription", {{"text", r.summary}}},
                       {"help", {{"text", r.doc.empty() ? r.summary : r.doc}, {"markdown", r.doc.empty() ? r.summary : r.doc}}},
                       {"defaultConfiguration", {{"level", level_of(r.default_severity)}, {"enabled", !r.opt_in}}},
                       {"properties", {{"tags", json::array({r.id.substr(0, r.id.find('.'))})}}}});
    }
    std::string root = "file://" + uri_of(options_.base_directory.generic_string());
    if (!root.ends_with('/')) root += '/';
    json log = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", json::array({{
                     {"tool", {{"driver", driver(std::move(rules))}}},
                     {"invocations", json::array({{{"executionSuccessful", true},
                                                   {"toolExecutionNotifications", std::move(notifications)}}})},
                     {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", root}}}}},
                     {"columnKind", unit_ == ColumnUnit::utf16 ? "utf16CodeUnits" : "unicodeCodePoints"},
                     {"results", std::move(results_)},
                 }})},
    };
    // Every string here is valid UTF-8 (names are escaped); replace, not throw, if one is not.
    const std::string text = log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), out_);
    std::fflush(out_);
  }

 private:
  std::string relative(const std::string& path) const { return relative_to(options_.base_directory, path); }

  json driver(json rules) const {
    json d = {{"name", "reportlint"}};
    if (!options_.homepage.empty()) d["informationUri"] = options_.homepage;
    d["version"] = options_.tool_version;
    d["semanticVersion"] = options_.tool_version;
    d["rules"] = std::move(rules);
    return d;
  }

  // Keeps `limit` results: every error before any warning before any note, each kind in
  // the order reported.
  void keep_most_severe(std::size_t limit) {
    std::vector<std::size_t> order(results_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto rank = [&](std::size_t i) { return severities_[i] == Severity::error ? 0 : severities_[i] == Severity::warning ? 1 : 2; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
    order.resize(limit);
    std::sort(order.begin(), order.end());  // back in the order reported
    json kept = json::array();
    for (const std::size_t i : order) kept.push_back(std::move(results_[i]));
    results_ = std::move(kept);
  }

  RenderOptions options_;
  std::FILE* out_;
  ColumnUnit unit_;
  std::map<std::string, std::size_t, std::less<>> rule_index_;
  json results_ = json::array();
  std::vector<Severity> severities_;  // of each result, for the limit
};

}  // namespace

std::unique_ptr<Renderer> make_sarif_renderer(const RenderOptions& options, std::FILE* out) {
  return std::make_unique<SarifRenderer>(options, out);
}

}  // namespace reportlint
