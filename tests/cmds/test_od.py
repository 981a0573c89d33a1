"""Black-box tests of od: every format type and size, the traditional
options and operands, addresses, widths, duplicate suppression, strings,
byte order, several files as one stream, and GNU's messages. The
expected bytes are GNU coreutils 9.10's."""
import subprocess

import pytest

from conftest import COREBOX, check, needs_dev_full, run, run_closed_stdout

# (args, stdin, stdout, stderr, status); run in a directory holding the
# files a ("a"), b ("b") and the directory dir.
CASES = [
    ([], b'abcdefghijklmnopqrs\n',
     b'0000000 061141 062143 063145 064147 065151 066153 067155 070157\n0000020 071161 005163\n0000024\n', b'', 0),
    ([], b'',
     b'0000000\n', b'', 0),
    (['-An', '-tx1'], b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !"#$%&\'',
     b' 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f\n 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f\n 20 21 22 23 24 25 26 27\n', b'', 0),
    (['-c'], b'a\x00\x07\x08\x0c\n\r\t\x0b\x7f\x80\xff z',
     b'0000000   a  \\0  \\a  \\b  \\f  \\n  \\r  \\t  \\v 177 200 377       z\n0000016\n', b'', 0),
    (['-a'], b'a\x00\x7f \x1f\xe1 z',
     b'0000000   a nul del  sp  us   a  sp   z\n0000010\n', b'', 0),
    (['-tx2', '-tx1'], b'abcde',
     b'0000000  6261  6463  0065\n        61 62 63 64 65\n0000005\n', b'', 0),
    (['-td1', '-td2', '-td4', '-td8'], b'\x80\xff\x7f\x01\x00\x80\xff\xff\x00\x00\x00\x00\x00\x00\x00\x80',
     b'0000000 -128   -1  127    1    0 -128   -1   -1    0    0    0    0    0    0    0 -128\n             -128       383    -32768        -1         0         0         0    -32768\n                   25165696              -32768                   0         -2147483648\n                               -140737463189632                    -9223372036854775808\n0000020\n', b'', 0),
    (['-tu1', '-tu2', '-tu4', '-tu8'], b'\x80\xff\x7f\x01\x00\x80\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff',
     b'0000000 128 255 127   1   0 128 255 255 255 255 255 255 255 255 255 255\n          65408     383   32768   65535   65535   65535   65535   65535\n               25165696      4294934528      4294967295      4294967295\n                   18446603336246361984            18446744073709551615\n0000020\n', b'', 0),
    (['-to1', '-to2', '-to4', '-to8'], b'\x80\xff\x7f\x01\x00\x80\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff',
     b'0000000 200 377 177 001 000 200 377 377 377 377 377 377 377 377 377 377\n         177600  000577  100000  177777  177777  177777  177777  177777\n            00137777600     37777700000     37777777777     37777777777\n                 1777774000000137777600          1777777777777777777777\n0000020\n', b'', 0),
    (['-tx1', '-tx2', '-tx4', '-tx8'], b'\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10',
     b'0000000 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10\n         0201  0403  0605  0807  0a09  0c0b  0e0d  100f\n           04030201    08070605    0c0b0a09    100f0e0d\n               0807060504030201        100f0e0d0c0b0a09\n0000020\n', b'', 0),
    (['-tdC', '-tuS', '-toI', '-txL'], b'\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10',
     b'0000000    1    2    3    4    5    6    7    8    9   10   11   12   13   14   15   16\n              513      1027      1541      2055      2569      3083      3597      4111\n                00400601001         01001603005         01402605011         02003607015\n                               0807060504030201                        100f0e0d0c0b0a09\n0000020\n', b'', 0),
    (['-tx1z'], b'hello\x01world',
     b'0000000 68 65 6c 6c 6f 01 77 6f 72 6c 64                 >hello.world<\n0000013\n', b'', 0),
    (['-tfF', '-tfD'], b'\x00\x00\x80?\x00\x00\x00\x00\x00\x00\xf0?\x00\x00\xc0\x7f\x00\x00\x80\x7f\xcd\xcc\xcc=\x9a\x99\x99\x99\x99\x99\xb9?',
     b'0000000               1               0           1.875             nan\n                       5.263544247e-315          2.247116953809001e+307\n0000020             inf             0.1  -1.5881868e-23       1.4499999\n                  5.238691419681349e-11                             0.1\n0000040\n', b'', 0),
    (['-tf4', '-tf8'], b'\x01\x00\x00\x00\x00\x00\x00\x80\x00\x00\x00\x00\x00\x00\x00\x00',
     b'0000000           1e-45              -0               0               0\n                                -5e-324                               0\n0000020\n', b'', 0),
    (['-tfL'], b'\x00\x00\x00\x00\x00\x00\x00\x80\xff?\x00\x00\x00\x00\x00\x00',
     b'0000000                             1\n0000020\n', b'', 0),
    (['-tf16'], b'\x00\x00\x00\x00\x00\x00\x00\x80\xff?\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\xff\xbf\x00\x00\x00\x00\x00\x00',
     b'0000000                             1\n0000020                            -1\n0000040\n', b'', 0),
    (['-tfH', '--endian=big'], b'<\x00\xc0\x00|\x00\xfc\x00~\x00\x03\xff\x04\x00',
     b'0000000               1              -2             inf            -inf             nan    6.097555e-05   6.1035156e-05\n0000016\n', b'', 0),
    (['-tf2'], b'\x00<\x01\x00',
     b'0000000               1   5.9604645e-08\n0000004\n', b'', 0),
    (['-f'], b'\x00\x00\x80?',
     b'0000000               1\n0000004\n', b'', 0),
    (['-e'], b'\x00\x00\x00\x00\x00\x00\xf0?',
     b'0000000                        1\n0000010\n', b'', 0),
    (['-F'], b'\x00\x00\x00\x00\x00\x00\xf0?',
     b'0000000                        1\n0000010\n', b'', 0),
    (['-Ax', '-w4', '-tx1'], b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\t',
     b'000000 00 01 02 03\n000004 04 05 06 07\n000008 08 09\n00000a\n', b'', 0),
    (['-Ao', '-tx1'], b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13',
     b'0000000 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f\n0000020 10 11 12 13\n0000024\n', b'', 0),
    (['-Ad', '-j3', '-N5', '-c'], b'0123456789',
     b'0000003   3   4   5   6   7\n0000008\n', b'', 0),
    (['-An', '-w3', '-tx2'], b'abcdef',
     b' 6261\n 6463\n 6665\n', b'od: warning: invalid width 3; using 2 instead\n', 0),
    (['-w7', '-tx2'], b'abcdef',
     b'0000000 6261\n0000002 6463\n0000004 6665\n0000006\n', b'od: warning: invalid width 7; using 2 instead\n', 0),
    (['-w', '-tx1'], b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !"#$%&\'',
     b'0000000 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f\n0000040 20 21 22 23 24 25 26 27\n0000050\n', b'', 0),
    (['--width=8', '-tx1'], b'\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13',
     b'0000000 00 01 02 03 04 05 06 07\n0000010 08 09 0a 0b 0c 0d 0e 0f\n0000020 10 11 12 13\n0000024\n', b'', 0),
    (['-v', '-tx1'], b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00',
     b'0000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n0000020 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n0000040 00 00 00 00 00 00 00 00\n0000050\n', b'', 0),
    (['-tx1'], b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00',
     b'0000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n*\n0000040 00 00 00 00 00 00 00 00\n0000050\n', b'', 0),
    (['--output-duplicates', '-tx1'], b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00',
     b'0000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n0000020 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n0000040 00\n0000041\n', b'', 0),
    (['-tx1'], b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00a',
     b'0000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n*\n0000100 61\n0000101\n', b'', 0),
    (['-tx1'], b'\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00aaaaaaaaaaaaaaaa\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00',
     b'0000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n*\n0000040 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61\n0000060 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n0000100\n', b'', 0),
    (['-S3'], b'ab\x00abc\x00\x01abcd\x00xyzw',
     b'0000003 abc\n0000010 abcd\n', b'', 0),
    (['-An', '-S', '4'], b'ab\x00abc\x00\x01abcd\x00xyzw',
     b'abcd\n', b'', 0),
    (['--strings'], b'x\x00abc\x00',
     b'0000002 abc\n', b'', 0),
    (['--strings=2', '-Ax'], b'x\x00ab\x00yyyyyyyyyyyyyyyyyyyy\x00',
     b'000002 ab\n000005 yyyyyyyyyyyyyyyyyyyy\n', b'', 0),
    (['-N10', '-S1'], b'                                                                                                    ',
     b'0000000           \n', b'', 0),
    (['-S10'], b'          ',
     b'', b'', 0),
    (['-S1', '-tx1'], b'',
     b'', b'od: no type may be specified when dumping strings\n', 1),
    (['--traditional', '-c', '-', '1', '10'], b'abcdef',
     b'0000001 (0000010)   b   c   d   e   f\n0000006 (0000015)\n', b'', 0),
    (['--traditional', '-An', '-c', '-', '1', '10'], b'abcdef',
     b'(0000001)   b   c   d   e   f\n(0000006)\n', b'', 0),
    (['--traditional', '-c', '1', '10'], b'abcdef',
     b'0000001 (0000010)   b   c   d   e   f\n0000006 (0000015)\n', b'', 0),
    (['--traditional', '-Ax', '-c', '-', '1', '0x10'], b'abcdef',
     b'000001 (000010)   b   c   d   e   f\n000006 (000015)\n', b'', 0),
    (['--traditional', '-S2', '-', '0', '100'], b'ab\x00cd\x00',
     b'0000000 (0000100) ab\n0000003 (0000103) cd\n', b'', 0),
    (['-c', '-', '+1.'], b'abcdef',
     b'0000001   b   c   d   e   f\n0000006\n', b'', 0),
    (['-c', '-', '10.b'], b'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
     b'0012000   a   a   a   a   a   a   a   a   a   a   a   a   a   a   a   a\n*\n0012120\n', b'', 0),
    (['-c', '+0x2'], b'abcdef',
     b'0000002   c   d   e   f\n0000006\n', b'', 0),
    (['-c', '+2'], b'abcdefghijk',
     b'0000002   c   d   e   f   g   h   i   j   k\n0000013\n', b'', 0),
    (['-c', '-', '10'], b'abcdefghijk',
     b'0000010   i   j   k\n0000013\n', b'', 0),
    (['-tc', '-', '10'], b'abcdefghijk',
     b'0000000   a   b   c   d   e   f   g   h   i   j   k\n0000013\n', b'od: 10: No such file or directory\n', 1),
    (['--traditional', '-c', '-', '1', '2', '3'], b'',
     b'', b"od: extra operand '1'\nod: compatibility mode supports at most one file\nTry 'od --help' for more information.\n", 1),
    (['--endian=big', '-tx4', '-tx2'], b'abcdefgh',
     b'0000000  61626364  65666768\n        6162 6364 6566 6768\n0000010\n', b'', 0),
    (['--endian=little', '-tx4'], b'abcdefgh',
     b'0000000 64636261 68676665\n0000010\n', b'', 0),
    (['--endian=middle', '-tx4'], b'',
     b'', b"od: invalid argument 'middle' for '--endian'\nValid arguments are:\n  - 'little'\n  - 'big'\nTry 'od --help' for more information.\n", 1),
    (['-s', '-i', '-l'], b'\xfa\xfb\xfc\xfd\xfe\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00',
     b'0000000  -1030   -516     -2      0      0      0      0      0\n            -33752070         65534             0             0\n                    281470647991290                           0\n0000020\n', b'', 0),
    (['-b', '-d', '-o', '-x'], b'\x01\x02\x03\x04',
     b'0000000 001 002 003 004\n            513    1027\n         001001  002003\n           0201    0403\n0000004\n', b'', 0),
    (['-D', '-O', '-X', '-H'], b'\x01\x02\x03\x04',
     b'0000000    67305985\n        00400601001\n           04030201\n           04030201\n0000004\n', b'', 0),
    (['-B', '-h', '-I', '-L'], b'\x01\x02\x03\x04\x05\x06\x07\x08',
     b'0000000 001001 002003 003005 004007\n          0201   0403   0605   0807\n                 578437695752307201\n                 578437695752307201\n0000010\n', b'', 0),
    (['-tdz', '-tfDz'], b'\x01\x02\x03\x04\x05\x06\x07\x08',
     b'0000000     67305985   134678021                           >........<\n          5.447603722011605e-270                           >........<\n0000010\n', b'', 0),
    (['-tq'], b'',
     b'', b"od: invalid character 'q' in type string 'q'\n", 1),
    (['-tx3'], b'',
     b'', b"od: invalid type string 'x3';\nthis system doesn't provide a 3-byte integral type\n", 1),
    (['-tf3'], b'',
     b'', b"od: invalid type string 'f3';\nthis system doesn't provide a 3-byte floating point type\n", 1),
    (['-tfB'], b'',
     b'', b"od: this system doesn't provide a 'fB' floating point type\n", 1),
    (['-td99999999999'], b'',
     b'', b"od: invalid type string 'd99999999999'\n", 1),
    (['-tx1y'], b'',
     b'', b"od: invalid character 'y' in type string 'x1y'\n", 1),
    (['-tq', '-tf5'], b'',
     b'', b"od: invalid character 'q' in type string 'q'\nod: invalid type string 'f5';\nthis system doesn't provide a 5-byte floating point type\n", 1),
    (['-Aq'], b'',
     b'', b"od: invalid output address radix 'q'; it must be one character from [doxn]\n", 1),
    (['-j', '-1'], b'',
     b'', b"od: invalid -j argument '-1'\n", 1),
    (['-j', '1x'], b'',
     b'', b"od: invalid suffix in -j argument '1x'\n", 1),
    (['--skip-bytes=99999999999999999999'], b'',
     b'', b"od: --skip-bytes argument '99999999999999999999' too large\n", 1),
    (['-N', 'q'], b'',
     b'', b"od: invalid -N argument 'q'\n", 1),
    (['-w0'], b'',
     b'', b"od: invalid -w argument '0'\n", 1),
    (['-w-1'], b'',
     b'', b"od: invalid -w argument '-1'\n", 1),
    (['-ww'], b'',
     b'', b"od: invalid -w argument 'w'\n", 1),
    (['--width=5k'], b'',
     b'', b"od: invalid suffix in --width argument '5k'\n", 1),
    (['-S', '-1'], b'',
     b'', b"od: invalid -S argument '-1'\n", 1),
    (['-j', '10', '-c'], b'abc',
     b'', b'od: cannot skip past end of combined input\n', 1),
    (['-j', '3', '-c'], b'abc',
     b'0000003\n', b'', 0),
    (['-jk', '-c'], b'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
     b'0002000   a\n0002001\n', b'', 0),
    (['-j1KiB', '-N2', '-c'], b'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
     b'0002000   a   a\n0002002\n', b'', 0),
    (['-j', '0x3', '-N', '010', '-c'], b'abcdefghijklmnop',
     b'0000003   d   e   f   g   h   i   j   k\n0000013\n', b'', 0),
    (['-S1', '-tx1'], b'',
     b'', b'od: no type may be specified when dumping strings\n', 1),
    (['-j', '9223372036854775807', '-N', '1'], b'',
     b'', b'od: skip-bytes + read-bytes is too large\n', 1),
    (['-c', 'a', 'b'], b'',
     b'0000000   a   b\n0000002\n', b'', 0),
    (['-c', '-j1', 'a', 'b'], b'',
     b'0000001   b\n0000002\n', b'', 0),
    (['-c', 'a', 'nonexistent', 'b'], b'',
     b'0000000   a   b\n0000002\n', b'od: nonexistent: No such file or directory\n', 1),
    (['-c', 'nonexistent'], b'',
     b'', b'od: nonexistent: No such file or directory\n', 1),
    (['-c', 'dir'], b'',
     b'0000000\n', b'od: dir: Is a directory\n', 1),
    (['-c', 'a', 'dir', '-'], b'x',
     b'0000000   a   x\n0000002\n', b'od: dir: Is a directory\n', 1),
    (['-c', '-j5', 'a', 'b'], b'',
     b'', b'od: cannot skip past end of combined input\n', 1),
    (['-c', '-j2', '-', 'a', '-'], b'xyz',
     b'0000002   z   a\n0000004\n', b'', 0),
    (['++0'], b'',
     b'', b'od: ++0: No such file or directory\n', 1),
    (['+-0'], b'',
     b'', b'od: +-0: No such file or directory\n', 1),
    (['+ 0'], b'',
     b'', b"od: '+ 0': No such file or directory\n", 1),
    (['--', '-0'], b'',
     b'', b'od: -0: No such file or directory\n', 1),
    (['-', '777777777777777777777777'], b'',
     b'', b'od: 777777777777777777777777: Numerical result out of range\n', 1),
    (['--traditional', 'a', 'b'], b'',
     b'', b"od: extra operand 'b'\nod: compatibility mode supports at most one file\nTry 'od --help' for more information.\n", 1),
    (['-Z'], b'',
     b'', b"od: invalid option -- 'Z'\nTry 'od --help' for more information.\n", 1),
    (['--s'], b'',
     b'', b"od: option '--s' is ambiguous; possibilities: '--skip-bytes' '--strings'\nTry 'od --help' for more information.\n", 1),
]


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a").write_bytes(b"a")
    (tmp_path / "b").write_bytes(b"b")
    (tmp_path / "dir").mkdir()
    return tmp_path


