#include "cli/app.hpp"

int main(int argc, char** argv) { return reportlint::run_cli(argc, argv); }
