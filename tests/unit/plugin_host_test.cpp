// The plugin host used directly: what a loaded plugin exposes, and error kinds.
#include <gtest/gtest.h>

#include "plugin_host/plugin_host.hpp"
#include "support/error.hpp"
#include "support/helpers.hpp"

namespace reportlint {
namespace {

using test::kTestPluginDir;

TEST(PluginHost, LoadsMetadataAndMakesCheckers) {
  PluginHost host;
  const auto plugins = host.load_directory(kTestPluginDir / "good");
  ASSERT_EQ(plugins.size(), 1u);
  const auto& p = plugins.front();
  EXPECT_EQ(p->name(), "sample");
  EXPECT_EQ(p->version(), "1.0.0");
  ASSERT_EQ(p->rules().size(), 1u);
  EXPECT_EQ(p->rules()[0].id, "sample.word");
  EXPECT_EQ(p->rules()[0].default_severity, Severity::warning);
  EXPECT_TRUE(p->rules()[0].doc.starts_with("# sample.word")) << p->rules()[0].doc;
  // Many checkers, each keeping the library alive; the host loads each file once.
  std::vector<CheckerInstance> instances;
  for (int i = 0; i < 100; ++i) instances.push_back({p, p->create()});
  EXPECT_EQ(host.load_file(kTestPluginDir / "good" / "sample.so"), p);
}

TEST(PluginHost, CheckersOutliveTheHost) {
  CheckerInstance instance;
  {
    PluginHost host;
    const auto plugin = host.load_file(kTestPluginDir / "good" / "sample.so");
    instance = CheckerInstance{plugin, plugin->create()};
  }
  // The host is gone; the instance still holds its library, so calling in is safe.
  EXPECT_EQ(instance.checker->rules().size(), 1u);
}

TEST(PluginHost, ErrorsNameTheFile) {
  PluginHost host;
  auto message = [&](const test::fs::path& file) -> std::string {
    try {
      host.load_file(file);
    } catch (const Error& e) {
      return format_failure(e.failures().front());
    }
    return "loaded";
  };
  EXPECT_NE(message(kTestPluginDir / "not_a_library" / "bogus.so").find("bogus.so: error: 不是共享库"), std::string::npos);
  EXPECT_NE(message(kTestPluginDir / "no_symbol" / "nosymbol.so").find("缺少导出符号"), std::string::npos);
  EXPECT_NE(message(kTestPluginDir / "wrong_abi" / "sample.so").find("API 版本不匹配"), std::string::npos);
  EXPECT_NE(message(kTestPluginDir / "nowhere.so").find("无法打开插件：文件或目录不存在"), std::string::npos);
}

}  // namespace
}  // namespace reportlint
