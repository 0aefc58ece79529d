// Stable sort for sequences made of a few ascending runs, as findings are: each rule
// reports in order of position, so merging the runs pairwise, in place, moves every
// element O(log runs) times instead of sorting hundreds of thousands from scratch. Many
// runs (a checker reporting out of order) fall back to std::stable_sort.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <vector>

namespace reportlint {

template <class RandomIt, class Before>
void sort_runs(RandomIt first, RandomIt last, Before before) {
  const auto n = static_cast<std::size_t>(last - first);
  std::vector<std::size_t> runs{0};  // start of each ascending run, then the end
  for (std::size_t i = 1; i < n; ++i)
    if (before(first[i], first[i - 1])) runs.push_back(i);
  runs.push_back(n);
  if (runs.size() <= 2) return;
  if (runs.size() > 64) {
    std::stable_sort(first, last, before);
    return;
  }
  // Adjacent runs merge, the pair with the fewest elements first (as TimSort does), so a
  // rule's few findings are merged with other small runs before the large runs of a busy
  // rule are moved. std::inplace_merge borrows a buffer the size of the smaller run only.
  const auto at = [&](std::size_t i) { return first + static_cast<std::ptrdiff_t>(i); };
  while (runs.size() > 2) {
    std::size_t best = 0;
    for (std::size_t r = 1; r + 2 < runs.size(); ++r)
      if (runs[r + 2] - runs[r] < runs[best + 2] - runs[best]) best = r;
    std::inplace_merge(at(runs[best]), at(runs[best + 1]), at(runs[best + 2]), before);
    runs.erase(runs.begin() + static_cast<std::ptrdiff_t>(best) + 1);
  }
}

}  // namespace reportlint
