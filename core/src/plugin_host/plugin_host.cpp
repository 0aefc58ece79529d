#include "plugin_host/plugin_host.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <optional>
#include <system_error>

#include <elf.h>

#include <boost/dll/runtime_symbol_info.hpp>
#include <fmt/format.h>

#include "config/config.hpp"
#include "support/crash_context.hpp"
#include "support/error.hpp"
#include "support/names.hpp"

namespace reportlint {
namespace fs = std::filesystem;
namespace {

constexpr const char* kInfoSymbol = "reportlint_plugin_info";

// Boost.DLL's messages end with an errno text that has nothing to do with dlopen
// ("Bad file descriptor"); keep the dlerror part only.
std::string dl_message(const std::system_error& e) {
  std::string what = e.what();
  const std::string marker = "dlerror system message: ";
  const std::size_t at = what.find(marker);
  if (at == std::string::npos) return what;
  std::string message = what.substr(at + marker.size());
  const std::size_t close = message.rfind(')');
  return close == std::string::npos ? message : message.substr(0, close);
}

// The start of an ELF header: what a plugin was built for.
struct ElfTarget {
  unsigned char elf_class = 0;  // ELFCLASS32 or ELFCLASS64
  unsigned char data = 0;       // byte order
  unsigned machine = 0;         // EM_*
  bool operator==(const ElfTarget&) const = default;
};

std::optional<ElfTarget> read_elf_target(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  unsigned char header[20] = {};
  if (!in.read(reinterpret_cast<char*>(header), sizeof header) || std::memcmp(header, ELFMAG, SELFMAG) != 0)
    return std::nullopt;
  ElfTarget target{header[EI_CLASS], header[EI_DATA], 0};
  target.machine = target.data == ELFDATA2MSB ? (header[18] << 8 | header[19]) : (header[19] << 8 | header[18]);
  return target;
}

// What this program was built for: its own executable's header.
const std::optional<ElfTarget>& own_target() {
  static const std::optional<ElfTarget> target = read_elf_target("/proc/self/exe");
  return target;
}

std::string describe(const ElfTarget& t) {
  std::string machine;
  switch (t.machine) {
    case EM_X86_64: machine = "x86-64"; break;
    case EM_386: machine = "i386"; break;
    case EM_AARCH64: machine = "AArch64 (arm64)"; break;
    case EM_ARM: machine = "ARM (32 位)"; break;
    case EM_RISCV: machine = "RISC-V"; break;
    case EM_PPC64: machine = "PowerPC64"; break;
    case EM_PPC: machine = "PowerPC"; break;
    case EM_S390: machine = "s390x"; break;
    case EM_MIPS: machine = "MIPS"; break;
    case 258: machine = "LoongArch"; break;  // EM_LOONGARCH, newer than some <elf.h>
    default: machine = fmt::format("机器类型 {}", t.machine);
  }
  return fmt::format("{}，{} 位，{}", machine, t.elf_class == ELFCLASS64 ? 64 : 32,
                     t.data == ELFDATA2MSB ? "大端" : "小端");
}

bool is_valid_name(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s[i - 1] != '-');
    if (!ok) return false;
  }
  return s.back() != '-';
}

Failure plugin_failure(const fs::path& file, std::string message) {
  return Failure{display_path(file), 0, 0, std::move(message)};
}

}  // namespace

LoadedPlugin::LoadedPlugin(std::string path, boost::dll::shared_library library, const PluginInfo& info)
    : path_(std::move(path)), library_(std::move(library)), info_(&info) {
  try {
    const CrashScope scope("初始化", path_);
    prototype_.reset(info_->create ? info_->create() : nullptr);
  } catch (const std::exception& e) {
    throw Error(plugin_failure(path_, fmt::format("插件初始化失败：{}", e.what())));
  } catch (...) {
    throw Error(plugin_failure(path_, "插件初始化失败（未知异常）"));
  }
  if (!prototype_) throw Error(plugin_failure(path_, "插件没有创建检查器"));
}

LoadedPlugin::~LoadedPlugin() = default;

std::unique_ptr<Checker> LoadedPlugin::create() const {
  const CrashScope scope("创建检查器", path_);
  std::unique_ptr<Checker> checker(info_->create());
  if (!checker) throw Error(plugin_failure(path_, "插件没有创建检查器"));
  return checker;
}

