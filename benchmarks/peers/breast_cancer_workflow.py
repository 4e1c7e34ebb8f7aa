#!/usr/bin/python3
"""What `breast_cancer_<profile> build-all` does, written the usual way with pandas, scikit-learn
and xgboost: the Python side of the build-all comparison in benchmarks/README.md.

Steps, as the profile binary runs them:
  process  read data/breast_cancer.csv, store it content-addressed, record the dataset version;
  train    split (dev: random 80/20; prod: stratified 70/10/20), fit XGBoost with the profile's
           settings (prod: early stopping on the validation part, then a refit on all rows for
           the rounds early stopping kept),
           evaluate on the test part (prod: and plot ROC, precision-recall and confusion matrix as
           SVG), store the model, record version, metrics and importances;
  deploy   copy the model to the deployment directory, record the deployment;
  predict  read data/breast_cancer_new.csv, predict labels and probabilities with the deployed
           model, score them against the target it holds, write the predictions CSV, record the job.
  report   write a small HTML run report.

Run from examples/breast_cancer:  breast_cancer_workflow.py <home> [dev|prod] [<train.csv>]
<train.csv> replaces data/breast_cancer.csv, as `--set config.train_data=<train.csv>` does for the
profile binary.
"""
import hashlib
import html
import json
import shutil
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import (accuracy_score, average_precision_score, f1_score, log_loss,
                             precision_score, recall_score, roc_auc_score)
from sklearn.model_selection import train_test_split

PROFILES = {
    "dev": dict(split=dict(train=0.8, valid=0.0, test=0.2, stratify=False, seed=7),
                model=dict(max_depth=3, n_estimators=40, learning_rate=0.3),
                early_stopping_rounds=None, retrain_all=False, plots=False),
    "prod": dict(split=dict(train=0.7, valid=0.1, test=0.2, stratify=True, seed=42),
                 model=dict(max_depth=4, n_estimators=300, learning_rate=0.05, subsample=0.9,
                            colsample_bytree=0.8, random_state=42),
                 early_stopping_rounds=20, retrain_all=True, plots=True),
}
TARGET, INDEX, MODEL_NAME = "target", "id", "breast_cancer"


def store(home, data):
    """Content-addressed copy, as lolpop's local_artifact_store keeps one."""
    digest = hashlib.sha256(data).hexdigest()
    path = home / "artifacts" / "objects" / digest[:2] / digest[2:]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return digest, str(path)


def metrics_of(y_true, proba):
    y_pred = (proba > 0.5).astype(int)
    return {
        "accuracy": accuracy_score(y_true, y_pred),
        "precision": precision_score(y_true, y_pred, zero_division=0),
        "recall": recall_score(y_true, y_pred),
        "f1": f1_score(y_true, y_pred),
        "roc_auc": roc_auc_score(y_true, proba),
        "pr_auc": average_precision_score(y_true, proba),
        "log_loss": log_loss(y_true, np.column_stack([1 - proba, proba])),
    }


