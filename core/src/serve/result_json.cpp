#include "serve/result_json.hpp"

#include "lint/fixes.hpp"
#include "model/position.hpp"
#include "output/json_diagnostic.hpp"
#include "output/json_writer.hpp"
#include "reportlint/text.hpp"

namespace reportlint::serve {
namespace {

const char* kind_name(LineKind kind) {
  switch (kind) {
    case LineKind::blank: return "blank";
    case LineKind::text: return "text";
    case LineKind::heading: return "heading";
    case LineKind::title: return "title";
    case LineKind::code: return "code";
  }
  return "text";
}

std::size_t utf16_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) n += column_width(utf8::next(s, i), ColumnUnit::utf16);
  return n;
}

}  // namespace

std::string result_json(const std::string& file, const Linted& linted) {
  const Document& doc = *linted.document;
  std::string out = "{\"file\": ";
  json::append_string(out, file);
  out += linted.source.kind == SourceKind::word ? ", \"kind\": \"word\"" : ", \"kind\": \"text\"";
  out += ", \"lines\": [";
  const Outline& outline = doc.outline();
  for (std::size_t i = 0; i < doc.lines().size(); ++i) {
    out += i ? ", {\"text\": " : "{\"text\": ";
    const std::string_view text = doc.line_text(static_cast<std::uint32_t>(i));
    json::append_string(out, text);
    // A Word paragraph's automatic number is shown but not typed: columns count from after
    // it, so the page shifts them by its length (in UTF-16 units, like the columns).
    const std::size_t generated = doc.typed_begin(i) - doc.lines()[i].begin;
    out.append(", \"typed\": ").append(std::to_string(utf16_length(text.substr(0, generated))));
    out.append(", \"kind\": \"").append(kind_name(outline.lines[i].kind)).append("\", \"level\": ");
    out.append(std::to_string(outline.lines[i].level)).append("}");
  }
  out += "], \"diagnostics\": [";
  PositionMapper begins(doc, ColumnUnit::utf16), ends(doc, ColumnUnit::utf16), others(doc, ColumnUnit::utf16);
  bool first = true;
  for (const Diagnostic& d : linted.diagnostics.to_vector()) {
    out += first ? "\n" : ",\n";
    first = false;
    append_diagnostic_json(out, d, begins, ends, others);
    out.pop_back();  // the object's closing brace: the page's own fields follow
    out += ", \"fix_message\": ";
    json::append_string(out, d.fix ? (d.fix->message.empty() ? describe_fix(doc.text(), *d.fix) : d.fix->message) : "");
    out += d.fix && d.fix->applicability == Applicability::safe ? ", \"fix_safe\": true}" : ", \"fix_safe\": false}";
  }
  out += "]}\n";
  return out;
}

}  // namespace reportlint::serve
