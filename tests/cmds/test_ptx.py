"""ptx: GNU coreutils 9.10 behaviour."""
import os

import pytest

from conftest import check, needs_dev_full, run, run_closed_stdout

TRY = "Try 'ptx --help' for more information.\n"

# A paragraph of ordinary text, and a short one with what roff and TeX
# treat specially.
P = b'The quick brown fox jumps over the lazy dog.  It was a bright cold day in April,\nand the clocks were striking thirteen!  "Is it?" she asked {quietly}.\n$5 & 50% off #hash_tags\\back.\n\tTabbed\tline.\n'
T = b'Cold day in April, and the clocks.  "Is it?" {x}\n$5 & 50% #a_b\\c.\n'

WORD_FILES = {"ign": b"the\na\nand\nit\n", "only": b"quick\nfox\nApril\nclocks\n", "brk": b" .,\n"}


def make_files(d, text):
    (d / "text").write_bytes(text)
    for name, data in WORD_FILES.items():
        (d / name).write_bytes(data)


def argid(v):
    return " ".join(v) if isinstance(v, tuple) else "_"


CASES = [
    (P, ('text',),
     b'         It was a bright cold day in   April, and the clocks were/\n                                   "   Is it?" she asked {quietly}.\n   and the clocks were/                It was a bright cold day in April,\n                                       Tabbed line.\n   lazy dog.                           The quick brown fox jumps over the\n   the clocks were/           It was   a bright cold day in April, and\n     was a bright cold day in April,   and the clocks were striking/     It\n                        "Is it?" she   asked {quietly}.\n            $5 & 50% off #hash_tags\\   back.\n   clocks were/             It was a   bright cold day in April, and the\n                           The quick   brown fox jumps over the lazy dog.\n         /cold day in April, and the   clocks were striking thirteen!\n   were/             It was a bright   cold day in April, and the clocks\n                It was a bright cold   day in April, and the clocks were/\n       brown fox jumps over the lazy   dog.                       The quick\n                     The quick brown   fox jumps over the lazy dog.\n                      $5 & 50% off #   hash_tags\\back.\n            It was a bright cold day   in April, and the clocks were/\n                                 "Is   it?" she asked {quietly}.\n                 The quick brown fox   jumps over the lazy dog.\n      quick brown fox jumps over the   lazy dog.                        The\n                              Tabbed   line.\n                            $5 & 50%   off #hash_tags\\back.\n           The quick brown fox jumps   over the lazy dog.\n   lazy dog.                     The   quick brown fox jumps over the\n                "Is it?" she asked {   quietly}.\n                            "Is it?"   she asked {quietly}.\n       in April, and the clocks were   striking thirteen!         /cold day\n                 $5 & 50% off #hash_   tags\\back.\n      The quick brown fox jumps over   the lazy dog.\n    /a bright cold day in April, and   the clocks were striking thirteen!\n      , and the clocks were striking   thirteen!              /day in April\n   and the clocks were/           It   was a bright cold day in April,\n        day in April, and the clocks   were striking thirteen!        /cold\n'),
    (P, ('-A', 'text'),
     b'text:1:     /was a bright cold day in   April, and the clocks were/\ntext:2:                             "   Is it?" she asked {quietly}.\ntext:1:  April, and the clocks/         It was a bright cold day in\ntext:4:                                 Tabbed line.\ntext:1:  over the lazy dog.             The quick brown fox jumps\ntext:1:  and the clocks/       It was   a bright cold day in April,\ntext:2:    /bright cold day in April,   and the clocks were striking/\ntext:2:                  "Is it?" she   asked {quietly}.\ntext:3:      $5 & 50% off #hash_tags\\   back.\ntext:1:  the clocks/         It was a   bright cold day in April, and\ntext:1:  dog.               The quick   brown fox jumps over the lazy\ntext:2:   /cold day in April, and the   clocks were striking thirteen/\ntext:1:  clocks/      It was a bright   cold day in April, and the\ntext:1:          It was a bright cold   day in April, and the clocks/\ntext:1:       fox jumps over the lazy   dog.               /quick brown\ntext:1:               The quick brown   fox jumps over the lazy dog.\ntext:3:                $5 & 50% off #   hash_tags\\back.\ntext:1:      It was a bright cold day   in April, and the clocks were/\ntext:2:                           "Is   it?" she asked {quietly}.\ntext:1:           The quick brown fox   jumps over the lazy dog.\ntext:1:      brown fox jumps over the   lazy dog.             The quick\ntext:4:                        Tabbed   line.\ntext:3:                      $5 & 50%   off #hash_tags\\back.\ntext:1:     The quick brown fox jumps   over the lazy dog.\ntext:1:  the lazy dog.            The   quick brown fox jumps over\ntext:2:          "Is it?" she asked {   quietly}.\ntext:2:                      "Is it?"   she asked {quietly}.\ntext:2:    April, and the clocks were   striking thirteen!      /day in\ntext:3:           $5 & 50% off #hash_   tags\\back.\ntext:1:    quick brown fox jumps over   the lazy dog.               The\ntext:2:       /cold day in April, and   the clocks were striking/\ntext:2:      the clocks were striking   thirteen!           /April, and\ntext:1:  April, and the/           It   was a bright cold day in\ntext:2:      in April, and the clocks   were striking thirteen!    /day\n'),
    (P, ('-r', '-R', 'text'),
     b'   .  It was a bright cold day in   April,                 /the lazy dog   The\n      /were striking thirteen!  "   Is it?" she asked {quietly}.           and\n    /fox jumps over the lazy dog.   It was a bright cold day in April,     The\n                                    Tabbed line.                           \n      /over the lazy dog.  It was   a bright cold day in April,            The\n          thirteen!  "Is it?" she   asked {quietly}.      /were striking   and\n            & 50% off #hash_tags\\   back.                                  $5\n     over the lazy dog.  It was a   bright cold day in April,     /jumps   The\nIt was a bright cold/       quick   brown fox jumps over the lazy dog.     The\nIs it?" she asked {/          the   clocks were striking thirteen!  "      and\n   the lazy dog.  It was a bright   cold day in April,       /jumps over   The\n  lazy dog.  It was a bright cold   day in April,              /over the   The\n   /brown fox jumps over the lazy   dog.  It was a bright cold day in/     The\nwas a bright/         quick brown   fox jumps over the lazy dog.  It       The\n                      & 50% off #   hash_tags\\back.                        $5\n   dog.  It was a bright cold day   in April,                  /the lazy   The\n     were striking thirteen!  "Is   it?" she asked {quietly}.    /clocks   and\nbright cold/      quick brown fox   jumps over the lazy dog.  It was a     The\n   quick brown fox jumps over the   lazy dog.  It was a bright cold/       The\n                           Tabbed   line.                                  \n                            & 50%   off #hash_tags\\back.                   $5\nbright/     quick brown fox jumps   over the lazy dog.  It was a           The\nlazy dog.  It was a bright/         quick brown fox jumps over the         The\n  thirteen!  "Is it?" she asked {   quietly}.                  /striking   and\n     striking thirteen!  "Is it?"   she asked {quietly}.    /clocks were   and\nasked {/          the clocks were   striking thirteen!  "Is it?" she       and\n                 & 50% off #hash_   tags\\back.                             $5\n       quick brown fox jumps over   the lazy dog.  It was a bright/        The\n"Is it?" she asked {quietly/        the clocks were striking thirteen!     and\n         the clocks were striking   thirteen!  "Is it?" she asked {/       and\n    /jumps over the lazy dog.  It   was a bright cold day in April,        The\nshe asked {/           the clocks   were striking thirteen!  "Is it?"      and\n'),
    (P, ('-G', 'text'),
     b'.xx "" "/clocks were striking thirteen!" """Is it?"" she asked {quietly}." ""\n.xx "" "$5 & 50% off" "#hash_tags\\back." ""\n.xx "" "" "$5 & 50% off #hash_tags\\back." ""\n.xx "" "$5" "& 50% off #hash_tags\\back." ""\n.xx "" "$5 &" "50% off #hash_tags\\back." ""\n.xx "" "dog.  It was a bright cold day in" "April," "/over the lazy"\n.xx "" "/fox jumps over the lazy dog." "It was a bright cold day in/" ""\n.xx "" "" "Tabbed line." ""\n.xx "the lazy dog.  It was a/" "" "The quick brown fox jumps over" ""\n.xx "" "jumps over the lazy dog.  It was" "a bright cold day in April," "/fox"\n.xx "thirteen!  ""Is it?"" she asked/" "" "and the clocks were striking" ""\n.xx "" "striking thirteen!  ""Is it?"" she" "asked {quietly}." "/clocks were"\n.xx "" "over the lazy dog.  It was a" "bright cold day in April," "/jumps"\n.xx "dog.  It was a/" "The quick" "brown fox jumps over the lazy" ""\n.xx """Is it?"" she asked/" "and the" "clocks were striking thirteen!" ""\n.xx "" "the lazy dog.  It was a bright" "cold day in April," "/jumps over"\n.xx "" "lazy dog.  It was a bright cold" "day in April," "/jumps over the"\n.xx "" "/brown fox jumps over the lazy" "dog.  It was a bright cold day in/" ""\n.xx "was a bright/" "The quick brown" "fox jumps over the lazy dog.  It" ""\n.xx "" "dog.  It was a bright cold day" "in April," "/jumps over the lazy"\n.xx "" "/were striking thirteen!  ""Is" "it?"" she asked {quietly}." ""\n.xx "a bright/" "The quick brown fox" "jumps over the lazy dog.  It was" ""\n.xx "" "/quick brown fox jumps over the" "lazy dog.  It was a bright cold/" ""\n.xx "" "Tabbed" "line." ""\n.xx "" "$5 & 50%" "off #hash_tags\\back." ""\n.xx "" "The quick brown fox jumps" "over the lazy dog.  It was a/" ""\n.xx "lazy dog.  It was a bright/" "The" "quick brown fox jumps over the" ""\n.xx "" "were striking thirteen!  ""Is it?""" "she asked {quietly}." "/the clocks"\n.xx "asked/" "and the clocks were" "striking thirteen!  ""Is it?"" she" ""\n.xx "" "The quick brown fox jumps over" "the lazy dog.  It was a bright/" ""\n.xx "thirteen!  ""Is it?"" she/" "and" "the clocks were striking" ""\n.xx "" "and the clocks were striking" "thirteen!  ""Is it?"" she asked/" ""\n.xx "" "/fox jumps over the lazy dog.  It" "was a bright cold day in April," ""\n.xx "she asked/" "and the clocks" "were striking thirteen!  ""Is it?""" ""\n.xx "" "thirteen!  ""Is it?"" she asked" "{quietly}." "/clocks were striking"\n'),
    (P, ('-T', 'text'),
     b'\\xx {}{It was a bright cold day in}{April}{, and the clocks were}{}\n\\xx {}{"}{Is}{ it?" she asked $\\{$quietly$\\}$.}{}\n\\xx {and the clocks were}{}{It}{ was a bright cold day in April,}{}\n\\xx {}{}{Tabbed}{ line.}{}\n\\xx {lazy dog.}{}{The}{ quick brown fox jumps over the}{}\n\\xx {the clocks were}{It was}{a}{ bright cold day in April, and}{}\n\\xx {}{was a bright cold day in April,}{and}{ the clocks were striking}{It}\n\\xx {}{"Is it?" she}{asked}{ $\\{$quietly$\\}$.}{}\n\\xx {}{\\$5 \\& 50\\% off \\#hash\\_tags\\backslash{}}{back}{.}{}\n\\xx {clocks were}{It was a}{bright}{ cold day in April, and the}{}\n\\xx {}{The quick}{brown}{ fox jumps over the lazy dog.}{}\n\\xx {}{cold day in April, and the}{clocks}{ were striking thirteen!}{}\n\\xx {were}{It was a bright}{cold}{ day in April, and the clocks}{}\n\\xx {}{It was a bright cold}{day}{ in April, and the clocks were}{}\n\\xx {}{brown fox jumps over the lazy}{dog}{.}{The quick}\n\\xx {}{The quick brown}{fox}{ jumps over the lazy dog.}{}\n\\xx {}{\\$5 \\& 50\\% off \\#}{hash}{\\_tags\\backslash{}back.}{}\n\\xx {}{It was a bright cold day}{in}{ April, and the clocks were}{}\n\\xx {}{"Is}{it}{?" she asked $\\{$quietly$\\}$.}{}\n\\xx {}{The quick brown fox}{jumps}{ over the lazy dog.}{}\n\\xx {}{quick brown fox jumps over the}{lazy}{ dog.}{The}\n\\xx {}{Tabbed}{line}{.}{}\n\\xx {}{\\$5 \\& 50\\%}{off}{ \\#hash\\_tags\\backslash{}back.}{}\n\\xx {}{The quick brown fox jumps}{over}{ the lazy dog.}{}\n\\xx {lazy dog.}{The}{quick}{ brown fox jumps over the}{}\n\\xx {}{"Is it?" she asked $\\{$}{quietly}{$\\}$.}{}\n\\xx {}{"Is it?"}{she}{ asked $\\{$quietly$\\}$.}{}\n\\xx {}{in April, and the clocks were}{striking}{ thirteen!}{cold day}\n\\xx {}{\\$5 \\& 50\\% off \\#hash\\_}{tags}{\\backslash{}back.}{}\n\\xx {}{The quick brown fox jumps over}{the}{ lazy dog.}{}\n\\xx {}{a bright cold day in April, and}{the}{ clocks were striking thirteen!}{}\n\\xx {}{, and the clocks were striking}{thirteen}{!}{day in April}\n\\xx {and the clocks were}{It}{was}{ a bright cold day in April,}{}\n\\xx {}{day in April, and the clocks}{were}{ striking thirteen!}{cold}\n'),
    (P, ('-w', '100', 'text'),
     b'                       It was a bright cold day in   April, and the clocks were striking thirteen!\n                                                 "   Is it?" she asked {quietly}.\n   clocks were striking thirteen!                    It was a bright cold day in April, and the\n                                                     Tabbed line.\n                                                     The quick brown fox jumps over the lazy dog.\n   striking thirteen!                       It was   a bright cold day in April, and the clocks were\n                It was a bright cold day in April,   and the clocks were striking thirteen!\n                                      "Is it?" she   asked {quietly}.\n                          $5 & 50% off #hash_tags\\   back.\n   striking thirteen!                     It was a   bright cold day in April, and the clocks were\n                                         The quick   brown fox jumps over the lazy dog.\n        It was a bright cold day in April, and the   clocks were striking thirteen!\n   thirteen!                       It was a bright   cold day in April, and the clocks were striking\n   thirteen!                  It was a bright cold   day in April, and the clocks were striking\n           The quick brown fox jumps over the lazy   dog.\n                                   The quick brown   fox jumps over the lazy dog.\n                                    $5 & 50% off #   hash_tags\\back.\n                          It was a bright cold day   in April, and the clocks were striking thirteen!\n                                               "Is   it?" she asked {quietly}.\n                               The quick brown fox   jumps over the lazy dog.\n                The quick brown fox jumps over the   lazy dog.\n                                            Tabbed   line.\n                                          $5 & 50%   off #hash_tags\\back.\n                         The quick brown fox jumps   over the lazy dog.\n                                               The   quick brown fox jumps over the lazy dog.\n                              "Is it?" she asked {   quietly}.\n                                          "Is it?"   she asked {quietly}.\n     bright cold day in April, and the clocks were   striking thirteen!                        It was a\n                               $5 & 50% off #hash_   tags\\back.\n                    The quick brown fox jumps over   the lazy dog.\n            It was a bright cold day in April, and   the clocks were striking thirteen!\n        day in April, and the clocks were striking   thirteen!                           /a bright cold\n   were striking thirteen!                      It   was a bright cold day in April, and the clocks\n        a bright cold day in April, and the clocks   were striking thirteen!                     It was\n'),
    (P, ('-f', '-i', 'ign', 'text'),
     b'         It was a bright cold day in   April, and the clocks were/\n                        "Is it?" she   asked {quietly}.\n            $5 & 50% off #hash_tags\\   back.\n   clocks were/             It was a   bright cold day in April, and the\n                           The quick   brown fox jumps over the lazy dog.\n         /cold day in April, and the   clocks were striking thirteen!\n   were/             It was a bright   cold day in April, and the clocks\n                It was a bright cold   day in April, and the clocks were/\n       brown fox jumps over the lazy   dog.                       The quick\n                     The quick brown   fox jumps over the lazy dog.\n                      $5 & 50% off #   hash_tags\\back.\n            It was a bright cold day   in April, and the clocks were/\n                                   "   Is it?" she asked {quietly}.\n                 The quick brown fox   jumps over the lazy dog.\n      quick brown fox jumps over the   lazy dog.                        The\n                              Tabbed   line.\n                            $5 & 50%   off #hash_tags\\back.\n           The quick brown fox jumps   over the lazy dog.\n   lazy dog.                     The   quick brown fox jumps over the\n                "Is it?" she asked {   quietly}.\n                            "Is it?"   she asked {quietly}.\n       in April, and the clocks were   striking thirteen!         /cold day\n                                       Tabbed line.\n                 $5 & 50% off #hash_   tags\\back.\n      , and the clocks were striking   thirteen!              /day in April\n   and the clocks were/           It   was a bright cold day in April,\n        day in April, and the clocks   were striking thirteen!        /cold\n'),
    (T, ('-w', '50', 'text'),
     b'              Cold day in   April, and the clocks.\n   the clocks.              Cold day in April, and\n   _b\\c.                "   Is it?" {x} $5 & 50% #a\n      it?" {x} $5 & 50% #   a_b\\c.                "Is\n       Cold day in April,   and the clocks.\n      ?" {x} $5 & 50% #a_   b\\c.               "Is it\n     " {x} $5 & 50% #a_b\\   c.                "Is it?\n        in April, and the   clocks.          Cold day\n   clocks.           Cold   day in April, and the\n   clocks.       Cold day   in April, and the\n   c.                 "Is   it?" {x} $5 & 50% #a_b\\\n        day in April, and   the clocks.          Cold\n               "Is it?" {   x} $5 & 50% #a_b\\c.\n'),
    (T, ('-w', '30', '-g', '1', 'text'),
     b'    Cold day in April, and/\n April, and/    Cold day in\n 5 & 50% #/   " Is it?" {x} $\n   } $5 & 50% # a_b\\c.   /?" {x\n      in April, and the/   /day\n   $5 & 50% #a_ b\\c.    /?" {x}\n    & 50% #a_b\\ c.    /" {x} $5\n      , and the clocks.  /April\n and/      Cold day in April,\n       Cold day in April, and/\n 50% #a_/   "Is it?" {x} $5 &\n    /April, and the clocks.\n     "Is it?" { x} $5 & 50% #/\n'),
    (T, ('-A', '-R', '-w', '60', 'text'),
     b'                Cold day in   April, and the clocks.           text:1\nclocks.                       Cold day in April, and the       text:1\n                          "   Is it?" {x} $5 & 50% #a_b\\c.     text:1\n    "Is it?" {x} $5 & 50% #   a_b\\c.                           text:2\n         Cold day in April,   and the clocks.                  text:1\n  "Is it?" {x} $5 & 50% #a_   b\\c.                             text:2\n    it?" {x} $5 & 50% #a_b\\   c.                         "Is   text:2\n      day in April, and the   clocks.                   Cold   text:1\n.                      Cold   day in April, and the clocks     text:1\n                   Cold day   in April, and the clocks.        text:1\n                        "Is   it?" {x} $5 & 50% #a_b\\c.        text:1\n     Cold day in April, and   the clocks.                      text:1\n                 "Is it?" {   x} $5 & 50% #a_b\\c.              text:1\n'),
    (T, ('-r', 'text'),
     b'Cold   ?" {x}                 day in   April, and the clocks.  "Is it\nCold       April, and the clocks.  "   Is it?" {x}               day in\n$5                           & 50% #   a_b\\c.\nCold                   day in April,   and the clocks.  "Is it?" {x}\n$5                         & 50% #a_   b\\c.\n$5                       & 50% #a_b\\   c.\nCold           day in April, and the   clocks.  "Is it?" {x}\nCold   "Is it?" {x}                    day in April, and the clocks.\nCold   it?" {x}                  day   in April, and the clocks.  "Is\nCold     April, and the clocks.  "Is   it?" {x}                  day in\nCold               day in April, and   the clocks.  "Is it?" {x}\nCold     and the clocks.  "Is it?" {   x}                    /in April,\n'),
    (T, ('-O', 'text'),
     b'.xx "" "Cold day in" "April, and the clocks." ""\n.xx "" "" "Cold day in April, and the clocks." ""\n.xx "" """" "Is it?"" {x} $5 & 50% #a_b\\c." ""\n.xx "" """Is it?"" {x} $5 & 50% #" "a_b\\c." ""\n.xx "" "Cold day in April," "and the clocks." ""\n.xx "" """Is it?"" {x} $5 & 50% #a_" "b\\c." ""\n.xx "" """Is it?"" {x} $5 & 50% #a_b\\" "c." ""\n.xx "" "Cold day in April, and the" "clocks." ""\n.xx "" "Cold" "day in April, and the clocks." ""\n.xx "" "Cold day" "in April, and the clocks." ""\n.xx "" """Is" "it?"" {x} $5 & 50% #a_b\\c." ""\n.xx "" "Cold day in April, and" "the clocks." ""\n.xx "" """Is it?"" {" "x} $5 & 50% #a_b\\c." ""\n'),
    (T, ('--format=tex', '-A', 'text'),
     b'\\xx {}{Cold day in}{April}{, and the clocks.}{}{text:1}\n\\xx {clocks.}{}{Cold}{ day in April, and the}{}{text:1}\n\\xx {}{"}{Is}{ it?" $\\{$x$\\}$ \\$5 \\& 50\\% \\#a\\_b\\backslash{}c.}{}{text:1}\n\\xx {}{"Is it?" $\\{$x$\\}$ \\$5 \\& 50\\% \\#}{a}{\\_b\\backslash{}c.}{}{text:2}\n\\xx {}{Cold day in April,}{and}{ the clocks.}{}{text:1}\n\\xx {}{"Is it?" $\\{$x$\\}$ \\$5 \\& 50\\% \\#a\\_}{b}{\\backslash{}c.}{}{text:2}\n\\xx {}{Is it?" $\\{$x$\\}$ \\$5 \\& 50\\% \\#a\\_b\\backslash{}}{c}{.}{"}{text:2}\n\\xx {}{Cold day in April, and the}{clocks}{.}{}{text:1}\n\\xx {}{Cold}{day}{ in April, and the clocks.}{}{text:1}\n\\xx {}{Cold day}{in}{ April, and the clocks.}{}{text:1}\n\\xx {}{"Is}{it}{?" $\\{$x$\\}$ \\$5 \\& 50\\% \\#a\\_b\\backslash{}c.}{}{text:1}\n\\xx {}{Cold day in April, and}{the}{ clocks.}{}{text:1}\n\\xx {}{"Is it?" $\\{$}{x}{$\\}$ \\$5 \\& 50\\% \\#a\\_b\\backslash{}c.}{}{text:1}\n'),
    (T, ('--format=roff', '-r', 'text'),
     b'.xx "?"" {x}" "day in" "April, and the clocks.  ""Is it" "" "Cold"\n.xx "" "April, and the clocks.  """ "Is it?"" {x}" "day in" "Cold"\n.xx "" "& 50% #" "a_b\\c." "" "$5"\n.xx "" "day in April," "and the clocks.  ""Is it?"" {x}" "" "Cold"\n.xx "" "& 50% #a_" "b\\c." "" "$5"\n.xx "" "& 50% #a_b\\" "c." "" "$5"\n.xx "" "day in April, and the" "clocks.  ""Is it?"" {x}" "" "Cold"\n.xx """Is it?"" {x}" "" "day in April, and the clocks." "" "Cold"\n.xx "it?"" {x}" "day" "in April, and the clocks.  ""Is" "" "Cold"\n.xx "" "April, and the clocks.  ""Is" "it?"" {x}" "day in" "Cold"\n.xx "" "day in April, and" "the clocks.  ""Is it?"" {x}" "" "Cold"\n.xx "" "and the clocks.  ""Is it?"" {" "x}" "/in April," "Cold"\n'),
    (T, ('-i', 'ign', 'text'),
     b'                         Cold day in   April, and the clocks.\n                                       Cold day in April, and the clocks.\n                                   "   Is it?" {x} $5 & 50% #a_b\\c.\n           "Is it?" {x} $5 & 50% #a_   b\\c.\n         "Is it?" {x} $5 & 50% #a_b\\   c.\n          Cold day in April, and the   clocks.\n                                Cold   day in April, and the clocks.\n                            Cold day   in April, and the clocks.\n                          "Is it?" {   x} $5 & 50% #a_b\\c.\n'),
    (T, ('-o', 'only', 'text'),
     b'                         Cold day in   April, and the clocks.\n          Cold day in April, and the   clocks.\n'),
    (T, ('-f', '-o', 'only', 'text'),
     b'                         Cold day in   April, and the clocks.\n          Cold day in April, and the   clocks.\n'),
    (T, ('-b', 'brk', 'text'),
     b'                                       "Is it?" {x} $5 & 50% #a_b\\c.\n               "Is it?" {x} $5 & 50%   #a_b\\c.\n                        "Is it?" {x}   $5 & 50% #a_b\\c.\n                     "Is it?" {x} $5   & 50% #a_b\\c.\n                   "Is it?" {x} $5 &   50% #a_b\\c.\n                         Cold day in   April, and the clocks.\n                                       Cold day in April, and the clocks.\n                  Cold day in April,   and the clocks.\n          Cold day in April, and the   clocks.\n                                Cold   day in April, and the clocks.\n                            Cold day   in April, and the clocks.\n                                 "Is   it?" {x} $5 & 50% #a_b\\c.\n              Cold day in April, and   the clocks.\n                            "Is it?"   {x} $5 & 50% #a_b\\c.\n'),
    (T, ('-G', '-b', 'brk', 'text'),
     b'.xx "" "day in April, and the clocks." """Is it?"" {x}" "Cold"\n.xx "" "$5 & 50%" "#a_b\\c." ""\n.xx "" "" "$5 & 50% #a_b\\c." ""\n.xx "" "$5" "& 50% #a_b\\c." ""\n.xx "" "$5 &" "50% #a_b\\c." ""\n.xx "{x}" "Cold day in" "April, and the clocks.  ""Is it?""" ""\n.xx ".  ""Is it?"" {x}" "" "Cold day in April, and the clocks" ""\n.xx "" "Cold day in April," "and the clocks.  ""Is it?"" {x}" ""\n.xx "" "Cold day in April, and the" "clocks.  ""Is it?"" {x}" ""\n.xx """Is it?"" {x}" "Cold" "day in April, and the clocks." ""\n.xx "it?"" {x}" "Cold day" "in April, and the clocks.  ""Is" ""\n.xx "" "in April, and the clocks.  ""Is" "it?"" {x}" "Cold day"\n.xx "" "Cold day in April, and" "the clocks.  ""Is it?"" {x}" ""\n.xx "" "April, and the clocks.  ""Is it?""" "{x}" "/day in"\n'),
    (T, ('-W', '[A-Za-z]+', 'text'),
     b'                         Cold day in   April, and the clocks.\n                                       Cold day in April, and the clocks.\n                                   "   Is it?" {x} $5 & 50% #a_b\\c.\n             "Is it?" {x} $5 & 50% #   a_b\\c.\n                  Cold day in April,   and the clocks.\n           "Is it?" {x} $5 & 50% #a_   b\\c.\n         "Is it?" {x} $5 & 50% #a_b\\   c.\n          Cold day in April, and the   clocks.\n                                Cold   day in April, and the clocks.\n                            Cold day   in April, and the clocks.\n                                 "Is   it?" {x} $5 & 50% #a_b\\c.\n              Cold day in April, and   the clocks.\n                          "Is it?" {   x} $5 & 50% #a_b\\c.\n'),
    (T, ('-W', '[a-z]\\+', 'text'),
     b''),
    (T, ('-S', '\\.', 'text'),
     b'                         Cold day in   April, and the clocks.\n                                       Cold day in April, and the clocks.\n                                   "   Is it?" {x} $5 & 50% #a_b\\c.\n             "Is it?" {x} $5 & 50% #   a_b\\c.\n                  Cold day in April,   and the clocks.\n           "Is it?" {x} $5 & 50% #a_   b\\c.\n         "Is it?" {x} $5 & 50% #a_b\\   c.\n          Cold day in April, and the   clocks.\n                                Cold   day in April, and the clocks.\n                            Cold day   in April, and the clocks.\n                                 "Is   it?" {x} $5 & 50% #a_b\\c.\n              Cold day in April, and   the clocks.\n                          "Is it?" {   x} $5 & 50% #a_b\\c.\n'),
    (T, ('-S', '', 'text'),
     b'   x} $5 & 50% #a_b/     Cold day in   April, and the clocks.  "Is it?" {\n   "Is it?" {x} $5 & 50% #a_b\\/        Cold day in April, and the clocks.\n        in April, and the clocks.  "   Is it?" {x} $5 & 50% #a_b\\c.    /day\n          .  "Is it?" {x} $5 & 50% #   a_b\\c.               /and the clocks\n   50% #a_b\\/     Cold day in April,   and the clocks.  "Is it?" {x} $5 &\n        .  "Is it?" {x} $5 & 50% #a_   b\\c.                     /the clocks\n      .  "Is it?" {x} $5 & 50% #a_b\\   c.                       /the clocks\n   b/     Cold day in April, and the   clocks.  "Is it?" {x} $5 & 50% #a_\n   it?" {x} $5 & 50% #a_b\\/     Cold   day in April, and the clocks.  "Is\n   " {x} $5 & 50% #a_b/     Cold day   in April, and the clocks.  "Is it?\n      in April, and the clocks.  "Is   it?" {x} $5 & 50% #a_b\\c.       /day\n   #a_b\\/     Cold day in April, and   the clocks.  "Is it?" {x} $5 & 50%\n       , and the clocks.  "Is it?" {   x} $5 & 50% #a_b\\c.    /day in April\n'),
    (T, ('-F', '...', 'text'),
     b'                         Cold day in   April, and the clocks.\n   clocks.                             Cold day in April, and the\n                                   "   Is it?" {x} $5 & 50% #a_b\\c.\n             "Is it?" {x} $5 & 50% #   a_b\\c.\n                  Cold day in April,   and the clocks.\n           "Is it?" {x} $5 & 50% #a_   b\\c.\n         "Is it?" {x} $5 & 50% #a_b\\   c.\n          Cold day in April, and the   clocks.\n                                Cold   day in April, and the clocks.\n                            Cold day   in April, and the clocks.\n                                 "Is   it?" {x} $5 & 50% #a_b\\c.\n              Cold day in April, and   the clocks.\n                          "Is it?" {   x} $5 & 50% #a_b\\c.\n'),
    (T, ('-F', '', 'text'),
     b'                         Cold day in   April, and the clocks.\n                                       Cold day in April, and the clocks.\n                                   "   Is it?" {x} $5 & 50% #a_b\\c.\n             "Is it?" {x} $5 & 50% #   a_b\\c.\n                  Cold day in April,   and the clocks.\n           "Is it?" {x} $5 & 50% #a_   b\\c.\n         "Is it?" {x} $5 & 50% #a_b\\   c.\n          Cold day in April, and the   clocks.\n                                Cold   day in April, and the clocks.\n                            Cold day   in April, and the clocks.\n                                 "Is   it?" {x} $5 & 50% #a_b\\c.\n              Cold day in April, and   the clocks.\n                          "Is it?" {   x} $5 & 50% #a_b\\c.\n'),
    (T, ('-F', '\\x41\\t', '-w', '40', 'text'),
     b'         Cold day in   April, and theA\t\n   April,A\t            Cold day in\n   50% #a_bA\t      "   Is it?" {x} $5 &\n       x} $5 & 50% #   a_b\\c.      A\tit?" {\n     A\tday in April,   and the clocks.\n        $5 & 50% #a_   b\\c.      A\tit?" {x}\n       5 & 50% #a_b\\   c.      A\tit?" {x} $\n           , and the   clocks.      A\tApril\n   andA\t        Cold   day in April,\n            Cold day   in April, andA\t\n   % #a_bA\t      "Is   it?" {x} $5 & 50\n     A\tin April, and   the clocks.\n          "Is it?" {   x} $5 & 50% #a_bA\t\n'),
    (T, ('-M', 'idx', '-O', 'text'),
     b'.idx "" "Cold day in" "April, and the clocks." ""\n.idx "" "" "Cold day in April, and the clocks." ""\n.idx "" """" "Is it?"" {x} $5 & 50% #a_b\\c." ""\n.idx "" """Is it?"" {x} $5 & 50% #" "a_b\\c." ""\n.idx "" "Cold day in April," "and the clocks." ""\n.idx "" """Is it?"" {x} $5 & 50% #a_" "b\\c." ""\n.idx "" """Is it?"" {x} $5 & 50% #a_b\\" "c." ""\n.idx "" "Cold day in April, and the" "clocks." ""\n.idx "" "Cold" "day in April, and the clocks." ""\n.idx "" "Cold day" "in April, and the clocks." ""\n.idx "" """Is" "it?"" {x} $5 & 50% #a_b\\c." ""\n.idx "" "Cold day in April, and" "the clocks." ""\n.idx "" """Is it?"" {" "x} $5 & 50% #a_b\\c." ""\n'),
    (T, ('-g', '0x5', 'text'),
     b'                         Cold day in     April, and the clocks.\n                                         Cold day in April, and the clocks.\n                                   "     Is it?" {x} $5 & 50% #a_b\\c.\n             "Is it?" {x} $5 & 50% #     a_b\\c.\n                  Cold day in April,     and the clocks.\n           "Is it?" {x} $5 & 50% #a_     b\\c.\n         "Is it?" {x} $5 & 50% #a_b\\     c.\n          Cold day in April, and the     clocks.\n                                Cold     day in April, and the clocks.\n                            Cold day     in April, and the clocks.\n                                 "Is     it?" {x} $5 & 50% #a_b\\c.\n              Cold day in April, and     the clocks.\n                          "Is it?" {     x} $5 & 50% #a_b\\c.\n'),
    (T, ('-W', '\\w+', '-f', 'text'),
     b'                      "Is it?" {x} $   5 & 50% #a_b\\c.\n                   "Is it?" {x} $5 &   50% #a_b\\c.\n                  Cold day in April,   and the clocks.\n                         Cold day in   April, and the clocks.\n             "Is it?" {x} $5 & 50% #   a_b\\c.\n         "Is it?" {x} $5 & 50% #a_b\\   c.\n          Cold day in April, and the   clocks.\n                                       Cold day in April, and the clocks.\n                                Cold   day in April, and the clocks.\n                            Cold day   in April, and the clocks.\n                                   "   Is it?" {x} $5 & 50% #a_b\\c.\n                                 "Is   it?" {x} $5 & 50% #a_b\\c.\n              Cold day in April, and   the clocks.\n                          "Is it?" {   x} $5 & 50% #a_b\\c.\n'),
    (T, ('-A', '-O', 'text'),
     b'.xx "" "Cold day in" "April, and the clocks." "" "text:1"\n.xx "clocks." "" "Cold day in April, and the" "" "text:1"\n.xx "" """" "Is it?"" {x} $5 & 50% #a_b\\c." "" "text:1"\n.xx "" """Is it?"" {x} $5 & 50% #" "a_b\\c." "" "text:2"\n.xx "" "Cold day in April," "and the clocks." "" "text:1"\n.xx "" """Is it?"" {x} $5 & 50% #a_" "b\\c." "" "text:2"\n.xx "" "Is it?"" {x} $5 & 50% #a_b\\" "c." """" "text:2"\n.xx "" "Cold day in April, and the" "clocks." "" "text:1"\n.xx "" "Cold" "day in April, and the clocks." "" "text:1"\n.xx "" "Cold day" "in April, and the clocks." "" "text:1"\n.xx "" """Is" "it?"" {x} $5 & 50% #a_b\\c." "" "text:1"\n.xx "" "Cold day in April, and" "the clocks." "" "text:1"\n.xx "" """Is it?"" {" "x} $5 & 50% #a_b\\c." "" "text:1"\n'),
    (T, ('-A', '-T', '-R', 'text'),
     b'\\xx {}{Cold day in}{April}{, and the clocks.}{}{text:1}\n\\xx {}{}{Cold}{ day in April, and the clocks.}{}{text:1}\n\\xx {}{"}{Is}{ it?" $\\{$x$\\}$ \\$5 \\& 50\\% \\#a\\_b\\backslash{}c.}{}{text:1}\n\\xx {}{"Is it?" $\\{$x$\\}$ \\$5 \\& 50\\% \\#}{a}{\\_b\\backslash{}c.}{}{text:2}\n\\xx {}{Cold day in April,}{and}{ the clocks.}{}{text:1}\n\\xx {}{"Is it?" $\\{$x$\\}$ \\$5 \\& 50\\% \\#a\\_}{b}{\\backslash{}c.}{}{text:2}\n\\xx {}{"Is it?" $\\{$x$\\}$ \\$5 \\& 50\\% \\#a\\_b\\backslash{}}{c}{.}{}{text:2}\n\\xx {}{Cold day in April, and the}{clocks}{.}{}{text:1}\n\\xx {}{Cold}{day}{ in April, and the clocks.}{}{text:1}\n\\xx {}{Cold day}{in}{ April, and the clocks.}{}{text:1}\n\\xx {}{"Is}{it}{?" $\\{$x$\\}$ \\$5 \\& 50\\% \\#a\\_b\\backslash{}c.}{}{text:1}\n\\xx {}{Cold day in April, and}{the}{ clocks.}{}{text:1}\n\\xx {}{"Is it?" $\\{$}{x}{$\\}$ \\$5 \\& 50\\% \\#a\\_b\\backslash{}c.}{}{text:1}\n'),
    (T, ('-G', '-r', 'text'),
     b'.xx "" "day in April, and the clocks." """Is it?"" {x}" "" "Cold"\n.xx "" "& 50%" "#a_b\\c." "" "$5"\n.xx "" "" "& 50% #a_b\\c." "" "$5"\n.xx "" "&" "50% #a_b\\c." "" "$5"\n.xx "it?"" {x}" "day in" "April, and the clocks.  ""Is" "" "Cold"\n.xx "" "day in April," "and the clocks.  ""Is it?"" {x}" "" "Cold"\n.xx "" "day in April, and the" "clocks.  ""Is it?"" {x}" "" "Cold"\n.xx """Is it?"" {x}" "" "day in April, and the clocks." "" "Cold"\n.xx """Is it?"" {x}" "day" "in April, and the clocks." "" "Cold"\n.xx "" "April, and the clocks.  ""Is" "it?"" {x}" "day in" "Cold"\n.xx "" "day in April, and" "the clocks.  ""Is it?"" {x}" "" "Cold"\n.xx "" "and the clocks.  ""Is it?""" "{x}" "/in April," "Cold"\n'),
    (T, ('-G', '-o', 'only', '-w', '40', 'text'),
     b''),
    (T, ('text', 'text'),
     b'                         Cold day in   April, and the clocks.\n                         Cold day in   April, and the clocks.\n                                       Cold day in April, and the clocks.\n                                       Cold day in April, and the clocks.\n                                   "   Is it?" {x} $5 & 50% #a_b\\c.\n                                   "   Is it?" {x} $5 & 50% #a_b\\c.\n             "Is it?" {x} $5 & 50% #   a_b\\c.\n             "Is it?" {x} $5 & 50% #   a_b\\c.\n                  Cold day in April,   and the clocks.\n                  Cold day in April,   and the clocks.\n           "Is it?" {x} $5 & 50% #a_   b\\c.\n           "Is it?" {x} $5 & 50% #a_   b\\c.\n         "Is it?" {x} $5 & 50% #a_b\\   c.\n         "Is it?" {x} $5 & 50% #a_b\\   c.\n          Cold day in April, and the   clocks.\n          Cold day in April, and the   clocks.\n                                Cold   day in April, and the clocks.\n                                Cold   day in April, and the clocks.\n                            Cold day   in April, and the clocks.\n                            Cold day   in April, and the clocks.\n                                 "Is   it?" {x} $5 & 50% #a_b\\c.\n                                 "Is   it?" {x} $5 & 50% #a_b\\c.\n              Cold day in April, and   the clocks.\n              Cold day in April, and   the clocks.\n                          "Is it?" {   x} $5 & 50% #a_b\\c.\n                          "Is it?" {   x} $5 & 50% #a_b\\c.\n'),
]


