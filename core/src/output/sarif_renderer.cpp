// SARIF 2.1.0 (OASIS), the log GitHub code scanning and other CI dashboards read: one
// run, every rule of the loaded plugins under tool.driver.rules with its doc page as
// help, results with their regions, notes as related locations and fixes as SARIF fixes.
// Paths are relative URIs against %SRCROOT% (the working directory), percent-encoded.
// SARIF counts columns in code points or UTF-16 units only; other units fall back to
// code points, and columnKind says which.
#include <nlohmann/json.hpp>

#include "output/formats.hpp"

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
      results_.push_back(std::move(result));
    }
  }

  void finish(const Summary&) override {
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
                     {"tool", {{"driver", {{"name", "reportlint"},
                                           {"version", options_.tool_version},
                                           {"semanticVersion", options_.tool_version},
                                           {"rules", std::move(rules)}}}}},
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
  // The path relative to the base directory, '/'-separated.
  std::string relative(const std::string& path) const {
    std::filesystem::path p(path);
    if (p.is_absolute() && !options_.base_directory.empty()) {
      const auto r = p.lexically_relative(options_.base_directory);
      if (!r.empty() && *r.begin() != "..") p = r;
    }
    return p.lexically_normal().generic_string();
  }

  RenderOptions options_;
  std::FILE* out_;
  ColumnUnit unit_;
  std::map<std::string, std::size_t, std::less<>> rule_index_;
  json results_ = json::array();
};

}  // namespace

std::unique_ptr<Renderer> make_sarif_renderer(const RenderOptions& options, std::FILE* out) {
  return std::make_unique<SarifRenderer>(options, out);
}

}  // namespace reportlint
