#include "cli/app.hpp"
#include "support/crash_context.hpp"

int main(int argc, char** argv) {
  reportlint::install_crash_handlers();
  return reportlint::run_cli(argc, argv);
}
