"""Reference outputs for lolpop's row-wise feature transformers, computed by scikit-learn and numpy.

Each case fits on penguins.csv and transforms penguins.csv ("train") and
feature_transformers_new.csv ("new": unknown and missing categories, missing numbers, values outside
the training range). Writes, next to this script:
  feature_transformers_reference.csv  case, part, row (0-based), column, value (empty = missing),
                                      every float written with repr(), which reads back as the same
                                      double. Of "train", every 15th row and the rows with a missing
                                      value are written; every row of "new".

lolpop documents where it differs from the libraries, and the cases follow that: log_transform
makes values at or below -1 missing (numpy: -inf at -1, NaN below); ordinal_encoder makes unknown
categories missing (OrdinalEncoder's unknown_value=np.nan).

Regenerate (needs pandas, numpy and scikit-learn) from anywhere:
    python3 tests/data/feature_transformers_reference.py
tests/components/feature_transformer/*.cpp check lolpop against it.
"""
import csv
import math
import os

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, OrdinalEncoder, StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
train = pd.read_csv(os.path.join(here, "penguins.csv"))
new = pd.read_csv(os.path.join(here, "feature_transformers_new.csv"))
numbers = ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"]
categories = ["Species", "Island", "Sex"]
written_train_rows = [i for i in range(len(train)) if i % 15 == 0 or train.iloc[i].isna().any()]


def as_numbers(frame, columns):
    # Row-major, as lolpop reads rows: numpy then sums each column in row order.
    return np.ascontiguousarray(frame[columns].to_numpy(dtype=np.float64))


def as_categories(frame, columns):
    return frame[columns].to_numpy(dtype=object)


def numeric_case(make, columns=numbers):
    def run(part):
        model = make().fit(as_numbers(train, columns))
        return columns, model.transform(as_numbers(part, columns))
    return run


def function_case(function, columns=numbers):
    def run(part):
        return columns, function(as_numbers(part, columns))
    return run


def encoder_case(make, columns=categories):
    def run(part):
        model = make().fit(as_categories(train, columns))
        out = model.transform(as_categories(part, columns))
        names = list(model.get_feature_names_out(columns)) if isinstance(model, OneHotEncoder) else columns
        return names, out
    return run


def chain(part):
    kept = numbers + ["Island", "Sex"]
    model = make_pipeline(
        ColumnTransformer([("num", SimpleImputer(strategy="median"), numbers),
                           ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), ["Island", "Sex"])]),
        StandardScaler())
    model.fit(train[kept])
    names = [n.split("__", 1)[1] for n in model.get_feature_names_out()]
    return names, model.transform(part[kept])


def log1p_or_missing(x):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x > -1, np.log1p(x), np.nan)


cases = {
    "mean_imputer": numeric_case(lambda: SimpleImputer(strategy="mean")),
    "median_imputer": numeric_case(lambda: SimpleImputer(strategy="median")),
    "standard_scaler": numeric_case(StandardScaler),
    "min_max_scaler": numeric_case(MinMaxScaler),
    "min_max_scaler_range": numeric_case(lambda: MinMaxScaler(feature_range=(-1, 2)),
                                         ["Body Mass (g)", "Beak Depth (mm)"]),
    "one_hot_encoder": encoder_case(lambda: OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
    "ordinal_encoder": encoder_case(lambda: OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan)),
    "log_transform": function_case(log1p_or_missing),
    "clip": function_case(lambda x: np.clip(x, 15, 200), ["Beak Length (mm)", "Flipper Length (mm)"]),
    "chain": chain,
}

with open(os.path.join(here, "feature_transformers_reference.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["case", "part", "row", "column", "value"])
    for case, run in cases.items():
        for part_name, part in (("train", train), ("new", new)):
            names, values = run(part)
            for i in written_train_rows if part_name == "train" else range(values.shape[0]):
                for j, name in enumerate(names):
                    v = float(values[i, j])
                    w.writerow([case, part_name, i, name, "" if math.isnan(v) else repr(v)])
