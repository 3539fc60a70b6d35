#include "datasets/label_map_png.h"
#include "datasets/rgb_png.h"

#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <memory>

#include "core/atomic_file.h"
#include "core/errors.h"

namespace ovbench {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

const char* colour_type_name(int t) {
  switch (t) {
    case PNG_COLOR_TYPE_GRAY: return "grayscale";
    case PNG_COLOR_TYPE_PALETTE: return "palette";
    case PNG_COLOR_TYPE_RGB: return "RGB";
    case PNG_COLOR_TYPE_RGB_ALPHA: return "RGBA";
    case PNG_COLOR_TYPE_GRAY_ALPHA: return "grayscale+alpha";
    default: return "unknown";
  }
}

void on_png_error(png_structp png, png_const_charp message) {
  auto* why = static_cast<std::string*>(png_get_error_ptr(png));
  *why = message;
  png_longjmp(png, 1);
}
void on_png_warning(png_structp, png_const_charp) {}

}  // namespace

LabelMap read_label_map_png(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(name.c_str(), "rb"));
  if (!file) throw InputError(name + ": cannot open");
  unsigned char signature[8] = {};
  if (std::fread(signature, 1, 8, file.get()) != 8 || png_sig_cmp(signature, 0, 8) != 0) {
    throw InputError(name + ": not a PNG file");
  }
  std::string why;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &why, on_png_error, on_png_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw InputError(name + ": cannot allocate a PNG reader");
  }
  LabelMap map;
  std::vector<png_bytep> rows;
  std::string problem;
  // libpng reports errors by longjmp: nothing with a destructor may be created between setjmp
  // and the end of this block except what already exists above.
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw InputError(name + ": corrupt PNG (" + why + ")");
  }
  png_init_io(png, file.get());
  png_set_sig_bytes(png, 8);
  png_read_info(png, info);
  const int bit_depth = png_get_bit_depth(png, info);
  const int colour = png_get_color_type(png, info);
  const bool gray = colour == PNG_COLOR_TYPE_GRAY && bit_depth == 8;
  const bool palette = colour == PNG_COLOR_TYPE_PALETTE;  // 1, 2, 4 or 8 bits per index
  if (!gray && !palette) {
    problem = std::to_string(bit_depth) + "-bit " + colour_type_name(colour) +
              " PNG; a label map must be 8-bit grayscale or palette (one label per pixel)";
  } else {
    if (palette && bit_depth < 8) png_set_packing(png);  // indexes, unpacked to one byte each
    png_read_update_info(png, info);
    map.width = static_cast<int>(png_get_image_width(png, info));
    map.height = static_cast<int>(png_get_image_height(png, info));
    map.labels.resize(static_cast<std::size_t>(map.width) * static_cast<std::size_t>(map.height));
    rows.resize(static_cast<std::size_t>(map.height));
    for (int y = 0; y < map.height; ++y) rows[static_cast<std::size_t>(y)] = map.labels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(map.width);
    png_read_image(png, rows.data());
    png_read_end(png, nullptr);
  }
  png_destroy_read_struct(&png, &info, nullptr);
  if (!problem.empty()) throw InputError(name + ": " + problem);
  return map;
}

void write_label_map_png(const std::filesystem::path& path, const LabelMap& map) {
  write_file_atomically(path, encode_png_8bit(map.width, map.height, 1, map.labels.data(), path.string()));
}

}  // namespace ovbench
