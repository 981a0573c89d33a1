"""Tests for the checksum programs: sum, cksum, md5sum, sha1sum,
sha224sum ... sha512sum, b2sum, and uutils' sha3sum, sha3-*sum,
shake128sum, shake256sum and b3sum."""
import base64

import pytest

from conftest import ON_WINE, check, needs_dev_full, run, run_closed_stdout, windows_no_newline_names

ABC = {
    "md5sum": "900150983cd24fb0d6963f7d28e17f72",
    "sha1sum": "a9993e364706816aba3e25717850c26c9cd0d89d",
    "sha224sum": "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
    "sha256sum": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "sha384sum": "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                 "8086072ba1e7cc2358baeca134c825a7",
    "sha512sum": "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                 "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
    "b2sum": "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
             "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
    "sha3-224sum": "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf",
    "sha3-256sum": "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
    "sha3-384sum": "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b2"
                   "98d88cea927ac7f539f1edf228376d25",
    "sha3-512sum": "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e"
                   "10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
    "shake128sum": "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc8",
    "shake256sum": "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739"
                   "d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e4",
    "b3sum": "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85",
}
MD5_ABC = ABC["md5sum"]
MD5_EMPTY = "d41d8cd98f00b204e9800998ecf8427e"


def write(path, data):
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return str(path)


@pytest.mark.parametrize("prog", sorted(ABC))
def test_digest_of_stdin_and_file(tmp_path, prog):
    f = write(tmp_path / "f", b"abc")
    check(run(prog, input=b"abc"), out=f"{ABC[prog]}  -\n")
    check(run(prog, "-b", f, "-", input=b"abc"), out=f"{ABC[prog]} *{f}\n{ABC[prog]} *-\n")


@pytest.mark.parametrize("prog,tag", [
    ("md5sum", "MD5"), ("sha1sum", "SHA1"), ("sha256sum", "SHA256"), ("sha512sum", "SHA512"),
    ("b2sum", "BLAKE2b"), ("sha3-256sum", "SHA3-256"), ("shake128sum", "SHAKE128-256"),
    ("b3sum", "BLAKE3"),
])
def test_tag(prog, tag):
    check(run(prog, "--tag", input=b"abc"), out=f"{tag} (-) = {ABC[prog]}\n")


def test_tag_refuses_text_mode():
    check(run("md5sum", "--tag", "-t"), status=1,
          err="md5sum: --tag does not support --text mode\nTry 'md5sum --help' for more information.\n")


@windows_no_newline_names
def test_zero_and_escaped_names(tmp_path):
    odd = write(tmp_path / "a\nb\\c", b"")
    r = run("md5sum", odd)
    check(r, out="\\" + MD5_EMPTY + "  " + odd.replace("\\", "\\\\").replace("\n", "\\n") + "\n")
    check(run("md5sum", "--tag", odd),
          out="\\MD5 (" + odd.replace("\\", "\\\\").replace("\n", "\\n") + ") = " + MD5_EMPTY + "\n")
    check(run("md5sum", "-z", odd, "-"), out=f"{MD5_EMPTY}  {odd}\0{MD5_EMPTY}  -\0")
    cr = write(tmp_path / "c\rd", b"")
    check(run("sha1sum", "--tag", cr),
          out="\\SHA1 (" + cr.replace("\r", "\\r") + ") = da39a3ee5e6b4b0d3255bfef95601890afd80709\n")


def test_lengths():
    check(run("b2sum", "-l", "128", input=b"abc"), out="cf4ab791c62b8d2b2109c90275287816  -\n")
    check(run("b2sum", "--tag", "--length=128", input=b"abc"),
          out="BLAKE2b-128 (-) = cf4ab791c62b8d2b2109c90275287816\n")
    check(run("b2sum", "-l", "512", "--tag", input=b"abc"), out=f"BLAKE2b (-) = {ABC['b2sum']}\n")
    check(run("b2sum", "-l", "0", input=b"abc"), out=f"{ABC['b2sum']}  -\n")
    check(run("sha3sum", "--bits=256", input=b"abc"), out=f"{ABC['sha3-256sum']}  -\n")
    check(run("sha3sum", "-l", "512", "--tag", input=b"abc"), out=f"SHA3-512 (-) = {ABC['sha3-512sum']}\n")
    check(run("shake128sum", "--bits", "64", input=b"abc"), out="5881092dd818bf5c  -\n")
    check(run("b3sum", "-l", "64", "--tag", input=b"abc"), out="BLAKE3-64 (-) = 6437b3ac38465133\n")
    check(run("b3sum", "--no-names", input=b"abc"), out=f"{ABC['b3sum']}\n")