@pytest.mark.parametrize("text,args,out", CASES, ids=argid)
def test_output(tmp_path, text, args, out):
    make_files(tmp_path, text)
    check(run("ptx", *args, cwd=tmp_path), out=out)


# GNU's own cases (tests/ptx/ptx.pl), with 9.10's -t (100 columns).
@pytest.mark.parametrize("args,inp,out", [
    (("-w10",), b"bar\n", b"        bar\n"),
    (("-w10",), b"foo bar\n", b"     /   bar\n        foo/\n"),
    (("-t", "-w10"), b"bar\n", b" " * 8 + b"bar\n"),
    ((), b"bar\n", b" " * 39 + b"bar\n"),
    (("-t",), b"bar\n", b" " * 53 + b"bar\n"),
    (("-w2",), b"qux\n", b"      qux\n"),
    (("-g1", "-w2"), b"ta\n", b"  ta\n"),
    (("--format=roff",), b"foo\n", b'.xx "" "" "foo" ""\n'),
    (("--format=tex",), b"foo\n", b"\\xx {}{}{foo}{}{}\n"),
    ((), b"", b""),
    ((), b"no newline", b"                                  no   newline\n"
                        b"                                       no newline\n"),
], ids=argid)
def test_gnu_cases(args, inp, out):
    check(run("ptx", *args, input=inp), out=out)


