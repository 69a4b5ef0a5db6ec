"""Suggesting a report's category from its text.

A TF-IDF of the folded words and word pairs (accent-insensitive Vietnamese) feeds a
multinomial logistic regression, trained by scikit-learn on the platform's own history: the
categories officers confirmed at triage. The trained model is kept in the database as plain
numbers (``ClassifierModel``: vocabulary, idf, coefficients) — no pickle — and applied here with
numpy, so suggesting needs no training library state and cannot run stored code.

Above ``CONFIDENCE_THRESHOLD`` the form picks the category for the citizen (who can change it);
below it the category is only suggested.
"""

from __future__ import annotations

import itertools
import math
import threading
from dataclasses import dataclass

import numpy as np

from motcua.feedback.duplicates import words

#: The form picks the category itself only when the best category is likely enough, clearly
#: ahead of the next one, and backed by a few words the model knows.
CONFIDENCE_THRESHOLD = 0.35
MIN_MARGIN = 0.15
MIN_KNOWN_FEATURES = 2
MIN_SAMPLES_PER_CATEGORY = 3
MAX_FOLDS = 5


def analyse(text: str) -> list[str]:
    """The features of a text: its folded words and adjacent word pairs."""
    tokens = words(text)
    return tokens + [f"{a}_{b}" for a, b in itertools.pairwise(tokens)]


@dataclass(frozen=True)
class TrainedModel:
    weights: dict
    accuracy: float | None
    n_samples: int
    parameters: dict


def train(texts: list[str], labels: list[str]) -> TrainedModel:
    """Fit the model on ``texts`` labelled with category codes; the accuracy is measured by
    stratified cross-validation before the final fit on everything."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline

    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    keep = [i for i, label in enumerate(labels) if counts[label] >= MIN_SAMPLES_PER_CATEGORY]
    texts = [texts[i] for i in keep]
    labels = [labels[i] for i in keep]
    if len(set(labels)) < 2:
        raise ValueError("At least two categories with enough reports are needed.")
    parameters = {"sublinear_tf": True, "min_df": 1, "C": 10.0, "max_iter": 2000}

    def pipeline():
        return make_pipeline(
            TfidfVectorizer(
                analyzer=analyse, sublinear_tf=parameters["sublinear_tf"], min_df=1, norm="l2"
            ),
            LogisticRegression(C=parameters["C"], max_iter=parameters["max_iter"]),
        )

    folds = min(MAX_FOLDS, min(labels.count(label) for label in set(labels)))
    accuracy = None
    if folds >= 2:
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=7)
        accuracy = float(cross_val_score(pipeline(), texts, labels, cv=splitter).mean())
    model = pipeline().fit(texts, labels)
    vectorizer, regression = model.steps[0][1], model.steps[1][1]
    weights = {
        "vocabulary": {term: int(index) for term, index in vectorizer.vocabulary_.items()},
        "idf": [round(float(v), 6) for v in vectorizer.idf_],
        "coef": [[round(float(v), 6) for v in row] for row in regression.coef_],
        "intercept": [round(float(v), 6) for v in regression.intercept_],
        "classes": [str(c) for c in regression.classes_],
    }
    parameters["folds"] = folds
    return TrainedModel(
        weights=weights, accuracy=accuracy, n_samples=len(texts), parameters=parameters
    )


class Predictor:
    """Applies stored weights: the same arithmetic as scikit-learn's ``predict_proba``."""

    def __init__(self, weights: dict):
        self.vocabulary: dict[str, int] = weights["vocabulary"]
        self.idf = np.asarray(weights["idf"], dtype=float)
        self.coef = np.asarray(weights["coef"], dtype=float)
        self.intercept = np.asarray(weights["intercept"], dtype=float)
        self.classes: list[str] = weights["classes"]

    def known_features(self, text: str) -> int:
        return sum(1 for feature in analyse(text) if feature in self.vocabulary)

    def vector(self, text: str) -> np.ndarray:
        x = np.zeros(len(self.idf))
        counts: dict[int, int] = {}
        for feature in analyse(text):
            index = self.vocabulary.get(feature)
            if index is not None:
                counts[index] = counts.get(index, 0) + 1
        for index, count in counts.items():
            x[index] = (1 + math.log(count)) * self.idf[index]
        norm = np.linalg.norm(x)
        return x / norm if norm else x

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        x = self.vector(text)
        if not x.any():
            return []
        scores = self.coef @ x + self.intercept
        if len(self.classes) == 2:  # binary: one row of coefficients, for the second class
            p = 1 / (1 + math.exp(-float(scores[0])))
            probs = np.array([1 - p, p])
        else:
            exp = np.exp(scores - scores.max())
            probs = exp / exp.sum()
        return sorted(
            zip(self.classes, (float(p) for p in probs), strict=True), key=lambda c: -c[1]
        )


@dataclass(frozen=True)
class Suggestion:
    category: object  # Category
    confidence: float
    margin: float = 1.0
    known_features: int = MIN_KNOWN_FEATURES

    @property
    def confident(self) -> bool:
        return (
            self.confidence >= CONFIDENCE_THRESHOLD
            and self.margin >= MIN_MARGIN
            and self.known_features >= MIN_KNOWN_FEATURES
        )


_cache: dict[str, object] = {"pk": None, "predictor": None}
_lock = threading.Lock()


def current_predictor() -> Predictor | None:
    from motcua.feedback.models import ClassifierModel

    latest = ClassifierModel.objects.order_by("-created_at", "-id").values_list("pk", flat=True)
    pk = latest.first()
    if pk is None:
        return None
    with _lock:
        if _cache["pk"] != pk:
            row = ClassifierModel.objects.get(pk=pk)
            _cache["predictor"], _cache["pk"] = Predictor(row.weights), pk
        return _cache["predictor"]  # type: ignore[return-value]


def suggest_category(text: str) -> Suggestion | None:
    """The most likely category of ``text``, or None without a model or a usable text."""
    from motcua.feedback.models import Category

    if len(words(text)) < 3:
        return None
    predictor = current_predictor()
    if predictor is None:
        return None
    ranked = predictor.probabilities(text)
    if not ranked:
        return None
    code, confidence = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    category = Category.objects.filter(code=code, is_active=True).select_related("parent").first()
    if category is None:
        return None
    return Suggestion(
        category=category,
        confidence=confidence,
        margin=confidence - runner_up,
        known_features=predictor.known_features(text),
    )
