#include "harness/progress_bar.h"

#include <unistd.h>

#include <cstdio>

namespace ovbench {

ProgressBar::ProgressBar(std::string label, std::size_t total, std::string unit)
    : label_(std::move(label)), unit_(std::move(unit)), total_(total), terminal_(::isatty(2) == 1),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

ProgressBar::~ProgressBar() {
  if (terminal_ && !finished_ && done_ > 0) std::fputc('\n', stderr);
}

void ProgressBar::advance(std::size_t n) {
  done_ += n;
  const auto now = std::chrono::steady_clock::now();
  if (terminal_) {
    if (now - last_draw_ >= std::chrono::milliseconds(100) || done_ == total_) draw(false);
    return;
  }
  const std::size_t decile = total_ ? done_ * 10 / total_ : 0;
  if (decile > last_logged_decile_ || now - last_draw_ >= std::chrono::seconds(30)) {
    last_logged_decile_ = decile;
    draw(false);
  }
}

void ProgressBar::finish() {
  if (finished_) return;
  // Plain logs already printed the last line when the count reached the total.
  if (terminal_ || done_ != total_ || total_ == 0) draw(true);
  finished_ = true;
}

void ProgressBar::draw(bool final) {
  const auto now = std::chrono::steady_clock::now();
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done_) / seconds : 0.0;
  char eta[32] = "";
  if (!final && rate > 0 && total_ > done_)
    std::snprintf(eta, sizeof eta, ", eta %.0fs", static_cast<double>(total_ - done_) / rate);
  if (terminal_) {
    constexpr int kWidth = 30;
    const int filled = total_ ? static_cast<int>(kWidth * done_ / total_) : kWidth;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\r%s [%s] %zu/%zu %s, %.1f/s%s\033[K%s", label_.c_str(), bar.c_str(), done_,
                 total_, unit_.c_str(), rate, eta, final ? "\n" : "");
  } else {
    std::fprintf(stderr, "%s: %zu/%zu %s (%.1f/s, %.1fs%s)\n", label_.c_str(), done_, total_, unit_.c_str(),
                 rate, seconds, eta);
  }
  std::fflush(stderr);
}

}  // namespace ovbench
