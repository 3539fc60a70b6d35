#include "metrics/rle_mask.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace ovbench::rle {

RleMask encode(const std::uint8_t* pixels, std::uint32_t height, std::uint32_t width) {
  RleMask out{height, width, {}};
  const std::size_t n = static_cast<std::size_t>(height) * width;
  std::uint8_t previous = 0;
  std::uint32_t run = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t v = pixels[i] != 0;
    if (v != previous) {
      out.counts.push_back(run);
      run = 0;
      previous = v;
    }
    ++run;
  }
  out.counts.push_back(run);
  return out;
}

std::vector<std::uint8_t> decode(const RleMask& mask) {
  std::vector<std::uint8_t> out;
  out.reserve(static_cast<std::size_t>(mask.height) * mask.width);
  std::uint8_t v = 0;
  for (const std::uint32_t c : mask.counts) {
    out.insert(out.end(), c, v);
    v = !v;
  }
  return out;
}

RleMask merge(const std::vector<RleMask>& masks, bool intersect) {
  if (masks.empty()) return {};
  if (masks.size() == 1) return masks[0];
  const std::uint32_t h = masks[0].height, w = masks[0].width;
  std::vector<std::uint32_t> acc = masks[0].counts;
  std::vector<std::uint32_t> next;
  for (std::size_t i = 1; i < masks.size(); ++i) {
    const RleMask& b = masks[i];
    if (b.height != h || b.width != w) return {};  // maskApi: h = w = m = 0
    if (acc.empty() || b.counts.empty()) {
      // maskApi reads cnts[0] unconditionally; an empty count list only arises for 0x0 masks,
      // whose merge is empty too.
      acc.clear();
      continue;
    }
    next.clear();
    std::uint32_t ca = acc[0], cb = b.counts[0];
    std::size_t ia = 1, ib = 1;
    bool va = false, vb = false, v = false;
    std::uint32_t cc = 0;
    std::uint32_t ct = 1;
    while (ct > 0) {
      const std::uint32_t c = std::min(ca, cb);
      cc += c;
      ct = 0;
      ca -= c;
      if (!ca && ia < acc.size()) {
        ca = acc[ia++];
        va = !va;
      }
      ct += ca;
      cb -= c;
      if (!cb && ib < b.counts.size()) {
        cb = b.counts[ib++];
        vb = !vb;
      }
      ct += cb;
      const bool vp = v;
      v = intersect ? (va && vb) : (va || vb);
      if (v != vp || ct == 0) {
        next.push_back(cc);
        cc = 0;
      }
    }
    acc.swap(next);
  }
  return RleMask{h, w, std::move(acc)};
}

std::uint64_t area(const RleMask& mask) {
  std::uint64_t a = 0;
  for (std::size_t j = 1; j < mask.counts.size(); j += 2) a += mask.counts[j];
  return a;
}

BoxXYWH to_bbox(const RleMask& mask) {
  const std::uint32_t h = mask.height, w = mask.width;
  const std::size_t m = (mask.counts.size() / 2) * 2;  // a trailing run of zeros is irrelevant
  if (m == 0 || h == 0) return {};
  std::uint32_t xs = w, ys = h, xe = 0, ye = 0, cc = 0, xp = 0;
  for (std::size_t j = 0; j < m; ++j) {
    cc += mask.counts[j];
    const std::uint32_t t = cc - static_cast<std::uint32_t>(j % 2);
    const std::uint32_t y = t % h, x = (t - y) / h;
    if (j % 2 == 0) {
      xp = x;
    } else if (xp < x) {
      // maskApi: a foreground run that wraps into the next column spans the full height.
      ys = 0;
      ye = h - 1;
    }
    xs = std::min(xs, x);
    xe = std::max(xe, x);
    ys = std::min(ys, y);
    ye = std::max(ye, y);
  }
  return {static_cast<double>(xs), static_cast<double>(ys), static_cast<double>(xe - xs + 1),
          static_cast<double>(ye - ys + 1)};
}

RleMask from_bbox(const BoxXYWH& box, std::uint32_t height, std::uint32_t width) {
  const double xs = box.x, xe = xs + box.w, ys = box.y, ye = ys + box.h;
  const double xy[8] = {xs, ys, xs, ye, xe, ye, xe, ys};
  return from_polygon(xy, 4, height, width);
}

