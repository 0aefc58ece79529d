// reportlint plugin API: typed access to a plugin's options that rejects unknown keys.
//
// toml++ accepts any key; a linter must not. Every getter marks its key as known, and
// finish() reports the keys nobody asked for, each at its own file:line:column.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "reportlint/checker.hpp"

namespace reportlint {

class OptionReader {
 public:
  explicit OptionReader(ConfigureContext& context) : context_(context) {}

  ConfigureContext& context() noexcept { return context_; }
  const toml::table& table() const { return context_.options(); }

  // The node under `key`, or nullptr; the key becomes known either way.
  const toml::node* get(std::string_view key) {
    known_.emplace(key);
    return table().get(key);
  }

  // Whether the option is set (and so known).
  bool has(std::string_view key) { return get(key) != nullptr; }

  bool get_bool(std::string_view key, bool fallback) {
    const toml::node* node = get(key);
    if (!node) return fallback;
    if (auto v = node->value_exact<bool>()) return *v;
    wrong_type(*node, key, "布尔值（true 或 false）");
    return fallback;
  }

  std::int64_t get_int(std::string_view key, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) {
    const toml::node* node = get(key);
    if (!node) return fallback;
    if (!node->is_integer()) {
      wrong_type(*node, key, "整数");
      return fallback;
    }
    const std::int64_t v = node->as_integer()->get();
    if (v < min || v > max) {
      context_.error(node->source(), "选项“" + std::string(key) + "”的值应在 " +
                                         std::to_string(min) + " 到 " + std::to_string(max) +
                                         " 之间");
      return fallback;
    }
    return v;
  }

  std::string get_string(std::string_view key, std::string fallback) {
    const toml::node* node = get(key);
    if (!node) return fallback;
    if (auto v = node->value_exact<std::string>()) return *v;
    wrong_type(*node, key, "字符串");
    return fallback;
  }

  // A string, or an array of strings; each element's source comes along for errors.
  struct StringItem {
    std::string value;
    toml::source_region source;
  };
  std::vector<StringItem> get_strings(std::string_view key) {
    std::vector<StringItem> out;
    const toml::node* node = get(key);
    if (!node) return out;
    if (auto s = node->value_exact<std::string>()) {
      out.push_back({*s, node->source()});
      return out;
    }
    const toml::array* array = node->as_array();
    if (!array) {
      wrong_type(*node, key, "字符串数组");
      return out;
    }
    for (const toml::node& element : *array) {
      if (auto s = element.value_exact<std::string>())
        out.push_back({*s, element.source()});
      else
        context_.error(element.source(), "选项“" + std::string(key) + "”的元素应为字符串");
    }
    return out;
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

  // Reports every key of the table that no getter asked for.
  void finish() {
    for (auto&& [key, node] : table()) {
      if (known_.count(std::string(key.str())) == 0)
        context_.error(key.source().begin.line ? key.source() : node.source(),
                       "未知的选项“" + std::string(key.str()) + "”");
    }
  }

 private:
  void wrong_type(const toml::node& node, std::string_view key, std::string_view expected) {
    context_.error(node.source(),
                   "选项“" + std::string(key) + "”应为" + std::string(expected));
  }

  ConfigureContext& context_;
  std::set<std::string, std::less<>> known_;
  std::map<std::string, std::shared_ptr<const void>, std::less<>> shared_;
};

}  // namespace reportlint
