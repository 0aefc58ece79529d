#include "io/docx/docx_reader.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "io/docx/numbering.hpp"
#include "io/docx/zip_archive.hpp"
#include "reportlint/text.hpp"
#include "support/error.hpp"

namespace reportlint::docx {
namespace {

constexpr int kMaxDepth = 64;  // nested tables, content controls, hyperlinks
constexpr std::string_view kLineSeparator = "\u2028";  // a break inside a paragraph (w:br)

bool on(pugi::xml_node flag) {
  if (!flag) return false;
  const std::string_view v = attribute(flag, "val");
  return v.empty() || v == "1" || v == "true" || v == "on";
}

std::string directory_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// The target of the first relationship in `rels_xml` whose type ends with `type`, resolved
// against `base` (the directory of the part the relationships belong to).
std::string relationship_target(std::string_view rels_xml, std::string_view type, const std::string& base) {
  pugi::xml_document rels;
  if (rels_xml.empty() || !rels.load_buffer(rels_xml.data(), rels_xml.size())) return {};
  for (pugi::xml_node r = rels.document_element().first_child(); r; r = r.next_sibling()) {
    if (local_name(r.name()) != "Relationship" || !attribute(r, "Type").ends_with(type)) continue;
    if (attribute(r, "TargetMode") == "External") continue;
    std::string target(attribute(r, "Target"));
    if (target.starts_with("/")) return target.substr(1);
    // "../x.xml" never leaves the package; resolve the common "./" and plain names.
    while (target.starts_with("./")) target.erase(0, 2);
    return base + target;
  }
  return {};
}

// What a ZIP that is no Word document is, for the message.
std::string what_else(const ZipArchive& zip) {
  if (zip.has("xl/workbook.xml")) return "Excel 工作簿（.xlsx），不是 Word 文档";
  if (zip.has("ppt/presentation.xml")) return "PowerPoint 演示文稿（.pptx），不是 Word 文档";
  if (zip.has("content.xml") && zip.has("mimetype")) return "OpenDocument 文档（如 .odt），请在 WPS 或 Word 中另存为 .docx";
  return "ZIP 压缩包，不是 Word 文档（其中没有 word/document.xml）";
}

class Reader {
 public:
  Reader(const std::string& xml, Numbering& numbering, bool raw_offsets)
      : xml_(xml), numbering_(numbering), raw_offsets_(raw_offsets) {}

  void block(pugi::xml_node container, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node c = container.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = local_name(c.name());
      if (name == "p") paragraph(c);
      else if (name == "tbl") table(c, depth + 1);
      else if (name == "sdt") block(child(c, "sdtContent"), depth + 1);
      else if (name == "customXml" || name == "ins" || name == "moveTo") block(c, depth + 1);
    }
  }

  WordText finish() {
    WordText out;
    out.text = std::move(text_);
    out.origins = std::move(origins_);
    auto package = std::make_shared<Package>();
    package->pieces = std::move(pieces_);
    out.package = std::move(package);
    return out;
  }

 private:
  // Rows, then cells, in reading order; content controls may wrap rows or cells.
  void table(pugi::xml_node tbl, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node c = tbl.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = local_name(c.name());
      if (name == "tr" || name == "customXml") table(c, depth + 1);
      else if (name == "sdt") table(child(c, "sdtContent"), depth + 1);
      else if (name == "tc") block(c, depth + 1);
    }
  }

  void paragraph(pugi::xml_node p) {
    const ParagraphProperties properties = read_paragraph_properties(child(p, "pPr"));
    LineOrigin origin;
    const std::string number = numbering_.next_number(properties);
    append_plain(number);
    origin.generated = static_cast<std::uint32_t>(number.size());
    origin.style_level = static_cast<std::uint8_t>(numbering_.heading_level(properties));
    inline_content(p, 0);
    text_ += '\n';
    origins_.push_back(origin);
  }

