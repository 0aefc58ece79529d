#include "config/config.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "reportlint/toml_limits.hpp"
#include "reportlint/toml_schema.hpp"
#include "support/glob.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kBuiltinPrefix = "builtin:";

// Moves `source` into `target` key by key, descending into tables present in both, so
// every node keeps the source() of the file that set it.
void merge_table(toml::table& target, toml::table&& source) {
  for (auto&& [key, node] : source) {
    toml::table* existing = target[key].as_table();
    if (existing && node.is_table())
      merge_table(*existing, std::move(*node.as_table()));
    else
      target.insert_or_assign(key, std::move(node));
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// toml++ reports Chinese quotation marks as an undeterminable value; say what is wrong.
std::string describe_parse_error(const toml::parse_error& e, std::string_view text) {
  std::string message = fmt::format("配置文件语法错误：{}", e.description());
  const auto& where = e.source().begin;
  std::size_t offset = 0;
  for (std::uint32_t line = 1; line < where.line && offset < text.size(); ++offset)
    if (text[offset] == '\n') ++line;
  std::string_view rest = text.substr(std::min(offset, text.size()));
  rest = rest.substr(0, rest.find('\n'));
  if (rest.find("“") != std::string_view::npos || rest.find("”") != std::string_view::npos ||
      rest.find("‘") != std::string_view::npos || rest.find("’") != std::string_view::npos)
    message += "（字符串请用英文半角引号 \"…\"，不要用中文引号 “…”）";
  return message;
}

// A built-in preset that is not there. One that is there but cannot be read (the data
// directory's permissions) is not "unknown": load_layer() says why it cannot be read.
bool preset_missing(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec) return ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
  return !fs::is_regular_file(status);
}

}  // namespace

std::string display_path(const fs::path& path) {
  std::error_code ec;
  const fs::path relative = fs::relative(path, fs::current_path(ec), ec);
  if (!ec && !relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.generic_string();
}

std::string name_in_message(const fs::path& path) { return escape_name(display_path(path)); }

EncodingChoice encoding_for(const Config& config, const fs::path& file) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(file, ec).lexically_normal();
  for (auto it = config.encodings.rbegin(); it != config.encodings.rend(); ++it) {
    const fs::path relative = absolute.lexically_relative(it->base);
    if (relative.empty() || *relative.begin() == "..") continue;
    if (glob_matches(it->pattern, relative.generic_string())) return it->choice;
  }
  return {};
}

Failure failure_at(const toml::source_region& where, std::string message) {
  Failure f;
  f.path = where.path ? *where.path : std::string();
  f.line = where.begin.line;
  f.column = where.begin.column;
  f.message = std::move(message);
  return f;
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "error") return Severity::error;
  if (text == "warning") return Severity::warning;
  if (text == "note") return Severity::note;
  return std::nullopt;
}

std::optional<Severity> effective_severity(const Config& config, std::string_view rule_id,
                                           Severity default_severity, bool opt_in) {
  std::optional<Severity> severity;
  if (!opt_in) severity = default_severity;
  const std::string_view plugin = rule_id.substr(0, rule_id.find('.'));
  bool named = false;
  for (const RuleSetting& s : config.rules) {
    const bool wildcard = s.pattern.size() == plugin.size() + 2 && s.pattern.starts_with(plugin) &&
                          s.pattern.ends_with(".*");
    if (s.pattern == rule_id) named = true;
    // A wildcard changes the severity of the rules it finds on; it turns no opt-in rule on.
    if (s.pattern == rule_id || (wildcard && (!opt_in || named))) severity = s.severity;
  }
  return severity;
}

