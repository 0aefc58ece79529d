// The structure plugin: whether a report has the parts its document type requires, in
// order (configs/profiles/*.toml), whether its title agrees with its body, and what
// copying leaves behind (lines broken mid-sentence, passages pasted twice). It reads the
// core's outline — titles, reports of a compilation, heading sections — and never parses
// headings itself.
#include "reportlint/plugin.hpp"

REPORTLINT_PLUGIN("structure", "0.1.0");
