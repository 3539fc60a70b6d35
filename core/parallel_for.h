#pragma once
// A minimal fork-join loop for the metric hot paths: split [0, n) into contiguous chunks, run
// them on up to `threads` threads (the calling thread included), wait for all. Exceptions thrown
// by a chunk are rethrown in the caller. OVBENCH_THREADS in the environment caps the default.

#include <cstddef>
#include <functional>

namespace ovbench {

// Threads used when a caller passes 0: min(hardware threads, $OVBENCH_THREADS if set).
unsigned default_thread_count();

// Calls body(begin, end) on disjoint chunks covering [0, n). Chunks are about n/(threads*4)
// long and handed out dynamically so that uneven work balances.
void parallel_for(std::size_t n, const std::function<void(std::size_t, std::size_t)>& body,
                  unsigned threads = 0);

// As parallel_for, with chunks of exactly `grain` items (0: automatic) and the worker's index
// in [0, threads) passed to the body, so that each worker can reuse its own scratch buffers.
void parallel_for_workers(
    std::size_t n, const std::function<void(std::size_t, std::size_t, unsigned)>& body,
    unsigned threads, std::size_t grain);

}  // namespace ovbench