@pytest.mark.parametrize("prog,args,err", [
    ("b2sum", ["-l", "12"], "b2sum: invalid length: '12'\nb2sum: length is not a multiple of 8\n"),
    ("b2sum", ["-l", "1024"],
     "b2sum: invalid length: '1024'\nb2sum: maximum digest length for 'BLAKE2b' is 512 bits\n"),
    ("b2sum", ["-l", "x"], "b2sum: invalid length: 'x'\n"),
    ("sha3sum", ["--bits=100"],
     "sha3sum: invalid length: '100'\nsha3sum: digest length for 'SHA3' must be 224, 256, 384, or 512\n"),
    ("sha3sum", [], "sha3sum: --length required: 224, 256, 384, or 512\n"),
])
def test_bad_lengths(prog, args, err):
    check(run(prog, *args, input=b""), err=err, status=1)


def test_cksum_default_crc(tmp_path):
    f = write(tmp_path / "nine", b"123456789")
    check(run("cksum", input=b"123456789"), out="930766865 9\n")
    check(run("cksum", f, "-", input=b""), out=f"930766865 9 {f}\n4294967295 0 -\n")
    check(run("cksum", "-a", "crc32b", f), out=f"3421780262 9 {f}\n")
    check(run("cksum", "-z", f), out=f"930766865 9 {f}\0")


def test_cksum_crc_large(tmp_path):
    # Long enough for every vectorised path, with an odd tail.
    data = bytes((i * 31 + (i >> 8)) & 255 for i in range(70001))
    f = write(tmp_path / "big", data)
    check(run("cksum", f), out=f"3512013169 70001 {f}\n")
    for tunable in ("-AVX512F", "-AVX512F,-AVX2", "-AVX512F,-AVX2,-AVX"):
        r = run("cksum", f, env={"GLIBC_TUNABLES": "glibc.cpu.hwcaps=" + tunable})
        check(r, out=f"3512013169 70001 {f}\n")


def test_cksum_crc_in_parts(tmp_path):
    # Big enough to be read in parts by several threads (32 MiB each at
    # least); every MiB differs so that parts out of order would show.
    block = bytes(range(256)) * 4096
    data = b"".join(block[k:] + block[:k] for k in range(97)) + b"odd tail"
    f = write(tmp_path / "huge", data)
    line = f"741471004 101711880 {f}\n"
    check(run("cksum", f, f), out=line + line)
    check(run("cksum", input=data), out="741471004 101711880\n")


def test_cksum_debug_honours_tunables():
    r = run("cksum", "--debug", "/dev/null", env={"GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX512F,-AVX2,-AVX"})
    check(r, out="4294967295 0 /dev/null\n",
          err="cksum: avx512 support not detected\ncksum: avx2 support not detected\n"
              "cksum: pclmul support not detected\n")


def test_sum_bsd_and_sysv(tmp_path):
    f = write(tmp_path / "f", b"abc")
    big = write(tmp_path / "big", b"x" * 2000)
    check(run("sum", input=b"abc"), out="16556     1\n")
    check(run("sum", "-r", f, big), out=f"16556     1 {f}\n65279     2 {big}\n")
    check(run("sum", "-s", input=b"abc"), out="294 1\n")
    check(run("sum", "--sysv", big, "-", input=b""), out=f"43395 4 {big}\n0 0 -\n")
    check(run("cksum", "-a", "bsd", f), out=f"16556     1 {f}\n")
    check(run("cksum", "-a", "sysv", input=b""), out="0 0\n")


