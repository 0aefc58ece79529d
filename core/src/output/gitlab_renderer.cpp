// GitLab Code Quality (a subset of the Code Climate spec), the report GitLab shows in merge
// requests: a JSON array of issues, each with a description, the rule as check_name, a
// severity, the path from the repository's root and the line, and a fingerprint unique in
// the report and stable across runs (the finding's fingerprint, lint/fingerprint.hpp,
// with its path and its occurrence, so a finding that is not fixed keeps its identity).
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint/fingerprint.hpp"
#include "output/formats.hpp"
#include "output/relative_path.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace {

using json = nlohmann::ordered_json;

std::string_view severity_of(Severity s) {
  switch (s) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::note: return "info";
  }
  return "info";
}

std::string hex_fnv(std::string_view s) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const unsigned char c : s) hash = (hash ^ c) * 0x100000001b3ull;
  return fmt::format("{:016x}", hash);
}

class GitlabRenderer final : public Renderer {
 public:
  GitlabRenderer(const RenderOptions& options, std::FILE* out) : options_(options), out_(out) {}

  void file(const FileReport& report) override {
    if (report.diagnostics.empty()) return;
    PositionMapper begins(*report.document, ColumnUnit::codepoint), ends(*report.document, ColumnUnit::codepoint);
    const std::string path = escape_name(relative_to(options_.base_directory, report.path));
    std::map<std::string, int> seen;  // fingerprint → occurrences so far in this file
    ChunkedOutput output(out_);
    for (const Diagnostic& d : report.diagnostics) {
      const Position b = begins.at(d.range.begin), e = ends.at(d.range.end);
      const std::string own = fingerprint(*report.document, d);
      const int occurrence = seen[own]++;
      const json issue = {
          {"type", "issue"},
          {"description", d.message},
          {"check_name", d.rule},
          {"categories", json::array({"Style"})},
          {"fingerprint", hex_fnv(fmt::format("{}\n{}\n{}\n{}", path, d.rule, own, occurrence))},
          {"severity", severity_of(d.severity)},
          {"location", {{"path", path}, {"lines", {{"begin", b.line}, {"end", e.line}}}}},
      };
      output.text() += first_ ? "[\n" : ",\n";
      first_ = false;
      output.text() += issue.dump(-1, ' ', false, json::error_handler_t::replace);
      output.flush_if_full();
    }
  }

  void finish(const Summary&) override {
    const std::string_view end = first_ ? "[]\n" : "\n]\n";
    std::fwrite(end.data(), 1, end.size(), out_);
    std::fflush(out_);
  }

 private:
  RenderOptions options_;
  std::FILE* out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Renderer> make_gitlab_renderer(const RenderOptions& options, std::FILE* out) {
  return std::make_unique<GitlabRenderer>(options, out);
}

}  // namespace reportlint