std::shared_ptr<const LoadedPlugin> PluginHost::load_file(const fs::path& file) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(file, ec);
  if (ec) throw Error(plugin_failure(file, fmt::format("无法打开插件：{}", describe_path_error(ec.value()))));
  if (auto it = by_path_.find(canonical.string()); it != by_path_.end()) return it->second;
  // Opening a FIFO or a device would block, or read without end.
  if (!fs::is_regular_file(canonical, ec))
    throw Error(plugin_failure(file, "不是普通文件，不能作为插件加载"));
  const std::optional<ElfTarget> target = read_elf_target(canonical);
  if (!target) throw Error(plugin_failure(file, "不是共享库（不是 ELF 文件），无法作为插件加载"));
  if (own_target() && *target != *own_target())
    throw Error(plugin_failure(file, fmt::format("插件是为 {} 编译的，本程序运行在 {} 上：请在本机上重新编译插件",
                                                 describe(*target), describe(*own_target()))));

  boost::dll::shared_library library;
  try {
    // Static constructors run inside dlopen: a crash there names the plugin.
    const std::string name = canonical.string();
    const CrashScope scope("加载", name);
    library.load(canonical, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::system_error& e) {
    throw Error(plugin_failure(file, fmt::format("无法加载插件：{}", dl_message(e))));
  }
  if (!library.has(kInfoSymbol))
    throw Error(plugin_failure(file, fmt::format("不是 reportlint 插件：缺少导出符号 {}", kInfoSymbol)));
  const PluginInfo& info = library.get<const PluginInfo>(kInfoSymbol);
  if (info.abi_version != REPORTLINT_PLUGIN_ABI)
    throw Error(plugin_failure(
        file, fmt::format("插件 API 版本不匹配：插件为 {}，本程序为 {}；请用本版本的 reportlint 头文件重新编译插件",
                          info.abi_version, REPORTLINT_PLUGIN_ABI)));
  if (info.cxx_library_abi != kCxxLibraryAbi)
    throw Error(plugin_failure(file, "插件与本程序使用的 C++ 标准库 ABI 不同（_GLIBCXX_USE_CXX11_ABI），无法加载"));
  // The core's own identity comes from the same header, without a test's override.
  static constexpr std::string_view kOwnBuild = REPORTLINT_COMPILER_ID ", " REPORTLINT_STDLIB_ID
      ", toml++ " REPORTLINT_STR(TOML_LIB_MAJOR) "." REPORTLINT_STR(TOML_LIB_MINOR);
  if (!info.build || std::string_view(info.build) != kOwnBuild)
    throw Error(plugin_failure(
        file, fmt::format("插件的构建环境与本程序不同：插件用 {} 构建，本程序用 {}；请用相同的编译器、C++ 标准库和 "
                          "toml++ 版本重新编译插件（它们的类型跨越插件边界）",
                          info.build ? escape_name(info.build) : "（未知）", kOwnBuild)));
  if (!info.name || !is_valid_name(info.name))
    throw Error(plugin_failure(file, fmt::format("插件名“{}”无效：应为小写字母、数字和连字符", info.name ? info.name : "")));

  auto plugin = std::make_shared<const LoadedPlugin>(file.string(), std::move(library), info);

  // Rule ids: "<plugin>.<rule>", lower-case words joined by '-', unique.
  std::vector<std::string_view> seen;
  const std::string prefix = std::string(plugin->name()) + ".";
  for (const RuleInfo& rule : plugin->rules()) {
    if (!rule.id.starts_with(prefix) || !is_valid_name(rule.id.substr(prefix.size())))
      throw Error(plugin_failure(file, fmt::format("规则名“{}”无效：应为“{}<规则>”，规则部分为小写字母、数字和连字符",
                                                   rule.id, prefix)));
    if (std::find(seen.begin(), seen.end(), rule.id) != seen.end())
      throw Error(plugin_failure(file, fmt::format("规则“{}”重复声明", rule.id)));
    seen.push_back(rule.id);
  }
  by_path_.emplace(canonical.string(), plugin);
  return plugin;
}

std::vector<std::shared_ptr<const LoadedPlugin>> PluginHost::load_directory(const fs::path& directory) {
  std::error_code ec;
  const fs::file_status status = fs::status(directory, ec);
  if (ec || !fs::is_directory(status))
    throw Error(plugin_failure(directory, ec && ec != std::errc::no_such_file_or_directory
                                              ? fmt::format("无法打开插件目录：{}", describe_path_error(ec.value()))
                                          : fs::exists(status) ? std::string("插件目录不是目录")
                                                               : std::string("插件目录不存在")));
  std::vector<fs::path> files;
  fs::directory_iterator it(directory, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code entry_ec;
    // A directory called x.so is skipped; anything else called *.so is loaded, and
    // load_file() says why it cannot be (a FIFO, a dangling or looping link).
    if (it->path().extension() == ".so" && !it->is_directory(entry_ec)) files.push_back(it->path());
  }
  if (ec) throw Error(plugin_failure(directory, fmt::format("无法读取插件目录：{}", describe_path_error(ec.value()))));
  std::sort(files.begin(), files.end());
  std::vector<std::shared_ptr<const LoadedPlugin>> plugins;
  for (const fs::path& file : files) plugins.push_back(load_file(file));
  return plugins;
}

std::string PluginSet::add(std::shared_ptr<const LoadedPlugin> plugin) {
  if (auto existing = find(plugin->name())) {
    if (existing == plugin) return {};
    return fmt::format("reportlint: warning: 插件“{}”重复：使用 {}，忽略 {}", plugin->name(),
                       name_in_message(existing->path()), name_in_message(plugin->path()));
  }
  plugins_.push_back(std::move(plugin));
  return {};
}

std::shared_ptr<const LoadedPlugin> PluginSet::find(std::string_view name) const {
  for (const auto& p : plugins_)
    if (p->name() == name) return p;
  return nullptr;
}

const RuleInfo* PluginSet::find_rule(std::string_view id) const {
  const auto plugin = find(id.substr(0, id.find('.')));
  if (!plugin) return nullptr;
  for (const RuleInfo& rule : plugin->rules())
    if (rule.id == id) return &rule;
  return nullptr;
}

fs::path executable_directory() {
  std::error_code ec;
  fs::path exe = boost::dll::program_location(ec);
  if (ec) exe = fs::read_symlink("/proc/self/exe", ec);
  return exe.parent_path();
}

fs::path builtin_plugin_directory() {
  return (executable_directory() / ".." / "lib" / "reportlint" / "plugins").lexically_normal();
}

fs::path data_directory() {
  return (executable_directory() / ".." / "share" / "reportlint").lexically_normal();
}

}  // namespace reportlint
