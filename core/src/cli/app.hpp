// The reportlint command: parse options, lint, render, and choose the exit status.
#pragma once

namespace reportlint {

// Returns the process exit status (contract: 0, 1 or 2). Never throws.
int run_cli(int argc, const char* const* argv);

}  // namespace reportlint
