#!/usr/bin/env python3
"""Write one of cmark's pathological inputs at about SIZE bytes.

Usage: patho.py KIND SIZE OUT

KIND is one of (the patterns of cmark's test/pathological_tests.py):
  emphasis     nested strong emphasis: *a **a *a ... b ... a** a*
  brackets     nested brackets: [[[[...a...]]]]
  openers      many link openers with no closers: [a[a[a...
  blockquotes  deep block quotes: > > > > ... a
  lists        deeply nested lists, each item indented two spaces more
  backticks    backtick runs of growing length: e`e``e```...
SIZE is a byte count, with an optional K or M suffix (decimal). A time that
grows faster than SIZE shows quadratic behaviour.
"""

import sys


def emphasis(size):
    n = size // 14
    return "*a **a " * n + "b" + " a** a*" * n + "\n"


def brackets(size):
    n = size // 2
    return "[" * n + "a" + "]" * n + "\n"


def openers(size):
    return "[a" * (size // 2) + "\n"


def blockquotes(size):
    return "> " * (size // 2) + "a\n"


def lists(size):
    # Line i is 2*i spaces + "* a\n": about n*n bytes for n lines.
    out, total, i = [], 0, 0
    while True:
        line = "  " * i + "* a\n"
        if total + len(line) > size:
            break
        out.append(line)
        total += len(line)
        i += 1
    return "".join(out)


def backticks(size):
    out, total, i = [], 0, 1
    while total + i + 1 <= size:
        out.append("e" + "`" * i)
        total += i + 1
        i += 1
    return "".join(out) + "\n"


KINDS = {"emphasis": emphasis, "brackets": brackets, "openers": openers,
         "blockquotes": blockquotes, "lists": lists, "backticks": backticks}


def parse_size(text):
    mult = {"K": 10**3, "M": 10**6}
    text = text.strip().upper().rstrip("B")
    if text and text[-1] in mult:
        return int(float(text[:-1]) * mult[text[-1]])
    return int(text)


def main(argv):
    if len(argv) != 4 or argv[1] not in KINDS:
        sys.stderr.write("usage: patho.py {%s} SIZE OUT\n" % "|".join(KINDS))
        return 2
    with open(argv[3], "w", encoding="ascii") as f:
        f.write(KINDS[argv[1]](parse_size(argv[2])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
