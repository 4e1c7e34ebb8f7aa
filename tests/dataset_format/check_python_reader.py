"""Runs the Python reader of docs/dataset_format.md, as printed there, on a stored version.

  check_python_reader.py --doc <dataset_format.md> --store-sample <store_sample> --work-dir <dir>
                         [--replace <old> <new>] [--expect-mismatch]

store_sample versions a frame and writes down its values; the reader's code block is taken out
of the page, run on the stored object, and every column compared: names and order, types,
values, missing values, labels. --replace changes the code first and --expect-mismatch inverts
the verdict, which shows that a wrong reader does not pass.
"""
import argparse
import json
import math
import pathlib
import re
import shutil
import subprocess
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--doc", required=True)
parser.add_argument("--store-sample", required=True)
parser.add_argument("--work-dir", required=True)
parser.add_argument("--replace", nargs=2, action="append", default=[])
parser.add_argument("--expect-mismatch", action="store_true")
args = parser.parse_args()

try:
    import numpy as np
except ImportError:
    print("SKIPPED: numpy is not installed (Debian package python3-numpy)")
    sys.exit(0)

blocks = re.findall(r"^```python\n(.*?)^```$", pathlib.Path(args.doc).read_text(encoding="utf-8"), re.S | re.M)
if len(blocks) != 1:
    sys.exit(f"{args.doc}: expected one python code block, found {len(blocks)}")
code = blocks[0]
for old, new in args.replace:
    if old not in code:
        sys.exit(f"{args.doc}: the reader has no {old!r} to replace")
    code = code.replace(old, new)

work = pathlib.Path(args.work_dir)
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
stored = subprocess.run([args.store_sample, str(work / "artifacts"), str(work / "expected.json")],
                        check=True, capture_output=True, text=True).stdout.strip()
expected = json.loads((work / "expected.json").read_text(encoding="utf-8"))


def differences():
    namespace = {}
    try:
        exec(compile(code, args.doc, "exec"), namespace)
        got = namespace["read_frame_file"](stored)
    except Exception as e:  # a reader that fails is a wrong reader
        return [f"the reader failed: {type(e).__name__}: {e}"]
    found = []
    if list(got) != [c["name"] for c in expected]:
        return [f"columns {list(got)}, expected {[c['name'] for c in expected]}"]
    for column in expected:
        name, want = column["name"], column["values"]
        values = got[name]
        if len(values) != len(want):
            found.append(f"{name}: {len(values)} rows, expected {len(want)}")
            continue
        for i, w in enumerate(want):
            if column["type"] == "numeric":
                v = float(values[i])
                same = math.isnan(v) if w is None else (v == w and math.copysign(1, v) == math.copysign(1, w))
                same = same and values.dtype == np.float64
            elif column["type"] == "integer":
                masked = bool(np.ma.getmaskarray(values)[i])
                same = masked if w is None else (not masked and int(values[i]) == w)
                same = same and values.dtype == np.int64
            else:
                same = values[i] == w if w is not None else values[i] is None
            if not same:
                found.append(f"{name} row {i}: {values[i]!r}, expected {w!r}")
    return found


found = differences()
if args.expect_mismatch:
    if not found:
        sys.exit("the changed reader gave every value right, so the comparison would not notice a wrong reader")
    print(f"the changed reader was caught: {found[0]}")
    sys.exit(0)
if found:
    sys.exit("the reader of " + args.doc + " is wrong:\n  " + "\n  ".join(found))
print(f"the reader of {args.doc} gave every value of {stored}")
