// SARIF 2.1.0 (OASIS), the log GitHub code scanning and other CI dashboards read: one
// run, every rule of the loaded plugins under tool.driver.rules with its doc page as
// help, results with their regions, fingerprints (partialFingerprints, the baseline's),
// notes as related locations and fixes as SARIF fixes. GitHub refuses a run of more than
// 25,000 results: beyond RenderOptions::sarif_max_results the run keeps the most severe
// ones (errors first, then in order), and says so in the log and on standard error.
// Memory stays bounded: without a limit each result is written as it comes; with one, at
// most that many results are held (a more severe one pushes out the last of the least
// severe kind), and written in their order at the end.
// Paths are relative URIs against %SRCROOT% (the working directory), percent-encoded.
// SARIF counts columns in code points or UTF-16 units only; other units fall back to
// code points, and columnKind says which.
#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/fingerprint.hpp"
#include "output/formats.hpp"
#include "output/json_writer.hpp"
#include "output/relative_path.hpp"

namespace reportlint {
namespace {

using json = nlohmann::ordered_json;
namespace jsonw = reportlint::json;

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
    // Written as text, not built as a tree: a dense file has a finding every few dozen bytes.
    std::string artifact = "{\"uri\":";
    jsonw::append_string(artifact, uri_of(relative(report.path)));
    artifact += ",\"uriBaseId\":\"%SRCROOT%\"}";
    std::string text;
    auto region = [&](TextRange r) {
      const Position b = begins.at(r.begin), e = ends.at(r.end);
      fmt::format_to(std::back_inserter(text), "{{\"startLine\":{},\"startColumn\":{},\"endLine\":{},\"endColumn\":{}}}",
                     b.line, b.column, e.line, e.column);
    };
    auto location = [&](TextRange r) {
      text += "{\"artifactLocation\":";
      text += artifact;
      text += ",\"region\":";
      region(r);
      text += '}';
    };
    for (const Diagnostic& d : report.diagnostics) {
      text.clear();
      text += "{\"ruleId\":";
      jsonw::append_string(text, d.rule);
      if (auto it = rule_index_.find(d.rule); it != rule_index_.end()) fmt::format_to(std::back_inserter(text), ",\"ruleIndex\":{}", it->second);
      text += ",\"level\":\"";
      text += level_of(d.severity);
      text += "\",\"message\":{\"text\":";
      jsonw::append_string(text, d.message);
      text += "},\"locations\":[{\"physicalLocation\":";
      location(d.range);
      text += "}],\"partialFingerprints\":{\"reportlint/v1\":\"";
      text += fingerprint(*report.document, d);
      text += "\"}";
      if (!d.notes.empty()) {
        text += ",\"relatedLocations\":[";
        for (std::size_t i = 0; i < d.notes.size(); ++i) {
          fmt::format_to(std::back_inserter(text), "{}{{\"id\":{},\"message\":{{\"text\":", i ? "," : "", i + 1);
          jsonw::append_string(text, d.notes[i].message);
          text += '}';
          if (d.notes[i].range) {
            text += ",\"physicalLocation\":";
            location(*d.notes[i].range);
          }
          text += '}';
        }
        text += ']';
      }
      if (d.fix) {
        std::string description = d.fix->message.empty() ? "修复" : d.fix->message;
        if (d.fix->applicability == Applicability::unsafe) description += "（建议，需人工确认）";
        text += ",\"fixes\":[{\"description\":{\"text\":";
        jsonw::append_string(text, description);
        text += "},\"artifactChanges\":[{\"artifactLocation\":";
        text += artifact;
        text += ",\"replacements\":[";
        for (std::size_t i = 0; i < d.fix->edits.size(); ++i) {
          const Edit& e = d.fix->edits[i];
          text += i ? ",{\"deletedRegion\":" : "{\"deletedRegion\":";
          region(e.range);
          text += ",\"insertedContent\":{\"text\":";
          jsonw::append_string(text, e.replacement);
          text += "}}";
        }
        text += "]}]}]";
      }
      text += '}';
      add(d.severity, text);
    }
  }

