"""The trained sub-event-type classifier (TF-IDF word + character n-grams, linear SVM).

The model file ``data/event_classifier.joblib`` is trained by ``scripts/train_classifier.py`` on
the TRAIN split (``sigact.evaluation.split``) of ACLED's coded notes for Mali and Burkina Faso.
Model trained on ACLED data, acleddata.com (Raleigh et al. 2010); the data itself is not shipped.

It predicts one of ACLED's 25 sub-event types; the event type follows from the taxonomy, so the
two are always consistent. The stored linear model already sums each sub-event type's margin with
its event type's margin (two SVMs folded into one at training time). Confidence is a softmax over
the margins with a temperature fitted at training time (a calibrated-enough score in [0, 1], not a
probability guarantee).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from sigact.taxonomy import SUB_EVENT_TO_TYPE

MODEL_PATH = Path(__file__).with_name("data") / "event_classifier.joblib"


@dataclass(frozen=True)
class Prediction:
    """A sub-event type, its event type, the score, and the runner-up scores (best first)."""

    sub_event_type: str
    event_type: str
    confidence: float
    ranked: tuple[tuple[str, float], ...]


class _FastTfidf:
    """The transform of one fitted ``TfidfVectorizer``, without scikit-learn's per-call overhead.

    Same analyzer, vocabulary, idf, sublinear tf and L2 norm, so the features equal sklearn's.
    """

    def __init__(self, tf: Any, offset: int) -> None:
        self.analyze = tf.build_analyzer()
        self.vocab: dict[str, int] = {k: int(v) + offset for k, v in tf.vocabulary_.items()}
        self.idf = np.zeros(offset + len(tf.vocabulary_), dtype=np.float64)
        self.idf[offset:] = tf.idf_
        self.sublinear = bool(tf.sublinear_tf)
        self.norm = tf.norm

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts: dict[int, int] = {}
        vocab = self.vocab
        for gram in self.analyze(text):
            j = vocab.get(gram)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear:
            tf = np.log(tf) + 1.0
        val = tf * self.idf[idx]
        if self.norm == "l2":
            n = float(np.sqrt(np.dot(val, val)))
            if n > 0:
                val /= n
        return idx, val


class EventClassifier:
    """Wraps the fitted vectorizer + linear model stored in the joblib bundle."""

    def __init__(self, bundle: dict[str, Any]) -> None:
        self.vectorizer = bundle["vectorizer"]
        self.model = bundle["model"]
        self.temperature = float(bundle.get("temperature", 1.0))
        self.classes: list[str] = [str(c) for c in self.model.classes_]
        self.meta: dict[str, Any] = bundle.get("meta", {})
        # fast path: the FeatureUnion's parts, concatenated in order, dotted with float64 weights
        self._parts: list[_FastTfidf] = []
        offset = 0
        for _, tf in self.vectorizer.transformer_list:
            self._parts.append(_FastTfidf(tf, offset))
            offset += len(tf.vocabulary_)
        self.country_vectorizer = bundle.get("country_vectorizer")
        self.country_model = bundle.get("country_model")
        self._country_part: _FastTfidf | None = None
        self._country_w = np.zeros((0, 0))
        self._country_b = np.zeros(0)
        self._weights = np.ascontiguousarray(np.asarray(self.model.coef_, dtype=np.float64).T)
        self._intercept = np.asarray(self.model.intercept_, dtype=np.float64)

    @classmethod
    @functools.cache
    def default(cls) -> EventClassifier:
        """The bundled model (loaded once)."""
        return cls(joblib.load(MODEL_PATH))

    def country(self, text: str) -> str | None:
        """The country a text's wording suggests (only the countries of the training data: Mali,
        Burkina Faso); a last resort for texts that name no place and no country."""
        if self.country_model is None or self.country_vectorizer is None:
            return None
        if self._country_part is None:
            self._country_part = _FastTfidf(self.country_vectorizer, 0)
            self._country_w = np.asarray(self.country_model.coef_, dtype=np.float64)
            self._country_b = np.asarray(self.country_model.intercept_, dtype=np.float64)
        idx, val = self._country_part.features(text)
        margins = self._country_b + (self._country_w[:, idx] @ val if len(idx) else 0.0)
        classes = self.country_model.classes_
        if len(classes) == 2:  # a binary SVM has one margin: > 0 is the second class
            return str(classes[int(margins[0] > 0)])
        return str(classes[int(np.argmax(margins))])

    def margins(self, texts: list[str]) -> np.ndarray:
        """The linear model's decision values (equal to ``model.decision_function`` on the sklearn features)."""
        out = np.empty((len(texts), len(self.classes)))
        for i, text in enumerate(texts):
            row = self._intercept.copy()
            for part in self._parts:
                idx, val = part.features(text)
                if len(idx):
                    row += val @ self._weights[idx]
            out[i] = row
        return out

    def scores(self, texts: list[str]) -> np.ndarray:
        """Softmax scores, one row per text, columns in ``self.classes`` order."""
        z = self.margins(texts) * self.temperature
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True))

    def predict(self, texts: list[str]) -> list[Prediction]:
        """The best sub-event type for each text."""
        if not texts:
            return []
        out = []
        for row in self.scores(texts):
            order = np.argsort(-row)
            ranked = tuple((self.classes[i], float(row[i])) for i in order[:5])
            sub, conf = ranked[0]
            out.append(Prediction(sub, SUB_EVENT_TO_TYPE[sub], conf, ranked))
        return out