def test_typeset_mode_is_100_columns(tmp_path):
    make_files(tmp_path, P)
    assert run("ptx", "-t", "text", cwd=tmp_path).out == run("ptx", "-w", "100", "text", cwd=tmp_path).out


def test_files_and_stdin(tmp_path):
    (tmp_path / "a").write_bytes(b"a")
    (tmp_path / "b").write_bytes(b"b")
    check(run("ptx", "-g1", "-w1", "a", "-", "b", input=b"c", cwd=tmp_path), out=b"  a\n  b\n  c\n")
    check(run("ptx", "-A", "-w40", "a", "", input=b"x\ny", cwd=tmp_path),
          out=b"a:1:                   a\n:1:                    x y\n:2:                x   y\n")


def test_traditional_output_file(tmp_path):
    (tmp_path / "in").write_bytes(b"foo\n")
    check(run("ptx", "-G", "in", "out", cwd=tmp_path))
    assert (tmp_path / "out").read_bytes() == b'.xx "" "" "foo" ""\n'
    check(run("ptx", "-G", "in", "out", "extra", cwd=tmp_path), err="ptx: extra operand 'extra'\n" + TRY,
          status=1)


def test_utf8_text():
    """Widths count bytes, as GNU's do; \\w knows the locale's letters."""
    text = "caf\u00e9 na\u00efve r\u00e9sum\u00e9\n".encode()
    check(run("ptx", "-w40", "-W", "\\w+", input=text, env={"LC_ALL": "C.UTF-8"}),
          out=b"   r\xc3\xa9sum\xc3\xa9            caf\xc3\xa9 na\xc3\xafve\n"
              b"               caf\xc3\xa9   na\xc3\xafve r\xc3\xa9sum\xc3\xa9\n"
              b"        caf\xc3\xa9 na\xc3\xafve   r\xc3\xa9sum\xc3\xa9\n")
    # In GNU's default syntax a bracket has no character classes.
    check(run("ptx", "-W", "[[:alpha:]]+", input=text, env={"LC_ALL": "C.UTF-8"}))