  void finish(const Summary&) override {
    json notifications = json::array();
    if (!streaming()) {
      if (total_ > held_count_) {
        const std::string message = fmt::format(
            "SARIF 中只有 {} 个结果（共 {} 个；GitHub 不接受一次运行超过 25000 个结果）：保留了最严重的，错误在先。"
            "要看到全部，请用 --baseline 只报告新问题、分目录检查，或用 --sarif-max-results 0 取消限制",
            held_count_, total_);
        std::fprintf(stderr, "reportlint: warning: %s\n", message.c_str());
        notifications.push_back({{"level", "warning"}, {"message", {{"text", message}}}});
      }
      std::vector<Held> kept;
      kept.reserve(held_count_);
      for (auto& by_rank : held_)
        for (Held& h : by_rank) kept.push_back(std::move(h));
      std::sort(kept.begin(), kept.end(), [](const Held& a, const Held& b) { return a.order < b.order; });
      for (const Held& h : kept) write_result(h.text);
    }
    if (!started_) start();
    const json invocations = json::array({{{"executionSuccessful", true}, {"toolExecutionNotifications", std::move(notifications)}}});
    output_.text() += results_written_ ? "\n      ],\n" : "],\n";
    output_.text() += "      \"invocations\": " + invocations.dump(-1, ' ', false, json::error_handler_t::replace) + "\n    }\n  ]\n}\n";
    output_.flush();
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

  bool streaming() const { return options_.sarif_max_results == 0; }

  // The log up to the results: known before any result, since the rules come with the
  // options.
  void start() {
    started_ = true;
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
    auto member = [](const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); };
    output_.text() += "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
                      "  \"runs\": [\n    {\n      \"tool\": ";
    output_.text() += member(json{{"driver", driver(std::move(rules))}});
    output_.text() += ",\n      \"originalUriBaseIds\": " + member(json{{"%SRCROOT%", {{"uri", root}}}});
    output_.text() += ",\n      \"columnKind\": " + member(json(unit_ == ColumnUnit::utf16 ? "utf16CodeUnits" : "unicodeCodePoints"));
    output_.text() += ",\n      \"results\": [";
  }

  void write_result(const std::string& text) {
    if (!started_) start();
    output_.text() += results_written_ ? ",\n        " : "\n        ";
    output_.text() += text;
    ++results_written_;
    output_.flush_if_full();  // a file of a million findings is written as it goes
  }

  // A result, written now or held: with a limit, every error before any warning before any
  // note, each kind in the order reported, and never more than the limit held.
  void add(Severity severity, std::string text) {
    ++total_;
    if (streaming()) {
      write_result(text);
      return;
    }
    const std::size_t rank = severity == Severity::error ? 0 : severity == Severity::warning ? 1 : 2;
    if (held_count_ >= options_.sarif_max_results) {
      // Full: the newest of the least severe kind held makes room, if it is less severe.
      std::size_t worst = 2;
      while (held_[worst].empty()) --worst;
      if (worst <= rank) return;
      held_[worst].pop_back();
      --held_count_;
    }
    held_[rank].push_back({total_, std::move(text)});
    ++held_count_;
  }

  struct Held {
    std::size_t order;
    std::string text;
  };

  RenderOptions options_;
  std::FILE* out_;
  ColumnUnit unit_;
  std::map<std::string, std::size_t, std::less<>> rule_index_;
  ChunkedOutput output_{out_};
  bool started_ = false;
  std::size_t results_written_ = 0;
  std::size_t total_ = 0;      // results reported
  std::array<std::vector<Held>, 3> held_;  // with a limit: the results held, by severity
  std::size_t held_count_ = 0;
};

}  // namespace

std::unique_ptr<Renderer> make_sarif_renderer(const RenderOptions& options, std::FILE* out) {
  return std::make_unique<SarifRenderer>(options, out);
}

}  // namespace reportlint