  void inline_content(pugi::xml_node node, int depth) {
    if (depth > kMaxDepth) return;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = local_name(c.name());
      if (name == "r") {
        run(c);
      } else if (name == "fldSimple") {
        fields_.push_back(false);  // its runs are the field's result: shown, not editable
        inline_content(c, depth + 1);
        fields_.pop_back();
      } else if (name == "sdt") {
        inline_content(child(c, "sdtContent"), depth + 1);
      } else if (name == "hyperlink" || name == "ins" || name == "moveTo" || name == "smartTag" ||
                 name == "customXml" || name == "dir" || name == "bdo") {
        inline_content(c, depth + 1);
      }
      // Deleted and moved-away text (w:del, w:moveFrom), bookmarks, comments' anchors,
      // proofing marks, math and drawings are not part of what the reader sees as text.
    }
  }

  bool in_instruction() const { return std::find(fields_.begin(), fields_.end(), true) != fields_.end(); }

  void run(pugi::xml_node r) {
    const bool hidden = on(child(child(r, "rPr"), "vanish"));
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = local_name(c.name());
      if (name == "fldChar") {
        const std::string_view type = attribute(c, "fldCharType");
        if (type == "begin") fields_.push_back(true);
        else if (type == "separate" && !fields_.empty()) fields_.back() = false;
        else if (type == "end" && !fields_.empty()) fields_.pop_back();
        continue;
      }
      if (hidden || in_instruction()) continue;
      if (name == "t") {
        text_element(c);
      } else if (name == "tab" || name == "ptab") {
        append_plain("\t");
      } else if (name == "br") {
        const std::string_view type = attribute(c, "type");
        if (type != "page" && type != "column") append_plain(kLineSeparator);
      } else if (name == "cr") {
        append_plain(kLineSeparator);
      } else if (name == "noBreakHyphen") {
        append_plain("-");
      }
    }
  }

  void append_plain(std::string_view s) { text_ += s; }

  void text_element(pugi::xml_node t) {
    std::string value;
    bool plain = true;  // one node of character data, which the raw bytes hold as is
    int nodes = 0;
    for (pugi::xml_node c = t.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
      plain = plain && c.type() == pugi::node_pcdata;
      ++nodes;
      value += c.value();
    }
    if (value.empty()) return;
    // A line break inside w:t is no break in Word: keep lines = paragraphs.
    for (char& ch : value) {
      if (ch == '\n' || ch == '\r') {
        ch = ' ';
        plain = false;
      }
    }
    TextPiece piece;
    piece.text_begin = static_cast<std::uint32_t>(text_.size());
    text_ += value;
    piece.text_end = static_cast<std::uint32_t>(text_.size());
    piece.editable = plain && nodes == 1 && raw_offsets_ && fields_.empty();
    if (piece.editable) {
      const auto data = static_cast<std::size_t>(t.first_child().offset_debug());
      const std::size_t end = xml_.find('<', data);
      // The start tag's '>': after the name, skipping quoted attribute values.
      std::size_t i = static_cast<std::size_t>(t.offset_debug());
      char quote = 0;
      for (; i < data; ++i) {
        const char ch = xml_[i];
        if (quote) {
          if (ch == quote) quote = 0;
        } else if (ch == '"' || ch == '\'') {
          quote = ch;
        } else if (ch == '>') {
          break;
        }
      }
      if (end == std::string::npos || i >= data) {
        piece.editable = false;
      } else {
        piece.xml_begin = static_cast<std::uint32_t>(data);
        piece.xml_end = static_cast<std::uint32_t>(end);
        piece.tag_end = static_cast<std::uint32_t>(i);
        piece.preserve = attribute(t, "space") == "preserve";
      }
    }
    pieces_.push_back(piece);
  }

  const std::string& xml_;
  Numbering& numbering_;
  bool raw_offsets_;
  std::string text_;
  std::vector<LineOrigin> origins_;
  std::vector<TextPiece> pieces_;
  std::vector<bool> fields_;  // open fields: true while in the instruction part
};

std::string escape_xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

bool needs_preserve(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  return !s.empty() && (space(s.front()) || space(s.back()));
}

}  // namespace

