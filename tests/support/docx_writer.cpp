#include "support/docx_writer.hpp"

#include <stdexcept>

#include <fmt/format.h>
#include <zip.h>

#include "io/docx/number_format.hpp"
#include "reportlint/number_token.hpp"

namespace reportlint::test {
namespace {

constexpr std::string_view kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string content_types(const DocxParts& parts) {
  std::string out =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
      R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
      R"(<Default Extension="xml" ContentType="application/xml"/>)"
      R"(<Default Extension="png" ContentType="image/png"/>)"
      R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)";
  if (!parts.numbering.empty())
    out += R"(<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>)";
  if (!parts.styles.empty())
    out += R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)";
  return out + "</Types>";
}

std::string document_rels(const DocxParts& parts) {
  std::string out = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  if (!parts.numbering.empty())
    out += R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)";
  if (!parts.styles.empty())
    out += R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)";
  return out + "</Relationships>";
}

}  // namespace

std::string make_docx(const DocxParts& parts) {
  std::map<std::string, std::string> entries;
  entries["[Content_Types].xml"] = content_types(parts);
  entries["_rels/.rels"] =
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
      R"(</Relationships>)";
  entries["word/_rels/document.xml.rels"] = document_rels(parts);
  entries["word/document.xml"] = fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      "\r\n<w:document xmlns:w=\"{}\" xmlns:r=\"{}\"><w:body>{}<w:sectPr/></w:body></w:document>",
      kW, kR, parts.body);
  if (!parts.numbering.empty())
    entries["word/numbering.xml"] = fmt::format(
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{}">{}</w:numbering>)", kW,
        parts.numbering);
  if (!parts.styles.empty())
    entries["word/styles.xml"] = fmt::format(
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{}">{}</w:styles>)", kW, parts.styles);
  for (const auto& [name, content] : parts.extra) entries[name] = content;  // may replace a part
  return make_zip(entries);
}

std::string make_zip(const std::map<std::string, std::string>& entries) {
  // Written into a buffer source, which holds the archive after zip_close().
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* target = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(target);
  zip_t* archive = zip_open_from_source(target, ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open_from_source failed");
  for (const auto& [name, content] : entries) {
    zip_source_t* data = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (zip_file_add(archive, name.c_str(), data, ZIP_FL_ENC_UTF_8) < 0) throw std::runtime_error("zip_file_add failed");
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  std::string out;
  zip_source_open(target);
  char buffer[65536];
  for (zip_int64_t n; (n = zip_source_read(target, buffer, sizeof buffer)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
  zip_source_close(target);
  zip_source_free(target);
  return out;
}

std::map<std::string, std::string> zip_entries(std::string_view bytes) {
  std::map<std::string, std::string> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive) {
    zip_source_free(source);
    throw std::runtime_error("not a zip");
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat);
    std::string content(static_cast<std::size_t>(stat.size), '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    zip_fread(file, content.data(), content.size());
    zip_fclose(file);
    out[stat.name] = std::move(content);
  }
  zip_discard(archive);
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::string paragraph(const std::vector<std::string>& runs, std::string_view p_pr) {
  std::string out = "<w:p>";
  if (!p_pr.empty()) out += fmt::format("<w:pPr>{}</w:pPr>", p_pr);
  for (const std::string& r : runs) out += fmt::format(R"(<w:r><w:t xml:space="preserve">{}</w:t></w:r>)", xml_escape(r));
  return out + "</w:p>";
}

std::string num_pr(int num_id, int level) {
  return fmt::format(R"(<w:numPr><w:ilvl w:val="{}"/><w:numId w:val="{}"/></w:numPr>)", level, num_id);
}

std::string style_ref(std::string_view style_id) { return fmt::format(R"(<w:pStyle w:val="{}"/>)", style_id); }

std::string abstract_num(int id, const std::vector<ListLevel>& levels) {
  std::string out = fmt::format(R"(<w:abstractNum w:abstractNumId="{}">)", id);
  for (std::size_t i = 0; i < levels.size(); ++i)
    out += fmt::format(R"(<w:lvl w:ilvl="{}"><w:start w:val="{}"/><w:numFmt w:val="{}"/><w:lvlText w:val="{}"/></w:lvl>)",
                       i, levels[i].start, levels[i].format, xml_escape(levels[i].text));
  return out + "</w:abstractNum>";
}

std::string num(int num_id, int abstract_id, const std::vector<std::pair<int, int>>& start_overrides) {
  std::string out = fmt::format(R"(<w:num w:numId="{}"><w:abstractNumId w:val="{}"/>)", num_id, abstract_id);
  for (const auto& [level, start] : start_overrides)
    out += fmt::format(R"(<w:lvlOverride w:ilvl="{}"><w:startOverride w:val="{}"/></w:lvlOverride>)", level, start);
  return out + "</w:num>";
}

std::vector<ListLevel> gb9704_levels() {
  return {{"chineseCounting", "%1、"}, {"chineseCounting", "（%2）"}, {"decimal", "%3."}, {"decimal", "（%4）"}};
}

std::string docx_from_text(std::string_view text, bool automatic_numbers) {
  DocxParts parts;
  // One list per token shape ("%1、" in Chinese numerals, "（%1）", "%1." …), ilvl 0.
  struct Shape {
    int abstract_id;
    int num_id;      // the instance in use
    int next = 1;    // what Word would count next
  };
  std::map<std::string, Shape> shapes;
  std::string instances;  // w:num elements follow every w:abstractNum (the schema's order)
  int next_num_id = 1;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    at = end + 1;
    std::string p_pr;
    std::string rest(line);
    if (automatic_numbers) {
      const NumberToken t = parse_number_token(line, 0, static_cast<std::uint32_t>(line.size()));
      const bool han = t.style == NumberStyle::han || t.style == NumberStyle::han_paren;
      const bool arabic = t.style == NumberStyle::arabic || t.style == NumberStyle::arabic_paren;
      const std::string format = han ? "chineseCounting" : "decimal";
      const std::string_view numeral = line.substr(t.numeral.begin, t.numeral.end - t.numeral.begin);
      if ((han || arabic) && t.range.begin == 0 && docx::format_number(t.value, format) == numeral) {
        std::string shape(line.substr(0, t.numeral.begin));
        shape += "%1";
        shape += line.substr(t.numeral.end, t.range.end - t.numeral.end);
        auto [it, added] = shapes.try_emplace(shape + format, Shape{static_cast<int>(shapes.size()) + 1, 0});
        Shape& s = it->second;
        if (added) parts.numbering += abstract_num(s.abstract_id, {{format, shape}});
        if (added || t.value != s.next) {  // Word's "set numbering value": a new instance
          s.num_id = next_num_id++;
          instances += num(s.num_id, s.abstract_id, {{0, t.value}});
        }
        s.next = t.value + 1;
        p_pr = num_pr(s.num_id, 0);
        rest = std::string(line.substr(t.range.end));
      }
    }
    parts.body += paragraph(rest.empty() ? std::vector<std::string>{} : std::vector<std::string>{rest}, p_pr);
  }
  parts.numbering += instances;
  return make_docx(parts);
}

}  // namespace reportlint::test
