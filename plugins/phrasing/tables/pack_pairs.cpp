#include "pack_pairs.hpp"

#include "reportlint/text.hpp"

#include <stdexcept>

#include <toml++/toml.h>

namespace reportlint::phrasing::tables {

std::vector<std::uint32_t> code_points(const std::string& s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    std::uint32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string to_utf8(const std::vector<std::uint32_t>& cps) {
  std::string out;
  for (const std::uint32_t cp : cps) utf8::append(out, cp);
  return out;
}

namespace {

bool is_han(std::uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

}  // namespace

std::vector<OneCharacterEntry> one_character_entries(const std::vector<std::string>& pack_files) {
  std::vector<OneCharacterEntry> out;
  for (const std::string& file : pack_files) {
    toml::table pack;
    try {
      pack = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
      throw std::runtime_error(file + ": " + std::string(e.description()));
    }
    const std::string default_rule = pack["pack"]["rule"].value_or(std::string());
    const toml::array* entries = pack["entry"].as_array();
    if (!entries) continue;
    for (const toml::node& node : *entries) {
      const toml::table* e = node.as_table();
      if (!e) continue;
      const std::string rule = (*e)["rule"].value_or(default_rule);
      std::string match = (*e)["match"].value_or(std::string());
      const toml::array* replace = (*e)["replace"].as_array();
      if ((rule != "misused" && rule != "variant") || match.empty() || !replace || replace->empty()) continue;
      if (match.find('{') != std::string::npos) continue;  // slots: no plain word
      std::string right = replace->front().value_or(std::string());
      // [..] marks the reported part: the replacement replaces only that.
      const std::size_t open = match.find('['), close = match.find(']');
      if (open != std::string::npos && close != std::string::npos && close > open) {
        right = match.substr(0, open) + right + match.substr(close + 1);
        match = match.substr(0, open) + match.substr(open + 1, close - open - 1) + match.substr(close + 1);
      }
      OneCharacterEntry entry{(*e)["id"].value_or(std::string()), rule, code_points(match), code_points(right), 0};
      if (entry.written.size() != entry.meant.size()) continue;
      std::size_t differ = 0;
      for (std::size_t i = 0; i < entry.written.size(); ++i)
        if (entry.written[i] != entry.meant[i]) ++differ, entry.position = i;
      if (differ == 1 && is_han(entry.written[entry.position]) && is_han(entry.meant[entry.position]))
        out.push_back(std::move(entry));
    }
  }
  return out;
}

}  // namespace reportlint::phrasing::tables
