#include "cli/args.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include "cli/option_table.hpp"
#include "output/renderer.hpp"
#include "reportlint/text.hpp"
#include "support/error.hpp"

namespace reportlint {
namespace {

[[noreturn]] void usage_error(std::string message) {
  throw Error(Failure{"", 0, 0, message + "（reportlint --help 查看用法）"});
}

// 256M, 512K, 1G or a number of bytes.
std::uint64_t parse_size(const std::string& v) {
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  std::string_view unit(end, static_cast<std::size_t>(v.data() + v.size() - end));
  const int shift = unit.empty() || unit == "B" ? 0 : unit == "K" || unit == "k" ? 10 : unit == "M" || unit == "m" ? 20
                    : unit == "G" || unit == "g" ? 30 : -1;
  if (ec != std::errc() || shift < 0 || n == 0 || n > (std::uint64_t{1} << (40 - shift)))
    usage_error(fmt::format("--max-file-size 的值“{}”无效，应为字节数或带 K、M、G 的大小，如 256M", v));
  return n << shift;
}

}  // namespace

std::string usage_text() {
  std::string text = "用法：reportlint [选项] 路径...\n      reportlint - --stdin-filename 名称\n";
  for (const SubcommandSpec& c : subcommand_table()) {
    std::string line = fmt::format("      reportlint {} {}", c.name, c.arguments);
    if (c.name == "lsp") {
      text += line + "\n";
      continue;
    }
    std::size_t width = 0;  // on screen: a Chinese character takes two columns
    for (std::size_t at = 0; at < line.size();) width += column_width(utf8::next(line, at), ColumnUnit::display);
    if (width >= 33) text += line + "\n" + std::string(33, ' ') + std::string(c.help) + "\n";
    else text += line + std::string(33 - width, ' ') + std::string(c.help) + "\n";
  }
  text += "\n检查公文草稿（.txt、.md、.docx）中的未填占位符、模板残留、序号、结构和用词问题。\n"
          "目录会被递归遍历，检查其中的 .txt、.md 和 .docx 文件。\n\n选项：\n";
  for (const OptionSpec& o : option_table()) {
    if (!o.shown) continue;
    const std::string synopsis = "  " + option_synopsis(o);
    std::string_view help = o.help;
    std::string first(help.substr(0, help.find('\n')));
    if (synopsis.size() < 32) {
      text += fmt::format("{:<32}{}\n", synopsis, first);
    } else {
      text += synopsis + "\n" + std::string(32, ' ') + first + "\n";
    }
    for (std::size_t at = help.find('\n'); at != std::string_view::npos;) {
      const std::size_t next = help.find('\n', at + 1);
      text += std::string(32, ' ') + std::string(help.substr(at + 1, next - at - 1)) + "\n";
      at = next;
    }
  }
  text += "\nreportlint lsp 在标准输入输出上运行语言服务器（Language Server Protocol），供编辑器使用。\n\n"
          "退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法、配置、插件或读写错误。\n";
  return text;
}

bool fails(FailOn threshold, Severity severity) {
  switch (threshold) {
    case FailOn::error: return severity >= Severity::error;
    case FailOn::warning: return severity >= Severity::warning;
    case FailOn::note: return severity >= Severity::note;
    case FailOn::never: return false;
  }
  return false;
}

CliOptions parse_args(int argc, const char* const* argv) {
  CliOptions o;
  bool only_paths = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (only_paths || arg == "-" || !arg.starts_with("-")) {
      o.paths.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      only_paths = true;
      continue;
    }
    // --name=value or --name value
    std::string_view name = arg;
    std::optional<std::string_view> inline_value;
    if (arg.starts_with("--")) {
      if (const auto eq = arg.find('='); eq != std::string_view::npos) {
        name = arg.substr(0, eq);
        inline_value = arg.substr(eq + 1);
      }
    } else if (arg.starts_with("-j") && arg.size() > 2) {
      name = "-j";
      inline_value = arg.substr(2);
    }
    const OptionSpec* spec = find_option(name);
    if (!spec) {
      if (const OptionSpec* near = nearest_option(name))
        usage_error(fmt::format("未知选项 {}，是不是 {}？", arg, near->name));
      usage_error(fmt::format("未知选项 {}", arg));
    }
    if (spec->kind == ValueKind::none && inline_value)
      usage_error(fmt::format("选项 {} 不带值", name));
    bool value_was_next = false;  // the value is the next argument, not after '='
    auto value = [&]() -> std::string {
      if (inline_value) return std::string(*inline_value);
      if (i + 1 >= argc) usage_error(fmt::format("选项 {} 需要一个值", name));
      value_was_next = true;
      return argv[++i];
    };
    // An invalid value taken from the next argument may be a path the user meant to lint
    // (`--colour x.txt`): say so, rather than only that the value is wrong.
    auto invalid = [&](const std::string& v, std::string expected) {
      std::error_code ec;
      std::string hint;
      if (value_was_next && std::filesystem::exists(v, ec))
        hint = fmt::format("；“{}”是一个文件或目录：{} 后面是不是少了值？", v, name);
      usage_error(fmt::format("选项 {} 的值“{}”无效，应为 {}{}", name, v, expected, hint));
    };
    auto choice = [&](std::string v) {
      for (std::string_view a : spec->choices)
        if (v == a) return v;
      invalid(v, fmt::format("{}", fmt::join(spec->choices, "、")));
      return v;
    };

    name = spec->name;  // aliases behave as the option they spell
    if (name == "--help") {
      o.help = true;
    } else if (name == "--version") {
      o.version = true;
    } else if (name == "--format") {
      o.format = choice(value());
    } else if (name == "--config") {
      o.config = value();
    } else if (name == "--profile") {
      o.profile = value();
    } else if (name == "--fail-on") {
      const std::string v = choice(value());
      o.fail_on = v == "error" ? FailOn::error : v == "warning" ? FailOn::warning : v == "note" ? FailOn::note : FailOn::never;
    } else if (name == "--fix") {
      o.fix = true;
    } else if (name == "--list-rules") {
      o.list_rules = true;
    } else if (name == "--explain") {
      o.explain = value();
    } else if (name == "--print-config") {
      o.print_config = true;
    } else if (name == "--plugin-dir") {
      o.plugin_dirs.push_back(value());
    } else if (name == "-j") {
      const std::string v = value();
      unsigned n = 0;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc() || end != v.data() + v.size() || n == 0 || n > 1024) invalid(v, "1 到 1024 的整数");
      o.jobs = n;
    } else if (name == "--color") {
      const std::string v = choice(value());
      o.color = v == "auto" ? ColorMode::automatic : v == "always" ? ColorMode::always : ColorMode::never;
    } else if (name == "--column-unit") {
      const std::string v = choice(value());
      o.column_unit = v == "codepoint" ? ColumnUnit::codepoint
                      : v == "display" ? ColumnUnit::display
                      : v == "byte"    ? ColumnUnit::byte
                                       : ColumnUnit::utf16;
    } else if (name == "--stdin-filename") {
      o.stdin_filename = value();
    } else if (name == "--baseline") {
      o.baseline = value();
    } else if (name == "--write-baseline") {
      o.write_baseline = value();
    } else if (name == "--trust") {
      o.trust = true;
    } else if (name == "--force") {
      o.force = true;
    } else if (name == "--max-file-size") {
      o.max_file_size = parse_size(value());
    } else if (name == "--encoding") {
      const std::string v = value();
      o.encoding = parse_encoding(v);
      if (!o.encoding) invalid(v, "auto、utf-8、gb18030、gbk、utf-16le 或 utf-16be");
    } else if (name == "--check-plugin") {
      o.check_plugin = value();
    } else if (name == "--files-from") {
      o.files_from = value();
    } else if (name == "--shard") {
      const std::string v = value();
      o.shard = parse_shard(v);
      if (!o.shard) invalid(v, "K/N，1 ≤ K ≤ N，如 2/8");
    } else if (name == "--port") {
      const std::string v = value();
      std::uint16_t n = 0;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc() || end != v.data() + v.size() || n == 0) invalid(v, "1 到 65535 的端口号");
      o.port = n;
    } else if (name == "--host") {
      o.host = value();
    } else if (name == "--open") {
      o.open_browser = true;
    } else if (name == "--sarif-max-results") {
      const std::string v = value();
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc() || end != v.data() + v.size()) invalid(v, "非负整数（0 表示不限）");
      o.sarif_max_results = n;
    }
  }
  return o;
}

}  // namespace reportlint
