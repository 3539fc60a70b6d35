#pragma once
// Checked reads of a module's outputs: the adapter says what it expects (how many tuple
// elements, one tensor per image, the shape) and a mismatch is an InputError that names the
// module file, the method, the element and the shapes seen, pointing at the expected signature.

#include <string>

#include "models/runtime/host_tensor.h"

namespace ovbench {

class ModuleOutputReader {
 public:
  ModuleOutputReader(const ModuleOutput& output, std::string where, std::string signature);
  void expect_elements(std::size_t count) const;
  // Element `e`, image `i`: a float tensor of rank `rank` whose leading dimension is `rows`
  // (-1: any) and trailing `cols` (-1: any; ignored for rank 1).
  const HostTensor& floats(std::size_t e, std::size_t i, std::size_t rank, std::int64_t rows,
                           std::int64_t cols, const char* what) const;
  void expect_per_image(std::size_t e, std::size_t images) const;

 private:
  [[noreturn]] void fail(const std::string& message) const;
  const ModuleOutput& output_;
  std::string where_, signature_;
};

}  // namespace ovbench
