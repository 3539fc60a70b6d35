// End-to-end prediction throughput against the model's forward pass alone (issue 4, item 7):
// decoding and preprocessing run on worker threads ahead of the model (harness/predict/
// prediction_loop), so end-to-end images/s should stay at 90% or more of forward-only images/s
// for a module of realistic cost.
//
// The module (models/torch/conv_backbone_builder.h) is a TorchScript convolutional backbone of
// ~50 GMACs at detectron2's input size (640x480 JPEGs resized to 1067x800 with Pillow's
// bilinear filter, padded to 1088x800): about half of a ResNet-50 at that size, the same order.
// This file includes no torch header: the plugin's objects build and load the module.
#include <benchmark/benchmark.h>
#include <opencv2/imgcodecs.hpp>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "harness/predict/prediction_loop.h"
#include "models/adapters/image_batch.h"
#include "models/preprocess/official_preprocess.h"
#include "models/preprocess/preprocess_pipeline.h"
#include "models/torch/conv_backbone_builder.h"
#include "models/torch/image_decode.h"
#include "models/torch/torch_script_module.h"

namespace ovbench {
namespace {

constexpr int kImages = 6;

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<ScriptModule> module;
  std::vector<ImageJob> jobs;
  PreprocessSpec spec = official_preprocess("detectron2");

  Fixture() {
    ::setenv("OVBENCH_TORCH_PLUGIN", OVBENCH_BENCH_TORCH_PLUGIN, 0);
    dir = std::filesystem::temp_directory_path() / "ovbench-predict-bench";
    std::filesystem::create_directories(dir);
    write_conv_backbone_module(dir / "backbone.pt");
    module = load_torch_script_module(dir / "backbone.pt", DeviceSpec{});
    std::mt19937 rng(7);
    for (int i = 0; i < kImages; ++i) {
      cv::Mat image(480, 640, CV_8UC3);
      for (int y = 0; y < 480; ++y)
        for (int x = 0; x < 640; ++x)
          image.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<uchar>((x + i * 40) % 256), static_cast<uchar>(y % 256),
                                                static_cast<uchar>(rng() % 64 + 96));
      const auto path = dir / ("image" + std::to_string(i) + ".jpg");
      cv::imwrite(path.string(), image, {cv::IMWRITE_JPEG_QUALITY, 90});
      jobs.push_back(ImageJob{i, std::to_string(i), path.filename().string(), path});
    }
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

ModelImage prepared(const ImageJob& job, const PreprocessSpec& spec) {
  auto pre = preprocess(decode_image_file(job.path), spec);
  ModelImage m;
  m.input_width = pre.geometry.content.width;
  m.input_height = pre.geometry.content.height;
  m.padded_width = pre.geometry.padded.width;
  m.padded_height = pre.geometry.padded.height;
  m.chw = std::move(pre.chw);
  return m;
}

// The module alone, on images prepared beforehand.
void BM_ForwardOnly(benchmark::State& state) {
  auto& f = fixture();
  std::vector<ModelImage> images;
  for (const auto& job : f.jobs) images.push_back(prepared(job, f.spec));
  for (auto _ : state)
    for (const auto& image : images) benchmark::DoNotOptimize(f.module->call("forward", image_batch_tensors({&image})));
  state.counters["images/s"] = benchmark::Counter(static_cast<double>(state.iterations() * kImages), benchmark::Counter::kIsRate);
}

// Decode + PIL resize + normalise on worker threads ahead of the same forward calls.
void BM_EndToEnd(benchmark::State& state) {
  auto& f = fixture();
  PredictionLoopOptions options;
  options.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    run_prediction_loop(f.jobs, f.spec, options, [&](const std::vector<const ModelImage*>& batch, const std::vector<std::size_t>&) {
      benchmark::DoNotOptimize(f.module->call("forward", image_batch_tensors(batch)));
    });
  }
  state.counters["images/s"] = benchmark::Counter(static_cast<double>(state.iterations() * kImages), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_ForwardOnly)->Unit(benchmark::kSecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_EndToEnd)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->Iterations(3)->UseRealTime();

}  // namespace
}  // namespace ovbench

BENCHMARK_MAIN();
