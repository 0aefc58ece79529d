// reportlint plugin API: one small reader for the TOML tables reportlint reads — configs,
// phrase packs, document types, and any plugin's own files.
//
// Each getter names a key the table may have and checks its type; finish() reports every
// other key with the allowed ones listed. Every problem goes to one callback with the
// node's position, so the core and each plugin word and place their errors alike:
//   “match”应为非空字符串 / entry 中未知的键“mach”（可用：id、match、…）
// A reader whose keys have a name of their own says so (keys_called): a plugin's options
// read “选项“top_level”应为 0 到 5 之间的整数”, the config's top level “未知的配置项“x””.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace reportlint {

class TableReader {
 public:
  using Report = std::function<void(const toml::source_region&, std::string)>;

  // `what` names the table in messages ("entry", "[[ignore]]", "pack").
  TableReader(const toml::table& table, std::string what, Report report)
      : table_(table), what_(std::move(what)), report_(std::move(report)) {}

  // What the keys are called in messages ("选项", "配置项"); by default a value's
  // message names the key alone and an unknown one is a 键.
  TableReader& keys_called(std::string noun) {
    noun_ = std::move(noun);
    return *this;
  }

  // False once any getter or finish() reported a problem.
  bool ok() const noexcept { return problems_ == 0; }
  // How many problems were reported so far: a caller compares it around a getter to
  // know whether that key was wrong.
  std::size_t problems() const noexcept { return problems_; }

  // The node under `key` (declared, any type), or null.
  const toml::node* node(std::string_view key) {
    declare(key);
    return table_.get(key);
  }

  // A string; with `non_empty`, "" is an error. Absent or wrong: nullopt.
  std::optional<std::string> string(std::string_view key, bool non_empty = false) {
    const toml::node* n = node(key);
    return n ? string_of(*n, key, non_empty) : std::nullopt;
  }

  std::optional<bool> boolean(std::string_view key) {
    const toml::node* n = node(key);
    return n ? boolean_of(*n, key) : std::nullopt;
  }

  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max) {
    const toml::node* n = node(key);
    return n ? integer_of(*n, key, min, max) : std::nullopt;
  }

  // An array of strings (each non-empty with `non_empty`). Absent: empty; a wrong element
  // is reported and skipped.
  std::vector<std::string> strings(std::string_view key, bool non_empty = false) {
    std::vector<std::string> out;
    const toml::node* n = node(key);
    if (!n) return out;
    const toml::array* array = n->as_array();
    if (!array) {
      problem(*n, quoted(key).append("应为字符串数组"));
      return out;
    }
    for (const toml::node& item : *array) {
      if (auto s = item.value_exact<std::string>(); s && (!non_empty || !s->empty())) out.push_back(*s);
      else problem(item, quoted(key).append(non_empty ? "的元素应为非空字符串" : "的元素应为字符串"));
    }
    return out;
  }

  // A string or an array of strings, each with its position (for the caller's own
  // checks of the values). Absent: empty; a wrong element is reported and skipped.
  struct Item {
    std::string value;
    toml::source_region source;
  };
  std::vector<Item> string_or_strings(std::string_view key) {
    const toml::node* n = node(key);
    return n ? string_or_strings_of(*n, key) : std::vector<Item>{};
  }

  // The same checks on a node found elsewhere (an option read through a fallback table),
  // named `key` in messages.
  std::optional<std::string> string_of(const toml::node& n, std::string_view key, bool non_empty = false) {
    if (auto s = n.value_exact<std::string>(); s && (!non_empty || !s->empty())) return *s;
    problem(n, quoted(key).append(non_empty ? "应为非空字符串" : "应为字符串"));
    return std::nullopt;
  }
  std::optional<bool> boolean_of(const toml::node& n, std::string_view key) {
    if (auto b = n.value_exact<bool>()) return *b;
    problem(n, quoted(key).append("应为布尔值（true 或 false）"));
    return std::nullopt;
  }
  std::optional<std::int64_t> integer_of(const toml::node& n, std::string_view key, std::int64_t min, std::int64_t max) {
    if (auto v = n.value_exact<std::int64_t>(); v && *v >= min && *v <= max) return *v;
    problem(n, quoted(key).append("应为 ").append(std::to_string(min)).append(" 到 ").append(std::to_string(max)).append(" 之间的整数"));
    return std::nullopt;
  }
  std::vector<Item> string_or_strings_of(const toml::node& n, std::string_view key) {
    std::vector<Item> out;
    if (auto s = n.value_exact<std::string>()) {
      out.push_back({*s, n.source()});
    } else if (const toml::array* array = n.as_array()) {
      for (const toml::node& item : *array) {
        if (auto v = item.value_exact<std::string>()) out.push_back({*v, item.source()});
        else problem(item, quoted(key).append("的元素应为字符串"));
      }
    } else {
      problem(n, quoted(key).append("应为字符串或字符串数组"));
    }
    return out;
  }

  // A table (`[key]`), or null; another type is reported.
  const toml::table* table(std::string_view key) {
    const toml::node* n = node(key);
    if (!n) return nullptr;
    if (const toml::table* t = n->as_table()) return t;
    problem(*n, quoted(key).append("应为表"));
    return nullptr;
  }

  // Reports every key no getter named, with the named ones listed.
  void finish() {
    for (auto&& [key, value] : table_) {
      if (declared(key.str())) continue;
      std::string allowed;
      for (const std::string& k : keys_) allowed.append(allowed.empty() ? "" : "、").append(k);
      ++problems_;
      std::string message = what_;
      // "entry 中…", "短语包中…": a space only after a Latin name; no table named, no 中.
      if (!what_.empty() && static_cast<unsigned char>(what_.back()) < 0x80) message.append(" ");
      if (!what_.empty()) message.append("中");
      message.append("未知的").append(noun_.empty() ? "键" : noun_).append("“").append(key.str()).append("”");
      message.append("（可用：").append(allowed).append("）");
      report_(key.source().begin.line ? key.source() : value.source(), std::move(message));
    }
  }

  // A problem of the caller's own (a value of the right type that is still wrong).
  void problem(const toml::node& at, std::string message) {
    ++problems_;
    report_(at.source(), std::move(message));
  }

 private:
  std::string quoted(std::string_view key) const {
    std::string out = noun_;
    out.append("“").append(key).append("”");
    return out;
  }
  void declare(std::string_view key) {
    if (!declared(key)) keys_.emplace_back(key);
  }
  bool declared(std::string_view key) const {
    for (const std::string& k : keys_)
      if (k == key) return true;
    return false;
  }

  const toml::table& table_;
  std::string what_;
  Report report_;
  std::string noun_;
  std::vector<std::string> keys_;  // in the order named: the order messages list them
  std::size_t problems_ = 0;
};

}  // namespace reportlint
