"""The start-up layout of a dynamically linked, position-independent
corebox (docs/bench.md, "Start-up"): before every program the loader
writes only the pages it must write anyway (.dynamic and the GOT), so
that starting corebox faults in no more pages than GNU's true does.

- Every pointer the loader relocates (R_X86_64_RELATIVE) lies on a page of
  .dynamic, .got or .got.plt. Option tables and cmd_info hold no
  pointers (libcommon/opt.h), the utility registry neither
  (cmds/corebox.c); a new table of pointers must stay small or be written
  without pointers.
- No copy relocation: a variable of the C library copied into corebox's
  .bss (environ, referenced directly) puts a page write before main.

Skipped unless $COREBOX is such a binary (not the static or Windows
builds, nor a sanitizer build, whose run time adds its own data)."""
import shutil
import subprocess

import pytest

from conftest import COREBOX

PAGE = 4096


def _readelf(*args):
    return subprocess.run(["readelf", "-W", *args, COREBOX[0]], capture_output=True,
                          text=True, check=True).stdout


def _applies():
    if len(COREBOX) != 1 or not shutil.which("readelf"):
        return False
    try:
        with open(COREBOX[0], "rb") as f:
            if f.read(4) != b"\x7fELF":
                return False
    except OSError:
        return False
    head = _readelf("-h", "-l", "-d")
    return ("DYN (Position-Independent Executable" in head and "INTERP" in head
            and "libasan" not in head and "libubsan" not in head)


pytestmark = pytest.mark.skipif(not _applies(),
                                reason="$COREBOX is not a dynamically linked PIE ELF binary "
                                       "without sanitizers")


def _sections():
    """{name: (address, size)} of the sections."""
    out = {}
    for line in _readelf("-S").splitlines():
        if "]" not in line:
            continue
        fields = line.split("]", 1)[1].split()
        if len(fields) >= 5 and fields[0].startswith("."):
            out[fields[0]] = (int(fields[2], 16), int(fields[4], 16))
    return out


def _relocations():
    """[(offset, type, symbol)] of the dynamic relocations."""
    out = []
    for line in _readelf("-r").splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[2].startswith("R_X86_64_"):
            out.append((int(fields[0], 16), fields[2], fields[4] if len(fields) > 4 else ""))
    return out


def test_relocated_pointers_on_pages_written_anyway():
    sections = _sections()
    written = set()
    for name in (".dynamic", ".got", ".got.plt"):
        if name in sections:
            addr, size = sections[name]
            written.update(range(addr // PAGE, (addr + max(size, 1) - 1) // PAGE + 1))
    assert written
    relative = [off for off, kind, _ in _relocations() if kind == "R_X86_64_RELATIVE"]
    outside = sorted({off // PAGE for off in relative} - written)
    assert outside == [], (
        f"{len(relative)} relocated pointers; pages {[hex(p * PAGE) for p in outside]} "
        "are written only for them (tables of pointers: see libcommon/opt.h)")


def test_no_copy_relocations():
    copies = [sym for _, kind, sym in _relocations() if kind == "R_X86_64_COPY"]
    assert copies == []
