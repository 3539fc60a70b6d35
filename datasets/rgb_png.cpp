#include "datasets/rgb_png.h"

#include <png.h>

#include <csetjmp>
#include <string>

#include "core/atomic_file.h"
#include "core/errors.h"

namespace ovbench {
namespace {

void on_error(png_structp png, png_const_charp message) {
  *static_cast<std::string*>(png_get_error_ptr(png)) = message;
  png_longjmp(png, 1);
}
void on_warning(png_structp, png_const_charp) {}

}  // namespace

std::string encode_png_8bit(int width, int height, int channels, const std::uint8_t* pixels, const std::string& name) {
  std::string bytes, why;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &why, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_write_struct(&png, &info);
    throw InputError(name + ": cannot allocate a PNG writer");
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    throw InputError(name + ": cannot encode PNG (" + why + ")");
  }
  png_set_write_fn(
      png, &bytes,
      [](png_structp p, png_bytep data, png_size_t n) {
        static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(data), n);
      },
      nullptr);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               channels == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  const std::size_t stride = static_cast<std::size_t>(width) * static_cast<std::size_t>(channels);
  for (int y = 0; y < height; ++y) png_write_row(png, const_cast<png_bytep>(pixels) + static_cast<std::size_t>(y) * stride);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return bytes;
}

void write_rgb_png(const std::filesystem::path& path, int width, int height,
                   const std::vector<std::uint8_t>& pixels) {
  if (width <= 0 || height <= 0 || pixels.size() != static_cast<std::size_t>(width) * height * 3)
    throw InputError(path.string() + ": cannot write a " + std::to_string(width) + "x" +
                     std::to_string(height) + " RGB image from " + std::to_string(pixels.size()) + " bytes");
  write_file_atomically(path, encode_png_8bit(width, height, 3, pixels.data(), path.string()));
}

}  // namespace ovbench
