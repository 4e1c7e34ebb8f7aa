#!/usr/bin/python3
"""scikit-learn's side of the feature-chain comparison: a chain of benchmarks/chain_workload.hpp
(log_chain or scale_chain) as a Pipeline, fitted on a CSV file (benchmarks/peers/make_chain_data.py)
and then timed transforming it, as feature_chain_benchmark --csv=<file> times lolpop's chain on the
same file. Prints JSON: the best and the median wall time of <repeats> transforms, and the best time
of copying the input into fresh memory (X.to_numpy(copy=True)): the floor under any transform that
returns its output in new memory, on this machine.
    sklearn_pipeline.py <file.csv> <log_chain|scale_chain> [repeats]"""
import json
import statistics
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, MinMaxScaler, StandardScaler


def main():
    path, chain = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    X = pd.read_csv(path)
    steps = [
        ("mean_imputer", SimpleImputer(strategy="mean")),
        ("log_transform", FunctionTransformer(np.log1p)),
        ("standard_scaler", StandardScaler()),
        ("clip", FunctionTransformer(np.clip, kw_args={"a_min": -3.0, "a_max": 3.0})),
        ("min_max_scaler", MinMaxScaler()),
    ]
    if chain == "scale_chain":
        steps = [s for s in steps if s[0] != "log_transform"]
    elif chain != "log_chain":
        sys.exit(f"sklearn_pipeline.py: unknown chain {chain} (log_chain or scale_chain)")
    pipeline = Pipeline(steps)
    pipeline.fit(X)
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        out = pipeline.transform(X)
        seconds.append(time.perf_counter() - start)
    assert out.shape == X.shape
    copies = []
    for _ in range(repeats):
        start = time.perf_counter()
        copy = X.to_numpy(copy=True)
        copies.append(time.perf_counter() - start)
        del copy
    print(json.dumps({"chain": chain, "rows": X.shape[0], "cols": X.shape[1], "repeats": repeats, "best_seconds": min(seconds),
                      "median_seconds": statistics.median(seconds), "copy_best_seconds": min(copies), "sklearn": sklearn.__version__}))


if __name__ == "__main__":
    main()
