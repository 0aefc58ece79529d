// Shared by the fuzz targets: where the build keeps plugins and presets, a scratch
// directory for inputs that must be files, and FUZZ_CHECK for the invariants a target
// asserts (a failed one aborts, which libFuzzer reports as a crash with the input).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "lint/linter.hpp"
#include "plugin_host/plugin_host.hpp"

#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (0)

namespace reportlint::fuzz {

inline const std::filesystem::path kBuildDir = REPORTLINT_BUILD_DIR;
inline const std::filesystem::path kPluginDir = kBuildDir / "lib" / "reportlint" / "plugins";
inline const std::filesystem::path kDataDir = kBuildDir / "share" / "reportlint";

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A directory of this process's own, emptied at exit (inputs that only a file path can
// carry: configs, packs, profiles, baselines).
const std::filesystem::path& scratch_directory();

// Writes `content` to scratch_directory()/name and returns the path.
std::filesystem::path write_scratch(const std::string& name, std::string_view content);

// Options that load the built-in plugins of this build (or only `plugin_file`).
LinterOptions linter_options(const std::filesystem::path& plugin_file = {});

// A Linter over builtin:`preset` with the built-in plugins (or only `plugin_file`).
std::shared_ptr<const Linter> make_linter(PluginHost& host, std::string_view preset,
                                          const std::filesystem::path& plugin_file = {});

// Whether `s` is valid UTF-8 (RFC 3629: no overlongs, surrogates or code points past
// U+10FFFF), checked byte by byte, independently of the decoder under test.
bool valid_utf8(std::string_view s);

// Checks what every checker may rely on: lines tile the text, every range of the
// outline lies inside it on character boundaries, indices point where they should.
void check_document_invariants(const Document& document);

}  // namespace reportlint::fuzz
