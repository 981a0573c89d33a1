#!/usr/bin/env bash
# scripts/win-deps.sh: the pinned recipe for the Windows build's third-party
# libraries. It builds static mingw-w64 (x86_64) libraries of PCRE2, libarchive,
# xxHash, OpenSSL's libcrypto and cmocka from the upstream tarballs of
# Debian 12's source packages, and takes zlib from Debian's
# libz-mingw-w64-dev. docs/windows.md explains the choices.
#
#   scripts/win-deps.sh                 build into the cache when missing
#   scripts/win-deps.sh --print-prefix  print the install prefix and exit
#   scripts/win-deps.sh --force         rebuild even when the cache is there
#
# The install prefix is $COREBOX_WIN_DEPS_DIR/<recipe-hash> (default
# build/win-deps/<recipe-hash>), where the hash covers this script, the
# toolchain file and the versions of the cross compiler and the mingw
# runtime: a changed recipe builds into a new prefix, an unchanged one is
# reused. The prefix holds include/, lib/ (static archives only) and
# versions.txt; a file named "complete" appears there when everything is
# built. Downloaded tarballs are kept in $COREBOX_WIN_DEPS_DIR/sources.
#
# Sources come through apt: a deb-src entry for the machine's own Debian
# archive is added when none is configured (root only), then
# `apt-get source --download-only` fetches the package. apt checks every
# file against the hashes of the signed Sources index; a .dsc that the
# security archive does not serve is not needed, only the .orig tarball,
# whose SHA256 is pinned below as well. Debian's own patches are not
# applied: the build is of the upstream release.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
SELF=$HERE/$(basename "$0")
ROOT=$(cd "$HERE/.." && pwd)
TOOLCHAIN=$ROOT/cmake/mingw-w64-x86_64.cmake
TRIPLE=x86_64-w64-mingw32
JOBS=${COREBOX_JOBS:-2}

# The pins: library, Debian source package, upstream version, the .orig
# tarball and its SHA256 (as in the Sources index of Debian 12, where the
# Debian revision named in the comment carried it).
PINS=(
	# pcre2 10.42-1+deb12u2 (bookworm-security), 10.42-1 (bookworm)
	"pcre2 pcre2 10.42 pcre2_10.42.orig.tar.gz c33b418e3b936ee3153de2c61cc638e7e4fe3156022a5c77d0711bcbb9d64f1f"
	# libarchive 3.6.2-1+deb12u5 (bookworm-security)
	"libarchive libarchive 3.6.2 libarchive_3.6.2.orig.tar.xz 9e2c1b80d5fbe59b61308fdfab6c79b5021d7ff4ff2489fb12daf0a96a83551d"
	# xxhash 0.8.1-1 (bookworm)
	"xxhash xxhash 0.8.1 xxhash_0.8.1.orig.tar.gz 3bb6b7d6f30c591dd65aaaff1c8b7a5b94d81687998ca9400082c739a690436c"
	# openssl 3.0.22-1~deb12u2 (bookworm-security)
	"openssl openssl 3.0.22 openssl_3.0.22.orig.tar.gz 67ebca7e50d17383028045486653492195b83db95f8558709701bb47b5c1ef81"
	# cmocka 1.1.5-2.1 (bookworm)
	"cmocka cmocka 1.1.5 cmocka_1.1.5.orig.tar.xz f0ccd8242d55e2fd74b16ba518359151f6f8383ff8aef4976e48393f77bba8b6"
)
# Debian binary packages used as they are: zlib for mingw.
DEB_PACKAGES="libz-mingw-w64-dev gcc-mingw-w64-x86-64-posix mingw-w64-x86-64-dev"

die() { echo "win-deps: $*" >&2; exit 1; }
say() { echo "win-deps: $*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

pkg_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo missing; }

recipe_hash() {
	{
		cat "$SELF" "$TOOLCHAIN"
		$TRIPLE-gcc-posix --version 2>/dev/null | head -1
		for p in $DEB_PACKAGES; do echo "$p $(pkg_version "$p")"; done
	} | sha256sum | cut -c1-12
}

DEPS_DIR=${COREBOX_WIN_DEPS_DIR:-$ROOT/build/win-deps}
HASH=$(recipe_hash)
PREFIX=$DEPS_DIR/$HASH
SRCDIR=$DEPS_DIR/sources
WORK=$DEPS_DIR/work-$HASH

