#include "config/trust.hpp"

#include <openssl/evp.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "config/config.hpp"
#include "io/atomic_write.hpp"
#include "reportlint/toml_limits.hpp"
#include "support/error.hpp"

namespace reportlint {
namespace fs = std::filesystem;
namespace {

struct Entry {
  std::string config;  // canonical path
  std::string sha256;
};

// The allow list: [[project]] tables of config and sha256. A missing file is an empty list.
std::vector<Entry> read_list(const fs::path& file) {
  std::vector<Entry> entries;
  std::error_code ec;
  if (!fs::exists(file, ec)) return entries;
  toml::table table;
  try {
    table = parse_toml_file(file.string());
  } catch (const toml::parse_error& e) {
    throw Error(failure_at(e.source(), fmt::format("信任列表无法解析：{}", e.description())));
  }
  if (const toml::array* projects = table["project"].as_array()) {
    for (const toml::node& node : *projects) {
      const toml::table* t = node.as_table();
      const auto config = t ? (*t)["config"].value<std::string>() : std::nullopt;
      const auto sha = t ? (*t)["sha256"].value<std::string>() : std::nullopt;
      if (!config || !sha) throw Error(failure_at(node.source(), "信任列表的 [[project]] 需要 config 和 sha256"));
      entries.push_back({*config, *sha});
    }
  }
  return entries;
}

void write_list(const fs::path& file, const std::vector<Entry>& entries) {
  std::string out =
      "# reportlint: projects whose .reportlint.toml may load plugins and files outside the project.\n"
      "# Written by `reportlint trust`; a config whose content changed is no longer trusted.\n";
  for (const Entry& e : entries) {
    toml::table t{{"config", e.config}, {"sha256", e.sha256}};
    std::ostringstream s;
    s << t;
    out += "\n[[project]]\n" + s.str() + "\n";
  }
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (!fs::exists(file, ec)) {
    std::ofstream create(file);  // atomic replacement needs a file to replace
    if (!create) throw Error(Failure{file.string(), 0, 0, "无法创建信任列表"});
  }
  write_file_atomically(file, out);
}

std::string canonical_string(const fs::path& p) {
  std::error_code ec;
  const fs::path c = fs::canonical(p, ec);
  return ec ? fs::absolute(p, ec).lexically_normal().string() : c.string();
}

}  // namespace

fs::path default_allow_list() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return fs::path(xdg) / "reportlint" / "trusted.toml";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".config" / "reportlint" / "trusted.toml";
  return {};
}

TrustPolicy TrustPolicy::from_environment(bool trust_flag) {
  TrustPolicy p;
  const char* env = std::getenv("REPORTLINT_TRUST");
  p.trust_all = trust_flag || (env && std::string_view(env) == "1");
  p.allow_list = default_allow_list();
  return p;
}

bool TrustPolicy::trusts(const fs::path& config) const {
  if (trust_all) return true;
  if (allow_list.empty()) return false;
  const std::string path = canonical_string(config);
  for (const Entry& e : read_list(allow_list))
    if (e.config == path) return e.sha256 == sha256_of_file(path);
  return false;
}

std::string sha256_of_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(Failure{file.string(), 0, 0, "无法读取文件以计算校验和"});
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
    throw Error(Failure{file.string(), 0, 0, "无法计算 SHA-256"});
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    EVP_DigestUpdate(ctx.get(), buffer, static_cast<std::size_t>(in.gcount()));
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &length);
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

void trust_config(const fs::path& allow_list, const fs::path& config) {
  const std::string path = canonical_string(config);
  std::vector<Entry> entries = read_list(allow_list);
  std::erase_if(entries, [&](const Entry& e) { return e.config == path; });
  entries.push_back({path, sha256_of_file(path)});
  write_list(allow_list, entries);
}

bool untrust_config(const fs::path& allow_list, const fs::path& config) {
  const std::string path = canonical_string(config);
  std::vector<Entry> entries = read_list(allow_list);
  const std::size_t removed = std::erase_if(entries, [&](const Entry& e) { return e.config == path; });
  if (removed) write_list(allow_list, entries);
  return removed > 0;
}

bool inside(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  const fs::path relative =
      fs::weakly_canonical(fs::absolute(path, ec), ec).lexically_relative(fs::weakly_canonical(fs::absolute(root, ec), ec));
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace reportlint
