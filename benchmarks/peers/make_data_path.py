#!/usr/bin/python3
"""Writes the data of the data_path comparisons (benchmarks/README.md), the same bytes for the same
seed; nothing of it is committed.

  make_data_path.py breast_cancer <source.csv> <out.csv> [rows] [seed]
      <rows> rows (default 400,000) drawn with replacement from <source.csv> (the example's
      data/breast_cancer.csv), each line copied exactly but for its index column `id`, which
      numbers the rows 1..<rows>: the example's schema and number formats at real size (88 MB at
      400,000 rows).
  make_data_path.py flights <out.csv> [rows] [seed] [--target]
      A flights-like table of <rows> rows (default 2,000,000): `id`, then three numeric columns,
      `dep_delay` (minutes, mostly small, a long tail of large delays), `distance` (miles) and
      `air_time` (minutes, about distance / 8 plus noise), 1% of dep_delay and air_time missing
      (cancelled flights). With --target, a binary column `delayed` (arrival more than 15 minutes
      late, from dep_delay and noise), for a file to train on.
"""
import sys

import numpy as np
import pandas as pd


def breast_cancer(source, out, rows, seed):
    with open(source, encoding="utf-8") as f:
        header, *lines = f.read().splitlines()
    names = header.split(",")
    if names[0] != "id":
        sys.exit(f"make_data_path.py: {source}: the first column is '{names[0]}', not the index column 'id'")
    # Each line without its id: "<features...>,<target>".
    rest = np.array([line.split(",", 1)[1] for line in lines], dtype=object)
    picks = np.random.default_rng(seed).integers(0, len(rest), size=rows)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        chunk = 100_000
        for begin in range(0, rows, chunk):
            end = min(rows, begin + chunk)
            f.write("".join(f"{i + 1},{r}\n" for i, r in zip(range(begin, end), rest[picks[begin:end]])))


def flights(out, rows, seed, target):
    rng = np.random.default_rng(seed)
    distance = np.round(rng.lognormal(6.5, 0.6, rows)).clip(80, 5000)
    air_time = np.round(distance / 8 + 20 + rng.normal(0, 8, rows)).clip(20, None)
    # Most flights leave about on time; one in five is late by an exponential tail.
    late = rng.random(rows) < 0.2
    dep_delay = np.round(np.where(late, rng.exponential(45, rows), rng.normal(-3, 5, rows)))
    arrival = dep_delay + rng.normal(0, 10, rows) - 0.01 * (distance - 800)
    columns = {"id": np.arange(1, rows + 1), "dep_delay": dep_delay, "distance": distance, "air_time": air_time}
    cancelled = rng.random(rows) < 0.01
    columns["dep_delay"][cancelled] = np.nan
    columns["air_time"][cancelled] = np.nan
    frame = pd.DataFrame(columns)
    if target:
        frame["delayed"] = (arrival > 15).astype(int)
    # Whole minutes and miles, written as integers; missing values as empty fields.
    frame.to_csv(out, index=False, float_format="%.0f")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    if len(args) >= 3 and args[0] == "breast_cancer":
        breast_cancer(args[1], args[2], int(args[3]) if len(args) > 3 else 400_000,
                      int(args[4]) if len(args) > 4 else 42)
    elif len(args) >= 2 and args[0] == "flights" and flags <= {"--target"}:
        flights(args[1], int(args[2]) if len(args) > 2 else 2_000_000, int(args[3]) if len(args) > 3 else 42,
                "--target" in flags)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
