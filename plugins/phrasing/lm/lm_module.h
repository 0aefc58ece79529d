// The C interface of phrasing's language-model module (lm.so beside phrasing.so).
// libime pulls in fcitx5's utilities, systemd and gcrypt: loading them costs about a
// millisecond, so phrasing.so opens this module only when a document first needs a
// sentence scored, and startup does not pay for it.
#pragma once

#include <stddef.h>

extern "C" {
// An opaque model read from `path`, or null with the reason in `error` (NUL-terminated).
void* reportlint_lm_open(const char* path, char* error, size_t error_size);
// log10 probability of the `count` words as a sentence from its start.
float reportlint_lm_score(const void* model, const char* const* words, const size_t* sizes, size_t count);
void reportlint_lm_close(void* model);
}
