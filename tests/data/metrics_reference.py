"""Reference values for lolpop's metrics, computed by scikit-learn.

Writes, next to this script:
  metrics_reference_inputs.csv  200 rows of fixed, seeded inputs (scores and probabilities
                                rounded so that they tie, some exactly 0 or 1 so that clipping
                                matters): a binary, a 3-class and a regression problem;
  metrics_reference.csv         problem, metric, value: what scikit-learn computes from them.
Every float is written with repr(), which reads back as the same double.

Regenerate (needs numpy and scikit-learn) from anywhere:
    python3 tests/data/metrics_reference.py
tests/core/metrics.cpp checks lolpop's metrics against both files.
"""
import csv
import os

import numpy as np
import sklearn
from sklearn import metrics

N = 200
rng = np.random.default_rng(20240601)

# Binary: a score that leans towards the truth, in steps of 0.05 so that many values tie.
binary_true = rng.integers(0, 2, N)
binary_score = np.round(np.clip(0.35 * binary_true + 0.75 * rng.random(N) - 0.05, 0, 1) * 20) / 20
binary_pred = (binary_score >= 0.5).astype(int)

# Three classes: softmax of rounded logits (ties within a column); two rows certain, one of them wrongly.
multi_true = rng.integers(0, 3, N)
logits = np.round(1.5 * np.eye(3)[multi_true] + rng.normal(0, 1, (N, 3)), 1)
multi_proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
multi_true[0], multi_proba[0] = 1, [1.0, 0.0, 0.0]
multi_true[1], multi_proba[1] = 2, [0.0, 0.0, 1.0]
multi_pred = multi_proba.argmax(axis=1)

reg_true = np.round(rng.normal(20, 5, N), 1)
reg_pred = reg_true + rng.normal(0, 2, N)

here = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(here, "metrics_reference_inputs.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["binary_true", "binary_pred", "binary_score", "multi_true", "multi_pred",
                "multi_p0", "multi_p1", "multi_p2", "reg_true", "reg_pred"])
    for i in range(N):
        w.writerow([int(binary_true[i]), int(binary_pred[i]), repr(float(binary_score[i])),
                    int(multi_true[i]), int(multi_pred[i])] +
                   [repr(float(p)) for p in multi_proba[i]] +
                   [repr(float(reg_true[i])), repr(float(reg_pred[i]))])

binary_proba = np.column_stack([1 - binary_score, binary_score])
rows = [
    ("binary", "accuracy", metrics.accuracy_score(binary_true, binary_pred)),
    ("binary", "precision", metrics.precision_score(binary_true, binary_pred)),
    ("binary", "recall", metrics.recall_score(binary_true, binary_pred)),
    ("binary", "f1", metrics.f1_score(binary_true, binary_pred)),
    ("binary", "roc_auc", metrics.roc_auc_score(binary_true, binary_score)),
    ("binary", "pr_auc", metrics.average_precision_score(binary_true, binary_score)),
    ("binary", "log_loss", metrics.log_loss(binary_true, binary_proba)),
    ("multiclass", "accuracy", metrics.accuracy_score(multi_true, multi_pred)),
    ("multiclass", "precision", metrics.precision_score(multi_true, multi_pred, average="macro")),
    ("multiclass", "recall", metrics.recall_score(multi_true, multi_pred, average="macro")),
    ("multiclass", "f1", metrics.f1_score(multi_true, multi_pred, average="macro")),
    ("multiclass", "roc_auc", metrics.roc_auc_score(multi_true, multi_proba, multi_class="ovr", average="macro")),
    ("multiclass", "log_loss", metrics.log_loss(multi_true, multi_proba)),
    ("regression", "mse", metrics.mean_squared_error(reg_true, reg_pred)),
    # sqrt of the MSE is what every scikit-learn version's RMSE computes, whatever its name.
    ("regression", "rmse", np.sqrt(metrics.mean_squared_error(reg_true, reg_pred))),
    ("regression", "mae", metrics.mean_absolute_error(reg_true, reg_pred)),
    ("regression", "mape", metrics.mean_absolute_percentage_error(reg_true, reg_pred)),
    ("regression", "r2", metrics.r2_score(reg_true, reg_pred)),
]

with open(os.path.join(here, "metrics_reference.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["problem", "metric", "value"])
    for problem, metric, value in rows:
        w.writerow([problem, metric, repr(float(value))])

print(f"scikit-learn {sklearn.__version__}: wrote {len(rows)} reference values for {N} rows")
