#!/usr/bin/env bash
# scripts/check-win-imports.sh [EXE]: checks that a Windows build of corebox
# (default build/windows/corebox.exe) stands alone:
#  - every DLL it imports is part of Windows itself (the list below; a DLL
#    of the toolchain or of a library, such as libwinpthread-1.dll,
#    libgcc_s_seh-1.dll or zlib1.dll, means something was linked
#    dynamically that must be static);
#  - it is a console program with ASLR, high-entropy ASLR and DEP on;
#  - it embeds the application manifest of win32/corebox.manifest as
#    resource 1 of type RT_MANIFEST, with the UTF-8 active code page,
#    longPathAware, the Windows 10 supportedOS and asInvoker.
# Prints the imported DLLs and exits non-zero on the first failed check.
set -euo pipefail

EXE=${1:-$(dirname "$0")/../build/windows/corebox.exe}
OBJDUMP=${OBJDUMP:-x86_64-w64-mingw32-objdump}
[ -f "$EXE" ] || { echo "check-win-imports: no $EXE (cmake --workflow --preset windows builds it)" >&2; exit 1; }

# The DLLs corebox may import, lower case, each with what it is for.
# Adding one needs a reason on this list.
allowed() {
	case "$1" in
	kernel32.dll) ;;      # files, processes, consoles, everything basic
	ntdll.dll) ;;         # NtQueryInformationFile and other native calls
	msvcrt.dll) ;;        # the C runtime of mingw-w64's default build
	api-ms-win-crt-*.dll) ;; # the same from the Universal CRT, if built with it
	advapi32.dll) ;;      # security: tokens, ACLs, SIDs to names; CryptoAPI
	                      # (libcrypto's random seed, libarchive's digests)
	user32.dll) ;;        # libcrypto (window station check, fatal-error box)
	bcrypt.dll) ;;        # CNG: libarchive's zip encryption and PBKDF2
	shell32.dll) ;;       # known folders (home directory)
	ole32.dll) ;;         # CoTaskMemFree for shell32's strings
	ws2_32.dll) ;;        # gethostname (hostname, uname -n)
	netapi32.dll) ;;      # user accounts: full names, group lists
	*) return 1 ;;
	esac
}

fail=0
dump=$("$OBJDUMP" -p "$EXE")
dlls=$(printf '%s\n' "$dump" | sed -n 's/^[[:space:]]*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u)
[ -n "$dlls" ] || { echo "check-win-imports: $EXE imports no DLL: not a PE executable?" >&2; exit 1; }
echo "imports:" $dlls
for d in $dlls; do
	if ! allowed "$d"; then
		echo "check-win-imports: $EXE imports $d, which is not a Windows system DLL on the list" >&2
		fail=1
	fi
done

flags=$(sed -n '/^DllCharacteristics/,/^[A-Z]/p' <<<"$dump")
for f in HIGH_ENTROPY_VA DYNAMIC_BASE NX_COMPAT; do
	if ! grep -q "$f" <<<"$flags"; then
		echo "check-win-imports: $EXE lacks $f" >&2
		fail=1
	fi
done
if ! grep -q '^Subsystem.*Windows CUI' <<<"$dump"; then
	echo "check-win-imports: $EXE is not a console (CUI) program" >&2
	fail=1
fi

# The manifest: walk the PE resource directory to type 24, name 1.
python3 - "$EXE" <<'EOF' || fail=1
import struct, sys

path = sys.argv[1]
data = open(path, "rb").read()
pe = struct.unpack_from("<I", data, 0x3C)[0]
nsect = struct.unpack_from("<H", data, pe + 6)[0]
optsize = struct.unpack_from("<H", data, pe + 20)[0]
opt = pe + 24
# PE32+: data directories start at 112; resources are entry 2.
rsrc_rva, rsrc_size = struct.unpack_from("<II", data, opt + 112 + 2 * 8)
sections = []
for i in range(nsect):
    s = pe + 24 + optsize + 40 * i
    vsize, va, rawsize, rawptr = struct.unpack_from("<IIII", data, s + 8)
    sections.append((va, max(vsize, rawsize), rawptr))

def off(rva):
    for va, size, raw in sections:
        if va <= rva < va + size:
            return raw + rva - va
    raise SystemExit(f"check-win-imports: {path}: RVA {rva:#x} is in no section")

def fail(msg):
    print(f"check-win-imports: {path}: {msg}", file=sys.stderr)
    sys.exit(1)

if not rsrc_rva:
    fail("no resources, so no manifest")
base = off(rsrc_rva)

def entries(dir_off):
    named, ids = struct.unpack_from("<HH", data, dir_off + 12)
    for i in range(named + ids):
        name, target = struct.unpack_from("<II", data, dir_off + 16 + 8 * i)
        yield name, target

def find(dir_off, ident):
    for name, target in entries(dir_off):
        if name == ident:
            return target
    return None

t = find(base, 24)
if t is None or not t & 0x80000000:
    fail("no RT_MANIFEST resource")
n = find(base + (t & 0x7FFFFFFF), 1)
if n is None or not n & 0x80000000:
    fail("no manifest with ID 1 (CREATEPROCESS_MANIFEST_RESOURCE_ID)")
langs = list(entries(base + (n & 0x7FFFFFFF)))
if len(langs) != 1 or langs[0][1] & 0x80000000:
    fail("unexpected manifest resource layout")
rva, size = struct.unpack_from("<II", data, base + langs[0][1])
text = data[off(rva):off(rva) + size].decode("utf-8")
want = {
    "the UTF-8 active code page": ">UTF-8</activeCodePage>",
    "longPathAware": ">true</longPathAware>",
    "Windows 10 in supportedOS": "{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}",
    "asInvoker": 'level="asInvoker"',
}
missing = [what for what, s in want.items() if s not in text]
if missing:
    fail("the manifest lacks " + ", ".join(missing))
print(f"manifest: {size} bytes, UTF-8 code page, long paths, Windows 10, asInvoker")
EOF

if [ "$fail" != 0 ]; then
	exit 1
fi
echo "check-win-imports: $EXE: ok"
