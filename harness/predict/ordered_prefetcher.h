#pragma once
// Runs a function over items 0..n-1 on worker threads, ahead of a single consumer that takes
// the results in order. At most `lookahead` results wait at any time, so memory stays bounded
// when the consumer (the model) is slower than the producers (decode + preprocess). An
// exception in a worker is rethrown to the consumer at that item.

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace ovbench {

template <class Result>
class OrderedPrefetcher {
 public:
  OrderedPrefetcher(std::size_t count, std::size_t threads, std::size_t lookahead,
                    std::function<Result(std::size_t)> produce)
      : count_(count), lookahead_(std::max<std::size_t>(lookahead, 1)), produce_(std::move(produce)),
        slots_(count) {
    threads = std::max<std::size_t>(1, std::min(threads, count));
    for (std::size_t t = 0; t < threads && count > 0; ++t) workers_.emplace_back([this] { work(); });
  }
  ~OrderedPrefetcher() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    for (auto& w : workers_) w.join();
  }
  OrderedPrefetcher(const OrderedPrefetcher&) = delete;
  OrderedPrefetcher& operator=(const OrderedPrefetcher&) = delete;

  // The result of item `consumed()`; blocks until it is ready. Call at most `count` times.
  Result next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return slots_[consumed_].ready; });
    Slot slot = std::move(slots_[consumed_]);
    slots_[consumed_] = Slot{};
    ++consumed_;
    lock.unlock();
    changed_.notify_all();
    if (slot.error) std::rethrow_exception(slot.error);
    return std::move(*slot.value);
  }
  std::size_t consumed() const { return consumed_; }

 private:
  struct Slot {
    bool ready = false;
    std::optional<Result> value;
    std::exception_ptr error;
  };

  void work() {
    for (;;) {
      std::size_t item;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || (next_item_ < count_ && next_item_ < consumed_ + lookahead_); });
        if (stopping_ || next_item_ >= count_) return;
        item = next_item_++;
      }
      Slot slot;
      try {
        slot.value.emplace(produce_(item));
      } catch (...) {
        slot.error = std::current_exception();
      }
      slot.ready = true;
      {
        std::lock_guard lock(mutex_);
        slots_[item] = std::move(slot);
      }
      changed_.notify_all();
    }
  }

  const std::size_t count_, lookahead_;
  std::function<Result(std::size_t)> produce_;
  std::vector<Slot> slots_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t next_item_ = 0, consumed_ = 0;
  bool stopping_ = false;
};

}  // namespace ovbench
