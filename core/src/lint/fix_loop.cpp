#include "lint/fix_loop.hpp"

#include <map>

#include <fmt/format.h>

#include "lint/core_rules.hpp"
#include "lint/fixes.hpp"
#include "model/document_builder.hpp"

namespace reportlint {
namespace {

// Certain fixes on offer, per rule.
std::map<std::string_view, std::size_t> safe_fixes(const std::vector<Diagnostic>& diagnostics) {
  std::map<std::string_view, std::size_t> count;
  for (const Diagnostic& d : diagnostics)
    if (d.fix && d.fix->applicability == Applicability::safe) ++count[d.rule];
  return count;
}

}  // namespace

std::shared_ptr<const Document> document_of(const SourceText& source) {
  return std::make_shared<const Document>(
      DocumentBuilder::build(source.path, source.text, format_for_path(source.path), source.origins));
}

std::shared_ptr<const Document> document_moving_text(SourceText& source) {
  return std::make_shared<const Document>(
      DocumentBuilder::build(source.path, std::move(source.text), format_for_path(source.path), source.origins));
}

void restrict_fixes_to_source(const SourceText& source, const Document& document, DiagnosticList& diagnostics) {
  // Plain UTF-8 text takes every fix: only other encodings and Word need a look.
  if (source.kind == SourceKind::text && source.encoding == Encoding::utf8) return;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (!diagnostics.has_safe_fix(i)) continue;
    for (const Edit& e : diagnostics.fix_edits(i)) {
      std::string why = edit_obstacle(source, document, e);
      if (why.empty()) continue;
      diagnostics.make_fix_unsafe(i, "不能自动修复：" + std::move(why));
      break;
    }
  }
}

FixOutcome fix_until_stable(SourceText source, std::shared_ptr<const Document> document,
                            std::vector<Diagnostic> diagnostics, const Linter& linter) {
  FixOutcome out;
  std::vector<std::string_view> unstable;
  int pass = 0;
  for (; pass < kMaxFixPasses; ++pass) {
    const auto before = safe_fixes(diagnostics);
    FixSelection selection = select_fixes(diagnostics);
    if (selection.fixes == 0) break;
    SourceText fixed = apply_source_edits(source, selection.edits);
    if (fixed.text == source.text) break;
    out.applied += selection.fixes;
    source = std::move(fixed);
    document = document_of(source);
    DiagnosticList found = linter.check(*document);
    restrict_fixes_to_source(source, *document, found);
    diagnostics = found.to_vector();
    for (const auto& [rule, n] : safe_fixes(diagnostics))
      if (const auto it = before.find(rule); it != before.end() && n >= it->second) unstable.push_back(rule);
    if (!unstable.empty()) break;
  }
  if (pass == kMaxFixPasses)
    for (const auto& [rule, n] : safe_fixes(diagnostics)) unstable.push_back(rule);

  const auto severity = linter.severity(kUnstableFixRule);
  if (severity && !unstable.empty()) {
    std::vector<Diagnostic> added;
    for (const std::string_view rule : unstable) {
      for (const Diagnostic& d : diagnostics) {
        if (d.rule != rule || !d.fix || d.fix->applicability != Applicability::safe) continue;
        Diagnostic u;
        u.rule = kUnstableFixRule;
        u.range = d.range;
        u.severity = *severity;
        u.message = fmt::format("规则“{}”的修复没有收敛：修复后又出现了同样的问题，已停止修复（第 {} 轮）；请手工处理", rule,
                                std::min(pass + 1, kMaxFixPasses));
        added.push_back(std::move(u));
        break;
      }
    }
    for (Diagnostic& u : added) diagnostics.push_back(std::move(u));
    sort_diagnostics(diagnostics);
  }
  out.source = std::move(source);
  out.document = std::move(document);
  out.diagnostics = std::move(diagnostics);
  return out;
}

}  // namespace reportlint
