#include "cli/config_findings.hpp"

#include <map>
#include <set>
#include <string>

#include <fmt/format.h>

#include "io/source.hpp"
#include "lint/suppressions.hpp"
#include "model/document_builder.hpp"
#include "model/position.hpp"

namespace reportlint {

std::vector<FileReport> config_file_reports(const std::vector<std::shared_ptr<const Linter>>& linters,
                                            std::vector<Failure>& failures) {
  // By config file, in the order first seen; each entry once however many linters share it.
  std::map<std::string, std::vector<const IgnoreEntry*>> stale;
  std::vector<std::string> order;
  std::map<std::string, Severity> severity;
  std::set<const Linter*> seen;
  for (const auto& linter : linters) {
    if (!seen.insert(linter.get()).second) continue;
    const auto level = linter->severity(kUnusedSuppressionRule);
    if (!level) continue;
    for (const IgnoreEntry* entry : linter->unused_ignores()) {
      if (!entry->source.path) continue;
      const std::string& file = *entry->source.path;
      auto [it, added] = stale.try_emplace(file);
      if (added) order.push_back(file);
      it->second.push_back(entry);
      severity[file] = *level;
    }
  }

  std::vector<FileReport> reports;
  for (const std::string& file : order) {
    FileReport report;
    report.path = file;
    try {
      SourceText source = read_source_file(file);
      report.document = std::make_shared<const Document>(
          DocumentBuilder::build(file, std::move(source.text), DocumentFormat::plain_text, {}));
    } catch (const Error& e) {
      failures.insert(failures.end(), e.failures().begin(), e.failures().end());
      continue;
    }
    const Document& doc = *report.document;
    const PositionMapper mapper(doc, ColumnUnit::codepoint);  // toml++ counts columns in characters
    std::vector<Diagnostic> found;
    for (const IgnoreEntry* entry : stale[file]) {
      const auto& begin = entry->source.begin;
      const std::uint32_t at = mapper.offset_of({static_cast<std::uint32_t>(begin.line), static_cast<std::uint32_t>(begin.column)});
      Diagnostic d;
      d.rule = kUnusedSuppressionRule;
      d.severity = severity[file];
      d.range = {at, doc.lines()[doc.line_at(at)].end};  // the entry's first line: [[ignore]]
      d.message = fmt::format("[[ignore]] 条目（path = \"{}\"）没有屏蔽任何问题", entry->path);
      found.push_back(std::move(d));
    }
    sort_diagnostics(found);
    report.diagnostics = DiagnosticList::from(found);
    reports.push_back(std::move(report));
  }
  return reports;
}

}  // namespace reportlint
