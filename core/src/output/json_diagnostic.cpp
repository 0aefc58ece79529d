#include "output/json_diagnostic.hpp"

#include <iterator>

#include <fmt/format.h>

#include "output/json_writer.hpp"

namespace reportlint {
namespace {

void append_range(std::string& out, Position begin, Position end, bool leading_comma = true) {
  auto number = [&](std::uint32_t n) { out.append(fmt::format_int(n).c_str()); };
  out.append(leading_comma ? ", \"line\": " : "\"line\": ");
  number(begin.line);
  out.append(", \"column\": ");
  number(begin.column);
  out.append(", \"end_line\": ");
  number(end.line);
  out.append(", \"end_column\": ");
  number(end.column);
}

}  // namespace

void append_diagnostic_json(std::string& out, const Diagnostic& d, PositionMapper& begins, PositionMapper& ends,
                            PositionMapper& others) {
  std::string& buffer = out;
  buffer += "{\"rule\": ";
  json::append_string(buffer, d.rule);
  buffer += ", \"plugin\": ";
  json::append_string(buffer, d.rule.substr(0, d.rule.find('.')));
  buffer.append(", \"severity\": \"").append(to_string(d.severity)).append("\", \"message\": ");
  json::append_string(buffer, d.message);
  append_range(buffer, begins.at(d.range.begin), ends.at(d.range.end));
  buffer += ", \"fixes\": [";
  if (d.fix) {
    const char* applicability = d.fix->applicability == Applicability::safe ? "safe" : "unsafe";
    for (std::size_t i = 0; i < d.fix->edits.size(); ++i) {
      const Edit& e = d.fix->edits[i];
      buffer += i ? ", {" : "{";
      append_range(buffer, others.at(e.range.begin), others.at(e.range.end), false);
      buffer += ", \"replacement\": ";
      json::append_string(buffer, e.replacement);
      fmt::format_to(std::back_inserter(buffer), ", \"applicability\": \"{}\"}}", applicability);
    }
  }
  buffer += "], \"notes\": [";
  for (std::size_t i = 0; i < d.notes.size(); ++i) {
    buffer += i ? ", {\"message\": " : "{\"message\": ";
    json::append_string(buffer, d.notes[i].message);
    if (d.notes[i].range) append_range(buffer, others.at(d.notes[i].range->begin), others.at(d.notes[i].range->end));
    buffer += '}';
  }
  buffer += "]}";
}

}  // namespace reportlint
