// The placeholder plugin: unfilled template placeholders, template-site leftovers and the
// template site's censorship substitutions. Its rules live one per file beside this one.
#include "reportlint/plugin.hpp"

REPORTLINT_PLUGIN("placeholder", "0.1.0");

// Read by every rule of the plugin (prose.hpp).
REPORTLINT_OPTION(allow, strings, "[]", "这些短语里的内容不报告（如产品型号“XX3型”），对本插件的全部规则有效");