def test_cksum_algorithms(tmp_path):
    f = write(tmp_path / "f", b"abc")
    check(run("cksum", "-a", "md5", f), out=f"MD5 ({f}) = {MD5_ABC}\n")
    check(run("cksum", "-a", "md5", "--untagged", f), out=f"{MD5_ABC}  {f}\n")
    check(run("cksum", "-a", "sha2", "-l", "256", input=b"abc"), out=f"SHA256 (-) = {ABC['sha256sum']}\n")
    check(run("cksum", "-a", "sha384", input=b"abc"), out=f"SHA384 (-) = {ABC['sha384sum']}\n")
    check(run("cksum", "-a", "sha3", "-l", "224", input=b"abc"), out=f"SHA3-224 (-) = {ABC['sha3-224sum']}\n")
    check(run("cksum", "-a", "blake2b", "-l", "128", input=b"abc"),
          out="BLAKE2b-128 (-) = cf4ab791c62b8d2b2109c90275287816\n")
    check(run("cksum", "-a", "sm3", input=b"abc"),
          out="SM3 (-) = 66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0\n")
    check(run("cksum", "-a", "blake3", input=b"abc"), out=f"BLAKE3 (-) = {ABC['b3sum']}\n")
    check(run("cksum", "-a", "shake256", input=b"abc"), out=f"SHAKE256-512 (-) = {ABC['shake256sum']}\n")
    check(run("cksum", "--untagged", "-b", "-a", "sha1", input=b"abc"), out=f"{ABC['sha1sum']} *-\n")
    check(run("cksum", "--tag", "--untagged", "--binary", "-a", "md5", input=b"abc"), out=f"{MD5_ABC} *-\n")


def test_cksum_base64_and_raw(tmp_path):
    b64 = base64.b64encode(bytes.fromhex(ABC["sha256sum"])).decode()
    check(run("cksum", "-a", "sha256", "--base64", input=b"abc"), out=f"SHA256 (-) = {b64}\n")
    check(run("cksum", "-a", "sha256", "--raw", input=b"abc"), out=bytes.fromhex(ABC["sha256sum"]))
    check(run("cksum", "--raw", input=b"123456789"), out=(930766865).to_bytes(4, "big"))
    check(run("cksum", "-a", "bsd", "--raw", input=b"abc"), out=(16556).to_bytes(2, "big"))
    check(run("cksum", "--base64", "--raw"), status=1,
          err="cksum: --base64 and --raw are mutually exclusive\nTry 'cksum --help' for more information.\n")
    check(run("cksum", "--raw", "-", "-"), status=1,
          err="cksum: the --raw option is not supported with multiple files\n")


@pytest.mark.parametrize("args,err", [
    (["-a", "sha2"], "cksum: --algorithm=sha2 requires specifying --length 224, 256, 384, or 512\n"),
    (["-a", "sha3", "-l", "100"],
     "cksum: invalid length: '100'\ncksum: digest length for 'SHA3' must be 224, 256, 384, or 512\n"),
    (["-l", "128"], "cksum: --length is only supported with --algorithm blake2b, sha2, or sha3\n"),
    (["-a", "md5", "-l", "128"], "cksum: --length is only supported with --algorithm blake2b, sha2, or sha3\n"),
    (["-a", "crc", "-c"], "cksum: --check is not supported with --algorithm={bsd,sysv,crc,crc32b}\n"),
    (["-a", "blake2b", "-l", "9"], "cksum: invalid length: '9'\ncksum: length is not a multiple of 8\n"),
])
def test_cksum_errors(args, err):
    check(run("cksum", *args), err=err, status=1)


