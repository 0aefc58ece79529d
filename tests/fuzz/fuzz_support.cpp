#include "fuzz_support.hpp"

#include <algorithm>
#include <fstream>
#include <system_error>

#include <unistd.h>

#include "numbering/inline_marks.hpp"
#include "reportlint/text.hpp"

namespace reportlint::fuzz {
namespace fs = std::filesystem;

namespace {

struct Scratch {
  fs::path path;
  Scratch() {
    std::error_code ec;
    const fs::path base = fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
    path = base / ("reportlint-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

bool on_boundary(std::string_view text, std::uint32_t offset) {
  return offset == text.size() || (offset < text.size() && !utf8::is_continuation(static_cast<unsigned char>(text[offset])));
}

void check_range(std::string_view text, TextRange r) {
  if (!(r.begin <= r.end && r.end <= text.size() && on_boundary(text, r.begin) && on_boundary(text, r.end))) {
    const std::size_t from = r.begin > 24 ? r.begin - 24 : 0;
    std::fprintf(stderr, "bad range [%u, %u) in text of %zu bytes near \"%.*s\"\n", r.begin, r.end, text.size(),
                 static_cast<int>(std::min<std::size_t>(64, text.size() - std::min<std::size_t>(from, text.size()))),
                 text.data() + std::min<std::size_t>(from, text.size()));
  }
  FUZZ_CHECK(r.begin <= r.end);
  FUZZ_CHECK(r.end <= text.size());
  FUZZ_CHECK(on_boundary(text, r.begin));
  FUZZ_CHECK(on_boundary(text, r.end));
}

}  // namespace

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    const char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

const fs::path& scratch_directory() {
  static const Scratch scratch;
  return scratch.path;
}

fs::path write_scratch(const std::string& name, std::string_view content) {
  const fs::path path = scratch_directory() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  return path;
}

LinterOptions linter_options(const fs::path& plugin_file) {
  LinterOptions options;
  if (plugin_file.empty())
    options.builtin_plugin_dir = kPluginDir;
  else
    options.plugin_files = {plugin_file};
  options.data_dir = kDataDir;
  return options;
}

std::shared_ptr<const Linter> make_linter(PluginHost& host, std::string_view preset, const fs::path& plugin_file) {
  ConfigLoader loader(kDataDir / "configs");
  Config config = loader.load_builtin(preset);
  if (!plugin_file.empty()) {
    // The preset names other plugins' rules and options: keep only this plugin's.
    const std::string name(host.load_file(plugin_file)->name());
    std::erase_if(config.rules, [&](const RuleSetting& s) { return !s.pattern.starts_with(name + "."); });
    std::vector<std::string> others;
    for (auto&& [key, value] : config.plugin_options)
      if (key.str() != name) others.emplace_back(key.str());
    for (const std::string& key : others) config.plugin_options.erase(key);
  }
  std::vector<std::string> warnings;
  return Linter::create(std::move(config), host, linter_options(plugin_file), warnings);
}

void check_document_invariants(const Document& document) {
  const std::string_view text = document.text();
  const auto& lines = document.lines();
  const Outline& outline = document.outline();
  // Lines tile the text.
  std::uint32_t expected = 0;
  for (const Line& line : lines) {
    FUZZ_CHECK(line.begin == expected);
    FUZZ_CHECK(line.begin <= line.end && line.end <= line.next);
    check_range(text, {line.begin, line.end});
    expected = line.next;
  }
  FUZZ_CHECK(expected == text.size());
  FUZZ_CHECK(outline.lines.size() == lines.size());
  for (std::size_t i = 0; i < outline.lines.size(); ++i) {
    const LineInfo& info = outline.lines[i];
    FUZZ_CHECK(info.content_begin >= lines[i].begin && info.content_begin <= lines[i].end);
    FUZZ_CHECK(info.document < outline.documents.size());
    FUZZ_CHECK(info.section < static_cast<std::int32_t>(outline.sections.size()));
    if (info.number.style != NumberStyle::none) {
      for (TextRange r : {info.number.range, info.number.numeral, info.number.body}) {
        check_range(text, r);
        FUZZ_CHECK(r.begin >= lines[i].begin && r.end <= lines[i].end);
      }
    }
  }
  FUZZ_CHECK(!outline.documents.empty());
  std::uint32_t next_line = 0;
  for (const SubDocument& d : outline.documents) {
    FUZZ_CHECK(d.begin_line == next_line);
    FUZZ_CHECK(d.begin_line <= d.end_line && d.end_line <= lines.size());
    FUZZ_CHECK(d.title_line < static_cast<std::int32_t>(lines.size()));
    for (std::uint32_t s : d.sections) FUZZ_CHECK(s < outline.sections.size());
    next_line = d.end_line;
  }
  for (std::size_t i = 0; i < outline.sections.size(); ++i) {
    const Section& s = outline.sections[i];
    FUZZ_CHECK(s.line < s.end_line && s.end_line <= lines.size());
    FUZZ_CHECK(s.parent < static_cast<std::int32_t>(i));
    FUZZ_CHECK(s.document < outline.documents.size());
    for (std::uint32_t c : s.children) FUZZ_CHECK(c > i && c < outline.sections.size());
  }
  for (const Paragraph& p : outline.paragraphs) FUZZ_CHECK(p.first_line <= p.last_line && p.last_line < lines.size());
  // The numbering plugin's own analysis of the outline, built from the clauses.
  const numbering::InlineMarks marks = numbering::find_inline_marks(document);
  for (const numbering::EnumMarker& m : marks.markers) {
    check_range(text, m.range);
    FUZZ_CHECK(m.line < lines.size());
  }
  for (const numbering::Enumeration& e : marks.enumerations)
    for (std::uint32_t m : e.markers) FUZZ_CHECK(m < marks.markers.size());
  for (const numbering::GluedToken& g : marks.glued) {
    FUZZ_CHECK(g.line < lines.size());
    check_range(text, g.token.range);
  }
  std::uint32_t previous_end = 0;
  for (const Clause& c : outline.clauses) {
    check_range(text, c.range);
    FUZZ_CHECK(c.range.begin < c.range.end);
    FUZZ_CHECK(c.range.begin >= previous_end);
    FUZZ_CHECK(c.line < lines.size());
    previous_end = c.range.end;
  }
  previous_end = 0;
  for (const TextRange& v : document.verbatim()) {
    check_range(text, v);
    FUZZ_CHECK(v.begin >= previous_end);
    previous_end = v.end;
  }
}

}  // namespace reportlint::fuzz