def test_empty_word_matches_do_not_hang():
    """GNU loops forever here; corebox steps over the empty match."""
    r = run("ptx", "-w20", "-W", "b*", input=b"bob\n", timeout=20)
    assert r.status == 0 and r.err == b"" and len(r.out.splitlines()) == 2


@pytest.mark.parametrize("args,err", [
    (("-S", "^"), "ptx: error: regular expression has a match of length zero: '^'\n"),
    (("-g", "0"), "ptx: invalid gap width: '0'\n"),
    (("-g", "-1"), "ptx: invalid gap width: '-1'\n"),
    (("-w", "x"), "ptx: invalid line width: 'x'\n"),
    (("-w", "0"), "ptx: invalid line width: '0'\n"),
    (("-w", "99999999999999999999"), "ptx: invalid line width: '99999999999999999999'\n"),
    (("-W", "\\("), "ptx: Unmatched ( or \\( (for regexp '\\\\(')\n"),
    (("--format=xyz",), "ptx: invalid argument 'xyz' for '--format'\nValid arguments are:\n"
                        "  - 'roff'\n  - 'tex'\n" + TRY),
    (("nope",), "ptx: nope: No such file or directory\n"),
    (("-i", "nope"), "ptx: nope: No such file or directory\n"),
    (("-x",), "ptx: invalid option -- 'x'\n" + TRY),
    (("--bogus",), "ptx: unrecognized option '--bogus'\n" + TRY),
    (("-w",), "ptx: option requires an argument -- 'w'\n" + TRY),
])
def test_errors(args, err):
    check(run("ptx", *args, input=b"a\n"), err=err, status=1)


