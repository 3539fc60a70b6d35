#pragma once
// Progress of long work on stderr: a redrawn bar on a terminal, plain log lines otherwise
// (one every 10% or 30 s, so batch logs stay readable).

#include <chrono>
#include <cstddef>
#include <string>

namespace ovbench {

class ProgressBar {
 public:
  ProgressBar(std::string label, std::size_t total, std::string unit = "images");
  ~ProgressBar();
  void advance(std::size_t n = 1);
  void finish();  // prints the final line once

 private:
  void draw(bool final);

  std::string label_, unit_;
  std::size_t total_, done_ = 0;
  bool terminal_, finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
  std::size_t last_logged_decile_ = 0;
};

}  // namespace ovbench