@pytest.mark.parametrize("args,inp,out,err,status", CASES,
                         ids=[" ".join(c[0]) or "default" for c in CASES])
def test_cases(files, args, inp, out, err, status):
    check(run("od", *args, input=inp, cwd=files), out=out, err=err, status=status)


def hex_lines(data, width=16):
    return b"".join(b"".join(b" %02x" % c for c in data[i:i + width]) + b"\n"
                    for i in range(0, len(data), width))


def test_big_input_hex(tmp_path):
    # Many input blocks: every byte value, no two lines alike.
    data = bytes((i * 7 + i // 256) % 256 for i in range(300000))
    f = tmp_path / "data"
    f.write_bytes(data)
    check(run("od", "-An", "-tx1", str(f)), out=hex_lines(data))
    check(run("od", "-An", "-tx1", "-w7", "-v", input=data), out=hex_lines(data, 7))


def test_big_input_offsets(tmp_path):
    data = bytes(range(256)) * 1000
    r = run("od", "-Ad", "-tu1", "-w256", input=data)
    lines = r.out.split(b"\n")
    assert lines[0].startswith(b"0000000   0   1   2")
    assert lines[1] == b"*"
    assert lines[2] == b"0256000"
    assert r.status == 0


def test_lines_across_files(tmp_path):
    (tmp_path / "x").write_bytes(b"0123456789")
    (tmp_path / "y").write_bytes(b"abcdefghij")
    check(run("od", "-An", "-c", "x", "y", cwd=tmp_path),
          out=b"   0   1   2   3   4   5   6   7   8   9   a   b   c   d   e   f\n"
              b"   g   h   i   j\n")


def test_read_bytes_leaves_rest_of_stdin(tmp_path):
    f = tmp_path / "in"
    f.write_bytes(b"abcdefg\n")
    with open(f, "rb") as stdin:
        proc = subprocess.run(["sh", "-c", '"$@" -An -N3 -c; "$@" -An -N3 -c', "sh", *COREBOX, "od"],
                              stdin=stdin, capture_output=True)
    assert proc.stdout == b"   a   b   c\n   d   e   f\n"


def test_skip_seeks_regular_file(tmp_path):
    f = tmp_path / "big"
    f.write_bytes(b"x" * 100000 + b"END")
    check(run("od", "-An", "-c", "-j", "100000", str(f)), out=b"   E   N   D\n")
    check(run("od", "-An", "-c", "-j", "100003", str(f), str(f), "-N", "2"), out=b"   x   x\n")


def test_skip_past_end(tmp_path):
    f = tmp_path / "big"
    f.write_bytes(b"x" * 100000)
    check(run("od", "-j", "100001", str(f)), err=b"od: cannot skip past end of combined input\n", status=1)


def test_help_and_version():
    r = run("od", "--help")
    assert r.status == 0 and r.out.startswith(b"Usage: od [OPTION]... [FILE]...\n")
    assert b"--traditional" in r.out and b"--endian" in r.out
    r = run("od", "--version")
    assert r.status == 0 and r.out.startswith(b"od (corebox) ")


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("od", "-v", input=bytes(1000), stdout=full)
    check(r, err=b"od: write error: No space left on device\n", status=1)


def test_closed_stdout():
    status, err = run_closed_stdout("od", "/dev/null")
    assert status == 1
    assert err == b"od: write error: Bad file descriptor\n"
