"""Reference values for lolpop's column profiles and drift measures, computed with pandas, numpy
and scipy.

Writes, next to this script:
  column_profile_reference.csv  dataset, column, statistic, value: count, missing, distinct, mean,
                                std, min, q25, median, q75, max (pandas and numpy), histogram
                                (numpy.histogram's counts for 10 bins, space-separated) and top
                                (the 5 most frequent values, "value=count|...", most frequent
                                first, ties in ascending value order);
  drift_reference.csv           pair, column, psi, ks_statistic, ks_p_value, scipy_ks_p_value for
                                the pairs of frames listed below. ks_p_value is what lolpop must
                                give: scipy.stats.ks_2samp's exact p-value for samples of at most
                                10000 values, Kolmogorov's limit with Stephens' correction
                                (scipy.special.kolmogorov) for the larger synthetic pair, where
                                scipy_ks_p_value is scipy's own (kstwo) p-value for comparison.
PSI follows lolpop/core/drift.hpp: fractions of all rows floored at 1e-4, numeric columns binned at
the reference's numpy quantiles (right-closed bins), others by label, missing values one more bin.
Every float is written with repr(), which reads back as the same double.

Regenerate (needs pandas, numpy and scipy) from anywhere:
    python3 tests/data/statistics_reference.py
tests/core/column_profile.cpp and tests/core/drift.cpp check lolpop against both files.
"""
import csv
import math
import os

import numpy as np
import pandas as pd
import scipy
from scipy import special, stats

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))


def read(*parts):
    # As lolpop reads CSV: only an empty field is missing ("NA" is a label).
    return pd.read_csv(os.path.join(root, *parts), keep_default_na=False, na_values=[""])


def is_number(series):
    return series.dtype.kind in "if"


def text(value):
    # fmt's "{}" for a double: whole numbers without a fraction.
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    return str(value)


def profile_rows(dataset, df):
    rows = []
    for name in df.columns:
        s = df[name]
        present = s.dropna()
        out = {"count": len(present), "missing": int(s.isna().sum()), "distinct": int(present.nunique())}
        if is_number(s) and len(present) > 0:
            v = present.to_numpy(dtype=float)
            q25, median, q75 = np.quantile(v, [0.25, 0.5, 0.75])
            out.update(mean=v.mean(), std=v.std(ddof=1), min=v.min(), q25=q25, median=median, q75=q75, max=v.max())
            out["histogram"] = " ".join(str(c) for c in np.histogram(v, bins=10)[0])
            counts = sorted(present.value_counts().items(), key=lambda kv: (-kv[1], float(kv[0])))
        else:
            counts = sorted(present.value_counts().items(), key=lambda kv: (-kv[1], str(kv[0])))
        out["top"] = "|".join(f"{text(v)}={c}" for v, c in counts[:5])
        for statistic, value in out.items():
            if isinstance(value, str):
                rows.append((dataset, name, statistic, value))
            elif isinstance(value, (int, np.integer)):
                rows.append((dataset, name, statistic, str(int(value))))
            else:
                rows.append((dataset, name, statistic, repr(float(value))))
    return rows


def psi(reference, current, bins=10):
    if is_number(reference) and is_number(current):
        r = reference.dropna().to_numpy(dtype=float)
        edges = np.unique(np.quantile(r, np.arange(1, bins) / bins)) if len(r) else np.array([])

        def counts(s):
            v = s.dropna().to_numpy(dtype=float)
            c = np.bincount(np.searchsorted(edges, v, side="left"), minlength=len(edges) + 1).astype(float)
            return np.append(c, s.isna().sum())

        e, a = counts(reference), counts(current)
    else:
        def label(x):
            return None if pd.isna(x) else text(x)

        labels = sorted({label(x) for x in reference} | {label(x) for x in current}, key=lambda x: (x is not None, x or ""))
        ref_labels = [label(x) for x in reference]
        cur_labels = [label(x) for x in current]
        e = np.array([ref_labels.count(k) for k in labels], dtype=float)
        a = np.array([cur_labels.count(k) for k in labels], dtype=float)
    e = np.maximum(e / len(reference), 1e-4)
    a = np.maximum(a / len(current), 1e-4)
    return float(np.sum((a - e) * np.log(a / e)))


def asymptotic_p(d, n1, n2):
    en = math.sqrt(n1 * n2 / (n1 + n2))
    return float(special.kolmogorov((en + 0.12 + 0.11 / en) * d))


def drift_rows(pair, reference, current):
    rows = []
    for name in reference.columns:
        if name not in current.columns:
            continue
        r, c = reference[name], current[name]
        row = [pair, name, repr(psi(r, c)), "", "", ""]
        if is_number(r) and is_number(c):
            a, b = r.dropna().to_numpy(dtype=float), c.dropna().to_numpy(dtype=float)
            result = stats.ks_2samp(a, b)
            p = result.pvalue if max(len(a), len(b)) <= 10000 else asymptotic_p(result.statistic, len(a), len(b))
            row[3:] = [repr(float(result.statistic)), repr(float(p)), repr(float(result.pvalue))]
        rows.append(row)
    return rows


penguins = read("tests", "data", "penguins.csv")
cars = read("examples", "cars", "data", "cars.csv")
cars_new = read("examples", "cars", "data", "cars_new.csv")
breast_cancer = read("examples", "breast_cancer", "data", "breast_cancer.csv")
breast_cancer_new = read("examples", "breast_cancer", "data", "breast_cancer_new.csv")
# Whole numbers, exact in every language: two near-uniform samples, the second shifted, both
# larger than the exact KS limit.
synthetic_reference = pd.DataFrame({"x": [float((i * 7919) % 10007) for i in range(12000)]})
synthetic_current = pd.DataFrame({"x": [float((i * 104729) % 10009 + 300) for i in range(11000)]})

with open(os.path.join(here, "column_profile_reference.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["dataset", "column", "statistic", "value"])
    for dataset, df in [("penguins", penguins), ("cars", cars)]:
        w.writerows(profile_rows(dataset, df))

pairs = [
    ("breast_cancer", breast_cancer, breast_cancer_new),
    ("cars", cars, cars_new),
    # The file lists the species in turn, so its halves differ a lot: tiny p-values.
    ("penguins_halves", penguins.iloc[:172], penguins.iloc[172:]),
    ("synthetic", synthetic_reference, synthetic_current),
]
with open(os.path.join(here, "drift_reference.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["pair", "column", "psi", "ks_statistic", "ks_p_value", "scipy_ks_p_value"])
    for pair, reference, current in pairs:
        w.writerows(drift_rows(pair, reference, current))

print(f"pandas {pd.__version__}, numpy {np.__version__}, scipy {scipy.__version__}: wrote the references")
