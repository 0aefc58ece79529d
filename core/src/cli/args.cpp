#include "cli/args.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

#include <fmt/format.h>

#include "output/renderer.hpp"
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
  return R"(用法：reportlint [选项] 路径...
      reportlint - --stdin-filename 名称
      reportlint lsp [--config FILE] [--plugin-dir DIR] [--profile NAME] [--trust]
      reportlint trust [路径]      信任路径所在项目的 .reportlint.toml（见 docs/security.md）
      reportlint untrust [路径]    撤销信任

检查公文草稿（.txt、.md）中的未填占位符、模板残留、序号、结构和用词问题。
目录会被递归遍历，检查其中的 .txt 和 .md 文件。

选项：
  --format text|gcc|json|sarif|github|gitlab|rdjson
                                输出格式（默认 text）
  --config FILE|builtin:NAME    使用此配置（默认：从被检查文件向上查找 .reportlint.toml，
                                找不到则用 builtin:default）
  --profile NAME                文档类型（如 annual-summary），覆盖配置文件中的设置
  --fail-on error|warning|note|never
                                报告了此级别及以上的问题时退出码为 1（默认 error）
  --fix                         就地修复可确定的问题（原子写入），再报告剩下的问题
  --list-rules                  列出全部规则：名称、默认级别、能否修复、说明
  --explain RULE                显示规则的说明文档
  --print-config                显示合并后的配置（针对第一个路径，或当前目录）
  --plugin-dir DIR              也从 DIR 加载插件（可重复）
  -j N                          用 N 个线程检查文件（默认：CPU 核数）
  --color auto|always|never     文本输出是否着色（遵循 NO_COLOR）
  --column-unit codepoint|display|byte|utf16
                                列号的计数单位（默认 codepoint，即 Unicode 字符）
  --stdin-filename NAME         从标准输入读取时使用的文件名（也用于查找配置）
  --baseline FILE               只报告基线文件中没有的问题
  --write-baseline FILE         把本次的全部问题写入基线文件（退出码 0）
  --trust                       信任本次用到的项目配置：加载其中的插件目录和项目外的文件
                                （也可设 REPORTLINT_TRUST=1；默认不加载，见 docs/security.md）
  --force                       --fix 时也改写只读文件
  --max-file-size SIZE          拒绝大于 SIZE 的输入（默认 256M）
  --encoding NAME               文本文件的编码：auto（默认，自动识别 UTF-8、GB18030/GBK、UTF-16）、
                                utf-8、gb18030、gbk、utf-16le、utf-16be
  --check-plugin FILE           在子进程中试加载插件，报告它是否能用、怎样失败
  --sarif-max-results N         SARIF 中最多的结果数（默认 25000，GitHub 的上限；0 表示不限）
  --version                     显示版本
  --help                        显示本帮助

reportlint lsp 在标准输入输出上运行语言服务器（Language Server Protocol），供编辑器使用。

退出码：0 没有达到 --fail-on 级别的问题；1 有；2 用法、配置、插件或读写错误。
)";
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
    auto value = [&]() -> std::string {
      if (inline_value) return std::string(*inline_value);
      if (i + 1 >= argc) usage_error(fmt::format("选项 {} 需要一个值", name));
      return argv[++i];
    };
    auto choice = [&](std::string v, std::initializer_list<std::string_view> allowed) {
      for (std::string_view a : allowed)
        if (v == a) return v;
      usage_error(fmt::format("选项 {} 的值“{}”无效，应为 {}", name, v, fmt::join(allowed, "、")));
    };

    if (name == "--help" || name == "-h") {
      o.help = true;
    } else if (name == "--version" || name == "-V") {
      o.version = true;
    } else if (name == "--format") {
      const auto names = renderer_names();
      std::string v = value();
      if (std::find(names.begin(), names.end(), v) == names.end())
        usage_error(fmt::format("未知的输出格式“{}”，应为 {}", v, fmt::join(names, "、")));
      o.format = v;
    } else if (name == "--config") {
      o.config = value();
    } else if (name == "--profile") {
      o.profile = value();
    } else if (name == "--fail-on") {
      const std::string v = choice(value(), {"error", "warning", "note", "never"});
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
    } else if (name == "-j" || name == "--jobs") {
      const std::string v = value();
      unsigned n = 0;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc() || end != v.data() + v.size() || n == 0 || n > 1024)
        usage_error(fmt::format("-j 的值“{}”无效，应为 1 到 1024 的整数", v));
      o.jobs = n;
    } else if (name == "--color" || name == "--colour") {
      const std::string v = choice(value(), {"auto", "always", "never"});
      o.color = v == "auto" ? ColorMode::automatic : v == "always" ? ColorMode::always : ColorMode::never;
    } else if (name == "--column-unit") {
      const std::string v = choice(value(), {"codepoint", "display", "byte", "utf16"});
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
      if (!o.encoding)
        usage_error(fmt::format("--encoding 的值“{}”无效，应为 auto、utf-8、gb18030、gbk、utf-16le 或 utf-16be", v));
    } else if (name == "--check-plugin") {
      o.check_plugin = value();
    } else if (name == "--sarif-max-results") {
      const std::string v = value();
      std::size_t n = 0;
      const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc() || end != v.data() + v.size())
        usage_error(fmt::format("--sarif-max-results 的值“{}”无效，应为非负整数（0 表示不限）", v));
      o.sarif_max_results = n;
    } else {
      usage_error(fmt::format("未知选项 {}", arg));
    }
  }
  return o;
}

}  // namespace reportlint
