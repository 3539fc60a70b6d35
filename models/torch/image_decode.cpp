#include "models/torch/image_decode.h"

#include <cstring>
#include <fstream>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <string>
#include <system_error>

#include "core/errors.h"

namespace ovbench {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& why) {
  throw InputError(path.string() + ": " + why);
}

}  // namespace

RgbImage decode_image_file(const std::filesystem::path& path, ExifOrientation orientation) {
  // OpenCV answers every failure with an empty Mat; tell the user which one it was.
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) fail(path, "image file not found");
  if (std::filesystem::is_directory(status)) fail(path, "is a directory, not an image file");
  if (!std::ifstream(path, std::ios::binary)) fail(path, "image file cannot be opened for reading");
  if (std::filesystem::file_size(path, ec) == 0 && !ec) fail(path, "image file is empty");

  int flags = cv::IMREAD_COLOR;
  if (orientation == ExifOrientation::ignore) flags |= cv::IMREAD_IGNORE_ORIENTATION;
  cv::Mat bgr;
  try {
    bgr = cv::imread(path.string(), flags);
  } catch (const cv::Exception& e) {
    fail(path, std::string("cannot decode image: ") + e.what());
  }
  if (bgr.empty()) {
    fail(path, "cannot decode image (corrupt, truncated or not a supported image format)");
  }
  if (bgr.type() != CV_8UC3) fail(path, "decoded to an unexpected pixel type");

  RgbImage out(bgr.cols, bgr.rows);
  cv::Mat rgb(bgr.rows, bgr.cols, CV_8UC3, out.pixels.data());
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);  // writes into out.pixels (same size and type)
  return out;
}

RgbImage cv_resize_linear(const RgbImage& image, int out_width, int out_height) {
  if (out_width < 1 || out_height < 1 || image.width < 1 || image.height < 1 ||
      image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3) {
    throw std::invalid_argument("cv_resize_linear: empty image or output size");
  }
  const cv::Mat in(image.height, image.width, CV_8UC3,
                   const_cast<std::uint8_t*>(image.pixels.data()));
  RgbImage out(out_width, out_height);
  cv::Mat dst(out_height, out_width, CV_8UC3, out.pixels.data());
  cv::resize(in, dst, cv::Size(out_width, out_height), 0, 0, cv::INTER_LINEAR);
  // cv::resize reallocates dst only if its size or type differed; they match, so it wrote in place.
  if (dst.data != out.pixels.data()) {
    std::memcpy(out.pixels.data(), dst.data, out.pixels.size());
  }
  return out;
}

}  // namespace ovbench
