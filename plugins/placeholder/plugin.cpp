// The placeholder plugin: unfilled template placeholders, template-site leftovers and the
// template site's censorship substitutions. Its rules live one per file beside this one.
#include "reportlint/plugin.hpp"

REPORTLINT_PLUGIN("placeholder", "0.1.0");
