#include "lint/suppressions.hpp"

#include <algorithm>

namespace reportlint {
namespace {

constexpr std::string_view kCommentOpen = "<!--";
constexpr std::string_view kCommentClose = "-->";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_rules(std::string_view s) {
  std::vector<std::string> rules;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j]) && s[j] != ',') ++j;
    if (j > i) rules.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return rules;
}

bool any_rule_matches(const std::vector<std::string>& rules, std::string_view id) {
  return rules.empty() || std::any_of(rules.begin(), rules.end(), [&](const std::string& r) { return rule_matches(r, id); });
}

}  // namespace

bool rule_matches(std::string_view pattern, std::string_view rule_id) {
  if (pattern.empty() || pattern == "*") return true;
  if (pattern.ends_with(".*")) return rule_id.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == rule_id;
}


std::vector<Directive> find_directives(const Document& document) {
  std::vector<Directive> out;
  if (document.format() != DocumentFormat::markdown) return out;
  const std::string_view text = document.text();
  for (const TextRange& r : document.verbatim()) {
    std::string_view comment = text.substr(r.begin, r.size());
    if (!comment.starts_with(kCommentOpen) || !comment.ends_with(kCommentClose)) continue;
    std::string_view body = trim(comment.substr(kCommentOpen.size(), comment.size() - kCommentOpen.size() - kCommentClose.size()));
    Directive d;
    if (body.starts_with("reportlint-disable-next-line")) {
      d.kind = Directive::Kind::disable_next_line;
      body.remove_prefix(28);
    } else if (body.starts_with("reportlint-disable")) {
      d.kind = Directive::Kind::disable;
      body.remove_prefix(18);
    } else if (body.starts_with("reportlint-enable")) {
      d.kind = Directive::Kind::enable;
      body.remove_prefix(17);
    } else {
      continue;
    }
    if (!body.empty() && !is_space(body.front())) continue;  // reportlint-disabled: not ours
    d.rules = split_rules(body);
    d.range = r;
    out.push_back(std::move(d));
  }
  return out;
}

void apply_directives(const Document& document, std::vector<Directive>& directives, DiagnosticList& diagnostics) {
  if (directives.empty()) return;
  // Regions where a disable holds: from its comment to the enable that ends it.
  struct Region {
    std::size_t directive;
    std::uint32_t begin, end;
  };
  std::vector<Region> regions;
  std::vector<std::size_t> open;  // disables not yet ended
  const auto text_end = static_cast<std::uint32_t>(document.text().size());
  for (std::size_t i = 0; i < directives.size(); ++i) {
    const Directive& d = directives[i];
    if (d.kind == Directive::Kind::disable_next_line) {
      const std::size_t next = document.line_at(d.range.end) + 1;
      if (next < document.lines().size())
        regions.push_back({i, document.lines()[next].begin, document.lines()[next].end});
    } else if (d.kind == Directive::Kind::disable) {
      open.push_back(i);
    } else {
      // An enable ends the disables it names (all of them when it names none).
      for (std::size_t k = 0; k < open.size();) {
        Directive& disable = directives[open[k]];
        const bool ends = d.rules.empty() || std::any_of(disable.rules.begin(), disable.rules.end(), [&](const std::string& r) {
                            return std::find(d.rules.begin(), d.rules.end(), r) != d.rules.end();
                          });
        if (ends) {
          regions.push_back({open[k], disable.range.end, d.range.begin});
          open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
        } else {
          ++k;
        }
      }
    }
  }
  for (const std::size_t i : open) regions.push_back({i, directives[i].range.end, text_end});
  // An enable is used when it ends a disable; its own use is not reported separately.
  for (Directive& d : directives)
    if (d.kind == Directive::Kind::enable) d.used = true;

  diagnostics.erase_if([&](std::size_t i) {
    const std::uint32_t begin = diagnostics.range(i).begin;
    for (const Region& region : regions) {
      Directive& d = directives[region.directive];
      if (begin >= region.begin && begin <= region.end && any_rule_matches(d.rules, diagnostics.rule(i))) {
        d.used = true;
        return true;
      }
    }
    return false;
  });
}

std::string path_for_ignore(const Document& document, const std::filesystem::path& base) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path absolute = fs::absolute(fs::path(std::string(document.path())), ec).lexically_normal();
  const fs::path relative = absolute.lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") return {};
  return relative.generic_string();
}

bool ignore_matches(const IgnoreEntry& entry, std::string_view relative_path, const Document& document,
                    std::string_view rule, TextRange range) {
  if (relative_path.empty() || !glob_matches(entry.path, relative_path) || !rule_matches(entry.rule, rule))
    return false;
  if (entry.text.empty()) return true;
  return document.line_text(document.line_at(range.begin)).find(entry.text) != std::string_view::npos;
}

}  // namespace reportlint
