# CMake toolchain for native Windows (x86_64), cross-compiled on Debian with
# mingw-w64's gcc, posix-threads variant (gcc-mingw-w64-x86-64-posix):
#   cmake -S . -B build/windows -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake
# (the `windows` preset does this). Every executable is linked -static, so
# libgcc and libwinpthread are inside it and it imports only system DLLs.
# The C runtime is the toolchain's default, msvcrt.dll. scripts/win-deps.sh
# builds the third-party libraries with this same file.

set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(COREBOX_MINGW_TRIPLE x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${COREBOX_MINGW_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${COREBOX_MINGW_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${COREBOX_MINGW_TRIPLE}-windres)
set(CMAKE_AR ${COREBOX_MINGW_TRIPLE}-gcc-ar-posix CACHE FILEPATH "archiver")
set(CMAKE_RANLIB ${COREBOX_MINGW_TRIPLE}-gcc-ranlib-posix CACHE FILEPATH "ranlib")

# Headers and libraries come from the mingw sysroot (zlib from Debian's
# libz-mingw-w64-dev lives there too) and from whatever a project appends
# to CMAKE_FIND_ROOT_PATH (corebox appends the win-deps prefix); programs
# run at build time come from the build machine.
list(APPEND CMAKE_FIND_ROOT_PATH /usr/${COREBOX_MINGW_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Prefer static archives: a .dll.a import library would pull in a DLL.
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)

set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-static-libgcc")

# Test executables run under Wine when it is installed (ctest and
# try_run use this); Wine 8's 64-bit loader is not on PATH in Debian.
find_program(COREBOX_WINE64 NAMES wine64 PATHS /usr/lib/wine NO_CMAKE_FIND_ROOT_PATH)
if(COREBOX_WINE64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${COREBOX_WINE64})
endif()
