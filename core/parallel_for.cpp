#include "core/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace ovbench {

unsigned default_thread_count() {
  unsigned n = std::max(1u, std::thread::hardware_concurrency());
  if (const char* env = std::getenv("OVBENCH_THREADS")) {
    const long v = std::strtol(env, nullptr, 10);
    if (v > 0) n = std::min<unsigned>(n, static_cast<unsigned>(v));
  }
  return n;
}

void parallel_for(std::size_t n, const std::function<void(std::size_t, std::size_t)>& body,
                  unsigned threads) {
  parallel_for_workers(
      n, [&](std::size_t begin, std::size_t end, unsigned) { body(begin, end); }, threads, 0);
}

void parallel_for_workers(
    std::size_t n, const std::function<void(std::size_t, std::size_t, unsigned)>& body,
    unsigned threads, std::size_t grain) {
  if (n == 0) return;
  if (threads == 0) threads = default_thread_count();
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));
  if (threads <= 1) {
    body(0, n, 0);
    return;
  }
  const std::size_t chunk =
      grain ? grain : std::max<std::size_t>(1, n / (static_cast<std::size_t>(threads) * 4));
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&](unsigned index) {
    for (;;) {
      const std::size_t begin = next.fetch_add(chunk);
      if (begin >= n) return;
      try {
        body(begin, std::min(n, begin + chunk), index);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        next.store(n);  // stop handing out work
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace ovbench
