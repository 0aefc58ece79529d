#include "cli/option_table.hpp"

#include <algorithm>
#include <array>

#include "support/edit_distance.hpp"

namespace reportlint {
namespace {

using namespace std::string_view_literals;

constexpr std::array kFormats = {"text"sv, "gcc"sv, "json"sv, "jsonl"sv, "sarif"sv, "github"sv, "gitlab"sv, "rdjson"sv};
constexpr std::array kFailOn = {"error"sv, "warning"sv, "note"sv, "never"sv};
constexpr std::array kColor = {"auto"sv, "always"sv, "never"sv};
constexpr std::array kColumnUnits = {"codepoint"sv, "display"sv, "byte"sv, "utf16"sv};
constexpr std::array kEncodings = {"auto"sv, "utf-8"sv, "gb18030"sv, "gbk"sv, "utf-16le"sv, "utf-16be"sv};

constexpr std::array kOptions = {
    OptionSpec{"--format", "", ValueKind::choice, "", kFormats, "输出格式（默认 text）"},
    OptionSpec{"--config", "", ValueKind::file, "FILE|builtin:NAME", {},
               "使用此配置（默认：从被检查文件向上查找 .reportlint.toml，\n找不到则用 builtin:default）"},
    OptionSpec{"--profile", "", ValueKind::text, "NAME", {}, "文档类型（如 annual-summary），覆盖配置文件中的设置"},
    OptionSpec{"--fail-on", "", ValueKind::choice, "", kFailOn, "报告了此级别及以上的问题时退出码为 1（默认 error）"},
    OptionSpec{"--fix", "", ValueKind::none, "", {}, "就地修复可确定的问题（原子写入），再报告剩下的问题"},
    OptionSpec{"--list-rules", "", ValueKind::none, "", {}, "列出全部规则：名称、默认级别、能否修复、说明"},
    OptionSpec{"--explain", "", ValueKind::rule, "RULE", {}, "显示规则的说明文档"},
    OptionSpec{"--print-config", "", ValueKind::none, "", {}, "显示合并后的配置（针对第一个路径，或当前目录）"},
    OptionSpec{"--plugin-dir", "", ValueKind::directory, "DIR", {}, "也从 DIR 加载插件（可重复）"},
    OptionSpec{"-j", "--jobs", ValueKind::number, "N", {}, "用 N 个线程检查文件（默认：CPU 核数）"},
    OptionSpec{"--color", "--colour", ValueKind::choice, "", kColor, "文本输出是否着色（遵循 NO_COLOR）"},
    OptionSpec{"--column-unit", "", ValueKind::choice, "", kColumnUnits, "列号的计数单位（默认 codepoint，即 Unicode 字符）"},
    OptionSpec{"--stdin-filename", "", ValueKind::file, "NAME", {}, "从标准输入读取时使用的文件名（也用于查找配置）"},
    OptionSpec{"--files-from", "", ValueKind::file, "FILE|-", {},
               "也检查 FILE 中列出的路径（每行一个，或以 NUL 分隔，如 git ls-files -z 的输出）；\n- 表示从标准输入读取列表"},
    OptionSpec{"--shard", "", ValueKind::text, "K/N", {},
               "只检查 N 份中的第 K 份（按路径和大小确定地划分，供 CI 矩阵并行；见 docs/scale.md）"},
    OptionSpec{"--baseline", "", ValueKind::file, "FILE", {}, "只报告基线文件中没有的问题"},
    OptionSpec{"--write-baseline", "", ValueKind::file, "FILE", {}, "把本次的全部问题写入基线文件（退出码 0）"},
    OptionSpec{"--trust", "", ValueKind::none, "", {},
               "信任本次用到的项目配置：加载其中的插件目录和项目外的文件\n（也可设 REPORTLINT_TRUST=1；默认不加载，见 docs/security.md）"},
    OptionSpec{"--force", "", ValueKind::none, "", {}, "--fix 时也改写只读文件"},
    OptionSpec{"--max-file-size", "", ValueKind::text, "SIZE", {}, "拒绝大于 SIZE 的输入（默认 256M）"},
    OptionSpec{"--encoding", "", ValueKind::choice, "NAME", kEncodings,
               "文本文件的编码：auto（默认，自动识别 UTF-8、GB18030/GBK、UTF-16）、\nutf-8、gb18030、gbk、utf-16le、utf-16be"},
    OptionSpec{"--sarif-max-results", "", ValueKind::number, "N", {}, "SARIF 中最多的结果数（默认 25000，GitHub 的上限；0 表示不限）"},
    OptionSpec{"--check-plugin", "", ValueKind::file, "FILE", {}, "在子进程中试加载插件，报告它是否能用、怎样失败"},
    OptionSpec{"--port", "", ValueKind::number, "N", {}, "reportlint serve 监听的端口（默认：自动选择空闲端口）"},
    OptionSpec{"--host", "", ValueKind::text, "ADDRESS", {},
               "reportlint serve 监听的地址（默认 127.0.0.1，只有本机能访问；\n其他地址会让局域网中的人也能上传文件）"},
    OptionSpec{"--open", "", ValueKind::none, "", {}, "reportlint serve 启动后用浏览器打开页面"},
    OptionSpec{"--version", "-V", ValueKind::none, "", {}, "显示版本"},
    OptionSpec{"--help", "-h", ValueKind::none, "", {}, "显示本帮助"},
};

constexpr std::array kSubcommands = {
    SubcommandSpec{"lsp", "[--config FILE] [--plugin-dir DIR] [--profile NAME] [--trust]",
                   "在标准输入输出上运行语言服务器（Language Server Protocol），供编辑器使用"},
    SubcommandSpec{"serve", "[--port N] [--open] [--profile NAME] [--plugin-dir DIR]",
                   "在本机启动网页版：在浏览器中拖入 Word 或文本草稿，逐处标出问题并修改"},
    SubcommandSpec{"trust", "[路径]", "信任路径所在项目的 .reportlint.toml（见 docs/security.md）"},
    SubcommandSpec{"untrust", "[路径]", "撤销信任"},
    SubcommandSpec{"merge", "FILE...", "合并分片运行的 json、jsonl 或 sarif 输出（见 docs/scale.md）"},
    SubcommandSpec{"completions", "bash|zsh|fish", "输出 shell 的补全脚本"},
    SubcommandSpec{"manpage", "", "输出 man 手册页（groff 格式）"},
};


}  // namespace

std::span<const OptionSpec> option_table() { return kOptions; }
std::span<const SubcommandSpec> subcommand_table() { return kSubcommands; }

const OptionSpec* find_option(std::string_view name) {
  for (const OptionSpec& o : kOptions)
    if (o.name == name || (!o.alias.empty() && o.alias == name)) return &o;
  return nullptr;
}

const OptionSpec* nearest_option(std::string_view name) {
  const OptionSpec* best = nullptr;
  std::size_t best_distance = 3;
  for (const OptionSpec& o : kOptions) {
    for (std::string_view spelling : {o.name, o.alias}) {
      if (spelling.size() < 3) continue;  // -j, -h: too short to guess from
      const std::size_t d = edit_distance(name, spelling);
      if (d < best_distance) best = &o, best_distance = d;
    }
  }
  if (best) return best;
  // A prefix of exactly one option (--expl → --explain).
  const OptionSpec* prefixed = nullptr;
  for (const OptionSpec& o : kOptions) {
    if (name.size() >= 4 && o.name.starts_with(name)) {
      if (prefixed) return nullptr;
      prefixed = &o;
    }
  }
  return prefixed;
}

std::string option_synopsis(const OptionSpec& option) {
  std::string s(option.name);
  if (option.kind == ValueKind::none) return s;
  s += ' ';
  if (!option.choices.empty() && option.placeholder.empty()) {
    for (std::size_t i = 0; i < option.choices.size(); ++i) s.append(i ? "|" : "").append(option.choices[i]);
  } else {
    s += option.placeholder;
  }
  return s;
}

}  // namespace reportlint
