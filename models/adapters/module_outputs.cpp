#include "models/adapters/module_outputs.h"

#include "core/errors.h"

namespace ovbench {

ModuleOutputReader::ModuleOutputReader(const ModuleOutput& output, std::string where, std::string signature)
    : output_(output), where_(std::move(where)), signature_(std::move(signature)) {}

void ModuleOutputReader::fail(const std::string& message) const {
  throw InputError(where_ + ": " + message + " (expected " + signature_ + ")");
}

void ModuleOutputReader::expect_elements(std::size_t count) const {
  if (output_.size() < count)
    fail("returned " + std::to_string(output_.size()) + " values, expected " + std::to_string(count));
}

void ModuleOutputReader::expect_per_image(std::size_t e, std::size_t images) const {
  if (output_[e].size() != images)
    fail("output " + std::to_string(e) + " holds " + std::to_string(output_[e].size()) +
         " tensors for a batch of " + std::to_string(images) + " images");
}

const HostTensor& ModuleOutputReader::floats(std::size_t e, std::size_t i, std::size_t rank,
                                             std::int64_t rows, std::int64_t cols, const char* what) const {
  const HostTensor& t = output_.at(e).at(i);
  const std::string name = std::string(what) + " (output " + std::to_string(e) + ", image " + std::to_string(i) + ")";
  if (t.type != TensorType::float32) fail(name + " is not a float tensor");
  if (t.shape.size() != rank) fail(name + " has shape " + t.shape_string() + ", expected rank " + std::to_string(rank));
  if (rows >= 0 && t.shape[0] != rows)
    fail(name + " has shape " + t.shape_string() + ", expected " + std::to_string(rows) + " rows");
  if (rank > 1 && cols >= 0 && t.shape.back() != cols)
    fail(name + " has shape " + t.shape_string() + ", expected " + std::to_string(cols) + " columns");
  return t;
}

}  // namespace ovbench
