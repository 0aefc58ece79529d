#include "support/glob.hpp"

#include <cstdint>
#include <vector>

#include "reportlint/text.hpp"

namespace reportlint {
namespace {

// A glob compiled to tokens, matched by simulating its automaton over the path: every
// pattern state at once, one character at a time, so `*a*a*a*a*a*b` costs pattern length
// times path length, never an exponential search.
struct GlobToken {
  enum class Kind : std::uint8_t { literal, any_one, star, double_star, segment_start } kind;
  char32_t c = 0;
};

std::vector<GlobToken> compile_glob(std::string_view pattern) {
  std::vector<GlobToken> tokens;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern.substr(i).starts_with("**")) {
      tokens.push_back({GlobToken::Kind::double_star});
      i += 2;
      if (i < pattern.size() && pattern[i] == '/') ++i;  // **/ may match no directory at all
      // What follows starts a path segment (or the path): **x matches x and a/x, not ax.
      if (i < pattern.size()) tokens.push_back({GlobToken::Kind::segment_start});
    } else if (pattern[i] == '*') {
      tokens.push_back({GlobToken::Kind::star});
      ++i;
    } else if (pattern[i] == '?') {
      tokens.push_back({GlobToken::Kind::any_one});
      ++i;
    } else {
      tokens.push_back({GlobToken::Kind::literal, utf8::next(pattern, i)});
    }
  }
  return tokens;
}

}  // namespace

bool glob_matches(std::string_view pattern, std::string_view path) {
  const std::vector<GlobToken> tokens = compile_glob(pattern);
  const std::size_t accept = tokens.size();
  std::vector<char> active(accept + 1, 0), next(accept + 1, 0);
  char32_t previous = 0;  // the character before the current position, 0 at the start
  // Adds state k and the states reachable from it without consuming a character.
  auto enter = [&](std::vector<char>& set, std::size_t k) {
    for (; k <= accept && !set[k]; ++k) {
      set[k] = 1;
      if (k == accept) return;
      const GlobToken::Kind kind = tokens[k].kind;
      if (kind == GlobToken::Kind::segment_start) {
        if (!(previous == 0 || previous == '/')) return;
        continue;
      }
      if (kind != GlobToken::Kind::star && kind != GlobToken::Kind::double_star) return;
    }
  };
  enter(active, 0);
  for (std::size_t i = 0; i < path.size();) {
    const char32_t c = utf8::next(path, i);
    std::fill(next.begin(), next.end(), 0);
    std::vector<std::size_t> advanced;
    for (std::size_t k = 0; k < accept; ++k) {
      if (!active[k]) continue;
      switch (tokens[k].kind) {
        case GlobToken::Kind::literal: if (c == tokens[k].c) advanced.push_back(k + 1); break;
        case GlobToken::Kind::any_one: if (c != '/') advanced.push_back(k + 1); break;
        case GlobToken::Kind::star: if (c != '/') advanced.push_back(k); break;
        case GlobToken::Kind::double_star: advanced.push_back(k); break;
        case GlobToken::Kind::segment_start: break;
      }
    }
    previous = c;
    for (const std::size_t k : advanced) enter(next, k);
    active.swap(next);
  }
  return active[accept] != 0;
}

}  // namespace reportlint
