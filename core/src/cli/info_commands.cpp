#include "cli/info_commands.hpp"

#include <algorithm>
#include <iterator>
#include <cctype>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "lint/core_rules.hpp"
#include "support/edit_distance.hpp"
#include "support/error.hpp"

namespace reportlint {
namespace {

std::string_view fix_label(FixAvailability f) {
  switch (f) {
    case FixAvailability::none: return "-";
    case FixAvailability::sometimes: return "sometimes";
    case FixAvailability::always: return "always";
  }
  return "-";
}

std::vector<const RuleInfo*> all_rules(const Linter& linter) {
  std::vector<const RuleInfo*> rules;
  for (const RuleInfo& rule : core_rules()) rules.push_back(&rule);
  for (const auto& plugin : linter.plugins().plugins())
    for (const RuleInfo& rule : plugin->rules()) rules.push_back(&rule);
  std::sort(rules.begin(), rules.end(), [](const RuleInfo* a, const RuleInfo* b) { return a->id < b->id; });
  return rules;
}


}  // namespace

std::string list_rules(const Linter& linter) {
  const auto rules = all_rules(linter);
  std::size_t width = 4;
  for (const RuleInfo* r : rules) width = std::max(width, r->id.size());
  std::string out = fmt::format("{:<{}}  {:<8}  {:<9}  {}\n", "rule", width, "severity", "fix", "summary");
  for (const RuleInfo* r : rules) {
    const std::string_view reason = linter.unavailable_reason(r->id);
    out += fmt::format("{:<{}}  {:<8}  {:<9}  {}{}{}\n", r->id, width, to_string(r->default_severity), fix_label(r->fix),
                       r->opt_in ? "（需在配置中启用）" : "", r->summary,
                       reason.empty() ? std::string() : fmt::format("（不可用：{}）", reason));
  }
  return out;
}

// The options a plugin declares, as --explain lists them under a rule's page.
std::string options_section(const LoadedPlugin& plugin) {
  if (plugin.options().empty()) return {};
  std::string out = fmt::format("\n## 插件 {} 的全部选项（[plugins.{}]，来自插件的声明）\n\n", plugin.name(), plugin.name());
  for (const OptionSpec& o : plugin.options()) {
    fmt::format_to(std::back_inserter(out), "- `{}`（{}", o.name, to_string(o.type));
    if (!o.default_value.empty()) fmt::format_to(std::back_inserter(out), "，默认 `{}`", o.default_value);
    if (o.type == OptionType::integer) fmt::format_to(std::back_inserter(out), "，{}–{}", o.min, o.max);
    if (!o.choices.empty()) fmt::format_to(std::back_inserter(out), "，可选 {}", fmt::join(o.choices, "、"));
    fmt::format_to(std::back_inserter(out), "）：{}\n", o.doc);
  }
  return out;
}

std::string explain_rule(const Linter& linter, std::string_view rule_id) {
  const auto rules = all_rules(linter);
  for (const RuleInfo* r : rules) {
    if (r->id != rule_id) continue;
    if (r->doc.empty()) throw Error(Failure{"", 0, 0, fmt::format("规则“{}”没有说明文档", rule_id)});
    std::string doc(r->doc);
    if (!doc.ends_with('\n')) doc += '\n';
    if (const auto plugin = linter.plugins().find(rule_id.substr(0, rule_id.find('.')))) doc += options_section(*plugin);
    return doc;
  }
  std::vector<std::string_view> near;
  for (const RuleInfo* r : rules)
    if (edit_distance(r->id, rule_id) <= 3 || r->id.find(rule_id) != std::string_view::npos) near.push_back(r->id);
  std::string message = fmt::format("未知的规则“{}”", rule_id);
  if (!near.empty()) message += fmt::format("；是否指：{}", fmt::join(near, "、"));
  else message += "（reportlint --list-rules 列出全部规则）";
  throw Error(Failure{"", 0, 0, message});
}

std::string print_config(const Linter& linter) {
  const Config& config = linter.config();
  toml::table out;
  if (!linter.profile().empty()) out.insert("profile", linter.profile());
  toml::table rules;
  for (const RuleInfo* r : all_rules(linter)) {
    const auto severity = linter.severity(r->id);
    const std::string level(severity ? to_string(*severity) : "off");
    if (const toml::table* own = config.rule_options[r->id].as_table()) {  // the rule's own options
      toml::table table = *own;
      table.insert("severity", level);
      rules.insert(r->id, std::move(table));
    } else {
      rules.insert(r->id, level);
    }
  }
  out.insert("rules", std::move(rules));
  toml::table plugins;
  toml::array paths;
  for (const PluginPath& p : config.plugin_paths) paths.push_back(p.directory.string());
  if (!paths.empty()) plugins.insert("paths", std::move(paths));
  // Every declared option with its value: the configuration's, else the default.
  for (const auto& plugin : linter.plugins().plugins()) {
    toml::table options;
    const toml::table* set = config.plugin_options[plugin->name()].as_table();
    for (const OptionSpec& o : plugin->options()) {
      if (const toml::node* value = set ? set->get(o.name) : nullptr) {
        options.insert(o.name, *value);
      } else if (!o.default_value.empty()) {
        try {
          toml::table parsed = toml::parse(fmt::format("v = {}", o.default_value));
          options.insert(o.name, *parsed.get("v"));
        } catch (const toml::parse_error&) {  // a plugin's declaration that is no TOML value: left out
        }
      }
    }
    if (set)  // a plugin that declares nothing: its table as written
      for (auto&& [key, value] : *set)
        if (!options.contains(key.str())) options.insert(key, value);
    if (!options.empty()) plugins.insert(plugin->name(), std::move(options));
  }
  if (!plugins.empty()) out.insert("plugins", std::move(plugins));
  // Encodings by path pattern, later settings winning (each relative to its own config).
  toml::table encodings;
  for (const EncodingSetting& e : config.encodings) {
    std::string name = e.choice.detect ? "auto" : std::string(encoding_name(e.choice.encoding));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    encodings.insert_or_assign(e.pattern, name);
  }
  if (!encodings.empty()) out.insert("encoding", std::move(encodings));

  std::ostringstream text;
  text << "# reportlint 合并后的配置\n# 来源（先基础后覆盖）：" << fmt::format("{}", fmt::join(config.layers, "，")) << "\n";
  text << "# 已加载的插件：";
  bool first = true;
  for (const auto& plugin : linter.plugins().plugins()) {
    text << (first ? "" : "，") << plugin->name() << " " << plugin->version();
    first = false;
  }
  text << "\n\n" << toml::toml_formatter(out) << "\n";
  return text.str();
}

}  // namespace reportlint
