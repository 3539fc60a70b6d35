#pragma once
// Wall-clock laps of a long computation ("prepare", "match+accumulate", ...): evaluators record
// them in their report so that `--verbose` and the benchmarks in bench/ can say where the time
// goes without a second, instrumented copy of the code.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace ovbench {

class PhaseClock {
 public:
  PhaseClock() : last_(std::chrono::steady_clock::now()) {}
  // Ends the current lap under `name` and starts the next.
  void lap(std::string name) {
    const auto now = std::chrono::steady_clock::now();
    laps_.emplace_back(std::move(name), std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }
  const std::vector<std::pair<std::string, double>>& laps() const { return laps_; }

 private:
  std::vector<std::pair<std::string, double>> laps_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace ovbench
