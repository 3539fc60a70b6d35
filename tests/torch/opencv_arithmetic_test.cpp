// The normalisation table's multiply_reciprocal mode against OpenCV itself doing what
// mmcv.imnormalize_ does: cv2.subtract(img, mean) and cv2.multiply(img, 1 / std) on a float32
// image, with mean and 1/std passed as 1x3 float64 arrays (Python's (1, 3) numpy arrays arrive
// in OpenCV as 1x3 CV_64F Mats, read as a per-channel scalar). DenseCLIP's ADE20K values.

#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include "models/preprocess/chw_normalization.h"
#include "models/preprocess/official_preprocess.h"

namespace ovbench {
namespace {

TEST(OpenCvArithmetic, MultiplyReciprocalMatchesMmcvImnormalize) {
  const Normalization n = official_preprocess("denseclip_ade20k").normalization;
  const NormalizationTable table = make_normalization_table(n);

  cv::Mat img(1, 256, CV_32FC3);
  for (int i = 0; i < 256; ++i) img.at<cv::Vec3f>(0, i) = cv::Vec3f(float(i), float(i), float(i));
  // mmseg's Normalize stores mean/std as float32 arrays; imnormalize_ widens them to float64.
  cv::Mat mean(1, 3, CV_64F), stdinv(1, 3, CV_64F);
  for (int c = 0; c < 3; ++c) {
    mean.at<double>(0, c) =
        static_cast<double>(static_cast<float>(n.mean[static_cast<std::size_t>(c)]));
    stdinv.at<double>(0, c) =
        1.0 / static_cast<double>(static_cast<float>(n.std[static_cast<std::size_t>(c)]));
  }
  cv::subtract(img, mean, img);
  cv::multiply(img, stdinv, img);
  int mismatches = 0;
  for (int i = 0; i < 256; ++i) {
    for (int c = 0; c < 3; ++c) {
      const float expected = img.at<cv::Vec3f>(0, i)[c];
      const float got = table.value[static_cast<std::size_t>(c)][static_cast<std::size_t>(i)];
      if (expected != got) {
        ++mismatches;
        ADD_FAILURE() << "level " << i << " channel " << c << ": OpenCV " << expected << ", table "
                      << got;
      }
    }
  }
  EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace ovbench
