#!/usr/bin/python3
"""pandas' and xgboost's side of the data_path comparisons (benchmarks/README.md). Each command
prints one JSON object: the seconds of each step it timed (wall time, time.perf_counter) and the
process's max RSS at the end (resource.getrusage, MB). Commands that are compared on max RSS run
alone in their own process.

  data_path.py steps <file.csv> [dev|prod]
      In one process, the steps users compared: read_csv (the default C engine, one thread; best
      of 3), read_csv(engine="pyarrow") when pyarrow is installed (best of 3), hashing the frame
      (pd.util.hash_pandas_object(df).sum()), an XGBoost fit with the profile's settings on every
      row (dev.toml's or prod.toml's, without early stopping), predict_proba on every row, and
      to_csv of the probabilities.
  data_path.py read <file.csv> [repeats]
      read_csv alone (default engine), best of <repeats> (default 3), with the file's MB/s.
  data_path.py process <file.csv>
      What a process step does with pandas: read_csv, then hash the frame.
  data_path.py predict <model> <file.csv> <out.csv>
      What a predict step does with pandas and xgboost: read_csv, predict_proba with the booster
      of <model> (a model file as lolpop's xgboost_trainer saves it: its metadata, then the
      booster in XGBoost's UBJSON), to_csv of id, probability_0, probability_1 and the label,
      as the predict step writes them.
"""
import json
import os
import resource
import sys
import time

import numpy as np
import pandas as pd

INDEX, TARGET = "id", "target"
# XGBoost's parameters of examples/breast_cancer/profiles/{dev,prod}.toml (xgboost_trainer's names
# mapped to XGBoost's).
PROFILES = {
    "dev": dict(max_depth=3, eta=0.3, objective="binary:logistic"),
    "prod": dict(max_depth=4, eta=0.05, subsample=0.9, colsample_bytree=0.8, seed=42, objective="binary:logistic"),
}
ROUNDS = {"dev": 40, "prod": 300}


def max_rss_mb():
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(f):
    start = time.perf_counter()
    value = f()
    return value, time.perf_counter() - start


def best_of(repeats, f):
    best, value = float("inf"), None
    for _ in range(repeats):
        value, seconds = timed(f)
        best = min(best, seconds)
    return value, best


def has_pyarrow():
    try:
        import pyarrow  # noqa: F401
        return True
    except ImportError:
        return False


def hash_frame(df):
    return int(pd.util.hash_pandas_object(df).sum())


def load_model(path):
    """The booster of a lolpop xgboost model file and its metadata: "lolpop-xgboost-model\\n", the
    metadata's length in bytes and a newline, the metadata (TOML: the features in training order,
    the target's name...), then the booster's UBJSON."""
    import tomllib

    import xgboost as xgb
    data = open(path, "rb").read()
    magic = b"lolpop-xgboost-model\n"
    if not data.startswith(magic):
        sys.exit(f"data_path.py: {path} is not a lolpop xgboost model")
    rest = data[len(magic):]
    newline = rest.index(b"\n")
    length = int(rest[:newline])
    meta = tomllib.loads(rest[newline + 1:newline + 1 + length].decode())
    booster = xgb.Booster()
    booster.load_model(bytearray(rest[newline + 1 + length:]))
    return booster, meta


def steps(path, profile):
    import xgboost as xgb
    out = {"file": os.path.basename(path), "file_mb": os.path.getsize(path) / 1e6, "pandas": pd.__version__,
           "xgboost": xgb.__version__, "profile": profile}
    df, out["read_csv_s"] = best_of(3, lambda: pd.read_csv(path))
    out["rows"], out["cols"] = df.shape
    out["pyarrow"] = has_pyarrow()
    if out["pyarrow"]:
        _, out["read_csv_pyarrow_s"] = best_of(3, lambda: pd.read_csv(path, engine="pyarrow"))
    _, out["hash_s"] = timed(lambda: hash_frame(df))
    X, y = df.drop(columns=[INDEX, TARGET]), df[TARGET]
    booster, out["fit_s"] = timed(lambda: xgb.train(PROFILES[profile], xgb.DMatrix(X, label=y),
                                                    num_boost_round=ROUNDS[profile]))
    proba, out["predict_proba_s"] = timed(lambda: booster.predict(xgb.DMatrix(X)))
    frame = pd.DataFrame({INDEX: df[INDEX], "probability_0": 1 - proba, "probability_1": proba})
    _, out["to_csv_s"] = timed(lambda: frame.to_csv(os.devnull, index=False))
    out["max_rss_mb"] = max_rss_mb()
    return out


def read(path, repeats):
    df, seconds = best_of(repeats, lambda: pd.read_csv(path))
    mb = os.path.getsize(path) / 1e6
    return {"file": os.path.basename(path), "file_mb": mb, "rows": df.shape[0], "cols": df.shape[1],
            "repeats": repeats, "read_csv_s": seconds, "read_csv_mb_s": mb / seconds, "pandas": pd.__version__,
            "pyarrow": has_pyarrow(), "max_rss_mb": max_rss_mb()}


def process(path):
    df, read_s = timed(lambda: pd.read_csv(path))
    digest, hash_s = timed(lambda: hash_frame(df))
    return {"file": os.path.basename(path), "rows": df.shape[0], "read_csv_s": read_s, "hash_s": hash_s,
            "hash": digest, "max_rss_mb": max_rss_mb()}


def predict(model, path, out_path):
    import xgboost as xgb
    (booster, meta), load_s = timed(lambda: load_model(model))
    df, read_s = timed(lambda: pd.read_csv(path))
    features = [f["name"] for f in meta["features"]]

    def score():
        p = booster.predict(xgb.DMatrix(df[features]))
        return np.column_stack([1 - p, p])
    proba, predict_s = timed(score)
    out = pd.DataFrame({INDEX: df[INDEX], "probability_0": proba[:, 0], "probability_1": proba[:, 1],
                        meta["target"]: proba.argmax(axis=1)})
    _, to_csv_s = timed(lambda: out.to_csv(out_path, index=False))
    return {"file": os.path.basename(path), "rows": len(df), "load_model_s": load_s, "read_csv_s": read_s,
            "predict_proba_s": predict_s, "to_csv_s": to_csv_s, "max_rss_mb": max_rss_mb()}


def main():
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "steps":
        result = steps(args[1], args[2] if len(args) > 2 else "dev")
    elif len(args) >= 2 and args[0] == "read":
        result = read(args[1], int(args[2]) if len(args) > 2 else 3)
    elif len(args) == 2 and args[0] == "process":
        result = process(args[1])
    elif len(args) == 4 and args[0] == "predict":
        result = predict(args[1], args[2], args[3])
    else:
        sys.exit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
