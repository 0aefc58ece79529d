// The punctuation plugin: marks of Chinese text per GB/T 15834-2011 — half-width marks in
// Chinese sentences, unpaired quotes and brackets, marks that may not start a line,
// doubled marks, and the dashes and 顿号 of number ranges.
#include "reportlint/plugin.hpp"

REPORTLINT_PLUGIN("punctuation", "0.1.0");