def plot(directory, y_true, proba):
    """The three plots lolpop's svg_model_visualizer draws for a binary model."""
    import matplotlib
    matplotlib.use("svg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay, PrecisionRecallDisplay, RocCurveDisplay

    directory.mkdir(parents=True, exist_ok=True)
    for name, draw in [("roc_curve", lambda: RocCurveDisplay.from_predictions(y_true, proba)),
                       ("precision_recall_curve", lambda: PrecisionRecallDisplay.from_predictions(y_true, proba)),
                       ("confusion_matrix", lambda: ConfusionMatrixDisplay.from_predictions(y_true, proba > 0.5))]:
        draw()
        plt.savefig(directory / f"test_{name}.svg")
        plt.close("all")


def split(data, s):
    stratify = data[TARGET] if s["stratify"] else None
    rest, test = train_test_split(data, test_size=s["test"], stratify=stratify, random_state=s["seed"])
    if s["valid"] == 0:
        return rest, None, test
    stratify = rest[TARGET] if s["stratify"] else None
    train, valid = train_test_split(rest, test_size=s["valid"] / (s["train"] + s["valid"]), stratify=stratify,
                                    random_state=s["seed"])
    return train, valid, test


def main():
    home = Path(sys.argv[1])
    profile = PROFILES[sys.argv[2] if len(sys.argv) > 2 else "dev"]
    train_path = sys.argv[3] if len(sys.argv) > 3 else "data/breast_cancer.csv"
    home.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(home / "metadata.db")
    db.executescript("""
        create table if not exists dataset_version(id integer primary key, hash text, uri text, rows int, cols int);
        create table if not exists model_version(id integer primary key, name text, hash text, uri text, params text,
                                                 dataset_version int);
        create table if not exists metric(model_version int, name text, value real);
        create table if not exists tag(model_version int, key text, value text);
        create table if not exists deployment(model_version int, uri text, at real);
        create table if not exists prediction_job(model_version int, dataset_hash text, output text, rows int);
    """)

    # process
    raw = Path(train_path).read_bytes()
    data = pd.read_csv(train_path)
    digest, uri = store(home, raw)
    dataset = db.execute("insert into dataset_version(hash, uri, rows, cols) values (?, ?, ?, ?)",
                         (digest, uri, len(data), data.shape[1])).lastrowid

    # train
    features = data.drop(columns=[INDEX])
    train, valid, test = split(features, profile["split"])
    params = dict(profile["model"], objective="binary:logistic")
    fit_args = {}
    if valid is not None and profile["early_stopping_rounds"]:
        params["early_stopping_rounds"] = profile["early_stopping_rounds"]
        fit_args["eval_set"] = [(valid.drop(columns=[TARGET]), valid[TARGET])]
    model = xgb.XGBClassifier(**params)
    model.fit(train.drop(columns=[TARGET]), train[TARGET], verbose=False, **fit_args)
    test_proba = model.predict_proba(test.drop(columns=[TARGET]))[:, 1]
    test_metrics = metrics_of(test[TARGET].to_numpy(), test_proba)
    if profile["plots"]:
        plot(home / "reports", test[TARGET].to_numpy(), test_proba)
    if profile["retrain_all"]:
        # As lolpop's retrain_all: the same settings on every row, for the rounds early stopping
        # kept (there is no validation part left to stop on).
        params = dict(profile["model"], objective="binary:logistic")
        if "eval_set" in fit_args:
            params["n_estimators"] = model.best_iteration + 1
        model = xgb.XGBClassifier(**params)
        model.fit(features.drop(columns=[TARGET]), features[TARGET], verbose=False)
    model_path = home / "model.ubj"
    model.save_model(model_path)
    model_hash, model_uri = store(home, model_path.read_bytes())
    version = db.execute("insert into model_version(name, hash, uri, params, dataset_version) values (?, ?, ?, ?, ?)",
                         (MODEL_NAME, model_hash, model_uri, json.dumps(params), dataset)).lastrowid
    db.executemany("insert into metric values (?, ?, ?)", [(version, k, v) for k, v in test_metrics.items()])
    importance = model.get_booster().get_score(importance_type="gain")
    db.execute("insert into tag values (?, ?, ?)", (version, "feature_importance", json.dumps(importance)))

    # deploy
    deployed = home / "deployments" / MODEL_NAME / "model.ubj"
    deployed.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(model_uri, deployed)
    db.execute("insert into deployment values (?, ?, ?)", (version, str(deployed), time.time()))

    # predict
    new = pd.read_csv("data/breast_cancer_new.csv")
    new_hash, _ = store(home, Path("data/breast_cancer_new.csv").read_bytes())
    scorer = xgb.XGBClassifier()
    scorer.load_model(deployed)
    X = new.drop(columns=[INDEX, TARGET])
    proba = scorer.predict_proba(X)
    out = pd.DataFrame({INDEX: new[INDEX], "probability_0": proba[:, 0], "probability_1": proba[:, 1],
                        TARGET: proba.argmax(axis=1)})
    predictions = home / "predictions.csv"
    out.to_csv(predictions, index=False)
    ground_truth = metrics_of(new[TARGET].to_numpy(), proba[:, 1])
    db.executemany("insert into metric values (?, ?, ?)",
                   [(version, "ground_truth." + k, v) for k, v in ground_truth.items()])
    db.execute("insert into prediction_job values (?, ?, ?, ?)", (version, new_hash, str(predictions), len(new)))
    db.commit()

    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{v:.6g}</td></tr>" for k, v in test_metrics.items())
    (home / "report.html").write_text(f"<html><body><h1>{MODEL_NAME} version {version}</h1>"
                                      f"<table>{rows}</table></body></html>")
    print(f"model version {version}: roc_auc {test_metrics['roc_auc']:.4f}; {len(out)} predictions -> {predictions}")


if __name__ == "__main__":
    main()
