"""The trained sub-event-type classifier (TF-IDF word + character n-grams, linear SVM).

The model file ``data/event_classifier.joblib`` is trained by ``scripts/train_classifier.py`` on
the TRAIN split (``sigact.evaluation.split``) of ACLED's coded notes for Mali and Burkina Faso.
Model trained on ACLED data, acleddata.com (Raleigh et al. 2010); the data itself is not shipped.

It predicts one of ACLED's 25 sub-event types; the event type follows from the taxonomy, so the
two are always consistent. Confidence is a softmax over the SVM margins with a temperature fitted
at training time (a calibrated-enough score in [0, 1], not a probability guarantee).
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


class EventClassifier:
    """Wraps the fitted vectorizer + linear model stored in the joblib bundle."""

    def __init__(self, bundle: dict[str, Any]) -> None:
        self.vectorizer = bundle["vectorizer"]
        self.model = bundle["model"]
        self.temperature = float(bundle.get("temperature", 1.0))
        self.classes: list[str] = [str(c) for c in self.model.classes_]
        self.meta: dict[str, Any] = bundle.get("meta", {})

    @classmethod
    @functools.cache
    def default(cls) -> EventClassifier:
        """The bundled model (loaded once)."""
        return cls(joblib.load(MODEL_PATH))

    def scores(self, texts: list[str]) -> np.ndarray:
        """Softmax scores, one row per text, columns in ``self.classes`` order."""
        margins = np.asarray(self.model.decision_function(self.vectorizer.transform(texts)), dtype=float)
        z = margins * self.temperature
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
