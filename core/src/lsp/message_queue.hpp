// The messages a reader thread has taken off the client's stream, for the server's loop:
// the loop sees a burst of edits at once (and lints only the last text), and wakes up
// when nothing comes, to notice a configuration changed on disk.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include "lsp/jsonrpc.hpp"

namespace reportlint::lsp {

class MessageQueue {
 public:
  void push(Incoming message) {
    {
      const std::lock_guard lock(mutex_);
      messages_.push_back(std::move(message));
    }
    ready_.notify_one();
  }

  // The next message, or nullopt when none came within `timeout`.
  std::optional<Incoming> pop_for(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!ready_.wait_for(lock, timeout, [&] { return !messages_.empty(); })) return std::nullopt;
    Incoming message = std::move(messages_.front());
    messages_.pop_front();
    return message;
  }

  bool empty() const {
    const std::lock_guard lock(mutex_);
    return messages_.empty();
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Incoming> messages_;
};

}  // namespace reportlint::lsp
