#!/usr/bin/env python3
"""Writes a large CSV shaped like examples/breast_cancer/data/breast_cancer.csv: an integer id, the
30 numeric features with each column's values drawn around the example's (same number of
decimals), and an integer target, for the CSV reader's throughput measurements.

    benchmarks/make_wide_csv.py <out.csv> [--rows 400000] [--seed 1]
"""
import argparse
import csv
import pathlib
import random

root = pathlib.Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--rows", type=int, default=400000)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()

with open(root / "examples/breast_cancer/data/breast_cancer.csv", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
columns = list(zip(*body))


def decimals(text):
    return len(text.split(".")[1]) if "." in text else 0


rng = random.Random(args.seed)
with open(args.out, "w", newline="") as out:
    out.write(",".join(header) + "\n")
    for r in range(args.rows):
        cells = [str(r + 1)]
        for values in columns[1:-1]:
            # A value of the example's column, moved by up to 5%, written as precisely as it was.
            base = rng.choice(values)
            v = float(base) * (1 + rng.uniform(-0.05, 0.05))
            cells.append(f"{v:.{max(decimals(base), 1)}f}")
        cells.append(str(rng.randint(0, 1)))
        out.write(",".join(cells) + "\n")
