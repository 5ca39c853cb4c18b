"""The trained sub-event-type classifier (TF-IDF word + character n-grams, linear SVM).

The model file ``data/event_classifier.joblib`` is trained by ``scripts/train_classifier.py`` on
the TRAIN split (``sigact.evaluation.split``) of ACLED's coded notes for Mali and Burkina Faso.
Model trained on ACLED data, acleddata.com (Raleigh et al. 2010); the data itself is not shipped.

It predicts one of ACLED's 25 sub-event types; the event type follows from the taxonomy, so the
two are always consistent. The stored linear model already sums each sub-event type's margin with
its event type's margin (two SVMs folded into one at training time). Confidence is a softmax over
the margins with a temperature fitted at training time (a calibrated-enough score in [0, 1], not a
probability guarantee).

Besides the text's own words and characters, the word features see a few tokens that say who acts
and who suffers (``role_tokens``): each actor the registry finds is typed (state forces, an armed
group, civilians, a crowd) and, from the verbs around it, marked as the agent or the victim of the
violence ("gunmen killed two soldiers" -> an armed agent, a state victim). ACLED's line between an
Armed clash and an Attack is exactly that: who was hit, whatever the group's name or spelling. Two
more tokens say whether anyone was killed and whether anyone was wounded (``harm_tokens``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from sigact.actors.model import ActorMention
from sigact.actors.registry import Registry
from sigact.taxonomy import SUB_EVENT_TO_TYPE

MODEL_PATH = Path(__file__).with_name("data") / "event_classifier.joblib"
SEP = "\x00"  # model inputs are "text SEP role tokens": words see both, characters only the text

_VIOLENCE = (
    r"(?:kill(?:ed|ing|s)?|attack(?:ed|ing|s)?|ambush(?:ed|ing|es)?|shot|shoot(?:ing|s)?|wound(?:ed|ing|s)?|"
    r"injur(?:ed|ing|es)?|target(?:ed|ing|s)?|execut(?:ed|ing|es)?|assassinat(?:ed|ing|es)?|abduct(?:ed|ing|s)?|"
    r"kidnapp?(?:ed|ing|s)?|murder(?:ed|ing|s)?|beat(?:en|ing|s)?|raid(?:ed|ing|s)?|fir(?:ed|ing)\s+(?:on|at|upon)|"
    r"fire\s+(?:on|at|against)|clash(?:ed|es)?\s+with|fought|fighting|against|stormed|overran|"
    r"massacred|lynched|arrested|detained|tortured|robbed|harassed|threatened)"
)
# "... killed two [soldiers]": the mention is the object of a violent verb a few words before it
_VICTIM_BEFORE = re.compile(_VIOLENCE + r"\s+(?:[\w'-]+\s+){0,4}$", re.I)
# "[soldiers] were killed", "[a policeman] died of his wounds"
_VICTIM_AFTER = re.compile(
    r"^\s*(?:[\w'-]+\s+){0,3}?(?:(?:were|was|have\s+been|has\s+been|had\s+been|being)\s+(?:\w+\s+)?"
    + _VIOLENCE
    + r"|died|succumbed|lost\s+their\s+lives?|perished)",
    re.I,
)
_AGENT_AFTER = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}?" + _VIOLENCE, re.I)
_FIGHT = re.compile(r"\b(?:between|clash(?:ed|es)?|fought|fighting|confrontation|exchange\s+of\s+fire)\b", re.I)


def _kind(m: ActorMention) -> str:
    if m.inter == 1 or m.kind in ("state_military", "state_police"):
        return "state"
    if m.inter in (2, 3, 4, 8) or m.kind == "armed_generic":
        return "armed"
    if m.inter == 7 or m.kind == "civilians":
        return "civ"
    if m.inter in (5, 6) or m.kind in ("protesters", "rioters"):
        return "crowd"
    return "other"


def role_tokens(text: str, registry: Registry | None = None) -> str:
    """Tokens for the actors of ``text``: their type, and whether the wording makes them the agent or
    the victim of the violence, e.g. ``"zztarmed zzagentarmed zztstate zzvictstate zzpairarmedxstate"``."""
    reg = registry or Registry.default()
    toks: list[str] = []
    agents: list[str] = []
    victims: list[str] = []
    kinds: set[str] = set()
    for m in reg.find(text):
        k = _kind(m)
        kinds.add(k)
        toks.append(f"zzt{k}")
        after = text[m.end : m.end + 60]
        if _VICTIM_BEFORE.search(text[max(0, m.start - 60) : m.start]) or _VICTIM_AFTER.search(after):
            toks.append(f"zzvict{k}")
            victims.append(k)
        elif _AGENT_AFTER.search(after):
            toks.append(f"zzagent{k}")
            agents.append(k)
    if agents and victims:
        toks.append(f"zzpair{agents[0]}x{victims[0]}")
    toks.extend(f"zzanyvict{v}" for v in sorted(set(victims)))
    if _FIGHT.search(text) and kinds & {"state", "armed"} and "civ" not in victims:
        toks.append("zzfight")
    return " ".join(toks)


# Whether the text tells a death, and whether it tells injuries: ACLED codes a looting, an abduction or a
# demonstration in which people are killed or wounded as the attack or the violent demonstration, and the
# n-grams alone weigh such words among many others (5-fold CV on the train split: sub_event_type wF1
# 0.840 -> 0.843, event_type accuracy 0.883 -> 0.885)
_KILLED = re.compile(r"\b(?:killed|killing|dead|died|death|bodies|body|executed|murdered|tués?|morts?)\b", re.I)
_INJURED = re.compile(r"\b(?:wounded|injured|blessés?)\b", re.I)


def harm_tokens(text: str) -> str:
    """``zzkill`` when the text tells a death (``zznokill`` when it does not), then ``zzinj`` when it
    tells injuries."""
    toks = "zzkill" if _KILLED.search(text) else "zznokill"
    return toks + " zzinj" if _INJURED.search(text) else toks


# The model learned from English notes; a French report is read through an English gloss of its event words,
# appended to what the word features see (the character features still read the French text).
_FRENCH_WORDS = re.compile(r"\b(?:le|la|les|des|du|une|et|est|dans|ont|été|pour|par|avec|sur|qui|aux|selon)\b", re.I)
_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|was|were|with|for|by|on|in|to|from|have|has|had)\b", re.I)
_ACCENTED = re.compile(r"[éèàçê]", re.I)
_GLOSS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rx, re.I), gloss)
    for rx, gloss in (
        (r"\battaqu\w*", "attacked attack"),
        (r"\bassaut", "assault"),
        (r"\btu(?:é|és|ée|ées|ant|er|ait|aient)\b|\bdécéd\w*|\bmorts?\b|\btuerie", "killed"),
        (r"\bbless(?:é|és|ée|ées|ure|ures)\b", "wounded"),
        (r"\bembuscades?\b", "ambushed ambush"),
        (r"\baffrontements?\b|\baccrochages?\b|\béchanges?\s+de\s+tirs\b", "clashes clashed"),
        (r"\bcombats?\b", "fighting"),
        (r"\benlev(?:é|és|ée|ées|ement|ements)\b|\bkidnapp\w*|\brapts?\b", "abducted"),
        (r"\botages?\b", "hostages"),
        (r"\bmanifest(?:ation|ations|ants|é|ée|aient|ent)\b", "protest protesters"),
        (r"\bgrèves?\b", "strike"),
        (r"\bémeutes?\b|\bémeutiers\b", "riot rioters"),
        (r"\bsoldats?\b|\bmilitaires\b", "soldiers"),
        (r"\barmée\b", "army"),
        (r"\bgendarm\w*", "gendarmes"),
        (r"\bpolic(?:e|iers?)\b", "police"),
        (r"\bforces\s+de\s+(?:défense|sécurité)\b|\bFDS\b", "security forces"),
        (r"\bvolontaires\s+pour\s+la\s+défense\b|\bVDP\b", "VDP volunteers"),
        (r"\b(?:terroristes?|djihadistes?|jihadistes?|islamistes?)\b", "militants jihadists"),
        (r"\b(?:hommes|individus|assaillants)\s+armés\b|\bassaillants\b", "gunmen assailants"),
        (r"\bcivils?\b|\bpopulations?\b", "civilians"),
        (r"\bvillageois\b|\bhabitants\b", "villagers residents"),
        (r"\b(?:base|camp)\s+militaire\b|\bcasernes?\b|\bdétachement\b", "military base camp"),
        (r"\bengins?\s+explosifs?\b|\bEEI\b|\bmines?\s+artisanales?\b", "IED explosive device"),
        (r"\bfrappes?\s+aériennes?\b|\bbombardements?\s+aériens?\b|\bfrappes?\s+de\s+drones?\b", "airstrike"),
        (r"\bkamikazes?\b|\battentats?[-\s]suicides?\b", "suicide bomber"),
        (r"\bobus\b|\bmortiers?\b|\btirs\s+d'artillerie\b", "shelling mortar"),
        (r"\bincendi\w*|\bbrûl\w*", "burned"),
        (r"\bpill(?:é|és|ée|ées|age|ages|ent|aient)\b|\bsacag\w*|\bsaccag\w*", "looted"),
        (r"\barrêt(?:é|és|ée|ées)\b|\binterpell\w*", "arrested"),
        (r"\bexécut\w*", "executed"),
        (r"\bassassin\w*", "assassinated"),
        (r"\bneutralis\w*", "neutralized"),
        (r"\brepouss\w*", "repelled"),
        (r"\bvéhicules?\s+blindés?\b", "armoured vehicles"),
    )
)


def english_gloss(text: str) -> str:
    """For a text in French, English words for the event words it uses ("soldats tués" -> "soldiers
    killed"), else ""."""
    if not _ACCENTED.search(text) or len(_FRENCH_WORDS.findall(text)) <= len(_ENGLISH_WORDS.findall(text)):
        return ""  # (French prose without a single é, è, à, ç or ê is not met in practice)
    return " ".join(gloss for rx, gloss in _GLOSS if rx.search(text))


def model_input(text: str, harm: bool = True) -> str:
    """What the model reads: the text, then its role tokens, (``harm``) its harm tokens and, for a French
    text, the English gloss of its event words."""
    gloss = english_gloss(text)
    tokens = role_tokens(text)
    if harm:
        tokens = f"{tokens} {harm_tokens(text + ' ' + gloss if gloss else text)}"
    if gloss:
        tokens = f"{tokens} {gloss}"
    return text + SEP + tokens


def word_input(s: str) -> str:
    """The word vectorizer's preprocessor: the text and the role tokens, lower-cased."""
    return s.replace(SEP, " ").lower()


def char_input(s: str) -> str:
    """The character vectorizer's preprocessor: the text alone, lower-cased."""
    return s.split(SEP, 1)[0].lower()


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

    _WORD_MEMO_MAX = 200_000  # words whose character n-grams are remembered (cleared when full)

    def __init__(self, tf: Any, offset: int) -> None:
        self.analyze = tf.build_analyzer()
        self.vocab: dict[str, int] = {k: int(v) + offset for k, v in tf.vocabulary_.items()}
        self.idf = np.zeros(offset + len(tf.vocabulary_), dtype=np.float64)
        self.idf[offset:] = tf.idf_
        self.sublinear = bool(tf.sublinear_tf)
        self.norm = tf.norm
        # "char_wb" n-grams never cross a word boundary, so a text's n-grams are its words' n-grams: each
        # word's in-vocabulary n-grams are computed once and remembered (most words recur from text to text)
        self._char_wb: tuple[int, int] | None = None
        if tf.analyzer == "char_wb":
            self._char_wb = (int(tf.ngram_range[0]), int(tf.ngram_range[1]))
        self._preprocess = tf.build_preprocessor()
        self._word_grams: dict[str, list[int]] = {}

    def _grams_of_word(self, word: str) -> list[int]:
        """The vocabulary indices of one word's character n-grams, as sklearn's ``char_wb`` analyzer
        makes them (the word padded with one space each side; a word shorter than n counted once)."""
        assert self._char_wb is not None
        lo, hi = self._char_wb
        w = " " + word + " "
        size = len(w)
        vocab = self.vocab
        out: list[int] = []
        for n in range(lo, hi + 1):
            for start in range(max(size - n, 0) + 1):
                j = vocab.get(w[start : start + n])
                if j is not None:
                    out.append(j)
            if size <= n:
                break
        if len(self._word_grams) >= self._WORD_MEMO_MAX:
            self._word_grams.clear()
        self._word_grams[word] = out
        return out

    def _counts(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Vocabulary indices and their counts in ``text``."""
        if self._char_wb is not None:
            memo = self._word_grams
            found: list[int] = []
            for word in self._preprocess(text).split():
                grams = memo.get(word)
                found.extend(grams if grams is not None else self._grams_of_word(word))
            if not found:
                return np.zeros(0, dtype=np.int64), np.zeros(0)
            idx, n = np.unique(np.asarray(found, dtype=np.int64), return_counts=True)
            return idx, n.astype(np.float64)
        counts: dict[int, int] = {}
        vocab = self.vocab
        for gram in self.analyze(text):
            j = vocab.get(gram)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        return idx, np.fromiter(counts.values(), dtype=np.float64, count=len(counts))

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        idx, tf = self._counts(text)
        if not len(idx):
            return np.zeros(0, dtype=np.int64), np.zeros(0)
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
        self.role_features = bool(self.meta.get("role_features", False))
        self.harm_features = bool(self.meta.get("harm_features", False))
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
        """The linear model's decision values (equal to ``model.decision_function`` on the sklearn features
        of ``model_input(text)``, or of the bare text for a model trained without role features)."""
        out = np.empty((len(texts), len(self.classes)))
        for i, text in enumerate(texts):
            if self.role_features:
                text = model_input(text, harm=self.harm_features)
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