force=0
case "${1:-}" in
--print-prefix) echo "$PREFIX"; exit 0 ;;
--force) force=1 ;;
"") ;;
*) die "usage: $SELF [--print-prefix|--force]" ;;
esac

if [ "$force" = 0 ] && [ -f "$PREFIX/complete" ]; then
	say "up to date: $PREFIX"
	exit 0
fi

# ---- tools ----------------------------------------------------------------

need_tools() {
	local missing=
	for t in $TRIPLE-gcc-posix $TRIPLE-windres $TRIPLE-ar cmake ninja perl make apt-get sha256sum flock; do
		command -v "$t" >/dev/null || missing="$missing $t"
	done
	[ -f /usr/$TRIPLE/lib/libz.a ] || missing="$missing libz-mingw-w64-dev"
	[ -z "$missing" ] || die "missing:$missing (apt-get install gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64 libz-mingw-w64-dev cmake ninja-build perl make util-linux)"
}

# ---- sources --------------------------------------------------------------

# Writes a deb-src twin of every enabled deb entry of Debian's archive.
DEBSRC_FILE=/etc/apt/sources.list.d/corebox-deb-src.sources
add_deb_src() {
	[ "$(id -u)" = 0 ] || die "no deb-src entry for Debian's archive: as root, add one (see docs/windows.md) and run apt-get update"
	local tmp
	tmp=$(mktemp)
	# deb822 stanzas of the form written by Debian's installer.
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] && [ "$f" != "$DEBSRC_FILE" ] || continue
		awk '
			function flush() {
				if (n && types ~ /(^| )deb( |$)/ && uris ~ /debian/ && enabled !~ /no/) {
					for (i = 1; i <= n; i++)
						print (lines[i] ~ /^Types:/ ? "Types: deb-src" : lines[i])
					print ""
				}
				n = 0; types = uris = enabled = ""
			}
			/^[ \t]*$/ { flush(); next }
			/^#/ { next }
			{ lines[++n] = $0 }
			/^Types:/ { types = $0; sub(/^Types:[ \t]*/, "", types) }
			/^URIs:/ { uris = $0 }
			/^Enabled:/ { enabled = $0 }
			END { flush() }' "$f" >>"$tmp"
	done
	# One-line entries.
	local oneline
	oneline=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
		grep -E '^deb[[:space:]].*debian' | sed 's/^deb\([[:space:]]\)/deb-src\1/' || true)
	[ -s "$tmp" ] || [ -n "$oneline" ] || { rm -f "$tmp"; die "no Debian archive entry found in /etc/apt/sources.list*"; }
	if [ -s "$tmp" ]; then
		mv "$tmp" "$DEBSRC_FILE"
		chmod 644 "$DEBSRC_FILE"
		say "wrote $DEBSRC_FILE"
	else
		rm -f "$tmp"
	fi
	if [ -n "$oneline" ]; then
		printf '%s\n' "$oneline" >/etc/apt/sources.list.d/corebox-deb-src.list
		say "wrote /etc/apt/sources.list.d/corebox-deb-src.list"
	fi
	apt-get -q update >&2
}

# Source versions of package $1 in the apt index, newest first.
src_versions() {
	apt-cache showsrc --only-source "$1" 2>/dev/null | awk '/^Version:/ { print $2 }' | sort -urV
}

