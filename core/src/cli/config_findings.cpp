#include "cli/config_findings.hpp"

#include <algorithm>
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
  // By config file, in the order first seen; an entry once, however many configurations
  // in use extend the file that declares it.
  struct StaleFile {
    std::string path;
    Severity severity;
    std::vector<const IgnoreEntry*> entries;
  };
  std::vector<StaleFile> stale;
  std::set<const Linter*> seen;
  for (const auto& linter : linters) {
    if (!seen.insert(linter.get()).second) continue;
    const auto level = linter->severity(kUnusedSuppressionRule);
    if (!level) continue;
    for (const IgnoreEntry* entry : linter->unused_ignores()) {
      if (!entry->source.path) continue;
      auto file = std::find_if(stale.begin(), stale.end(), [&](const StaleFile& f) { return f.path == *entry->source.path; });
      if (file == stale.end()) file = stale.insert(stale.end(), {*entry->source.path, *level, {}});
      const bool known = std::any_of(file->entries.begin(), file->entries.end(),
                                     [&](const IgnoreEntry* e) { return e->source.begin == entry->source.begin; });
      if (!known) file->entries.push_back(entry);
    }
  }

  std::vector<FileReport> reports;
  for (const StaleFile& stale_file : stale) {
    const std::string& file = stale_file.path;
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
    for (const IgnoreEntry* entry : stale_file.entries) {
      const auto& begin = entry->source.begin;
      const std::uint32_t at = mapper.offset_of({static_cast<std::uint32_t>(begin.line), static_cast<std::uint32_t>(begin.column)});
      Diagnostic d;
      d.rule = kUnusedSuppressionRule;
      d.severity = stale_file.severity;
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