def test_cksum_usage_errors():
    r = run("cksum", "-a", "sha")
    assert r.status == 1
    assert r.err.startswith(b"cksum: invalid argument 'sha' for '--algorithm'\nValid arguments are:\n  - 'bsd'\n")
    assert r.err.endswith(b"  - 'shake256'\nTry 'cksum --help' for more information.\n")
    check(run("cksum", "--text", "-a", "md5"), status=1,
          err="cksum: --text mode is only supported with --untagged\nTry 'cksum --help' for more information.\n")
    for opt in ("--status", "--warn", "--quiet", "--strict", "--ignore-missing"):
        name = opt[2:]
        r = run("md5sum", opt)
        check(r, status=1, err=f"md5sum: the {opt} option is meaningful only when verifying checksums\n"
                               "Try 'md5sum --help' for more information.\n")
    check(run("md5sum", "-c", "-z"), status=1,
          err="md5sum: the --zero option is not supported when verifying checksums\n"
              "Try 'md5sum --help' for more information.\n")
    check(run("md5sum", "-c", "--tag"), status=1,
          err="md5sum: the --tag option is meaningless when verifying checksums\n"
              "Try 'md5sum --help' for more information.\n")
    check(run("md5sum", "-c", "-b"), status=1,
          err="md5sum: the --binary and --text options are meaningless when verifying checksums\n"
              "Try 'md5sum --help' for more information.\n")
    check(run("md5sum", "--base64"), status=1,
          err="md5sum: unrecognized option '--base64'\nTry 'md5sum --help' for more information.\n")
    check(run("sum", "-a"), status=1, err="sum: invalid option -- 'a'\nTry 'sum --help' for more information.\n")


def test_missing_and_directory(tmp_path):
    f = write(tmp_path / "f", b"abc")
    check(run("md5sum", "nope", f, str(tmp_path)), status=1, out=f"{MD5_ABC}  {f}\n",
          err=f"md5sum: nope: No such file or directory\nmd5sum: {tmp_path}: Is a directory\n")
    check(run("cksum", "nope"), status=1, err="cksum: nope: No such file or directory\n")
    check(run("sum", "-s", str(tmp_path)), status=1, err=f"sum: {tmp_path}: Is a directory\n")


def test_empty_and_invalid_utf8(tmp_path):
    f = write(tmp_path / "\xff", b"")
    check(run("md5sum", f), out=f"{MD5_EMPTY}  {f}\n")
    check(run("b3sum", input=b""), out="af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262  -\n")


def checkfile(tmp_path, text):
    return write(tmp_path / "sums", text)


def test_check_messages(tmp_path):
    write(tmp_path / "a", b"abc")
    write(tmp_path / "b", b"xyz")
    sums = checkfile(tmp_path, f"{MD5_ABC}  a\n{'0' * 32}  b\n{MD5_ABC}  missing\ngarbage line\n"
                                f"MD5 (a) = {MD5_ABC}\n")
    summary = ("md5sum: WARNING: 1 line is improperly formatted\n"
               "md5sum: WARNING: 1 listed file could not be read\n"
               "md5sum: WARNING: 1 computed checksum did NOT match\n")
    check(run("md5sum", "-c", sums, cwd=tmp_path), status=1,
          out="a: OK\nb: FAILED\nmissing: FAILED open or read\na: OK\n",
          err="md5sum: missing: No such file or directory\n" + summary)
    check(run("md5sum", "-c", "--quiet", sums, cwd=tmp_path), status=1,
          out="b: FAILED\nmissing: FAILED open or read\n",
          err="md5sum: missing: No such file or directory\n" + summary)
    check(run("md5sum", "--check", "--status", sums, cwd=tmp_path), status=1,
          err="md5sum: missing: No such file or directory\n")
    check(run("md5sum", "-c", "--warn", sums, cwd=tmp_path), status=1,
          out="a: OK\nb: FAILED\nmissing: FAILED open or read\na: OK\n",
          err="md5sum: missing: No such file or directory\n"
              f"md5sum: {sums}: 4: improperly formatted MD5 checksum line\n" + summary)
    check(run("md5sum", "-c", "--ignore-missing", sums, cwd=tmp_path), status=1,
          out="a: OK\nb: FAILED\na: OK\n",
          err="md5sum: WARNING: 1 line is improperly formatted\n"
              "md5sum: WARNING: 1 computed checksum did NOT match\n")


