"""Finding the gazetteer names in a text: longest match first, exact, then spelling-tolerant, then
fuzzy for capitalised words in a place slot ("in X"), with the words around each name read as
descriptors and cues."""

from __future__ import annotations

import re

from sigact.geo.gazetteer import Gazetteer
from sigact.geo.normalize import norm
from sigact.geo.places import PlaceMention, make_candidate
from sigact.geo.relations import mark_context, mark_relations, mark_unit_after
from sigact.geo.variants import CONSTRAINED_CUTOFF
from sigact.geo.wording import (
    CONNECTORS,
    NOT_A_NAME_AFTER,
    PAREN,
    STOPWORDS,
    TOKEN,
    in_place_slot,
    is_actor_name,
    is_dateline,
    is_sahel_belt,
    read_descriptors,
    tamasheq_prefix,
)


class Scanner:
    """Scans texts for the names of one gazetteer (``admin_names``: its admin units by level)."""

    def __init__(self, gazetteer: Gazetteer, admin_names: dict[int, set[str]]) -> None:
        self.gaz = gazetteer
        self.admin_names = admin_names

    def scan(self, text: str) -> list[PlaceMention]:
        """Every name of ``text`` with its (unscored) candidates, descriptors and relations marked."""
        toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        norms = [norm(t[2]) for t in toks]
        out: list[PlaceMention] = []
        i, n = 0, len(toks)
        max_w = self.gaz.max_words
        while i < n:
            start, _end, word = toks[i]
            tamasheq_i = word == "I" and text[toks[i][1] : toks[i][1] + 3] == "-n-"  # "I-n-Deliman"
            if (
                not word[:1].isupper()
                or (len(word) < 2 and not tamasheq_i)
                or (word.isupper() and not tamasheq_i and not is_dateline(text, toks[i][1]))
            ):
                i += 1
                continue
            found = None
            slot = in_place_slot(text, start)
            # longest run of joined tokens (only spaces, hyphens, apostrophes between)
            j = i
            while j + 1 < n and j - i + 1 < max_w and re.fullmatch(r"[ \-'’]{1,2}", text[toks[j][1] : toks[j + 1][0]]):
                nxt = toks[j + 1][2]
                hyphen = text[toks[j][1] : toks[j + 1][0]] == "-"  # "Gouin-gouin", "Dim-na"
                if not (nxt[:1].isupper() or norms[j + 1] in CONNECTORS or nxt[:1].isdigit() or hyphen):
                    break
                j += 1
            for k in range(j, i - 1, -1):
                key = " ".join(norms[i : k + 1])
                if k == i and key in STOPWORDS:
                    continue
                hits = self.gaz.lookup(text[start : toks[k][1]], fuzzy=False, loose=slot)
                if hits:
                    found = (k, hits)
                    break
            if found is None and norms[i] not in STOPWORDS and len(norms[i]) >= 4 and slot:
                k = j
                hits = self.gaz.lookup(text[start : toks[k][1]], fuzzy=True)
                if not hits and k > i:
                    k = i
                    hits = self.gaz.lookup(word, fuzzy=True)
                if hits:
                    found = (k, hits)
            if found is None and norms[i] not in STOPWORDS and len(norms[i]) >= 4:
                k = j
                hits = self.before_admin_group(text, text[start : toks[k][1]], toks[k][1])
                if hits:
                    found = (k, hits)
            tuareg = j > i and tamasheq_prefix(text, toks, norms, i)
            if found is None and tuareg:
                # "Tin-Hama", "In-Tillit": the compound as a whole, spelt loosely (fuzzily only in a
                # place slot; a Tamasheq compound is rarely anything but a place)
                hits = self.gaz.lookup(text[start : toks[i + 1][1]], fuzzy=slot, loose=True)
                if hits:
                    found = (i + 1, hits)
            if found is None:
                # an unknown "Tin-X" is not the village X ("Tin-Hama" is not Hama)
                i += 2 if tuareg else 1
                continue
            k, hits = found
            end = toks[k][1]
            if is_actor_name(text, start, end, norms, i, k) or NOT_A_NAME_AFTER.match(text, end):
                i = k + 1
                continue
            m = PlaceMention(text[start:end], start, end, [], quality=max(q for _, q in hits))
            if i > 0 and toks[i - 1][2][:1].isupper() and norms[i - 1] not in STOPWORDS and not slot:
                prev_gap = text[toks[i - 1][1] : start]
                if prev_gap == " " and not self.gaz.exact(toks[i - 1][2]):
                    m.cue -= 1.5  # "Norbert Zongo": part of a person's or organisation's name
                    if re.match(r" [A-Z]", text[end : end + 2]):
                        m.cue -= 1.5  # "Yerewolo Ton Association": inside a longer proper name
            m.candidates = [make_candidate(self.gaz, idx, q, m.surface) for idx, q in hits]
            read_descriptors(text, m)
            out.append(m)
            i = k + 1
        mark_context(text, out, self.admin_names)
        for m in out:
            if is_sahel_belt(text, m):
                m.cue = -3.0  # the belt south of the Sahara: no place, and no admin context
        mark_unit_after(text, out, self.admin_names)
        mark_relations(text, out)
        return out

    def before_admin_group(self, text: str, name: str, end: int) -> list[tuple[int, float]]:
        """Loose fuzzy hits for an unknown name followed by ACLED's "(Admin2, Admin1)" group
        ("Toladje (Niono, Segou)"): the group will keep only the look-alikes inside those units."""
        group = PAREN.match(text, end + 1) if text[end : end + 2] == " (" else PAREN.match(text, end)
        if group is None:
            return []
        parts = [p.strip() for p in group.group(1).split(",")]
        if not parts or not all(p and self.is_admin_name(p) for p in parts):
            return []
        return self.gaz.lookup(name, fuzzy=True, cutoff=CONSTRAINED_CUTOFF)

    def is_admin_name(self, name: str) -> bool:
        key = norm(name)
        return any(key in self.admin_names[level] for level in (1, 2, 3))
