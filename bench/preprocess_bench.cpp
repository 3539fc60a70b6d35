// Image preprocessing ahead of the model, single-threaded (it runs on worker threads, one image
// per thread): decode of a 640x480 JPEG / PNG, PIL-exact bilinear resize to 1067x800
// (detectron2's 800/1333 rule), normalisation to padded CHW floats, and all three together.
// The images are written once to a temporary directory from a deterministic pattern with
// photo-like content (smooth gradients, edges, mild noise).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

#include "models/preprocess/chw_normalization.h"
#include "models/preprocess/official_preprocess.h"
#include "models/preprocess/pil_resize.h"
#include "models/preprocess/preprocess_pipeline.h"
#include "models/torch/image_decode.h"

namespace {

using namespace ovbench;
namespace fs = std::filesystem;

constexpr int kWidth = 640, kHeight = 480;

RgbImage photo_like() {
  RgbImage im(kWidth, kHeight);
  std::uint32_t seed = 12345;
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      seed = seed * 1664525u + 1013904223u;
      const int noise = static_cast<int>((seed >> 24) & 15) - 8;
      const bool disc = (x - 400) * (x - 400) + (y - 200) * (y - 200) < 90 * 90;
      const int r = disc ? 220 : x * 255 / kWidth;
      const int g = disc ? 40 : y * 255 / kHeight;
      const int b = ((x / 40 + y / 40) % 2) ? 180 : 60;
      auto px = [&](int v) { return static_cast<std::uint8_t>(std::clamp(v + noise, 0, 255)); };
      im.row(y)[3 * x + 0] = px(r);
      im.row(y)[3 * x + 1] = px(g);
      im.row(y)[3 * x + 2] = px(b);
    }
  }
  return im;
}

const fs::path& image_file(const std::string& ext) {
  static const fs::path dir = [] {
    fs::path d =
        fs::temp_directory_path() / ("ovbench_preprocess_bench_" + std::to_string(::getpid()));
    fs::create_directories(d);
    const RgbImage im = photo_like();
    cv::Mat rgb(im.height, im.width, CV_8UC3, const_cast<std::uint8_t*>(im.pixels.data()));
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    cv::imwrite((d / "image.jpg").string(), bgr, {cv::IMWRITE_JPEG_QUALITY, 90});
    cv::imwrite((d / "image.png").string(), bgr);
    return d;
  }();
  static const fs::path jpg = dir / "image.jpg", png = dir / "image.png";
  return ext == "jpg" ? jpg : png;
}

void count_images(benchmark::State& state) {
  state.counters["images/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_DecodeJpeg(benchmark::State& state) {
  const fs::path& f = image_file("jpg");
  for (auto _ : state) benchmark::DoNotOptimize(decode_image_file(f).pixels.data());
  count_images(state);
}
BENCHMARK(BM_DecodeJpeg)->Unit(benchmark::kMillisecond);

void BM_DecodePng(benchmark::State& state) {
  const fs::path& f = image_file("png");
  for (auto _ : state) benchmark::DoNotOptimize(decode_image_file(f).pixels.data());
  count_images(state);
}
BENCHMARK(BM_DecodePng)->Unit(benchmark::kMillisecond);

void BM_PilBilinear640x480To1067x800(benchmark::State& state) {
  const RgbImage im = photo_like();
  for (auto _ : state) {
    benchmark::DoNotOptimize(pil_resize(im, 1067, 800, PilFilter::bilinear).pixels.data());
  }
  count_images(state);
}
BENCHMARK(BM_PilBilinear640x480To1067x800)->Unit(benchmark::kMillisecond);

void BM_PilBicubic640x480To298x224(benchmark::State& state) {  // CLIP's Resize(224)
  const RgbImage im = photo_like();
  for (auto _ : state) {
    benchmark::DoNotOptimize(pil_resize(im, 298, 224, PilFilter::bicubic).pixels.data());
  }
  count_images(state);
}
BENCHMARK(BM_PilBicubic640x480To298x224)->Unit(benchmark::kMillisecond);

void BM_CvLinear640x480To1067x800(benchmark::State& state) {  // for scale: OpenCV, no antialias
  const RgbImage im = photo_like();
  for (auto _ : state) benchmark::DoNotOptimize(cv_resize_linear(im, 1067, 800).pixels.data());
  count_images(state);
}
BENCHMARK(BM_CvLinear640x480To1067x800)->Unit(benchmark::kMillisecond);

void BM_NormalizeChw1067x800Padded(benchmark::State& state) {
  const RgbImage im = pil_resize(photo_like(), 1067, 800, PilFilter::bilinear);
  const NormalizationTable t =
      make_normalization_table(official_preprocess("detectron2").normalization);
  std::vector<float> out(3u * 1088 * 800);
  for (auto _ : state) {
    normalize_to_chw(im, t, {1088, 800}, 0.0f, out.data());
    benchmark::DoNotOptimize(out.data());
  }
  count_images(state);
}
BENCHMARK(BM_NormalizeChw1067x800Padded)->Unit(benchmark::kMillisecond);

// decode + preprocess_into() with the detectron2 preset (800/1333 PIL bilinear, BGR, pad to 32).
void end_to_end(benchmark::State& state, const std::string& ext) {
  const fs::path& f = image_file(ext);
  const PreprocessSpec spec = official_preprocess("detectron2");
  PreprocessedImage p;  // reused, as a worker thread reuses its buffer
  for (auto _ : state) {
    preprocess_into(decode_image_file(f), spec, p);
    benchmark::DoNotOptimize(p.chw.data());
  }
  count_images(state);
}
void BM_EndToEndJpeg(benchmark::State& state) {
  end_to_end(state, "jpg");
}
void BM_EndToEndPng(benchmark::State& state) {
  end_to_end(state, "png");
}
BENCHMARK(BM_EndToEndJpeg)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EndToEndPng)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
