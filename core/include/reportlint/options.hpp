// reportlint plugin API: a plugin's options, declared once and read typed.
//
// A plugin declares each option (REPORTLINT_OPTION in plugin.hpp: name, type, default,
// one line of doc, range or accepted values). The core validates the plugin's table
// against the declarations in one pass before any rule reads it, so a wrong value is
// reported once, at its file:line:column, however many rules read it; --explain and
// --print-config show the declarations. Rules then read values with the getters below.
// A plugin that declares nothing gets the older behaviour: every getter marks its key as
// known, and finish() reports the keys nobody asked for.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <toml++/toml.h>

#include "reportlint/checker.hpp"
#include "reportlint/toml_schema.hpp"

namespace reportlint {

class OptionReader {
 public:
  explicit OptionReader(ConfigureContext& context, std::span<const OptionSpec> specs = {})
      : context_(context), specs_(specs) {
    if (!specs_.empty()) validate();
  }
  // One rule's own options (`[rules."ID"]`), read before the plugin's: a key the rule's
  // table sets (validated here, once) wins; any other comes from `plugin`.
  OptionReader(ConfigureContext& context, std::span<const OptionSpec> specs, const toml::table& own, OptionReader& plugin)
      : context_(context), specs_(specs), own_(&own), plugin_(&plugin) {
    if (!specs_.empty()) validate();
  }

  ConfigureContext& context() noexcept { return context_; }
  const toml::table& table() const { return own_ ? *own_ : context_.options(); }

  // The node under `key`, or nullptr; the key becomes known either way. With declared
  // options, a value found wrong in validation reads as unset (it was reported once), and
  // reading an option that was never declared is the plugin's bug.
  const toml::node* get(std::string_view key) {
    if (!specs_.empty() && !find_spec(key)) throw std::logic_error("插件读取了未声明的选项“" + std::string(key) + "”");
    known_.emplace(key);
    const toml::node* node = table().get(key);
    const bool reported = node && invalid_.count(key);
    // Undeclared options: the getter checks the node again (without repeating its error).
    // Declared ones: a wrong value reads as unset, not as the plugin's value.
    if (node && !(reported && !specs_.empty())) return node;
    if (reported) return nullptr;
    return plugin_ ? plugin_->get(key) : nullptr;
  }

  std::span<const OptionSpec> specs() const noexcept { return specs_; }

  // Whether the option is set (and so known).
  bool has(std::string_view key) { return get(key) != nullptr; }

  bool get_bool(std::string_view key, bool fallback) {
    const toml::node* node = get(key);
    if (!node) return fallback;
    return checked(key, [&](TableReader& r) { return r.boolean_of(*node, key); }).value_or(fallback);
  }

  std::int64_t get_int(std::string_view key, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) {
    const toml::node* node = get(key);
    if (!node) return fallback;
    return checked(key, [&](TableReader& r) { return r.integer_of(*node, key, min, max); }).value_or(fallback);
  }

  std::string get_string(std::string_view key, std::string fallback) {
    const toml::node* node = get(key);
    if (!node) return fallback;
    return checked(key, [&](TableReader& r) { return r.string_of(*node, key); }).value_or(std::move(fallback));
  }

  // A string, or an array of strings; each element's source comes along for errors.
  using StringItem = TableReader::Item;
  std::vector<StringItem> get_strings(std::string_view key) {
    const toml::node* node = get(key);
    if (!node) return {};
    return checked(key, [&](TableReader& r) { return r.string_or_strings_of(*node, key); });
  }

  // State the rules of one plugin share, built once per configuration: the first rule
  // to ask builds it with make(), the others get the same object. Read-only afterwards,
  // so check() may use it from any thread.
  template <class T, class Make>
  std::shared_ptr<const T> shared(std::string_view key, Make&& make) {
    if (auto it = shared_.find(key); it != shared_.end()) return std::static_pointer_cast<const T>(it->second);
    std::shared_ptr<const T> made = std::make_shared<const T>(make());
    shared_.emplace(std::string(key), made);
    return made;
  }

  // Reports every key of the table that no getter asked for (declared options were
  // checked by validate()).
  void finish() {
    if (!specs_.empty()) return;
    for (auto&& [key, node] : table()) {
      if (known_.count(std::string(key.str())) == 0)
        context_.error(key.source().begin.line ? key.source() : node.source(),
                       "未知的选项“" + std::string(key.str()) + "”");
    }
  }

 private:
  const OptionSpec* find_spec(std::string_view key) const {
    for (const OptionSpec& spec : specs_)
      if (spec.name == key) return &spec;
    return nullptr;
  }

  // The one pass over the table, through the TableReader every TOML table of reportlint
  // is read with: unknown keys, wrong types, values out of range or not among the
  // accepted ones. A wrong option is remembered, and reads as unset.
  void validate() {
    TableReader reader(table(), "", [this](const toml::source_region& where, std::string message) {
      context_.error(where, std::move(message));
    });
    reader.keys_called("选项");
    for (const OptionSpec& spec : specs_) {
      const std::size_t before = reader.problems();
      switch (spec.type) {
        case OptionType::boolean: reader.boolean(spec.name); break;
        case OptionType::integer: reader.integer(spec.name, spec.min, spec.max); break;
        case OptionType::strings: reader.string_or_strings(spec.name); break;
        case OptionType::string:
          if (const auto value = reader.string(spec.name); value && !spec.choices.empty() && !accepts(spec, *value))
            reader.problem(*reader.node(spec.name), "选项“" + std::string(spec.name) + "”应为 " + listed(spec.choices));
          break;
      }
      if (reader.problems() > before) invalid_.emplace(spec.name);
    }
    reader.finish();
  }

  static bool accepts(const OptionSpec& spec, std::string_view value) {
    for (std::string_view c : spec.choices)
      if (c == value) return true;
    return false;
  }
  static std::string listed(std::span<const std::string_view> choices) {
    std::string out;
    for (std::string_view c : choices) out.append(out.empty() ? "\"" : " 或 \"").append(c).append("\"");
    return out;
  }

  // The getters' type checks, through TableReader's (a declared option was checked by
  // validate() and passes). Each option's first problem only: one wrong value is one
  // error, not one per rule that reads it.
  template <class Check>
  std::invoke_result_t<Check, TableReader&> checked(std::string_view key, Check&& check) {
    TableReader reader(table(), "", [&](const toml::source_region& where, std::string message) {
      if (invalid_.emplace(key).second) context_.error(where, std::move(message));
    });
    reader.keys_called("选项");
    return check(reader);
  }

  ConfigureContext& context_;
  std::span<const OptionSpec> specs_;
  const toml::table* own_ = nullptr;  // a rule's own table, read before plugin_'s
  OptionReader* plugin_ = nullptr;
  std::set<std::string, std::less<>> invalid_;  // options already reported
  std::set<std::string, std::less<>> known_;
  std::map<std::string, std::shared_ptr<const void>, std::less<>> shared_;
};

}  // namespace reportlint
