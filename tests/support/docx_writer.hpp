// Word .docx files for tests, written from a small description — never downloaded. The
// package is what Word writes at least: [Content_Types].xml, the relationships, the main
// document, and numbering and styles parts when given.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace reportlint::test {

struct DocxParts {
  std::string body;       // the XML inside <w:body>
  std::string numbering;  // inside <w:numbering>, "" for no numbering part
  std::string styles;     // inside <w:styles>, "" for no styles part
  std::map<std::string, std::string> extra;  // further entries (or replacements): name → bytes
};

// The package's bytes.
std::string make_docx(const DocxParts& parts);

// A ZIP archive of these entries, deflated.
std::string make_zip(const std::map<std::string, std::string>& entries);

// Every entry of a ZIP archive, name → content.
std::map<std::string, std::string> zip_entries(std::string_view archive);

// XML text content escaped.
std::string xml_escape(std::string_view s);

// <w:p> with one run per piece of `runs` (text split across runs as Word splits it),
// and a paragraph property block `p_pr` (the XML inside <w:pPr>).
std::string paragraph(const std::vector<std::string>& runs, std::string_view p_pr = {});
// <w:numPr> for a list paragraph.
std::string num_pr(int num_id, int level);
// <w:pStyle>.
std::string style_ref(std::string_view style_id);

struct ListLevel {
  std::string format;  // decimal, chineseCounting…
  std::string text;    // %1、 （%2）
  int start = 1;
};
// <w:abstractNum> with these levels (ilvl 0, 1, …), and <w:num> instances.
std::string abstract_num(int id, const std::vector<ListLevel>& levels);
std::string num(int num_id, int abstract_id, const std::vector<std::pair<int, int>>& start_overrides = {});

// The GB/T 9704 list as Word users set it up: 一、 （一） 1. （1）.
std::vector<ListLevel> gb9704_levels();

// A plain-text draft as a .docx: one paragraph per line. With `automatic_numbers`, a
// numbering token at a line's start (一、 （二） 3.) becomes Word list numbering that
// shows exactly the same text — a list per token shape, restarted with a start override
// wherever the typed number is not the one Word would count next — so the draft's
// defects (a gap, a repeat) survive.
std::string docx_from_text(std::string_view text, bool automatic_numbers);

}  // namespace reportlint::test
