# The native Windows build (cross-compiled with cmake/mingw-w64-x86_64.cmake;
# docs/windows.md). Included by CMakeLists.txt when the target is Windows,
# before any target is defined.

enable_language(RC)

# Static archives only: a .dll.a import library (zlib's, say) would make
# corebox.exe need a DLL that Windows does not ship.
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)

# ---- third-party libraries -------------------------------------------------
#
# scripts/win-deps.sh builds them as static mingw libraries into a cache
# keyed by the recipe's hash; configuring runs it when that cache is
# missing. -DCOREBOX_DEPS_PREFIX=DIR uses an existing prefix instead, and
# -DCOREBOX_WIN_DEPS=OFF builds without them (only the programs that need
# none of them then link). The libraries are found, like on Linux, through
# pkg-config (libcrypto, libpcre2-8, zlib, libarchive, libxxhash, cmocka),
# here looking only at the prefix and at the mingw sysroot (zlib), and
# linked statically by the lazylib binders (COREBOX_LAZY_LIBS=0).

set(COREBOX_DEPS_PREFIX "" CACHE PATH
  "Prefix of the Windows libraries (empty: the one scripts/win-deps.sh builds)")
option(COREBOX_WIN_DEPS "Build the Windows libraries with scripts/win-deps.sh when missing" ON)

set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_SOURCE_DIR}/scripts/win-deps.sh ${CMAKE_TOOLCHAIN_FILE})
if(NOT COREBOX_DEPS_PREFIX AND COREBOX_WIN_DEPS)
  set(_windeps ${CMAKE_CURRENT_SOURCE_DIR}/scripts/win-deps.sh)
  execute_process(COMMAND bash ${_windeps} --print-prefix
    OUTPUT_VARIABLE _prefix OUTPUT_STRIP_TRAILING_WHITESPACE
    COMMAND_ERROR_IS_FATAL ANY)
  if(NOT EXISTS ${_prefix}/complete)
    message(STATUS "Windows libraries: building them with scripts/win-deps.sh into ${_prefix}")
    execute_process(COMMAND bash ${_windeps} COMMAND_ERROR_IS_FATAL ANY)
  endif()
  # A normal variable, not the cache entry: a changed recipe (which makes
  # CMake configure again) gives a new prefix.
  set(COREBOX_DEPS_PREFIX ${_prefix})
endif()

if(NOT COREBOX_MINGW_TRIPLE)
  set(COREBOX_MINGW_TRIPLE x86_64-w64-mingw32)
endif()
set(_pc_dirs /usr/${COREBOX_MINGW_TRIPLE}/lib/pkgconfig)
if(COREBOX_DEPS_PREFIX)
  if(NOT EXISTS ${COREBOX_DEPS_PREFIX}/lib/pkgconfig/libcrypto.pc)
    message(FATAL_ERROR "COREBOX_DEPS_PREFIX=${COREBOX_DEPS_PREFIX} is not a win-deps prefix (no lib/pkgconfig/libcrypto.pc)")
  endif()
  message(STATUS "Windows libraries: ${COREBOX_DEPS_PREFIX}")
  list(PREPEND _pc_dirs ${COREBOX_DEPS_PREFIX}/lib/pkgconfig)
  # find_library/find_path (cmocka for the unit tests) look there too.
  list(APPEND CMAKE_FIND_ROOT_PATH ${COREBOX_DEPS_PREFIX})
endif()
# Never the build machine's own .pc files.
list(JOIN _pc_dirs ":" _pc_dirs)
set(ENV{PKG_CONFIG_LIBDIR} ${_pc_dirs})
set(ENV{PKG_CONFIG_PATH} "")

# ---- the executable ----------------------------------------------------------

# corebox.exe: wmain (-municode), everything static (libgcc, libwinpthread
# inside: only system DLLs are imported, scripts/check-win-imports.sh
# checks), and the application manifest win32/corebox.manifest embedded
# by win32/corebox.rc. Deferred to the end of CMakeLists.txt, where the
# corebox target exists.
function(corebox_windows_executable target)
  target_link_options(${target} PRIVATE -static -municode)
  set(rc ${CMAKE_CURRENT_SOURCE_DIR}/win32/corebox.rc)
  target_sources(${target} PRIVATE ${rc})
  string(REPLACE "." "," _commas "${PROJECT_VERSION}.0")
  set_source_files_properties(${rc} PROPERTIES
    INCLUDE_DIRECTORIES ${CMAKE_CURRENT_SOURCE_DIR}/win32
    COMPILE_DEFINITIONS "COREBOX_RC_VERSION=${_commas};COREBOX_RC_VERSION_STR=${PROJECT_VERSION}"
    OBJECT_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/win32/corebox.manifest)
endfunction()
cmake_language(DEFER CALL corebox_windows_executable corebox)
