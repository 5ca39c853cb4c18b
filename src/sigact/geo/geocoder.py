"""Finding places in text, choosing among same-named places, and choosing where an event happened.

``Geocoder.locate(text, focus)`` works in three steps:

1. :meth:`Geocoder.find_places` scans the text for names in the gazetteer (longest match first,
   exact, then spelling-tolerant, then fuzzy for capitalised words in a place slot such as "in X"),
   and reads descriptors around each name ("the village of X", "near X", "X cercle",
   "the Bandiagara region", "(Douentza, Mopti)").
2. Each mention's candidates are scored with the context of the whole text: country, admin units
   named anywhere, other places nearby, feature type, population, and whether the team's own
   history (user layer) has events there.
3. The event's place is the best mention in the focus span: a name after "in/at/near/village of",
   early in the sentence, not after "towards/from/fled to", not an admin context in parentheses.
   When no name resolves, the smallest admin unit the text supports is returned with
   geo_precision 2 or 3, never a guessed point.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sigact.geo.gazetteer import COUNTRY_BY_NAME, COUNTRY_ISO_NUM, COUNTRY_NAMES, ETHNIC_SUFFIX, Entry, Gazetteer
from sigact.geo.normalize import LEVEL_WORDS, compact, norm

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

# Capitalised words that are never the place of an event even when a village bears the name.
STOPWORDS = frozenset(
    """
    on in at the a an of and or to from for by with near between during after before since around
    january february march april may june july august september october november december
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi
    samedi dimanche
    presumed suspected unidentified unknown armed military forces army soldiers militants militant
    men gunmen police gendarmes gendarmerie people civilians civilian government state islamic
    islamist jihadist jihadists group groups the un au eu us french france malian burkinabe
    nigerien operation operations barkhane serval minusma eutm takuba fama jnim isgs iswap aqim
    gsim mujao gatia msa cma hcua mnla cmfpr cspdpa ansar ansarul ansaroul dine katiba
    fulani peul peuls peulh fulbe dogon dogons bambara bozo bozos tuareg tuaregs touareg
    daoussak daosahak imghad idnane mossi songhai sonrai bella arab arabs dozo dozos donso koglweogo
    koglweogos vdp wagner russian russians dan na ambassagou his her their its this that these those
    burkina faso mali niger nigeria benin togo ghana algeria mauritania chad islam muslim christian
    more read site attack day we you wa nasr nusrat jama jamaat haram boko borno soufan konrad sole
    modibo keita diarra traore coulibaly cisse toure maiga diallo sidibe kone sangare dicko amadou
    hamadoun oumar ibrahim mohamed ahmed assimi goita compaore kabore sankara bazoum tiani damiba
    kafando zida ouedraogo sawadogo zongo macron azawad azaouad kounta imghad idnane bin ben
    sanogo konate dembele doumbia bagayoko diakite ouattara sylla camara kante tembely guindo konare
    sharia category water labor labour palace institute pro anti ex non pan post pre neo staff land radio
    village teacher teachers guard quran liberty orange chadian ghanaian chinese indian guinean ivorian
    senegalese mauritanian algerian nigerian libyan moroccan american european soninke malinke bambaras
    gourmantche gourmantches
    catholic tin ti in kel ag le la les un une des du et au aux monde afrique africa no not all both
    none nor yet so but if as is was were be new old
    north south east west northern southern eastern western central upper lower great grand petit
    red white black blue green road river lake forest mount camp market school mosque church hospital
    prison airport university union national republic democratic front movement council office
    coordination association brigade battalion sector zone general minister president colonel captain
    lieutenant imam mayor chief
    sergeant commander prefect governor mr mrs dr saint sainte st
    gambia senegal guinea cameroon libya sudan morocco tunisia egypt ivory coast liberia sierra leone
    also two three four five six seven eight nine ten one several some many
    """.split()
)
# Phrases in a sentence that end a mention's chance to be the event place.
_AWAY = re.compile(
    r"(?:towards?|toward|en route to|heading to|headed to|fled to|fled|from|back to|direction of|"
    r"vers|en direction de|based in|originally from|native of|\bbetween\s+[\w'’ -]{2,40}\s+and|"
    r"(?:evacuated|transferred|taken|transported|rushed|airlifted|admitted|returning|returned|travell?ing|"
    r"moving|bound)\s+(?:back\s+)?(?:to|for)(?:\s+(?:the\s+)?(?:hospital|health cent(?:re|er)|CSCOM)\s+(?:of|in))?|"
    r"on (?:the|their|his|its) way to|leaving for)\s*$",
    re.I,
)
_AT = re.compile(
    r"(?:\bin|\bat|\bnear|\baround|\boutside|\bnorth of|\bsouth of|\beast of|\bwest of|\bof|\bon|"
    r"\bvillage|\btown|\blocality|\bcamp|\bcommune|\barea|\bà|\bau|\bde|\bdu|\bdans)\s*(?:the\s+)?"
    r"(?:(?:village|town|locality|area|commune|city|hamlet|camp|site)\s+of\s+)?$",
    re.I,
)
_NEAR = re.compile(
    r"(?:\bnear|\baround|\boutside|\bvicinity of|\barea of|\boutskirts of|\bnorth of|\bsouth of|\beast of|"
    r"\bwest of|\bkm from|\bkilometres from|\bkilometers from|\bpr[eè]s de|\bnon loin de)\s*(?:the\s+)?$",
    re.I,
)
_AREA_AFTER = re.compile(r"^\s*(?:area|vicinity|surroundings|outskirts|axis|road|zone)\b", re.I)
_LEVEL_AFTER = re.compile(r"^\s*(rural commune|urban commune|" + "|".join(LEVEL_WORDS) + r")\b", re.I)
_LEVEL_BEFORE = re.compile(
    r"\b(rural commune|urban commune|" + "|".join(LEVEL_WORDS) + r")\s+(?:of|de la|de l'|du|des|de|d')?\s*$", re.I
)
# the seat of the source, not the event place: "according to the Interior Ministry in the capital Niamey"
_SOURCE_SEAT = re.compile(
    r"\b(?:ministry|government|authorities|officials?|spokesm[ae]n|headquarters|statement|ministère|autorités)"
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:in|à|from)\s+(?:the\s+capital,?\s+|la\s+capitale,?\s+)?$",
    re.I,
)
# a dateline: "Niamey, 22 March 2025 (dpa) -", "BAMAKO (Reuters) -": where the reporter files from
_DATELINE_AFTER = re.compile(r"\s*(?:,\s*[\w ]{0,30}?\d{4}\s*)?\([\w/ .-]{2,25}\)\s*[-–—]")
_OF_PERSON = re.compile(
    r"\b(?:mayor|governor|prefect|sub-?prefect|chief|imam|deputy|MP|residents?|people|natives?|son|"
    r"daughter|inhabitants|youths?|community|communities|elders?|notables?|representatives?)\s+of\s+(?:the\s+)?$",
    re.I,
)
_PERSON = re.compile(
    r"\b(?:General|Gen\.|Minister|President|Colonel|Col\.|Captain|Capt\.|Lieutenant|Lt\.|Imam|Mayor|"
    r"Chief|Sergeant|Commander|Mr\.?|Mrs\.?|Dr\.?|Prefect|Governor|named|called|Amadou|Ag)\s+$"
)
_NEAR_GAP = re.compile(
    r"^[\s,(]*(?:(?:a|the)\s+(?:village|town|locality|hamlet|camp|site)\s+)?(?:located\s+|situated\s+|just\s+)?"
    r"(?:near|close to|not far from|(?:about\s+|some\s+|around\s+)?\d+\s*(?:km|kms|kilometers|kilometres|miles)"
    r"(?:\s+\w+)?\s+(?:of|from)|(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west)\s+of|in the (?:vicinity|area|outskirts) of|outside)\s*$",
    re.I,
)
_QUARTER_GAP = re.compile(
    r"\s*(?:quarter|neighbou?rhood|district|sector|area|market|suburb|hospital|prison|camp|town hall|mosque)"
    r"\s+(?:of|in)\s+",
    re.I,
)
_COMPLEX_QUERY = re.compile(r"[,;()\[\]]|\b(?:" + "|".join(LEVEL_WORDS) + r"|near|of|in|area)\b", re.I)
# Burkina Faso's regions with everyday names: "the Sahel region" is usually the whole Sahel
_GENERIC_REGIONS = frozenset({"sahel", "centre", "nord", "est", "centre nord", "centre est", "centre ouest"})
UCDP_BONUS = 0.3
CITY_BONUS = 0.4
CITY = 50_000  # population from which a place is a city everybody means by its name
# Mali's regions created in 2016 are still often written as the region they were cut from
FORMER_REGION = {"menaka": "gao", "taoudenit": "tombouctou"}
REGION_CUE = 0.3
_COUNTRY_NAME = re.compile(r"\b(Burkina[\s-]+Faso|Mali|Niger)(?:['’]?s)?\b(?!ia)", re.I)  # "Malis capital"
_COUNTRY_AFTER = re.compile(r"\s*(?:,|\(|\bin\b)\s*(Burkina Faso|Mali|Niger)\b(?!ia)")
_CONSTRAINED_CUTOFF = 70.0  # rapidfuzz ratio for spellings looked for only inside the units named
# Actors and institutions that belong to one country: a weak country cue when no country is named
# ("Koglweogo", "Ansaroul Islam", "VDP" are Burkinabe; "FAMa", "Dan Na Ambassagou" are Malian).
_ACTOR_COUNTRY = {
    "BF": re.compile(
        r"\b(?:Ansaroul Islam|Ansarul Islam|Koglweogo|VDP|Volunteers? for the Defen[cs]e of the Homeland|"
        r"Volontaires pour la d[ée]fense de la patrie|volunteer fighters?|Burkinab[eè]|Ouagadougou|Mossi|"
        r"Foulse|Kurumba|Gourmantch[eé])\b",
        re.I,
    ),
    "ML": re.compile(
        r"\b(?:FAMa|Dan Na Ambassagou|Katiba Macina|Macina Liberation Front|MINUSMA|GATIA|CMA|HCUA|MNLA|"
        r"Bamako|Dozos?|Donsos?|Dogons?|Dana? Ambassagou|MSA|Ganda (?:Izo|Koy|Iso)|Imghad|Daw?o?sa?ha[kq]|"
        r"Daoussahak)\b",
        re.I,
    ),
    "NE": re.compile(r"\b(?:FDS nig[ée]riennes|Niamey|Nigerien)\b", re.I),
}
_ACTOR_WORDS = frozenset(
    "militants militia militiamen brigade katiba fighters army forces soldiers government authorities "
    "troops men armed".split()
)
# Armed groups and communities with a well-known home area (a weak regional cue for same-named
# villages): Katiba Macina is named after the Macina (Mopti/Ségou), Dan Na Ambassagou is the Dogon
# militia of the Mopti region, MSA and GATIA operate around Gao and Ménaka, Ansaroul Islam in
# Burkina Faso's Sahel and Nord.
_ACTOR_REGIONS: list[tuple[re.Pattern[str], frozenset[tuple[str, str]]]] = [
    (re.compile(r"\b(?:Katiba Macina|Macina Liberation Front|FLM|Dozos?|Donsos?)\b", re.I),
     frozenset({("ML", "mopti"), ("ML", "segou")})),
    (re.compile(r"\b(?:Dana? Na Ambassagou|Dana Amassagou|Dogons?)\b", re.I), frozenset({("ML", "mopti")})),
    (re.compile(r"\b(?:MSA|GATIA|Daw?o?sa?ha[kq]|Daoussahak|Imghad)\b"),
     frozenset({("ML", "gao"), ("ML", "menaka"), ("ML", "kidal")})),
    (re.compile(r"\b(?:Ansaroul Islam|Ansarul Islam)\b", re.I),
     frozenset({("BF", "sahel"), ("BF", "nord"), ("BF", "centre nord")})),
]  # fmt: skip
# When a text names no place, the region its armed groups are rooted in, or the part of the
# country it names ("central Mali"), is a better guess than the capital: ACLED codes such events
# at the region's seat (geo_precision 3). MUJAO held Gao in 2012; Ansaroul Islam was founded in
# Burkina Faso's Soum province (Sahel region). Only one home region per cue; a text pointing to two
# regions falls back to the capital as before.
_FALLBACK_REGIONS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"\b(?:Katiba Macina|Macina Liberation Front|Dana? Na Ambassagou|Dana Amassagou|Dogons?)\b"
                r"|\bcent(?:ral|re of|er of) Mali\b", re.I), "ML", "mopti"),
    (re.compile(r"\b(?:CMA|MNLA|HCUA)\b|Coordination (?:of|des) (?:the )?(?:Azawad|Mouvements de l.Azawad)"),
     "ML", "kidal"),
    (re.compile(r"\b(?:MSA|GATIA|Daoussahak|Imghad|MUJAO)\b"), "ML", "gao"),
    (re.compile(r"\b(?:Ansaroul|Ansarul) Islam\b", re.I), "BF", "sahel"),
]  # fmt: skip
_PAREN = re.compile(r"\(([^()]{2,80})\)")
# What follows a capitalised word that makes it no place name: a patronymic ("Baba ould Cheikh",
# "Alghabass ag Intalla"), a common surname ("Alou Doumbia") or a company/organisation word
# ("Bissa Gold", "X Association").
_NOT_A_NAME_AFTER = re.compile(
    r"\s+(?:ould|ag|bin|ben|ibn|wuld)\s+[A-Z]"
    r"|\s+(?:Sanogo|Konat[eé]|Demb[eé]l[eé]|Doumbia|Bagayoko|Diakit[eé]|Ouattara|Sylla|Camara|Kant[eé]|"
    r"Traor[eé]|Coulibaly|Ciss[eé]|Tour[eé]|Ma[iï]ga|Diallo|Sidib[eé]|Kon[eé]|Sangar[eé]|Dicko|Diarra|Ke[iï]ta|"
    r"Ou[eé]draogo|Sawadogo|Kabor[eé]|Compaor[eé]|Konar[eé]|Tall|Ba|Dia|Sow|Barry|Bah|Kouyat[eé]|Fofana)\b"
    r"|\s+(?:Gold|Mining|Association|Company|Movement|Party|Coalition|Committee|Collective|Federation|Alliance|"
    r"Foundation|Club|Group|families|family|clan)\b"
)
_CONNECTORS = frozenset({"n", "de", "el", "du", "la", "i", "ag", "ould", "d", "l", "in", "bis", "es"})


@lru_cache(maxsize=100_000)
def _deaccent(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _spelling(m: PlaceMention, c: Candidate) -> str:
    """The place's name as the text writes it when the text names it exactly ("Barsalogho",
    "Tinzaouaten", "Timbuktu": the press's and ACLED's spellings, where GeoNames has "Barsalogo",
    "Ti-n-Zaouatene", "Tombouctou"); the gazetteer's name for loose matches, admin units and the
    user layer (which already holds the team's spellings)."""
    surface = " ".join(m.surface.split())
    if c.level is not None or c.source == "user" or not surface or m.start < 0:
        return c.name
    if c.reasons[:1] != ["name 1.00"]:
        return c.name
    if surface.isupper() and len(surface) > 3:
        surface = surface.title()
    return surface


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (a cheap approximation beyond ~300 km, where only "far" matters)."""
    if abs(lat1 - lat2) > 3.0 or abs(lon1 - lon2) > 3.0:
        return 111.0 * max(abs(lat1 - lat2), abs(lon1 - lon2) * math.cos(math.radians((lat1 + lat2) / 2)))
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(slots=True)
class Candidate:
    """One gazetteer entry a name may refer to, with its score and the reasons for it."""

    name: str
    latitude: float
    longitude: float
    feature: str
    country: str
    iso2: str
    admin1: str | None
    admin2: str | None
    admin3: str | None
    population: int
    source: str
    level: int | None
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    entry_index: int = -1
    events: int = 0  # known conflict events here (UCDP GED in the bundle, imported ones in the user layer)
    city: float = 0.0  # the part of the score that only ranks same-named candidates (a large city)


@dataclass(slots=True)
class PlaceMention:
    """A name found in a text, with its candidates (best first)."""

    surface: str
    start: int
    end: int
    candidates: list[Candidate]
    level: int | None = None  # admin level stated by a descriptor ("X cercle" -> 2)
    near: bool = False  # "near X", "X area"
    role: str = "place"  # "place" | "context" (admin context in parentheses)
    cue: float = 0.0  # how much the words around it say "the event happened here"
    elsewhere: bool = False  # a dateline or the seat of the source: never the event place of its sentence
    context_group: tuple[int, int] | None = None  # the "(X, Y)" group right after the name
    # inside a "(Admin2, Admin1)" group: the levels its position allows (last part: the region)
    group_levels: tuple[int, ...] = (1, 2, 3)
    quality: float = 1.0


@dataclass(slots=True)
class Place:
    """Where an event happened, in ACLED's terms."""

    location: str
    latitude: float
    longitude: float
    geo_precision: int
    country: str
    iso: int
    admin1: str | None
    admin2: str | None
    admin3: str | None
    score: float
    surface: str
    start: int
    end: int


@dataclass(slots=True)
class _Context:
    """Countries and admin units named in a text; admin names map to the mentions naming them."""

    countries: set[str]
    admin: dict[int, dict[str, set[int]]]
    hinted: str | None = None  # the caller's country_hint (stronger than a country named in passing)
    cued: set[str] = field(default_factory=set)  # countries only its actors point to (a weak cue)
    nationals: set[str] = field(default_factory=set)  # nationalities named ("Malian soldiers")
    attached: dict[int, str] = field(default_factory=dict)  # mention -> country written after it
    regions: set[tuple[str, str]] = field(default_factory=set)  # (iso2, admin1) the actors point to
    strong: set[int] = field(default_factory=set)  # mentions that are explicit admin context

    def named(self, level: int, name: str | None, exclude: int) -> bool:
        if not name:
            return False
        key = norm(name)
        ids = self.admin[level].get(key)
        if ids is None and level == 1 and key in FORMER_REGION:
            ids = self.admin[1].get(FORMER_REGION[key])  # "Gao" still covers Ménaka in the press
        return ids is not None and bool(ids - {exclude})


class Geocoder:
    """Gazetteer look-ups, disambiguation in context and event location choice."""

    _default: Geocoder | None = None
    _lock = threading.Lock()

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._last: tuple[str, str | None, list[PlaceMention]] | None = None
        self._cells: dict[tuple[int, int], list[Entry]] | None = None
        self._capitals = {e.cc: i for i, e in enumerate(gazetteer.entries) if e.fcode == "PPLC"}
        self._regions = {
            (e.cc, norm(e.admin1)): i for i, e in enumerate(gazetteer.entries) if e.level == 1 and e.admin1
        }
        self._admin_names: dict[int, set[str]] = {1: set(), 2: set(), 3: set()}
        for e in gazetteer.entries:
            if e.admin1:
                self._admin_names[1].add(norm(e.admin1))
            if e.admin2:
                self._admin_names[2].add(norm(e.admin2))
            if e.admin3:
                self._admin_names[3].add(norm(e.admin3))

    # -- construction ---------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Geocoder:
        """The bundled gazetteer plus the user layer if one exists (cached)."""
        with cls._lock:
            if cls._default is None:
                from sigact.geo.userlayer import default_layer_path

                cls._default = cls.load(user_layer=default_layer_path())
            return cls._default

    @classmethod
    def load(cls, user_layer: Path | None = None, bundled: bool = True) -> Geocoder:
        from sigact.geo.gazetteer import BUNDLED_PATH

        return cls(Gazetteer.load(BUNDLED_PATH if bundled else None, user_layer))

    @classmethod
    def reset_default(cls) -> None:
        with cls._lock:
            cls._default = None

    # -- scanning -------------------------------------------------------------------------------
    def find_places(self, text: str, country_hint: str | None = None) -> list[PlaceMention]:
        """Every gazetteer name in ``text`` (longest match first), with scored candidates.

        The last text's result is kept, so extraction calling :meth:`locate` once per sentence of
        one document scans the document once."""
        last = self._last
        if last is not None and last[0] == text and last[1] == country_hint:
            return list(last[2])
        mentions = self._scan(text)
        ctx = self._context(text, mentions, country_hint)
        self._constrain(text, mentions, ctx)
        for i, m in enumerate(mentions):
            self._score(m, ctx, i)
        self._last = (text, country_hint, mentions)

        self._coherence(mentions, ctx)
        self._proximity(mentions)
        return list(mentions)

    def _scan(self, text: str) -> list[PlaceMention]:
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
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
                or (word.isupper() and not tamasheq_i and not self._dateline(text, toks[i][1]))
            ):
                i += 1
                continue
            found = None
            slot = self._slot(text, start)
            # longest run of joined tokens (only spaces, hyphens, apostrophes between)
            j = i
            while j + 1 < n and j - i + 1 < max_w and re.fullmatch(r"[ \-'’]{1,2}", text[toks[j][1] : toks[j + 1][0]]):
                nxt = toks[j + 1][2]
                hyphen = text[toks[j][1] : toks[j + 1][0]] == "-"  # "Gouin-gouin", "Dim-na"
                if not (nxt[:1].isupper() or norms[j + 1] in _CONNECTORS or nxt[:1].isdigit() or hyphen):
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
                hits = self._before_admin_group(text, text[start : toks[k][1]], toks[k][1])
                if hits:
                    found = (k, hits)
            tuareg = j > i and self._tuareg_prefix(text, toks, norms, i)
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
            if self._is_actor_name(text, start, end, norms, i, k) or _NOT_A_NAME_AFTER.match(text, end):
                i = k + 1
                continue
            m = PlaceMention(text[start:end], start, end, [], quality=max(q for _, q in hits))
            if i > 0 and toks[i - 1][2][:1].isupper() and norms[i - 1] not in STOPWORDS and not slot:
                prev_gap = text[toks[i - 1][1] : start]
                if prev_gap == " " and not self.gaz.exact(toks[i - 1][2]):
                    m.cue -= 1.5  # "Norbert Zongo": part of a person's or organisation's name
                    if re.match(r" [A-Z]", text[end : end + 2]):
                        m.cue -= 1.5  # "Yerewolo Ton Association": inside a longer proper name
            m.candidates = [self._candidate(idx, q, m.surface) for idx, q in hits]
            self._read_descriptors(text, m)
            out.append(m)
            i = k + 1
        self._mark_context(text, out)
        self._mark_unit_after(text, out)
        self._mark_relations(text, out)
        return out

    @staticmethod
    def _tuareg_prefix(text: str, toks: list[tuple[int, int, str]], norms: list[str], i: int) -> bool:
        """``toks[i]`` is the "Tin"/"Ti-n"/"In-" of a Tamasheq place name joined to the next word."""
        gap = text[toks[i][1] : toks[i + 1][0]]
        if norms[i] == "tin":
            return gap in {" ", "-"} and toks[i + 1][2][:1].isupper()
        return norms[i] in {"in", "ti", "i"} and gap == "-" and toks[i + 1][2][:1].isupper()

    def _before_admin_group(self, text: str, name: str, end: int) -> list[tuple[int, float]]:
        """Loose fuzzy hits for an unknown name followed by ACLED's "(Admin2, Admin1)" group
        ("Toladje (Niono, Segou)"): the group will keep only the look-alikes inside those units."""
        group = _PAREN.match(text, end + 1) if text[end : end + 2] == " (" else _PAREN.match(text, end)
        if group is None:
            return []
        parts = [p.strip() for p in group.group(1).split(",")]
        if not parts or not all(p and self._is_admin_name(p) for p in parts):
            return []
        return self.gaz.lookup(name, fuzzy=True, cutoff=_CONSTRAINED_CUTOFF)

    def _is_admin_name(self, name: str) -> bool:
        key = norm(name)
        return any(key in self._admin_names[level] for level in (1, 2, 3))

    def _constrain(self, text: str, mentions: list[PlaceMention], ctx: _Context) -> None:
        """Spelling variants inside the units the text states beat exact names outside them.

        - "X (Admin2, Admin1)": when no candidate of X lies in the units in parentheses, look for
          looser spellings of X (rapidfuzz cut-off 70) among the places inside them;
        - "Diaka in Tenenkou Cercle", "X, Soum province": when no candidate of X lies in the units
          the text states with a descriptor or in parentheses, spellings of X within the usual
          fuzzy cut-off (84; 86 when only regions are stated) inside them;
        - "X, Burkina Faso" or a text naming its country: when no candidate of X is in a country
          the text names, look for spellings of X (cut-off 80) in those countries.
        Candidates found are added; scoring then prefers them by their admin units and country."""
        for m in mentions:
            if m.role != "place" or any(c.level is not None for c in m.candidates):
                continue
            have = {c.entry_index for c in m.candidates}
            extra: list[tuple[int, float]] = []
            if m.context_group is not None:
                inner = text[m.context_group[0] + 1 : m.context_group[1] - 1]
                parts = [norm(p) for p in inner.split(",") if p.strip()]
                units = set(parts)

                def inside(e: Entry, parts: list[str] = parts) -> bool:
                    # "(Admin2, Admin1)": the first part is the smallest unit, the last the region
                    small = {norm(e.admin2 or ""), norm(e.admin3 or "")}
                    if len(parts) >= 2:
                        region = norm(e.admin1 or "")
                        return parts[0] in small and parts[-1] in {region, FORMER_REGION.get(region)}
                    return bool(parts) and (parts[0] in small or parts[0] == norm(e.admin1 or ""))

                def anywhere(e: Entry, units: set[str] = units) -> bool:
                    return bool(units & {norm(e.admin1 or ""), norm(e.admin2 or ""), norm(e.admin3 or "")})

                # only ACLED's two-part "(Admin2, Admin1)", and only when no candidate is in any of
                # the units named (GeoNames' admin-2 of a village is sometimes the neighbouring one)
                if (
                    len(parts) >= 2
                    and norm(m.surface) not in STOPWORDS
                    and norm(m.surface) not in LEVEL_WORDS
                    and not any(anywhere(self.gaz.entries[c.entry_index]) for c in m.candidates)
                ):
                    extra = [
                        (i, q) for i, q in self._fuzzy_all(m.surface, _CONSTRAINED_CUTOFF)
                        if i not in have and inside(self.gaz.entries[i])
                    ]  # fmt: skip
            elif (named := self._units_named(ctx, mentions.index(m))) and norm(m.surface) not in STOPWORDS:
                # "Diaka in Tenenkou Cercle", "X, Soum province": the same, for units the text
                # names with a descriptor elsewhere
                def in_named(e: Entry, named: set[tuple[int, str]] = named) -> bool:
                    return any((lv, norm(a or "")) in named for lv, a in ((1, e.admin1), (2, e.admin2), (3, e.admin3)))

                if not any(in_named(self.gaz.entries[c.entry_index]) for c in m.candidates):
                    cutoff = 86.0 if all(lv == 1 for lv, _ in named) else 84.0
                    extra = [
                        (i, q) for i, q in self._fuzzy_all(m.surface, cutoff)
                        if i not in have and self.gaz.entries[i].level is None and in_named(self.gaz.entries[i])
                    ]  # fmt: skip
            elif (
                m.candidates
                and (cc := self._country_after(text, m.end)) is not None
                and not any(c.iso2 == cc for c in m.candidates)
            ):
                named_cc = {cc}
                extra = [
                    (i, q) for i, q in self._fuzzy_all(m.surface, 80.0)
                    if i not in have and self.gaz.entries[i].cc in named_cc
                    and self.gaz.entries[i].level is None
                ]  # fmt: skip
            if extra:
                m.candidates += [self._candidate(i, q, m.surface) for i, q in extra]
                for c in m.candidates[-len(extra) :]:
                    c.reasons.append("spelling variant inside the units named")

    @staticmethod
    def _units_named(ctx: _Context, me: int) -> set[tuple[int, str]]:
        """(level, name) of the admin units the text states explicitly (a descriptor or a
        parenthesis), other than mention ``me`` itself."""
        strong = ctx.strong - {me}
        if not strong:
            return set()
        return {(level, key) for level in (1, 2, 3) for key, ids in ctx.admin[level].items() if ids & strong}

    @staticmethod
    def _country_after(text: str, end: int) -> str | None:
        """The country written right after a name: "Nadiagou, Burkina Faso", "Nadiagou (Burkina Faso)",
        "Nadiagou in Burkina Faso"."""
        found = _COUNTRY_AFTER.match(text, end)
        return COUNTRY_BY_NAME.get(norm(found.group(1))) if found else None

    def _fuzzy_all(self, name: str, cutoff: float) -> list[tuple[int, float]]:
        """Spelling variants even when the name also matches exactly (exact hits lie elsewhere)."""
        c = compact(name)
        if len(c) < 4:
            return []
        from rapidfuzz import fuzz, process

        pool = self.gaz._fuzzy_pool.get(c[:1], [])
        best: dict[int, float] = {}
        # the same compact key first: an exact match of one spelling hides the others
        # ("In Deliman" is a well's name; "I-n-Délimane" the wadi in the units named)
        for i in self.gaz.by_compact.get(c, ()):
            best[i] = 0.95
        for key, score, _ in process.extract(c, pool, scorer=fuzz.ratio, score_cutoff=cutoff, limit=20):
            if key == c:
                continue
            for i in self.gaz.by_compact[key]:
                best[i] = max(best.get(i, 0.0), 0.9 * score / 100.0)
        return sorted(best.items(), key=lambda kv: -kv[1])

    @staticmethod
    def _mark_relations(text: str, mentions: list[PlaceMention]) -> None:
        """ACLED's conventions between two names of one phrase:

        - "X [Y]": Y is the name ACLED codes (its spelling of X);
        - "X near Y", "X, 15 km from Y", "X, north of Y", "X (40 km from Kidal)" when X is known
          only approximately: the reference town Y is coded, geo_precision 2;
        - "the X quarter of Y", "X market in Y": the town Y.

        ("A-B axis" and "between A and B" are left to the order of mention: ACLED's notes code
        either end, with no rule visible in the data.)
        """
        for a, b in zip(mentions, mentions[1:], strict=False):
            gap = text[a.end : b.start]
            if len(gap) > 60:
                continue
            if gap.strip() == "[" or re.fullmatch(r"\s*\[", gap):
                b.cue += 3.0
                b.role = "place"
                a.cue -= 1.0
            elif _NEAR_GAP.search(gap):
                stated = re.search(r"(\d+)\s*(?:km|kms|kilomet|mile)", gap)
                limit = 40.0
                if re.search(r"(?:north|south|east|west)\w*\s+of", gap, re.I):
                    limit = 60.0  # "Bentia, south of Ansongo": a bearing alone, up to a short drive
                if stated is not None:
                    limit = float(stated.group(1)) * (1.6 if "mile" in stated.group(0) else 1.0) + 25.0
                # "X near Y" with X spelt loosely is often a hamlet ACLED codes at Y; with a
                # distance or a bearing ("50 km east of Y") the text places X itself
                placed = stated is not None or re.search(r"(?:north|south|east|west)\w*\s+of", gap, re.I)
                near = [
                    ca for ca in a.candidates
                    if ca.level is None and (placed or (a.quality >= 0.95 and ca.feature[:1] in "PSLHT")) and any(
                        distance_km(ca.latitude, ca.longitude, cb.latitude, cb.longitude) <= limit
                        for cb in b.candidates[:12]
                    )
                ]  # fmt: skip
                if near:
                    # "Garnati, 50 km east of Niafunke": X lies where the text says, so X is the
                    # place (even spelt loosely) and Y only the reference
                    for ca in near:
                        ca.score += 0.3
                        ca.reasons.append(f"near {b.surface} as the text says")
                    a.cue = max(a.cue, b.cue, 0.5) + 0.3
                    b.cue -= 1.0
                elif a.quality < 0.95:
                    # a village known only approximately: ACLED codes the reference town instead
                    b.cue = max(b.cue, a.cue) + 0.6
                    b.near = True
                    b.role = "place"
                    a.cue -= 1.0
            elif _QUARTER_GAP.fullmatch(gap):
                b.cue = max(b.cue, a.cue) + 0.6
                b.role = "place"
                a.cue -= 1.5

    @staticmethod
    def _dateline(text: str, end: int) -> bool:
        """An all-capitals word is a name only in a short query or a dateline ("BAMAKO, Mali -",
        "NIAMEY (Reuters)"); elsewhere it is an acronym or a shouted heading ("SITE", "MIA")."""
        return len(text) < 60 or bool(re.match(r"\s*(?:[,(:\u2014\u2013]|-\s)", text[end : end + 3]))

    @staticmethod
    def _slot(text: str, start: int) -> bool:
        """True when the words before ``start`` announce a place ("in", "village of", ...)."""
        return bool(_AT.search(text[max(0, start - 40) : start]))

    @staticmethod
    def _is_actor_name(text: str, start: int, end: int, norms: list[str], i: int, k: int) -> bool:
        before = norm(text[max(0, start - 25) : start]).split()
        after = norm(text[end : end + 25]).split()
        if before and before[-1] in {"katiba", "ansarul", "ansaroul", "ansar", "brigade", "battalion", "forces"}:
            return True
        if text[end : end + 1] != " " or not after:
            return False
        if after[0] in _ACTOR_WORDS:
            return True
        # "Ganda Koy militiamen", "the Ganda Izo group": a capitalised word, then the actor word
        nxt = re.match(r" ([A-Z][\w'’-]*) ", text[end : end + 30])
        return nxt is not None and len(after) > 1 and after[1] in _ACTOR_WORDS | {"group", "militias"}

    def _candidate(self, idx: int, quality: float, surface: str | None = None) -> Candidate:
        e: Entry = self.gaz.entries[idx]
        reasons = [f"name {quality:.2f}"]
        if surface is not None and e.level is None and quality >= 0.95:
            key = compact(surface)
            if compact(e.name) != key and compact(ETHNIC_SUFFIX.sub("", norm(e.name))) != key:
                quality -= 0.25  # matched an alternate name: "Boni" is Boni before it is Bouani
                reasons.append("alternate name")
        return Candidate(
            name=e.name if e.source == "user" else _deaccent(e.name), latitude=e.latitude,
            longitude=e.longitude, feature=f"{e.fclass}.{e.fcode}", country=COUNTRY_NAMES.get(e.cc, e.cc),
            iso2=e.cc, admin1=e.admin1, admin2=e.admin2, admin3=e.admin3, population=e.population,
            source=e.source, level=e.level, score=quality, reasons=reasons, entry_index=idx, events=e.events,
        )  # fmt: skip

    @staticmethod
    def _read_descriptors(text: str, m: PlaceMention) -> None:
        before = text[max(0, m.start - 40) : m.start]
        after = text[m.end : m.end + 30]
        level = _LEVEL_AFTER.match(after) or _LEVEL_BEFORE.search(before)
        if level:
            m.level = LEVEL_WORDS.get(level.group(1).lower().replace("rural ", "").replace("urban ", ""), 3)
        if _NEAR.search(before) or _AREA_AFTER.match(after):
            m.near = True
        line_start = m.start == 0 or text[m.start - 1] == "\n"
        if line_start and _DATELINE_AFTER.match(text, m.end):
            m.cue, m.elsewhere = -0.5, True  # the dateline: the event place only when the text names no other
        elif _SOURCE_SEAT.search(before):
            m.cue, m.elsewhere = -0.5, True
        elif _PERSON.search(before):
            m.cue = -3.0
        elif _AWAY.search(before):
            m.cue = -1.0
        elif _OF_PERSON.search(before):
            m.cue = 0.3  # "the mayor of X", "residents of X": where people are from, not the event
        elif _AT.search(before):
            m.cue = 1.0

    def _mark_context(self, text: str, mentions: list[PlaceMention]) -> None:
        """Names inside a short "(X, Y)" group are admin context, not places; the name right before
        the group gets a cue (ACLED writes "in Boni (Douentza, Mopti)")."""
        self_admin1 = self._admin_names[1]
        for group in _PAREN.finditer(text):
            inner = [m for m in mentions if m.start >= group.start() and m.end <= group.end()]
            if not inner:
                continue
            last_comma = group.group(0).rfind(",")
            for m in inner:
                m.role = "context"
                if last_comma > 0:
                    # "(Bankass, Mopti)": the larger unit comes last, so Mopti is the region here,
                    # not the Mopti cercle ("(Arbinda, Soum)": Soum is only a province)
                    if m.start < group.start() + last_comma:
                        m.group_levels = (2, 3)
                    elif norm(m.surface) in self_admin1:
                        m.group_levels = (1,)
            for m in mentions:
                if 0 <= group.start() - m.end <= 2 and m.role == "place":
                    m.cue += 0.8
                    m.context_group = (group.start(), group.end())

    def _mark_unit_after(self, text: str, mentions: list[PlaceMention]) -> None:
        """ "Soumpi, Niafunke" / "Tene, Segou": a cercle or region written right after a place that
        lies in it is that place's admin context, as in parentheses (not a second place)."""
        for a, b in zip(mentions, mentions[1:], strict=False):
            if b.role != "place" or a.role != "place" or not re.fullmatch(r",\s*", text[a.end : b.start]):
                continue
            if re.match(r"\s*(?:,\s*[A-Z]|(?:and|et|or)\s)", text[b.end : b.end + 6]):
                continue  # "Kidal, Gao and Timbuktu": a list
            key = norm(b.surface)
            levels = [lv for lv in (1, 2) if key in self._admin_names[lv]]
            if not levels:
                continue
            units = {(lv, key) for lv in levels}
            if any(
                (1, norm(c.admin1 or "")) in units or (2, norm(c.admin2 or "")) in units
                for c in a.candidates if c.level is None
            ):  # fmt: skip
                b.role = "context"
                b.group_levels = tuple(levels)

    # -- context and scoring --------------------------------------------------------------------
    def _context(self, text: str, mentions: list[PlaceMention], country_hint: str | None) -> _Context:
        ctx = _Context(set(), {1: {}, 2: {}, 3: {}})
        for rx, regions in _ACTOR_REGIONS:
            if rx.search(text):
                ctx.regions |= regions
        if country_hint:
            hinted = COUNTRY_BY_NAME.get(norm(country_hint))
            if hinted is None and len(country_hint) == 2:
                hinted = country_hint.upper()
            if hinted:
                ctx.countries.add(hinted)
                ctx.hinted = hinted
        folded = " " + norm(text) + " "
        # "a truck leaving Gao for Ayorou, Niger": a country written right after a place is that
        # place's country; for the other names of the text it is only a weak cue
        attached: dict[int, tuple[int, int]] = {}
        for i, m in enumerate(mentions):
            found = _COUNTRY_AFTER.match(text, m.end)
            if found is not None and (cc := COUNTRY_BY_NAME.get(norm(found.group(1)))) is not None:
                ctx.attached[i] = cc
                attached[found.start(1)] = (found.end(1), i)
        for found in _COUNTRY_NAME.finditer(text):
            cc = COUNTRY_BY_NAME[norm(found.group(1))]
            if found.start() not in attached:
                ctx.countries.add(cc)
        if not ctx.countries:
            # a nationality ("a Nigerien officer", "Malian soldiers") and actors of one country are
            # weak cues: people travel, and armies cross borders
            ctx.cued |= {cc for cc, rx in _ACTOR_COUNTRY.items() if rx.search(text)}
            for adj, cc in (("malian", "ML"), ("burkinabe", "BF"), ("nigerien", "NE")):
                if f" {adj} " in folded:
                    ctx.cued.add(cc)
                    ctx.nationals.add(cc)
        for i, m in enumerate(mentions):
            key = norm(m.surface)
            admin_like = m.role == "context" or m.level is not None
            # "the Mopti region" names the region, not the Mopti cercle
            levels = (m.level,) if m.level in m.group_levels else m.group_levels
            for level in levels:
                if key not in self._admin_names[level]:
                    continue
                # region names are context wherever they appear; smaller units only when marked
                if admin_like or level == 1:
                    ctx.admin[level].setdefault(key, set()).add(i)
                if admin_like and key not in _GENERIC_REGIONS:
                    ctx.strong.add(i)
            for c in m.candidates:
                if c.level is not None and admin_like and c.level in levels:
                    unit = c.admin1 if c.level == 1 else c.admin2
                    ctx.admin[c.level].setdefault(norm(unit or ""), set()).add(i)
        return ctx

    def _score(self, m: PlaceMention, ctx: _Context, me: int = -1) -> None:
        own = ctx.attached.get(me)
        countries = ctx.countries | {own} if own is not None else ctx.countries
        for c in m.candidates:
            s, why = c.score, c.reasons
            if countries:
                if c.iso2 in countries:
                    s += 1.0
                    why.append("country named")
                else:
                    s -= 1.0
                    why.append("other country")
                if ctx.hinted is not None and len(countries) > 1:
                    s += 0.5 if c.iso2 == ctx.hinted else -0.5
            elif len(ctx.cued) == 1:
                if c.iso2 in ctx.cued:
                    s += 0.5
                    why.append("country of the actors named")
                else:
                    s -= 0.3
            strong = ctx.strong - {me}
            # a city is not expected inside the units a text names ("displaced from the Mopti region
            # protested in Bamako")
            if strong and m.context_group is None and m.role == "place" and c.level is None and c.population < CITY:
                in_named = any(
                    ctx.admin[level].get(norm(name or ""), set()) & strong
                    for level, name in ((1, c.admin1), (2, c.admin2), (3, c.admin3))
                )
                if not in_named:
                    s -= 0.6
                    why.append("not in the admin units named")
            if ctx.regions and c.level is None and (c.iso2, norm(c.admin1 or "")) in ctx.regions:
                s += REGION_CUE
                why.append("where the actors named operate")
            if ctx.named(1, c.admin1, me):
                s += 0.6
                why.append(f"admin1 {c.admin1} named")
            if ctx.named(2, c.admin2, me):
                s += 0.8
                why.append(f"admin2 {c.admin2} named")
            if ctx.named(3, c.admin3, me):
                s += 0.3
                why.append(f"admin3 {c.admin3} named")
            if m.context_group is not None and not any(
                ctx.named(level, name, me) for level, name in ((1, c.admin1), (2, c.admin2), (3, c.admin3))
            ):
                s -= 1.0
                why.append("not in the admin units in parentheses")
            kind = c.feature[:1]
            if c.level is not None:
                if m.level is not None and m.level == c.level:
                    s += 0.6
                    why.append("admin descriptor")
                else:
                    s += 0.1
            elif m.level is not None and m.level <= 2:
                s -= 0.3
            elif c.source == "user":
                s += 0.45 + 0.04 * math.log1p(c.events)
                why.append("known event location")
            elif kind == "P":
                s += 0.3 if c.feature != "P.PPLQ" else 0.0
                if c.feature in {"P.PPLA", "P.PPLA2", "P.PPLA3", "P.PPLC"}:
                    s += 0.5 if c.feature in {"P.PPLA", "P.PPLC"} else 0.3
                    why.append("admin seat")
                elif norm(c.name) in {norm(c.admin2 or ""), norm(c.admin3 or "")}:
                    s += 0.15
                    why.append("named like its commune")
            elif kind in "SL":
                s += 0.1
            if c.population > 0:
                s += 0.08 * math.log10(c.population + 1)
                if c.population >= CITY and m.level is None:
                    # a city: "Bamako" is the capital before a hamlet of the same name (this only
                    # ranks the name's candidates; it does not make the name the event place)
                    s += CITY_BONUS
                    c.city = CITY_BONUS
                    why.append("city")
            if c.events > 0 and c.source != "user":
                s += UCDP_BONUS + 0.05 * math.log1p(c.events)
                why.append(f"{c.events} UCDP events")
            c.score, c.reasons = s, why
        m.candidates = self._dedupe(sorted(m.candidates, key=lambda c: -c.score))

    @staticmethod
    def _dedupe(cands: list[Candidate]) -> list[Candidate]:
        """Drop a candidate within 5 km of a better one (GeoNames and the user layer often hold the
        same village); the user layer's admin names win when it is the better one."""
        out: list[Candidate] = []
        for c in cands:
            if any(
                distance_km(c.latitude, c.longitude, o.latitude, o.longitude) < 5.0
                and (o.level is None) == (c.level is None)
                for o in out
            ):
                continue
            out.append(c)
            if len(out) >= 12:
                break
        return out

    @staticmethod
    def _coherence(mentions: list[PlaceMention], ctx: _Context) -> None:
        """Keep a document in one country and region: each candidate gains in proportion to how much
        the *other* names of the text point to its country and admin-1 ("Ogossagou ... near Boni":
        Ogossagou is only Malian, so Boni is Mali's Boni in Mopti). A name votes for the countries
        (regions) of its candidates scoring within 0.3 of its best one, one vote shared among them.
        Weaker than a country the text names or the caller's hint."""
        votes: list[tuple[dict[str, float], dict[str, float]]] = []
        for i, m in enumerate(mentions):
            by_cc: dict[str, float] = {}
            by_a1: dict[str, float] = {}
            if m.candidates and i not in ctx.attached:  # "Ayorou, Niger" is set apart from the rest
                top = m.candidates[0].score
                close = [c for c in m.candidates if top - c.score <= 0.3]
                ccs = {c.iso2 for c in close}
                a1s = {f"{c.iso2}|{norm(c.admin1 or '')}" for c in close}
                # a name matched only loosely ("Taboye" as Niger's Taboe, an alternate spelling)
                # says less about the document's country than one matched as written
                w = 0.5 if m.quality < 0.95 or "alternate name" in m.candidates[0].reasons else 1.0
                by_cc = {cc: w / len(ccs) for cc in ccs}
                by_a1 = {a: w / len(a1s) for a in a1s}
            votes.append((by_cc, by_a1))
        if sum(1 for v in votes if v[0]) < 2:
            return
        weight = 0.3 if ctx.hinted is not None else 0.7
        for i, m in enumerate(mentions):
            if len(m.candidates) < 2:
                continue
            cc_sup: dict[str, float] = {}
            a1_sup: dict[str, float] = {}
            others = 0
            for j, (by_cc, by_a1) in enumerate(votes):
                if j == i or not by_cc or norm(mentions[j].surface) == norm(m.surface):
                    continue
                others += 1
                for k, v in by_cc.items():
                    cc_sup[k] = cc_sup.get(k, 0.0) + v
                for k, v in by_a1.items():
                    a1_sup[k] = a1_sup.get(k, 0.0) + v
            if not others:
                continue
            bonus = [
                weight * cc_sup.get(c.iso2, 0.0) / others
                + 0.4 * weight * a1_sup.get(f"{c.iso2}|{norm(c.admin1 or '')}", 0.0) / others
                for c in m.candidates
            ]
            # a penalty for the less coherent candidates: the mention's best score stays comparable
            # with the other mentions' (coherence must not make a name the event place)
            best = max(bonus)
            for c, b in zip(m.candidates, bonus, strict=True):
                if best - b > 0.05:
                    c.score -= best - b
                    c.reasons.append(f"less coherent with the other places (-{best - b:.2f})")
            m.candidates.sort(key=lambda c: -c.score)

    @staticmethod
    def _proximity(mentions: list[PlaceMention]) -> None:
        """Favour candidates near the other places of the text (only unambiguous ones count)."""

        def unambiguous(m: PlaceMention) -> bool:
            # every close rival lies near the top candidate (a town and its cercle, GeoNames and
            # the user layer for one village)
            top = m.candidates[0]
            return all(
                top.score - c.score > 0.5 or distance_km(top.latitude, top.longitude, c.latitude, c.longitude) < 40.0
                for c in m.candidates[1:]
            )

        # a region named as context ("(Bankass, Mopti)") is not a place near the event
        usable = [m for m in mentions if m.candidates and m.group_levels != (1,)]
        anchors = [m.candidates[0] for m in usable if unambiguous(m)]
        # two ambiguous names of one text that each have a candidate near the other's ("Saba ...
        # Dialloube"): those candidates support each other, a little
        rivals = {
            id(m): [c for c in m.candidates[:6] if m.candidates[0].score - c.score <= 0.3 and c.level is None]
            for m in usable if not unambiguous(m)
        }  # fmt: skip
        for m in mentions:
            if len(m.candidates) < 2:
                continue
            others = [
                c
                for mm in usable
                if mm is not m and norm(mm.surface) != norm(m.surface)
                for c in rivals.get(id(mm), [])
            ]
            for c in m.candidates:
                near = [
                    a
                    for a in anchors
                    if a is not c and distance_km(c.latitude, c.longitude, a.latitude, a.longitude) < 40.0
                ]
                if near:
                    c.score += 0.3
                    c.reasons.append(f"near {near[0].name}")
                elif c.level is None and any(
                    distance_km(c.latitude, c.longitude, o.latitude, o.longitude) < 25.0 for o in others
                ):
                    c.score += 0.15
                    c.reasons.append("near another place of the text")
            m.candidates.sort(key=lambda c: -c.score)

    # -- public API -----------------------------------------------------------------------------
    def geocode(self, query: str, context: str = "") -> list[Candidate]:
        """Scored candidates for a place name such as ``"Farabougou, Niono cercle"`` (best first)."""
        if not context and not _COMPLEX_QUERY.search(query):
            hits = self.gaz.lookup(query.strip(), fuzzy=True)  # fast path: a bare name
            if hits:
                m = PlaceMention(query, 0, len(query), [self._candidate(i, q, query) for i, q in hits])
                self._score(m, self._context(query, [m], None), 0)
                return m.candidates
        text = query if not context else f"{query}. {context}"
        mentions = self.find_places(text)
        first = [m for m in mentions if m.start < len(query)]
        if first and first[0].start <= len(query) - len(query.lstrip()) + 1:
            return first[0].candidates
        head = query.split(",")[0].strip()
        hits = self.gaz.lookup(head, fuzzy=True)
        if not hits:
            return []
        m = PlaceMention(head, 0, len(head), [self._candidate(i, q, head) for i, q in hits])
        self._score(m, self._context(text, mentions, None))
        return m.candidates

    def locate(self, text: str, focus: tuple[int, int] | None = None, country_hint: str | None = None) -> Place | None:
        """Where the event told in ``text[focus[0]:focus[1]]`` happened (see the module doc)."""
        mentions = self.find_places(text, country_hint)
        lo, hi = focus if focus is not None else (0, len(text))
        inside = [m for m in mentions if m.start >= lo and m.end <= hi and not m.elsewhere]
        pool = inside or mentions
        best: PlaceMention | None = None
        best_score = -math.inf
        for rank, m in enumerate(pool):
            if not m.candidates or m.cue <= -3.0:
                continue  # no name, or a person's name ("Minister Djibril Bassole")
            top = m.candidates[0]
            s = m.cue - 0.15 * rank + 0.3 * min(top.score - top.city, 3.0)
            if m.role == "context":
                s -= 2.5  # "(Pensa, Sanmatenga)": the place only when the village is unknown
            if m.context_group is not None and "not in the admin units in parentheses" in top.reasons:
                s -= 4.0  # a look-alike elsewhere: the village itself is unknown
            elif "not in the admin units named" in top.reasons:
                s -= 1.0
            if top.level is not None:
                s -= 0.4  # an admin unit is the event place only when nothing finer is named
            if s > best_score:
                best, best_score = m, s
        if best is not None and best.candidates[0].level is None:
            precision = 2 if best.role == "context" or best_score < -1.0 else None
            return self._place(best, best.candidates[0], precision=precision)
        fallback = self._admin_fallback(text, mentions, pool, lo, hi)
        if fallback is not None:
            return fallback
        if best is not None:
            return self._place(best, best.candidates[0])
        return self._capital(text, country_hint)

    def _capital(self, text: str, country_hint: str | None) -> Place | None:
        """ACLED's rule for an event located only by its country: the capital, geo_precision 3.
        Only when the country is certain (one country named or hinted)."""
        ctx = self._context(text, [], country_hint)
        countries = ctx.countries or ctx.nationals
        regions = {(cc, unit) for rx, cc, unit in _FALLBACK_REGIONS if rx.search(text)}
        if len(regions) == 1:
            cc, unit = next(iter(regions))
            region = self._regions.get((cc, unit))
            if region is not None and (not countries or countries == {cc}):
                c = self._candidate(region, 1.0)
                c.reasons.append("no place named: the region the text's armed groups point to")
                return self._place(PlaceMention("", -1, -1, [c]), c, precision=3)
        if len(countries) != 1:
            return None
        idx = self._capitals.get(next(iter(countries)))
        if idx is None:
            return None
        c = self._candidate(idx, 1.0)
        c.reasons.append("country only: capital")
        m = PlaceMention("", -1, -1, [c])  # no name in the text: offsets -1
        return self._place(m, c, precision=3)

    def _admin_fallback(
        self, text: str, mentions: list[PlaceMention], pool: list[PlaceMention], lo: int, hi: int
    ) -> Place | None:
        """The smallest admin unit named, at its seat: geo_precision 2 for an admin-2 unit with an
        unknown place in it, 3 otherwise."""
        units: list[tuple[PlaceMention, Candidate]] = []
        for group in (pool, [m for m in mentions if m not in pool]):
            for m in group:
                best = next(
                    (c for c in m.candidates if c.level is not None and (m.level is None or c.level == m.level)), None
                )
                if best is not None:
                    units.append((m, best))
            if units:
                break
        if not units:
            for m in pool:
                best = next((c for c in m.candidates if c.level is not None), None)
                if best is not None:
                    units.append((m, best))
        if not units:
            return None
        m, c = min(units, key=lambda mc: (-(mc[1].level or 0), -mc[1].score))
        unknown = bool(re.search(r"\b(?:in|at|near|village of|town of|locality of)\s+[A-Z]", text[lo:hi]))
        precision = 2 if (c.level == 2 and unknown) or m.near else 3
        return self._place(m, c, precision=precision)

    @staticmethod
    def _place(m: PlaceMention, c: Candidate, precision: int | None = None) -> Place:
        if precision is None:
            precision = 2 if m.near else 1
        return Place(
            location=_spelling(m, c), latitude=c.latitude, longitude=c.longitude, geo_precision=precision,
            country=c.country, iso=COUNTRY_ISO_NUM.get(c.iso2, 0), admin1=c.admin1, admin2=c.admin2,
            admin3=c.admin3, score=round(c.score, 3), surface=m.surface, start=m.start, end=m.end,
        )  # fmt: skip

    def admin_at(self, latitude: float, longitude: float) -> tuple[str, str] | None:
        """(country iso2, admin-1 in ACLED's spelling) of a point: the Natural Earth polygon, except
        in Mali's old Gao and Tombouctou regions, where the nearest gazetteer place within 30 km
        tells Ménaka and Taoudénit apart (they are not in the polygons)."""
        found = self.gaz.admin1_at(latitude, longitude)
        if found is None or found[0] != "ML" or found[1] not in {"Gao", "Tombouctou"}:
            return found
        best, best_d = None, 30.0
        for e in self._grid().get((round(latitude * 4), round(longitude * 4)), []):
            d = distance_km(latitude, longitude, e.latitude, e.longitude)
            if d < best_d and e.admin1:
                best, best_d = e, d
        return ("ML", best.admin1) if best is not None and best.admin1 else found

    def _grid(self) -> dict[tuple[int, int], list[Entry]]:
        """Bundled Malian places by 0.25° cell, each listed in its 3x3 neighbourhood (lazy)."""
        if self._cells is None:
            cells: dict[tuple[int, int], list[Entry]] = {}
            for e in self.gaz.entries:
                if e.cc == "ML" and e.source == "geonames" and e.level is None:
                    ci, cj = round(e.latitude * 4), round(e.longitude * 4)
                    for di in (-1, 0, 1):
                        for dj in (-1, 0, 1):
                            cells.setdefault((ci + di, cj + dj), []).append(e)
            self._cells = cells
        return self._cells