WordText read_docx(const std::string& path, std::string bytes) {
  auto fail = [&](std::string message) -> Error { return Error(Failure{path, 0, 0, std::move(message)}); };
  try {
    const ZipArchive zip(bytes);
    std::string main_part = relationship_target(zip.has("_rels/.rels") ? zip.read("_rels/.rels", kMaxPartBytes) : "",
                                                "/officeDocument", "");
    if (main_part.empty() || !zip.has(main_part)) main_part = "word/document.xml";
    if (!zip.has(main_part)) throw fail("是" + what_else(zip));
    std::string main_xml = zip.read(main_part, kMaxPartBytes);

    const std::string base = directory_of(main_part);
    const std::string rels_part = base + "_rels/" + main_part.substr(base.size()) + ".rels";
    const std::string rels = zip.has(rels_part) ? zip.read(rels_part, kMaxPartBytes) : std::string();
    auto part = [&](std::string_view type, std::string fallback) {
      std::string name = relationship_target(rels, type, base);
      if (name.empty()) name = std::move(fallback);
      return zip.has(name) ? zip.read(name, kMaxPartBytes) : std::string();
    };
    Numbering numbering;
    numbering.load(part("/numbering", base + "numbering.xml"), part("/styles", base + "styles.xml"));

    pugi::xml_document document;
    const pugi::xml_parse_result parsed = document.load_buffer(
        main_xml.data(), main_xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_auto);
    if (!parsed)
      throw fail(fmt::format("{} 不是有效的 XML（字节偏移 {}：{}）", main_part, parsed.offset, parsed.description()));
    const pugi::xml_node body = child(document.document_element(), "body");
    if (local_name(document.document_element().name()) != "document" || !body)
      throw fail(fmt::format("{} 不是 Word 正文（没有 w:document/w:body）", main_part));
    // Offsets into the parsed buffer are offsets into the bytes only for UTF-8 (or ASCII).
    const bool raw_offsets = !main_xml.starts_with("\xFF\xFE") && !main_xml.starts_with("\xFE\xFF");
    Reader reader(main_xml, numbering, raw_offsets);
    reader.block(body, 0);
    WordText out = reader.finish();
    auto package = std::const_pointer_cast<Package>(out.package);
    package->archive = std::move(bytes);
    package->main_part = std::move(main_part);
    package->main_xml = std::move(main_xml);
    return out;
  } catch (const ZipError& e) {
    throw fail(fmt::format("无法读取 Word 文档：{}", e.what()));
  }
}

namespace {

// The piece holding all of `r`; an insertion at a boundary belongs to the piece it ends,
// else to the one it starts. Null when `r` spans pieces or lies outside them.
const TextPiece* piece_for(const std::vector<TextPiece>& pieces, TextRange r) {
  auto it = std::upper_bound(pieces.begin(), pieces.end(), r.begin,
                             [](std::uint32_t o, const TextPiece& p) { return o < p.text_begin; });
  if (it != pieces.begin() && std::prev(it)->text_begin <= r.begin && r.end <= std::prev(it)->text_end)
    return &*std::prev(it);
  if (r.empty() && it != pieces.end() && it->text_begin == r.begin) return &*it;
  return nullptr;
}

}  // namespace

std::string edit_obstacle(const Package& package, const Document& document, const Edit& edit) {
  const TextRange r = edit.range;
  if (document.lines().empty()) return "文档是空的";
  if (r.begin < document.typed_begin(document.line_at(r.begin)))
    return "这是 Word 自动生成的编号，不在文字里：请在 Word 的编号格式中修改";
  const TextPiece* piece = piece_for(package.pieces, r);
  if (!piece) {
    const std::string_view covered = document.text().substr(r.begin, r.end - r.begin);
    if (covered.find('\n') != std::string_view::npos) return "修复要改动段落之间的分隔，请在 Word 中手工修改";
    return "修复跨越了 Word 中分开存放的几段文字（格式不同的文字），请在 Word 中手工修改";
  }
  if (!piece->editable) return "这段文字是 Word 域（如目录、页码）显示的结果或经过转换，不能直接修改";
  return {};
}

std::string apply_edits(const Package& package, std::string_view document_text, const std::vector<Edit>& edits) {
  const std::string& xml = package.main_xml;
  std::string out;
  out.reserve(xml.size() + 64);
  std::size_t cursor = 0;
  for (std::size_t k = 0; k < edits.size();) {
    const TextPiece* piece = piece_for(package.pieces, edits[k].range);
    if (!piece || !piece->editable) throw Error(Failure{"", 0, 0, "内部错误：修复不在可写回的文字段里"});
    // This piece's text with all of its edits.
    std::string updated;
    std::uint32_t at = piece->text_begin;
    for (; k < edits.size() && piece_for(package.pieces, edits[k].range) == piece; ++k) {
      updated.append(document_text.substr(at, edits[k].range.begin - at));
      updated += edits[k].replacement;
      at = edits[k].range.end;
    }
    updated.append(document_text.substr(at, piece->text_end - at));
    out.append(xml, cursor, piece->tag_end - cursor);
    if (!piece->preserve && needs_preserve(updated)) out += " xml:space=\"preserve\"";
    out.append(xml, piece->tag_end, piece->xml_begin - piece->tag_end);
    out += escape_xml_text(updated);
    cursor = piece->xml_end;
  }
  out.append(xml, cursor, std::string::npos);
  return ZipArchive(package.archive).with_replaced(package.main_part, out);
}

}  // namespace reportlint::docx
