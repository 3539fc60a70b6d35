#pragma once
// An allocator for the few very large arrays of an evaluation (millions of detections): blocks
// of 2 MiB and more come from their own mapping with transparent huge pages requested, because
// on these VMs faulting in fresh 4 KiB pages costs ~10-14 us each (measured: 1.06 s to touch
// 400 MB with 4 KiB pages, 0.08 s with huge pages). Small blocks use the ordinary heap.

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <vector>

namespace ovbench {

namespace detail {
constexpr std::size_t kHugeBlock = std::size_t{2} << 20;

inline void* huge_alloc(std::size_t bytes) {
  if (bytes < kHugeBlock) {
    void* p = std::malloc(bytes ? bytes : 1);
    if (!p) throw std::bad_alloc();
    return p;
  }
  const std::size_t mapped = (bytes + kHugeBlock - 1) / kHugeBlock * kHugeBlock;
  void* p = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  madvise(p, mapped, MADV_HUGEPAGE);  // advisory; ignored where THP is disabled
  return p;
}

inline void huge_free(void* p, std::size_t bytes) {
  if (!p) return;
  if (bytes < kHugeBlock) {
    std::free(p);
    return;
  }
  munmap(p, (bytes + kHugeBlock - 1) / kHugeBlock * kHugeBlock);
}
}  // namespace detail

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}  // NOLINT: allocator rebinding
  T* allocate(std::size_t n) { return static_cast<T*>(detail::huge_alloc(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { detail::huge_free(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const noexcept { return true; }
  template <class U>
  bool operator!=(const HugePageAllocator<U>&) const noexcept { return false; }
};

// A std::vector whose storage, once large, sits on huge pages.
template <class T>
using BigVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace ovbench
