# Every dependency comes from Debian 12's packages (scripts/install-deps.sh installs them).
# A CUDA LibTorch elsewhere is picked up by pointing CMAKE_PREFIX_PATH (or Torch_DIR) at it.
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(simdjson REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(PNG REQUIRED)

# OpenCV: Debian's libopencv-dev (the only package with OpenCVConfig.cmake) drags in ~60 packages
# (VTK, MPI, ffmpeg); we need core, imgproc and imgcodecs only, so fall back to finding those.
find_package(OpenCV QUIET COMPONENTS core imgproc imgcodecs)
if(OpenCV_FOUND)
  add_library(ovbench_opencv INTERFACE)
  target_include_directories(ovbench_opencv SYSTEM INTERFACE ${OpenCV_INCLUDE_DIRS})
  target_link_libraries(ovbench_opencv INTERFACE ${OpenCV_LIBS})
else()
  find_path(OVBENCH_OPENCV_INCLUDE opencv2/core.hpp PATH_SUFFIXES opencv4 REQUIRED)
  add_library(ovbench_opencv INTERFACE)
  target_include_directories(ovbench_opencv SYSTEM INTERFACE ${OVBENCH_OPENCV_INCLUDE})
  foreach(module core imgproc imgcodecs)
    find_library(OVBENCH_OPENCV_${module} NAMES opencv_${module} REQUIRED)
    target_link_libraries(ovbench_opencv INTERFACE ${OVBENCH_OPENCV_${module}})
  endforeach()
endif()

# LibTorch: only models/ links it. Debian's libtorch-dev is CPU-only; a CUDA build of LibTorch
# enables --device cuda.
find_package(Torch REQUIRED)

if(OVBENCH_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(OVBENCH_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
