"""Train the learned offensive-comment signal of comments/moderation/model.py.

    python scripts/train_moderation_model.py [--data ../shared/moderation]

Reads offenseval-tr.jsonl and olid-en.jsonl (labels "offensive"/"clean"), keeps every fifth row
out (comments.moderation.model.is_holdout), fits a logistic regression on hashed word features,
picks the review threshold (best F-beta, beta 1.5) on a quarter of the training rows, prints
held-out figures, and writes comments/moderation/model/weights.npz. Deterministic: same data,
same file. Needs scikit-learn (requirements-train.txt); the site only needs numpy to read it.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from comments.moderation.model import BUCKETS, MODEL_FILE, features, is_holdout  # noqa: E402

FILES = ("offenseval-tr.jsonl", "olid-en.jsonl")


def load(data: Path):
    rows = []
    for name in FILES:
        with (data / name).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                rows.append((name, row["id"], row["text"], row["label"] == "offensive"))
    return rows


def matrix(texts):
    indptr, indices = [0], []
    for text in texts:
        indices.extend(features(text))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(texts), BUCKETS))


def pick_threshold(probabilities, labels, beta: float) -> float:
    """The threshold with the best F-beta of the model's flags (beta > 1 favours recall: a
    flag only sends a comment to the editors' queue)."""
    order = np.argsort(-probabilities)
    hits = np.cumsum(labels[order])
    flagged = np.arange(1, len(order) + 1)
    b2 = beta * beta
    score = (1 + b2) * hits / (flagged + b2 * labels.sum())
    return float(probabilities[order][int(np.argmax(score))])


def validation(row_id: str) -> bool:
    """Training rows set aside to pick the threshold (not the held-out rows)."""
    return zlib.crc32(f"validation-{row_id}".encode()) % 4 == 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "moderation")
    parser.add_argument("--C", type=float, default=0.5)
    parser.add_argument("--beta", type=float, default=1.5)
    args = parser.parse_args()

    rows = load(args.data)
    train = [r for r in rows if not is_holdout(r[1])]
    test = [r for r in rows if is_holdout(r[1])]
    x_train, y_train = matrix([r[2] for r in train]), np.array([r[3] for r in train])
    x_test, y_test = matrix([r[2] for r in test]), np.array([r[3] for r in test])

    # Pick the threshold on a quarter of the training rows, then fit on all of them.
    fit = np.array([not validation(r[1]) for r in train])
    model = LogisticRegression(C=args.C, max_iter=2000, solver="liblinear")
    model.fit(x_train[fit], y_train[fit])
    threshold = pick_threshold(model.predict_proba(x_train[~fit])[:, 1], y_train[~fit], args.beta)
    model.fit(x_train, y_train)

    for name in FILES:
        mask = np.array([r[0] == name for r in test])
        flagged = model.predict_proba(x_test[mask])[:, 1] >= threshold
        truth = y_test[mask]
        tp = int((flagged & truth).sum())
        print(
            f"held-out {name}: rows {int(mask.sum())}, flagged {int(flagged.sum())}, "
            f"precision {tp / max(flagged.sum(), 1):.3f}, recall {tp / max(truth.sum(), 1):.3f}"
        )

    weights = model.coef_[0].astype(np.float16)
    MODEL_FILE.parent.mkdir(exist_ok=True)
    np.savez_compressed(
        MODEL_FILE,
        weights=weights,
        bias=np.float32(model.intercept_[0]),
        threshold=np.float32(threshold),
    )
    print(f"threshold {threshold:.3f}; wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