std::optional<fs::path> find_config_upward(const fs::path& directory) {
  std::error_code ec;
  fs::path dir = fs::absolute(directory, ec);
  if (ec) return std::nullopt;
  while (true) {
    fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

std::vector<std::string> ConfigLoader::builtin_names() const {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(configs_dir_, ec))
    if (entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

Config ConfigLoader::load_file(const fs::path& path) const {
  Config config;
  std::error_code ec;
  config.root = fs::weakly_canonical(fs::absolute(path, ec), ec).parent_path();
  config.trusted = fs::weakly_canonical(configs_dir_, ec) == config.root || trust_.trusts(path);
  LoadState state;
  load_layer(path, nullptr, config, state);
  return config;
}

Config ConfigLoader::load_builtin(std::string_view name) const {
  Config config;
  LoadState state;
  const fs::path path = configs_dir_ / (std::string(name) + ".toml");
  if (preset_missing(path)) {
    const auto names = builtin_names();
    if (names.empty())
      throw Error({display_path(path), 0, 0, fmt::format("找不到内置预设“builtin:{}”；reportlint 的安装可能不完整", name)});
    throw Error({"", 0, 0, fmt::format("未知的内置预设“builtin:{}”（可用：builtin:{}）", name, fmt::join(names, "、builtin:"))});
  }
  load_layer(path, nullptr, config, state);
  return config;
}

void ConfigLoader::load_layer(const fs::path& path, const toml::source_region* referenced_from,
                              Config& into, LoadState& state) const {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  const std::string shown = display_path(path);
  auto refuse = [&](std::string message) {
    Failure f = referenced_from ? failure_at(*referenced_from, "") : Failure{shown, 0, 0, ""};
    f.message = std::move(message);
    throw Error(std::move(f));
  };
  std::vector<fs::path>& chain = state.chain;
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) refuse(fmt::format("配置文件循环继承：{}", escape_name(shown)));
  if (std::find(state.merged.begin(), state.merged.end(), canonical) != state.merged.end()) return;  // merged once
  if (chain.size() >= kMaxExtendsDepth)
    refuse(fmt::format("配置文件的 extends 嵌套超过 {} 层：{}", kMaxExtendsDepth, escape_name(shown)));
  if (state.merged.size() + chain.size() >= kMaxConfigFiles)
    refuse(fmt::format("配置一共引用了超过 {} 个文件", kMaxConfigFiles));
  if (const fs::file_status status = fs::status(path, ec); !fs::is_regular_file(status)) {
    const std::string name = escape_name(shown);
    refuse(ec && ec != std::errc::no_such_file_or_directory
               ? fmt::format("无法读取配置文件 {}：{}", name, describe_path_error(ec.value()))
           : fs::is_directory(status) ? fmt::format("配置文件 {} 是目录，不是文件", name)
           : fs::exists(status)       ? fmt::format("配置文件 {} 不是普通文件（设备、管道或套接字），不会读取", name)
                                      : fmt::format("找不到配置文件 {}", name));
  }

  const std::string text = read_file(path);
  if (const auto v = toml_limits_violation(text))  // what toml++ would not survive
    throw Error(Failure{shown, v->line, v->column, std::string(v->message)});
  toml::table table;
  try {
    table = toml::parse(text, std::string_view(shown));
  } catch (const toml::parse_error& e) {
    throw Error(failure_at(e.source(), describe_parse_error(e, text)));
  }

  std::vector<Failure> failures;
  auto fail = [&](const toml::source_region& where, std::string message) {
    failures.push_back(failure_at(where, std::move(message)));
  };
  const fs::path base_dir = path.parent_path();

  // The top level, read through the one TOML reader: each key named below, any other
  // reported with the allowed ones listed.
  TableReader top(table, "", fail);
  top.keys_called("配置项");

  // extends first: the layers this file builds on.
  chain.push_back(canonical);
  for (const TableReader::Item& entry : top.string_or_strings("extends")) {
    const std::string& name = entry.value;
    fs::path target;
    if (name.starts_with(kBuiltinPrefix)) {
      const std::string preset(name.substr(kBuiltinPrefix.size()));
      target = configs_dir_ / (preset + ".toml");
      if (preset.empty() || preset_missing(target)) {
        const auto names = builtin_names();
        fail(entry.source, fmt::format("未知的内置预设“{}”（可用：builtin:{}）", name, fmt::join(names, "、builtin:")));
        continue;
      }
    } else {
      target = base_dir / name;
      // An untrusted project reads nothing outside itself (an absolute path, ../../x).
      if (!into.trusted && !inside(target, into.root)) {
        into.refused.push_back({entry.source, fmt::format("项目外的配置文件 {}", escape_name(target.lexically_normal().string()))});
        continue;
      }
    }
    if (!failures.empty()) continue;
    load_layer(target, &entry.source, into, state);
  }
  chain.pop_back();

  // Values of the right type that are still wrong, and composite values, are checked
  // here with messages that show the expected form.
  if (top.node("profile")) {
    const toml::node& node = *table.get("profile");
    if (const auto* s = node.as_string()) {
      into.profile = s->get();
      into.profile_source = node.source();
    } else {
      fail(node.source(), "“profile”应为字符串，例如 profile = \"annual-summary\"");
    }
  }
  if (top.node("rules")) {
    toml::node& node = *table.get("rules");
    if (toml::table* rules = node.as_table(); !rules) {
      fail(node.source(), "“rules”应为表，例如 [rules]");
    } else {
      auto add = [&](std::string pattern, const toml::node& value) {
        const auto* s = value.as_string();
        if (!s) {
          fail(value.source(), fmt::format("规则“{}”的值应为 \"error\"、\"warning\"、\"note\" 或 \"off\"", pattern));
          return;
        }
        const std::string& text_value = s->get();
        const auto severity = parse_severity(text_value);
        if (!severity && text_value != "off") {
          fail(value.source(), fmt::format("规则“{}”的级别“{}”无效，应为 error、warning、note 或 off",
                                           pattern, text_value));
          return;
        }
        into.rules.push_back({std::move(pattern), severity, value.source()});
      };
      // A rule's own table: [rules."numbering.level-skip"] with an optional `severity` and
      // options of its plugin that hold for this rule only (clang-tidy's Check.Option).
      auto add_table = [&](std::string id, toml::table& table) {
        if (id.ends_with(".*") || id.find('.') == std::string::npos) {
          fail(table.source(), fmt::format("只有具体的规则才能有自己的选项表，“{}”不是规则 id", id));
          return;
        }
        if (toml::node* severity = table.get("severity")) add(id, *severity);
        table.erase("severity");
        if (table.empty()) return;
        if (toml::table* existing = into.rule_options[id].as_table())
          merge_table(*existing, std::move(table));
        else
          into.rule_options.insert_or_assign(id, std::move(table));
      };
      for (auto&& [rule_key, value] : *rules) {
        // "placeholder.unfilled" = …, the dotted form placeholder.unfilled = …, or a table
        std::string id(rule_key.str());
        if (toml::table* nested = value.as_table()) {
          if (id.find('.') != std::string::npos) {
            add_table(id, *nested);
            continue;
          }
          for (auto&& [sub_key, sub_value] : *nested) {
            std::string sub = id;
            sub.append(".").append(sub_key.str());
            if (toml::table* rule_table = sub_value.as_table()) add_table(std::move(sub), *rule_table);
            else add(std::move(sub), sub_value);
          }
        } else {
          add(std::move(id), value);
        }
      }
    }
  }
  if (top.node("plugins")) {
    toml::node& node = *table.get("plugins");
    if (toml::table* plugins = node.as_table(); !plugins) {
      fail(node.source(), "“plugins”应为表，例如 [plugins.placeholder]");
    } else {
      for (auto&& [name, value] : *plugins) {
        if (name.str() == "paths") {
          const toml::array* paths = value.as_array();
          if (!paths) {
            fail(value.source(), "“plugins.paths”应为字符串数组");
            continue;
          }
          for (const toml::node& element : *paths) {
            const auto* s = element.as_string();
            if (!s) {
              fail(element.source(), "“plugins.paths”的元素应为字符串");
            } else if (!into.trusted) {
              // A plugin is code: a project that is not trusted runs none.
              into.refused.push_back(
                  {element.source(), fmt::format("插件目录 {}", escape_name(fs::absolute(base_dir / s->get()).lexically_normal().string()))});
              into.plugins_refused = true;
            } else {
              into.plugin_paths.push_back({fs::absolute(base_dir / s->get()), element.source()});
            }
          }
        } else if (toml::table* options = value.as_table()) {
          toml::table* existing = into.plugin_options[name].as_table();
          if (existing)
            merge_table(*existing, std::move(*options));
          else
            into.plugin_options.insert_or_assign(name, std::move(*options));
        } else {
          fail(value.source(), fmt::format("“plugins.{}”应为插件选项表，例如 [plugins.{}]",
                                           name.str(), name.str()));
        }
      }
    }
  }
  if (top.node("ignore")) {
    const toml::node& node = *table.get("ignore");
    if (const toml::array* entries = node.as_array(); !entries) {
      fail(node.source(), "“ignore”应为表数组，写作 [[ignore]]");
    } else {
      for (const toml::node& entry : *entries) {
        const toml::table* t = entry.as_table();
        if (!t) {
          fail(entry.source(), "[[ignore]] 应为表");
          continue;
        }
        IgnoreEntry ignore;
        std::error_code ec;
        ignore.base = (base_dir.empty() ? fs::current_path(ec) : fs::absolute(base_dir, ec)).lexically_normal();
        ignore.source = entry.source();
        TableReader fields(*t, "[[ignore]]", [&](const toml::source_region& where, std::string message) {
          // Values are named with their table ("[[ignore]] 的“path”…"); unknown keys already are.
          if (!message.starts_with("[[ignore]]")) message.insert(0, "[[ignore]] 的");
          fail(where, std::move(message));
        });
        ignore.path = fields.string("path", true).value_or("");
        ignore.rule = fields.string("rule", true).value_or("");
        ignore.text = fields.string("text", true).value_or("");
        fields.finish();
        if (ignore.path.empty()) {
          fail(entry.source(), "[[ignore]] 需要“path”（相对于配置文件所在目录的路径模式，如 \"archive/**\"）");
          continue;
        }
        into.ignores.push_back(std::move(ignore));
      }
    }
  }
  if (top.node("encoding")) {
    const toml::node& node = *table.get("encoding");
    std::error_code ec;
    const fs::path base = (base_dir.empty() ? fs::current_path(ec) : fs::absolute(base_dir, ec)).lexically_normal();
    auto add = [&](std::string pattern, const toml::node& value) {
      const auto* name = value.as_string();
      const auto choice = name ? parse_encoding(name->get()) : std::nullopt;
      if (!choice)
        fail(value.source(), "编码应为 \"auto\"、\"utf-8\"、\"gb18030\"、\"gbk\"、\"utf-16le\" 或 \"utf-16be\"");
      else
        into.encodings.push_back({std::move(pattern), *choice, base, value.source()});
    };
    if (const toml::table* t = node.as_table()) {
      for (auto&& [pattern, value] : *t) add(std::string(pattern.str()), value);
    } else {
      add("**", node);
    }
  }
  top.finish();
  // toml++ iterates keys sorted; report in the order the file is read.
  std::stable_sort(failures.begin(), failures.end(), [](const Failure& a, const Failure& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  if (!failures.empty()) throw Error(std::move(failures));
  state.merged.push_back(canonical);
  const bool builtin = fs::weakly_canonical(configs_dir_, ec) == canonical.parent_path();
  into.layers.push_back(builtin ? std::string(kBuiltinPrefix) + path.stem().string() : shown);
}

}  // namespace reportlint
