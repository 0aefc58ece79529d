// A shared library that is not a reportlint plugin: it lacks reportlint_plugin_info.
extern "C" __attribute__((visibility("default"))) int not_a_plugin() { return 42; }