RleMask from_polygon(const double* xy, std::size_t k, std::uint32_t height, std::uint32_t width) {
  const std::size_t h = height, w = width;
  if (k == 0) return RleMask{height, width, {height * width}};
  // Upsample by 5 and walk the boundary densely (integer steps along the major axis).
  const double scale = 5;
  std::vector<int> x(k + 1), y(k + 1);
  for (std::size_t j = 0; j < k; ++j) x[j] = static_cast<int>(scale * xy[j * 2 + 0] + .5);
  x[k] = x[0];
  for (std::size_t j = 0; j < k; ++j) y[j] = static_cast<int>(scale * xy[j * 2 + 1] + .5);
  y[k] = y[0];
  std::size_t m = 0;
  for (std::size_t j = 0; j < k; ++j) {
    m += static_cast<std::size_t>(
             std::max(std::abs(x[j] - x[j + 1]), std::abs(y[j] - y[j + 1]))) + 1;
  }
  std::vector<int> u(m), v(m);
  m = 0;
  for (std::size_t j = 0; j < k; ++j) {
    int xs = x[j], xe = x[j + 1], ys = y[j], ye = y[j + 1];
    const int dx = std::abs(xe - xs), dy = std::abs(ys - ye);
    const bool flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
    if (flip) {
      std::swap(xs, xe);
      std::swap(ys, ye);
    }
    const double s = dx >= dy ? static_cast<double>(ye - ys) / dx : static_cast<double>(xe - xs) / dy;
    if (dx >= dy) {
      for (int d = 0; d <= dx; ++d) {
        const int t = flip ? dx - d : d;
        u[m] = t + xs;
        v[m] = static_cast<int>(ys + s * t + .5);
        ++m;
      }
    } else {
      for (int d = 0; d <= dy; ++d) {
        const int t = flip ? dy - d : d;
        v[m] = t + ys;
        u[m] = static_cast<int>(xs + s * t + .5);
        ++m;
      }
    }
  }
  // Points where the boundary crosses a pixel column centre, downsampled back.
  const std::size_t walked = m;
  std::vector<std::uint32_t> a;
  a.reserve(walked + 1);
  for (std::size_t j = 1; j < walked; ++j) {
    if (u[j] == u[j - 1]) continue;
    double xd = static_cast<double>(u[j] < u[j - 1] ? u[j] : u[j] - 1);
    xd = (xd + .5) / scale - .5;
    // `w - 1` is unsigned in maskApi, so a zero width admits every column; so here.
    if (std::floor(xd) != xd || xd < 0 || xd > static_cast<double>(w - 1)) continue;
    double yd = static_cast<double>(v[j] < v[j - 1] ? v[j] : v[j - 1]);
    yd = (yd + .5) / scale - .5;
    if (yd < 0) {
      yd = 0;
    } else if (yd > static_cast<double>(h)) {
      yd = static_cast<double>(h);
    }
    yd = std::ceil(yd);
    a.push_back(static_cast<std::uint32_t>(static_cast<int>(xd) * static_cast<int>(h) +
                                           static_cast<int>(yd)));
  }
  a.push_back(static_cast<std::uint32_t>(h * w));
  std::sort(a.begin(), a.end());
  std::uint32_t p = 0;
  for (auto& e : a) {
    const std::uint32_t t = e;
    e -= p;
    p = t;
  }
  // Runs of length zero are merged into their neighbours (maskApi's b[] pass).
  std::vector<std::uint32_t> b;
  b.reserve(a.size());
  std::size_t j = 0;
  b.push_back(a[j++]);
  while (j < a.size()) {
    if (a[j] > 0) {
      b.push_back(a[j++]);
    } else {
      ++j;
      if (j < a.size()) b.back() += a[j++];
    }
  }
  return RleMask{height, width, std::move(b)};
}

std::string to_string(const RleMask& mask) {
  std::string s;
  s.reserve(mask.counts.size() * 2);
  for (std::size_t i = 0; i < mask.counts.size(); ++i) {
    long long x = mask.counts[i];
    if (i > 2) x -= static_cast<long long>(mask.counts[i - 2]);
    bool more = true;
    while (more) {
      char c = static_cast<char>(x & 0x1f);
      x >>= 5;
      more = (c & 0x10) ? x != -1 : x != 0;
      if (more) c = static_cast<char>(c | 0x20);
      s.push_back(static_cast<char>(c + 48));
    }
  }
  return s;
}

bool from_string(std::string_view text, std::uint32_t height, std::uint32_t width, RleMask& out) {
  out.height = height;
  out.width = width;
  out.counts.clear();
  out.counts.reserve(text.size());
  std::size_t p = 0;
  while (p < text.size()) {
    long long x = 0;
    int k = 0;
    bool more = true;
    while (more) {
      if (p >= text.size() || k > 12) return false;
      const int ch = static_cast<unsigned char>(text[p]);
      if (ch < 48 || ch > 111) return false;
      const int c = ch - 48;
      x |= static_cast<long long>(c & 0x1f) << (5 * k);
      more = (c & 0x20) != 0;
      ++p;
      ++k;
      if (!more && (c & 0x10)) x |= static_cast<long long>(-1) * (1LL << (5 * k));
    }
    const std::size_t m = out.counts.size();
    if (m > 2) x += static_cast<long long>(out.counts[m - 2]);
    out.counts.push_back(static_cast<std::uint32_t>(x));
  }
  return true;
}

bool covers_image(const RleMask& mask) {
  std::uint64_t total = 0;
  for (const std::uint32_t c : mask.counts) total += c;
  return total == static_cast<std::uint64_t>(mask.height) * mask.width;
}

double iou(const RleMask& dt, const RleMask& gt, bool gt_is_crowd) {
  // maskApi computes the exact IoU only where the boxes overlap.
  const double box = box_iou(to_bbox(dt), to_bbox(gt), gt_is_crowd);
  if (!(box > 0)) return box;
  if (dt.height != gt.height || dt.width != gt.width) return -1;
  std::uint32_t ca = dt.counts[0], cb = gt.counts[0];
  const std::size_t ka = dt.counts.size(), kb = gt.counts.size();
  std::size_t a = 1, b = 1;
  bool va = false, vb = false;
  std::uint64_t inter = 0, uni = 0;
  std::uint32_t ct = 1;
  while (ct > 0) {
    const std::uint32_t c = std::min(ca, cb);
    if (va || vb) {
      uni += c;
      if (va && vb) inter += c;
    }
    ct = 0;
    ca -= c;
    if (!ca && a < ka) {
      ca = dt.counts[a++];
      va = !va;
    }
    ct += ca;
    cb -= c;
    if (!cb && b < kb) {
      cb = gt.counts[b++];
      vb = !vb;
    }
    ct += cb;
  }
  if (inter == 0) {
    uni = 1;
  } else if (gt_is_crowd) {
    uni = area(dt);
  }
  return static_cast<double>(inter) / static_cast<double>(uni);
}

}  // namespace ovbench::rle
