#pragma once
// The tensors that cross between the torch-free side of ovbench and the LibTorch plugin:
// contiguous, on the host, float32 or int64. Adapters build their inputs and read the module's
// outputs in this form, so every protocol step (scoring, NMS, stitching) is plain C++ that
// builds and tests without torch.

#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace ovbench {

enum class TensorType { float32, int64 };

struct HostTensor {
  TensorType type = TensorType::float32;
  std::vector<std::int64_t> shape;
  std::vector<float> f32;           // used when type == float32
  std::vector<std::int64_t> i64;    // used when type == int64

  static HostTensor floats(std::vector<std::int64_t> shape, std::vector<float> values) {
    HostTensor t;
    t.shape = std::move(shape);
    t.f32 = std::move(values);
    check_size(t, t.f32.size());
    return t;
  }
  static HostTensor ints(std::vector<std::int64_t> shape, std::vector<std::int64_t> values) {
    HostTensor t;
    t.type = TensorType::int64;
    t.shape = std::move(shape);
    t.i64 = std::move(values);
    check_size(t, t.i64.size());
    return t;
  }

  std::int64_t numel() const {
    return std::accumulate(shape.begin(), shape.end(), std::int64_t{1}, std::multiplies<>());
  }
  std::int64_t dim(std::size_t i) const { return i < shape.size() ? shape[i] : 1; }
  std::string shape_string() const {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
      if (i) s += ", ";
      s += std::to_string(shape[i]);
    }
    return s + "]";
  }

 private:
  static void check_size(const HostTensor& t, std::size_t n) {
    if (static_cast<std::int64_t>(n) != t.numel())
      throw std::logic_error("HostTensor: " + std::to_string(n) + " values for shape " +
                             t.shape_string());
  }
};

// A module's result, flattened: one entry per element of a returned tuple (a bare tensor is a
// tuple of one); each entry is a list (a bare tensor is a list of one).
using ModuleOutput = std::vector<std::vector<HostTensor>>;

}  // namespace ovbench
