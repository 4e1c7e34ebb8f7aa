#!/usr/bin/python3
"""Writes the data of the scikit-learn comparison: <rows> rows of 8 numeric columns x0..x7,
log-normal (positive and skewed, what log1p is for) with about 5% missing, the same bytes for the
same seed.   make_chain_data.py <out.csv> [rows] [seed]"""
import sys

import numpy as np
import pandas as pd


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = np.random.default_rng(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    columns = {}
    for j in range(8):
        values = np.exp(j % 4 + (0.5 + 0.25 * (j % 3)) * rng.standard_normal(rows))
        values[rng.random(rows) < 0.05] = np.nan
        columns[f"x{j}"] = values
    pd.DataFrame(columns).to_csv(out, index=False, float_format="%.9g")


if __name__ == "__main__":
    main()
