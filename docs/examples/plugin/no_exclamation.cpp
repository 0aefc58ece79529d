// example.no-exclamation — 公文 state facts; an exclamation mark belongs to slogans.
//
// A complete plugin: one rule file, one REPORTLINT_PLUGIN line, one doc page.
#include <string>

#include "reportlint/plugin.hpp"

namespace {

// Options of [plugins.example] in .reportlint.toml, declared once: the core checks the
// table against the declarations (unknown keys, wrong types: one error each, with the
// file, line and column), and --explain and --print-config list them.
REPORTLINT_OPTION(allow_in_quotes, boolean, "true", "引号内的感叹号（口号、引语）不报告");

class NoExclamation final : public reportlint::Rule {
 public:
  void configure(reportlint::OptionReader& options) override {
    allow_in_quotes_ = options.get_bool("allow_in_quotes", true);
  }

  void check(const reportlint::Document& doc, reportlint::DiagnosticSink& sink) const override {
    const std::string_view text = doc.text();
    const std::string_view mark = "！";
    for (std::size_t i = 0; i < doc.lines().size(); ++i) {
      // The outline tells what a line is; code blocks are not prose.
      if (doc.outline().lines[i].kind == reportlint::LineKind::code) continue;
      const reportlint::Line& line = doc.lines()[i];
      int quote_depth = 0;
      for (std::size_t at = line.begin; at < line.end;) {
        const std::size_t next = at + reportlint::utf8::sequence_length(static_cast<unsigned char>(text[at]));
        const std::string_view ch = text.substr(at, next - at);
        if (ch == "“") ++quote_depth;
        if (ch == "”" && quote_depth > 0) --quote_depth;
        if (ch == mark && !(allow_in_quotes_ && quote_depth > 0)) {
          const reportlint::TextRange r{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(next)};
          auto d = diagnostic(r, "公文正文不宜使用感叹号");
          d.fix = reportlint::Fix{{{r, "。"}}, reportlint::Applicability::unsafe, "改为句号"};
          sink.report(std::move(d));
        }
        at = next;
      }
    }
  }

 private:
  bool allow_in_quotes_ = true;
};

REPORTLINT_RULE(NoExclamation, "example.no-exclamation", warning, sometimes, "正文中的感叹号");

}  // namespace

REPORTLINT_PLUGIN("example", "1.0.0");
