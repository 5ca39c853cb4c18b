"""The words around a name: what announces a place ("in X", "the village of X", "near X"), what
says it is not the event place ("fled to X", "the mayor of X", a dateline), what says it is no
place at all (titles, surnames, armed groups, organisations), and the names never matched to a
village (:data:`STOPWORDS`)."""

from __future__ import annotations

import re

from sigact.geo.gazetteer import COUNTRY_BY_NAME
from sigact.geo.normalize import LEVEL_WORDS, norm
from sigact.geo.places import PlaceMention

TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

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
    r"(?:\bin|\bat|\bbetween|\baxis|\bnear|\baround|\boutside|\bnorth of|\bsouth of|\beast of|\bwest of|\bof|\bon|"
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
# the agency credit that closes a dateline: "(AFP) -", "(dpa/MIA) –"
AGENCY_CREDIT = r"\([A-Za-z][\w/ .-]{1,24}\)\s*[-–—]"
_DATELINE_AFTER = re.compile(r"\s*(?:,\s*[\w ]{0,30}?\d{4}\s*)?" + AGENCY_CREDIT)
_OF_PERSON = re.compile(
    r"\b(?:mayor|governor|prefect|sub-?prefect|chief|imam|deputy|MP|residents?|people|natives?|son|"
    r"daughter|inhabitants|youths?|community|communities|elders?|notables?|representatives?)\s+of\s+(?:the\s+)?$",
    re.I,
)
_PERSON = re.compile(
    r"\b(?:General|Gen\.|Minister|President|Colonel|Col\.|Captain|Capt\.|Lieutenant|Lt\.|Imam|Mayor|"
    r"Chief|Sergeant|Commander|Mr\.?|Mrs\.?|Dr\.?|Prefect|Governor|named|called|Amadou|Ag)\s+$"
)
NEAR_GAP = re.compile(
    r"^[\s,(]*(?:(?:a|the)\s+(?:village|town|locality|hamlet|camp|site)\s+)?(?:located\s+|situated\s+|just\s+)?"
    r"(?:near|close to|not far from|(?:about\s+|some\s+|around\s+)?\d+\s*(?:km|kms|kilometers|kilometres|miles)"
    r"(?:\s+\w+)?\s+(?:of|from)|(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west)\s+of|in the (?:vicinity|area|outskirts) of|outside)\s*$",
    re.I,
)
QUARTER_GAP = re.compile(
    r"\s*(?:quarter|neighbou?rhood|district|sector|area|market|suburb|hospital|prison|camp|town hall|mosque)"
    r"\s+(?:of|in)\s+",
    re.I,
)

COUNTRY_AFTER = re.compile(
    r"\s*(?:,|\(|\bin\b)\s*(?:(?:the\s+)?neighbou?ring\s+)?(Burkina Faso|Mali|Niger)\b(?!ia)"
)  # "Nadiagou, Burkina Faso", "Koumbri in neighbouring Burkina Faso"

_ACTOR_WORDS = frozenset(
    "militants militia militiamen brigade katiba fighters army forces soldiers government authorities "
    "troops men armed".split()
)

PAREN = re.compile(r"\(([^()]{2,80})\)")
# What follows a capitalised word that makes it no place name: a patronymic ("Baba ould Cheikh",
# "Alghabass ag Intalla"), a common surname ("Alou Doumbia") or a company/organisation word
# ("Bissa Gold", "X Association").
NOT_A_NAME_AFTER = re.compile(
    r"\s+(?:ould|ag|bin|ben|ibn|wuld)\s+[A-Z]"
    r"|\s+(?:Sanogo|Konat[eé]|Demb[eé]l[eé]|Doumbia|Bagayoko|Diakit[eé]|Ouattara|Sylla|Camara|Kant[eé]|"
    r"Traor[eé]|Coulibaly|Ciss[eé]|Tour[eé]|Ma[iï]ga|Diallo|Sidib[eé]|Kon[eé]|Sangar[eé]|Dicko|Diarra|Ke[iï]ta|"
    r"Ou[eé]draogo|Sawadogo|Kabor[eé]|Compaor[eé]|Konar[eé]|Tall|Ba|Dia|Sow|Barry|Bah|Kouyat[eé]|Fofana)\b"
    r"|\s+(?:Gold|Mining|Association|Company|Movement|Party|Coalition|Committee|Collective|Federation|Alliance|"
    r"Foundation|Club|Group|families|family|clan)\b"
)
CONNECTORS = frozenset({"n", "de", "des", "el", "du", "la", "i", "ag", "ould", "d", "l", "in", "bis", "es"})


def tamasheq_prefix(text: str, toks: list[tuple[int, int, str]], norms: list[str], i: int) -> bool:
    """``toks[i]`` is the "Tin"/"Ti-n"/"In-" of a Tamasheq place name joined to the next word."""
    gap = text[toks[i][1] : toks[i + 1][0]]
    if norms[i] == "tin":
        return gap in {" ", "-"} and toks[i + 1][2][:1].isupper()
    return norms[i] in {"in", "ti", "i"} and gap == "-" and toks[i + 1][2][:1].isupper()


def country_after(text: str, end: int) -> str | None:
    """The country written right after a name: "Nadiagou, Burkina Faso", "Nadiagou (Burkina Faso)",
    "Nadiagou in Burkina Faso"."""
    found = COUNTRY_AFTER.match(text, end)
    return COUNTRY_BY_NAME.get(norm(found.group(1))) if found else None


def is_dateline(text: str, end: int) -> bool:
    """An all-capitals word is a name only in a short query or a dateline ("BAMAKO, Mali -",
    "NIAMEY (Reuters)"); elsewhere it is an acronym or a shouted heading ("SITE", "MIA")."""
    return len(text) < 60 or bool(re.match(r"\s*(?:[,(:\u2014\u2013]|-\s)", text[end : end + 3]))


def in_place_slot(text: str, start: int) -> bool:
    """True when the words before ``start`` announce a place ("in", "village of", ...)."""
    return bool(_AT.search(text[max(0, start - 40) : start]))


def is_actor_name(text: str, start: int, end: int, norms: list[str], i: int, k: int) -> bool:
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


def read_descriptors(text: str, m: PlaceMention) -> None:
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


# "the Sahel" of the press is mostly the belt south of the Sahara ("the wider Sahel region", "across the
# Sahel", "Sahel countries"); it is Burkina Faso's region only when the text ties it to Burkina Faso or
# writes it as an admin unit ("(Djibo, Soum, Sahel)", "la région du Sahel")
_BELT_BEFORE = re.compile(
    r"\b(?:wider|whole|entire|central|western|eastern|across|throughout|of|and|in|the|African|Sahara|G5)\s+(?:the\s+)?$",
    re.I,
)
_BELT_AFTER = re.compile(r"\s*(?:region\s*)?(?:countries|states|nations|belt|zone|strip|Alliance|,\s+and\b)", re.I)
_BURKINA_NEAR = re.compile(r"Burkina|Burkinab|région\s+du\s*$", re.I)


def is_sahel_belt(text: str, m: PlaceMention) -> bool:
    """Whether a "Sahel" of ``text`` names the belt, not Burkina Faso's Sahel region."""
    if norm(m.surface) != "sahel" or m.role == "context":
        return False
    if _BURKINA_NEAR.search(text[max(0, m.start - 40) : m.end + 40]):
        return False
    return bool(_BELT_BEFORE.search(text[max(0, m.start - 30) : m.start]) or _BELT_AFTER.match(text, m.end))
