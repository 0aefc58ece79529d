// The phrasing plugin: words and phrases a 公文 should not contain, from phrase packs
// (configs/phrasing/*.toml), and words typed twice. The pack-driven rules share one scan
// of the document (phrase_matcher.hpp).
#include "reportlint/plugin.hpp"

REPORTLINT_PLUGIN("phrasing", "0.1.0");