def test_sentence_starting_right_after_another():
    r = run("ptx", input=b"a.  .  b\n")
    assert r.status == 1 and r.out == b""
    assert r.err.startswith(b"ptx: error: regular expression has a match of length zero: ")


def test_directory(tmp_path):
    check(run("ptx", str(tmp_path)), err=f"ptx: {tmp_path}: Is a directory\n", status=1)


def test_unescaped_options_end_in_backslash(tmp_path):
    for args in (("-F", "\\"), ("-S", "foo\\"), ("-W", "bar\\\\\\")):
        check(run("ptx", *args, "/dev/null"))


@needs_dev_full
def test_dev_full():
    with open("/dev/full", "wb") as full:
        r = run("ptx", input=b"a b\n", stdout=full)
    check(r, err="ptx: write error: No space left on device\n", status=1)


def test_closed_stdout():
    assert run_closed_stdout("ptx", "/dev/null") == (0, b"")


def test_help_and_version():
    r = run("ptx", "--help")
    assert r.status == 0 and r.err == b""
    assert r.stdout.startswith("Usage: ptx [OPTION]... [INPUT]...   (without -G)\n"
                               "  or:  ptx -G [OPTION]... [INPUT [OUTPUT]]\n")
    for opt in ("--auto-reference", "--traditional", "--flag-truncation=STRING", "--macro-name=STRING",
                "--right-side-refs", "--sentence-regexp=REGEXP", "--word-regexp=REGEXP",
                "--break-file=FILE", "--ignore-case", "--gap-size=NUMBER", "--ignore-file=FILE",
                "--only-file=FILE", "--references", "--typeset-mode", "--width=NUMBER", "--format"):
        assert opt in r.stdout
    r = run("ptx", "--version")
    assert r.status == 0 and r.stdout.startswith("ptx (corebox) ")
