// The numbering plugin: sequences, hierarchy and style of headings (GB/T 9704-2012
// 7.3.3, GB/T 15834 B.3) and of enumeration words inside paragraphs. It reads the core's
// outline and never parses headings itself. Its rules live one concern per file.
#include "reportlint/plugin.hpp"

REPORTLINT_PLUGIN("numbering", "0.1.0");