def test_check_success_and_strict(tmp_path):
    write(tmp_path / "a", b"abc")
    good = checkfile(tmp_path, f"{MD5_ABC.upper()}  a\r\n# comment\n\n{MD5_ABC} *a\n")
    check(run("md5sum", "-c", good, cwd=tmp_path), out="a: OK\na: OK\n")
    check(run("md5sum", "-c", "--status", good, cwd=tmp_path))
    bad = checkfile(tmp_path, f"{MD5_ABC}  a\nnot a line\n")
    check(run("md5sum", "-c", "--strict", "--quiet", bad, cwd=tmp_path), status=1,
          err="md5sum: WARNING: 1 line is improperly formatted\n")
    check(run("md5sum", "-c", bad, cwd=tmp_path), out="a: OK\n",
          err="md5sum: WARNING: 1 line is improperly formatted\n")


def test_check_nothing_verified(tmp_path):
    only_missing = checkfile(tmp_path, f"{MD5_ABC}  missing\n")
    check(run("md5sum", "-c", "--ignore-missing", only_missing), status=1,
          err=f"md5sum: {only_missing}: no file was verified\n")
    check(run("md5sum", "-c", input=b"junk\n"), status=1,
          err="md5sum: 'standard input': no properly formatted checksum lines found\n")
    check(run("md5sum", "-c", input=b""), status=1,
          err="md5sum: 'standard input': no properly formatted checksum lines found\n")
    check(run("md5sum", "-c", "nope"), status=1, err="md5sum: nope: No such file or directory\n")
    check(run("md5sum", "-c", input=f"{MD5_EMPTY}  -\n"), status=1,
          err="md5sum: 'standard input': no properly formatted checksum lines found\n")


@windows_no_newline_names
def test_check_escaped_names(tmp_path):
    write(tmp_path / "x\ny", b"abc")
    sums = checkfile(tmp_path, f"\\{MD5_ABC}  x\\ny\n\\MD5 (x\\ny) = {MD5_ABC}\n")
    check(run("md5sum", "-c", sums, cwd=tmp_path), out="\\x\\ny: OK\n\\x\\ny: OK\n")


def test_check_bsd_reversed(tmp_path):
    write(tmp_path / "a", b"abc")
    sums = checkfile(tmp_path, f"{MD5_ABC} a\n")
    check(run("md5sum", "-c", sums, cwd=tmp_path), out="a: OK\n")


def test_cksum_check_detects_algorithms(tmp_path):
    write(tmp_path / "a", b"abc")
    b64 = base64.b64encode(bytes.fromhex(ABC["sha256sum"])).decode()
    sums = checkfile(tmp_path,
                     f"MD5 (a) = {MD5_ABC}\n"
                     f"SHA256 (a) = {b64}\n"
                     "BLAKE2b-128 (a) = cf4ab791c62b8d2b2109c90275287816\n"
                     f"SHA3-256 (a) = {ABC['sha3-256sum']}\n"
                     f"BLAKE3 (a) = {ABC['b3sum']}\n"
                     f"{MD5_ABC}  a\n")
    check(run("cksum", "-c", sums, cwd=tmp_path), out="a: OK\n" * 5,
          err="cksum: WARNING: 1 line is improperly formatted\n")
    untagged = checkfile(tmp_path, f"{ABC['sha384sum']}  a\n")
    check(run("cksum", "-a", "sha2", "-c", untagged, cwd=tmp_path), out="a: OK\n")
    check(run("cksum", "-a", "blake2b", "-c", cwd=tmp_path,
              input="cf4ab791c62b8d2b2109c90275287816  a\n"), out="a: OK\n")
    check(run("b2sum", "-c", cwd=tmp_path, input="BLAKE2b-128 (a) = cf4ab791c62b8d2b2109c90275287816\n"),
          out="a: OK\n")
    check(run("sha3-256sum", "-c", cwd=tmp_path, input=f"SHA3-256 (a) = {ABC['sha3-256sum']}\n"),
          out="a: OK\n")
    check(run("b3sum", "-c", cwd=tmp_path, input=f"{ABC['b3sum']}  a\n"), out="a: OK\n")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as o:
        r = run("md5sum", "/dev/null", stdout=o)
    check(r, err="md5sum: write error: No space left on device\n", status=1)


@pytest.mark.skipif(ON_WINE, reason="needs POSIX descriptors")
def test_closed_stdout():
    status, err = run_closed_stdout("sha1sum", "/dev/null")
    assert (status, err) == (1, b"sha1sum: write error: Bad file descriptor\n")