# The upstream part of a Debian version: no epoch, no revision.
upstream_of() { local v=${1#*:}; echo "${v%-*}"; }

have_deb_src=
ensure_deb_src() {
	[ -z "$have_deb_src" ] || return 0
	if [ -z "$(src_versions "$1")" ]; then
		if ! grep -rqs '^deb-src\|^Types:.*deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
			add_deb_src
		else
			[ "$(id -u)" = 0 ] && apt-get -q update >&2
		fi
	fi
	have_deb_src=1
}

sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

# fetch PKG UPSTREAM ORIG SHA256: the pinned .orig tarball into $SRCDIR.
fetch() {
	local pkg=$1 up=$2 orig=$3 sha=$4 v dl ok=
	sha_ok "$SRCDIR/$orig" "$sha" && return 0
	ensure_deb_src "$pkg"
	local all matching=
	all=$(src_versions "$pkg")
	for v in $all; do
		[ "$(upstream_of "$v")" = "$up" ] && matching="$matching $v"
	done
	if [ -z "$matching" ]; then
		die "$pkg $up (pinned) is no longer in the archive; it has: $(echo $all) -- update the pin in $SELF"
	fi
	dl=$(mktemp -d "$DEPS_DIR/download.XXXXXX")
	for v in $matching; do
		say "apt-get source --download-only $pkg=$v"
		# A .dsc or Debian diff the security archive does not serve is not
		# fatal: the .orig tarball, checked by apt and by the pin, is enough.
		(cd "$dl" && apt-get -q -o APT::Sandbox::User=root source --download-only --only-source "$pkg=$v" >&2) ||
			say "(apt-get source reported errors for $pkg=$v; checking the .orig tarball)"
		if sha_ok "$dl/$orig" "$sha"; then
			ok=1
			break
		elif [ -f "$dl/$orig" ]; then
			local got
			got=$(sha256sum "$dl/$orig" | cut -d' ' -f1)
			rm -rf "$dl"
			die "$orig from the archive has SHA256 $got, pinned $sha"
		fi
	done
	[ -n "$ok" ] || { rm -rf "$dl"; die "could not fetch $orig (versions tried:$matching)"; }
	mv "$dl/$orig" "$SRCDIR/$orig"
	rm -rf "$dl"
}

# unpack ORIG: extract into $WORK and print the directory it made.
unpack() {
	local d
	d=$(mktemp -d "$WORK/src.XXXXXX")
	tar -xf "$SRCDIR/$1" -C "$d"
	local top
	top=$(find "$d" -mindepth 1 -maxdepth 1 -type d | head -1)
	[ -n "$top" ] || die "$1 unpacked to nothing"
	echo "$top"
}

# ---- builds ---------------------------------------------------------------

# write_pc NAME VERSION LIBS [CFLAGS]: a pkg-config file for the prefix,
# relocatable (paths relative to the file). LIBS lists what a static link
# needs, the Windows libraries included.
write_pc() {
	install -d "$PREFIX/lib/pkgconfig"
	cat >"$PREFIX/lib/pkgconfig/$1.pc" <<-PC
		prefix=\${pcfiledir}/../..
		libdir=\${prefix}/lib
		includedir=\${prefix}/include

		Name: $1
		Description: $1 for corebox's Windows build (scripts/win-deps.sh)
		Version: $2
		Libs: -L\${libdir} $3
		Cflags: -I\${includedir}${4:+ $4}
	PC
}

CMAKE_COMMON=(
	-G Ninja
	-DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN"
	-DCMAKE_BUILD_TYPE=Release
	-DCMAKE_INSTALL_PREFIX="$PREFIX"
	-DCMAKE_INSTALL_LIBDIR=lib
	-DBUILD_SHARED_LIBS=OFF
)

build_pcre2() {
	local s=$1
	cmake -S "$s" -B "$s/_build" "${CMAKE_COMMON[@]}" \
		-DBUILD_STATIC_LIBS=ON -DPCRE2_BUILD_PCRE2_8=ON -DPCRE2_BUILD_PCRE2_16=OFF \
		-DPCRE2_BUILD_PCRE2_32=OFF -DPCRE2_SUPPORT_JIT=ON -DPCRE2_SUPPORT_UNICODE=ON \
		-DPCRE2_BUILD_PCRE2GREP=OFF -DPCRE2_BUILD_TESTS=OFF -DPCRE2_SUPPORT_LIBBZ2=OFF \
		-DPCRE2_SUPPORT_LIBZ=OFF -DPCRE2_SUPPORT_LIBEDIT=OFF -DPCRE2_SUPPORT_LIBREADLINE=OFF \
		-DPCRE2_SHOW_REPORT=OFF >&2
	cmake --build "$s/_build" -j "$JOBS" >&2
	cmake --install "$s/_build" >&2
	rm -rf "$PREFIX/share" "$PREFIX/man" "$PREFIX/bin" "$PREFIX/cmake" "$PREFIX"/lib/libpcre2-posix*
	rm -f "$PREFIX/include/pcre2posix.h" "$PREFIX"/lib/pkgconfig/*pcre2*.pc
	write_pc libpcre2-8 10.42 -lpcre2-8 -DPCRE2_STATIC
}

# libarchive with zlib (Debian's mingw build) and Windows' own CNG (bcrypt)
# for zip encryption; every other optional library is off, and so is POSIX
# regex support (only bsdtar's -s uses it). libarchive looks for
# "Bcrypt.h", which mingw spells bcrypt.h: a one-line alias makes the
# check find it on a case-sensitive file system.
build_libarchive() {
	local s=$1
	mkdir -p "$s/_alias"
	echo '#include <bcrypt.h>' >"$s/_alias/Bcrypt.h"
	cmake -S "$s" -B "$s/_build" "${CMAKE_COMMON[@]}" \
		-DCMAKE_C_FLAGS="-I$s/_alias" -DPOSIX_REGEX_LIB=NONE \
		-DENABLE_ZLIB=ON -DZLIB_LIBRARY=/usr/$TRIPLE/lib/libz.a -DZLIB_INCLUDE_DIR=/usr/$TRIPLE/include \
		-DENABLE_OPENSSL=OFF -DENABLE_MBEDTLS=OFF -DENABLE_NETTLE=OFF -DENABLE_LIBB2=OFF \
		-DENABLE_LZ4=OFF -DENABLE_LZO=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF -DENABLE_BZip2=OFF \
		-DENABLE_LIBXML2=OFF -DENABLE_EXPAT=OFF -DENABLE_PCREPOSIX=OFF -DENABLE_LIBGCC=OFF \
		-DENABLE_ICONV=OFF -DENABLE_CNG=ON -DENABLE_TAR=OFF -DENABLE_CPIO=OFF -DENABLE_CAT=OFF \
		-DENABLE_TEST=OFF -DENABLE_WERROR=OFF >&2
	cmake --build "$s/_build" -j "$JOBS" --target archive_static >&2
	install -d "$PREFIX/lib" "$PREFIX/include"
	install -m 644 "$s/_build/libarchive/libarchive_static.a" "$PREFIX/lib/libarchive.a"
	install -m 644 "$s/libarchive/archive.h" "$s/libarchive/archive_entry.h" "$PREFIX/include/"
	write_pc libarchive 3.6.2 "-larchive -lz -lbcrypt -ladvapi32" -DLIBARCHIVE_STATIC
}

# xxHash is one C file; the x86 dispatcher picks SSE2/AVX2/AVX-512 for XXH3
# at run time.
build_xxhash() {
	local s=$1 cc=$TRIPLE-gcc-posix
	(cd "$s" && $cc -O3 -c xxhash.c -o xxhash.o &&
		$cc -O3 -c xxh_x86dispatch.c -o xxh_x86dispatch.o &&
		$TRIPLE-ar rcs libxxhash.a xxhash.o xxh_x86dispatch.o) >&2
	install -d "$PREFIX/lib" "$PREFIX/include"
	install -m 644 "$s/libxxhash.a" "$PREFIX/lib/"
	install -m 644 "$s/xxhash.h" "$s/xxh3.h" "$s/xxh_x86dispatch.h" "$PREFIX/include/"
	write_pc libxxhash 0.8.1 -lxxhash
}

# Only libcrypto (the libcrypto.a target: no libssl, no programs, no
# documentation; OpenSSL 3.0 has no no-docs/no-apps switches), no tests, no
# loadable modules (the legacy provider is left out). corebox uses the
# default provider's digests (MD5, SHA-1, SHA-2, SHA-3/SHAKE, BLAKE2, SM3),
# so the public-key algorithms, the ciphers other than AES (which the
# random generator needs) and the certificate formats built on them are
# left out as well: 30% fewer files to compile. No configuration file is
# read (no-autoload-config): OPENSSL_CONF cannot change what corebox does.
# The assembly is GNU as syntax for the mingw64 target, so nasm is not
# needed.
OPENSSL_OFF="no-shared no-tests no-module no-legacy no-engine no-dso no-async
	no-autoload-config
	no-aria no-bf no-camellia no-cast no-chacha no-cmac no-cms no-comp no-ct
	no-des no-dh no-dsa no-ec no-gost no-idea no-md4 no-mdc2 no-ocb no-ocsp
	no-poly1305 no-rc2 no-rc4 no-rc5 no-rmd160 no-scrypt no-seed no-siphash
	no-siv no-sm2 no-sm4 no-srp no-ts no-whirlpool no-ui-console no-sock
	no-dgram"
build_openssl() {
	local s=$1
	(cd "$s" && ./Configure mingw64 \
		CC=$TRIPLE-gcc-posix AR=$TRIPLE-ar RANLIB=$TRIPLE-ranlib RC=$TRIPLE-windres \
		$OPENSSL_OFF)
	make -C "$s" -j "$JOBS" build_generated
	make -C "$s" -j "$JOBS" libcrypto.a
	install -d "$PREFIX/lib" "$PREFIX/include/openssl"
	install -m 644 "$s/libcrypto.a" "$PREFIX/lib/"
	install -m 644 "$s"/include/openssl/*.h "$PREFIX/include/openssl/"
	write_pc libcrypto 3.0.22 "-lcrypto -lws2_32 -lgdi32 -lcrypt32 -lbcrypt -ladvapi32 -luser32"
}

build_cmocka() {
	local s=$1
	cmake -S "$s" -B "$s/_build" "${CMAKE_COMMON[@]}" \
		-DWITH_STATIC_LIB=ON -DWITH_EXAMPLES=OFF -DUNIT_TESTING=OFF >&2
	cmake --build "$s/_build" -j "$JOBS" --target cmocka-static >&2
	install -d "$PREFIX/lib" "$PREFIX/include"
	install -m 644 "$s/_build/src/libcmocka-static.a" "$PREFIX/lib/libcmocka.a"
	install -m 644 "$s/include/cmocka.h" "$s/include/cmocka_pbc.h" "$PREFIX/include/"
	write_pc cmocka 1.1.5 -lcmocka
}

# ---- main -------------------------------------------------------------------

need_tools
mkdir -p "$DEPS_DIR" "$SRCDIR"
exec 9>"$DEPS_DIR/.lock"
flock 9
if [ "$force" = 0 ] && [ -f "$PREFIX/complete" ]; then
	say "up to date: $PREFIX (built meanwhile)"
	exit 0
fi

say "recipe $HASH -> $PREFIX"
TIMEFORMAT='%R %U %S'
total=$(now)
rm -rf "$PREFIX" "$WORK"
mkdir -p "$PREFIX" "$WORK"
t=$(now)
for pin in "${PINS[@]}"; do
	set -- $pin
	fetch "$2" "$3" "$4" "$5"
done
timings="sources: $(elapsed "$t") s"
say "$timings"
{
	echo "# corebox Windows dependencies, recipe $HASH"
	for p in $DEB_PACKAGES; do echo "$p $(pkg_version "$p") (Debian package)"; done
} >"$PREFIX/versions.txt"
for pin in "${PINS[@]}"; do
	set -- $pin
	t=$(now)
	say "building $1 $3"
	src=$(unpack "$4")
	# A subshell outside any condition, so that set -e stops at the
	# first failing step of the build function.
	# The time keyword also gives the CPU time (user + system, children
	# included), which depends less on what else the machine is doing.
	set +e
	{ time ("build_$1" "$src" >"$WORK/$1.log" 2>&1); } 2>"$WORK/$1.time"
	rc=$?
	set -e
	if [ "$rc" != 0 ]; then
		tail -n 40 "$WORK/$1.log" >&2
		die "$1 failed; the whole log is $WORK/$1.log"
	fi
	took=$(elapsed "$t")
	cpu=$(awk '{ printf "%.1f", $2 + $3 }' "$WORK/$1.time")
	say "built $1 $3 in $took s (CPU $cpu s)"
	timings="$timings, $1: $took s (CPU $cpu s)"
	echo "$1 $3 ($4 sha256 $5)" >>"$PREFIX/versions.txt"
	rm -rf "$(dirname "$src")"
done
# Static archives only: a stray import library would pull in a DLL.
find "$PREFIX" -name '*.dll.a' -delete
rm -rf "$WORK"
echo "$timings" >"$PREFIX/complete"
say "$timings"
say "all built in $(elapsed "$total") s: $PREFIX"
