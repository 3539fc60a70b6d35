// decode_image_file on files the test writes (PNG with known pixels, JPEG with an EXIF
// orientation tag), the errors for missing/corrupt/empty files, and cv_resize_linear on
// hand-derived cases that show how it differs from PIL's antialiased bilinear.

#include "models/torch/image_decode.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "core/errors.h"
#include "models/preprocess/pil_resize.h"

namespace ovbench {
namespace {

namespace fs = std::filesystem;

class ImageDecode : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ovbench_image_decode_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

std::string error_of(const fs::path& p) {
  try {
    decode_image_file(p);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST_F(ImageDecode, PngPixelsComeBackAsRgb) {
  // 3x2 BGR Mat written losslessly: pixel (x, y) = B x*10, G y*100, R 7 + x + y.
  cv::Mat bgr(2, 3, CV_8UC3);
  for (int y = 0; y < 2; ++y) {
    for (int x = 0; x < 3; ++x) {
      bgr.at<cv::Vec3b>(y, x) =
          cv::Vec3b(static_cast<std::uint8_t>(x * 10), static_cast<std::uint8_t>(y * 100),
                    static_cast<std::uint8_t>(7 + x + y));
    }
  }
  const fs::path png = dir_ / "small.png";
  ASSERT_TRUE(cv::imwrite(png.string(), bgr));
  const RgbImage im = decode_image_file(png);
  ASSERT_EQ(im.width, 3);
  ASSERT_EQ(im.height, 2);
  // Pixel (2, 1): R = 10, G = 100, B = 20.
  EXPECT_EQ(int{im.row(1)[6]}, 10);
  EXPECT_EQ(int{im.row(1)[7]}, 100);
  EXPECT_EQ(int{im.row(1)[8]}, 20);
  EXPECT_EQ((std::vector<int>{im.pixels[0], im.pixels[1], im.pixels[2]}),
            (std::vector<int>{7, 0, 0}));
}

TEST_F(ImageDecode, GrayscalePngBecomesThreeEqualChannels) {
  cv::Mat gray(1, 2, CV_8UC1);
  gray.at<std::uint8_t>(0, 0) = 30;
  gray.at<std::uint8_t>(0, 1) = 200;
  const fs::path png = dir_ / "gray.png";
  ASSERT_TRUE(cv::imwrite(png.string(), gray));
  const RgbImage im = decode_image_file(png);
  EXPECT_EQ(im.pixels, (std::vector<std::uint8_t>{30, 30, 30, 200, 200, 200}));
}

// A JPEG with an APP1 EXIF segment whose only tag is Orientation = 6 ("rotate 90 CW to view"),
// inserted right after the SOI marker.
std::string jpeg_with_orientation_6(const cv::Mat& bgr) {
  std::vector<std::uint8_t> jpeg;
  EXPECT_TRUE(cv::imencode(".jpg", bgr, jpeg, {cv::IMWRITE_JPEG_QUALITY, 100}));
  // "Exif\0\0", little-endian TIFF header with the IFD at offset 8, one entry: tag 0x0112
  // (Orientation), type SHORT, count 1, value 6; no next IFD.
  static const char kApp1[] =
      "\xFF\xE1\x00\x22"
      "Exif\x00\x00"
      "II\x2A\x00\x08\x00\x00\x00"
      "\x01\x00"
      "\x12\x01\x03\x00\x01\x00\x00\x00\x06\x00\x00\x00"
      "\x00\x00\x00\x00";
  std::string out(reinterpret_cast<const char*>(jpeg.data()), 2);  // SOI
  out.append(kApp1, sizeof(kApp1) - 1);
  out.append(reinterpret_cast<const char*>(jpeg.data()) + 2, jpeg.size() - 2);
  return out;
}

TEST_F(ImageDecode, ExifOrientationIgnoredByDefaultAppliedOnRequest) {
  // 32x16: left half red, right half blue.
  cv::Mat bgr(16, 32, CV_8UC3, cv::Scalar(0, 0, 255));
  bgr(cv::Rect(16, 0, 16, 16)).setTo(cv::Scalar(255, 0, 0));
  const fs::path jpg = dir_ / "rotated.jpg";
  const auto bytes = jpeg_with_orientation_6(bgr);
  std::ofstream(jpg, std::ios::binary) << bytes;

  const RgbImage as_stored = decode_image_file(jpg);
  EXPECT_EQ(as_stored.width, 32);
  EXPECT_EQ(as_stored.height, 16);
  EXPECT_GT(as_stored.row(8)[3 * 4 + 0], 200);  // left is red

  const RgbImage upright = decode_image_file(jpg, ExifOrientation::apply);
  ASSERT_EQ(upright.width, 16);
  ASSERT_EQ(upright.height, 32);
  // Rotated 90 degrees clockwise: the left half (red) is now on top.
  EXPECT_GT(upright.row(4)[3 * 8 + 0], 200);
  EXPECT_LT(upright.row(4)[3 * 8 + 2], 50);
  EXPECT_GT(upright.row(28)[3 * 8 + 2], 200);
}

TEST_F(ImageDecode, ErrorsNameTheFile) {
  const fs::path missing = dir_ / "nope.jpg";
  EXPECT_EQ(error_of(missing), missing.string() + ": image file not found");

  const fs::path corrupt = dir_ / "corrupt.jpg";
  std::ofstream(corrupt) << "this is not a JPEG, only text pretending to be one";
  EXPECT_EQ(error_of(corrupt), corrupt.string() +
                                   ": cannot decode image (corrupt, truncated or not a supported "
                                   "image format)");

  const fs::path empty = dir_ / "empty.png";
  std::ofstream{empty};
  EXPECT_EQ(error_of(empty), empty.string() + ": image file is empty");

  EXPECT_EQ(error_of(dir_), dir_.string() + ": is a directory, not an image file");
}

RgbImage row_of(std::initializer_list<int> values) {
  RgbImage im(static_cast<int>(values.size()), 1);
  int x = 0;
  for (int v : values) {
    for (int c = 0; c < 3; ++c)
      im.pixels[static_cast<std::size_t>(3 * x + c)] = static_cast<std::uint8_t>(v);
    ++x;
  }
  return im;
}

std::vector<int> reds(const RgbImage& im) {
  std::vector<int> v;
  for (std::size_t i = 0; i < im.pixels.size(); i += 3) v.push_back(im.pixels[i]);
  return v;
}

TEST(CvResizeLinear, HandDerivedAndUnlikePil) {
  // Upscale 2 -> 4: sources at (x + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25, clamped at the
  // edges: 0, .75*0 + .25*200, .25*0 + .75*200, 200.
  EXPECT_EQ(reds(cv_resize_linear(row_of({0, 200}), 4, 1)), (std::vector<int>{0, 50, 150, 200}));
  // Downscale 4 -> 2 samples at 0.5 and 2.5 (two-tap averages, no antialiasing): 35, 175;
  // PIL's bilinear widens the filter to 3 taps (3/7, 3/7, 1/7): 50, 160.
  const RgbImage four = row_of({0, 70, 140, 210});
  EXPECT_EQ(reds(cv_resize_linear(four, 2, 1)), (std::vector<int>{35, 175}));
  EXPECT_EQ(reds(pil_resize(four, 2, 1, PilFilter::bilinear)), (std::vector<int>{50, 160}));
  EXPECT_THROW(cv_resize_linear(four, 0, 1), std::invalid_argument);
}

}  // namespace
}  // namespace ovbench
