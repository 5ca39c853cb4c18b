"""Fatalities by ACLED's rules, read from the sentence(s) that tell one event.

- Each figure is tied to the nearest casualty word around it: a death word ("killed", "dead",
  "tués", "morts"...) makes it a fatality figure; an injury, abduction or arrest word does not
  (injuries are never fatalities).
- Figures about different groups in one telling add up ("17 soldiers, 4 civilians and 7
  terrorists" = 28); several figures about the same group (two reports, "up to 70" vs "at least
  50") keep the most conservative (smallest). A figure about "people" overall, when given, wins
  over the sum of group figures it includes ("10 people, including 4 soldiers" = 10).
- "no casualties", "without loss of life", "no one was killed" = 0; deaths without a number:
  "killed a soldier" = 1, "several" = 3, "dozens" = 12, "hundreds" = 100; a mass-casualty word
  with no figure ("massacre", "heavy losses") = 10.
- No death reported = 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sigact.extract.numbers import NUMBER_PATTERN, VAGUE, parse_number

_DEATH = (
    r"kill(?:ed|ing|s)?|assassinat(?:ed|ing|ion)|murder(?:ed|ing)?|beheaded|lynched|"
    r"dead|deaths?|died|dies|dying|perished|lost\s+(?:their|his|her)\s+li(?:ves|fe)|"
    r"death\s+toll|(?:shot|gunned|hacked|beaten|burn(?:ed|t))\s+(?:to\s+death|dead)|gunned\s+down|executed|executing|"
    r"shot\s+down(?!\s+(?:an?\s+|the\s+|two\s+)?(?:\w+\s+)?(?:drones?|aircraft|helicopters?|planes?|jets?))|"
    r"massacred|slain|slaughtered|lifeless|bodies|corpses|fatalit(?:y|ies)|casualt(?:y|ies)|"
    r"decapitated|lynched|strangled|succumb(?:ed|ing|s)|summarily\s+shot|slit\s+(?:the\s+)?throats?|"
    r"burn(?:ed|t)\s+(?:\w+\s+)?alive|stoned\s+to\s+death|"
    r"neutrali[sz](?:ed|ing)|eliminat(?:ed|ing)|neutralisant|"
    r"tu(?:é|e|ée|ées|és)|tuant|morts?|pertes?\s+en\s+vies?\s+humaines?|mortes|décès|décédé(?:e|s|es)?|périt|péri|ont\s+péri|trouvé\s+la\s+mort|"
    r"ont\s+perdu\s+la\s+vie|exécuté(?:e|s|es)?|massacré(?:e|s|es)?|cadavres|corps\s+sans\s+vie|neutralisé(?:e|s|es)?|"
    r"victimes|bilan|(?:claim(?:ed|s|ing)?|cost|took|taking|costing)\s+the\s+li(?:ves|fe)\s+of"
)
_OTHER = (
    r"wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt|abduct(?:ed|ing|s)?|kidnapp?(?:ed|ing|s)?|"
    r"hostages?|missing|arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|captur(?:ed|ing|es)|seiz(?:ed|ing)|"
    r"rescued|freed|released|displaced|fled|survived|imprisoned|jailed|disappeared|prisoners?|captives?|detainees?|"
    r"bless(?:é|és|ée|ées|ant)|enlev(?:é|és|ée|ées|ant)|kidnapp(?:é|és|ée|ées)|disparus?|arrêt(?:é|és|ée|ées)|"
    r"interpell(?:é|és|ée|ées)|otages?|déplacés"
)
_PERSON = (
    r"(?:(?!(?:vehicles?|cars?|trucks?|motorbikes?|motorcycles?|numbering|of|and|in|at|on|from|the|were|was|"
    r"have|had|been|who|which|during|while|but|when|one|another|by|et|de|des|ont|été|dans|à|par|two|three|four|five|"
    r"six|seven|eight|nine|ten|[\w-]+ing)\b)(?!\d)[\w'’-]+\s+){0,3}?"
    r"(?:people|persons?|civilians?|soldiers?|troops?|servicemen|militar(?:y|ies)|gendarmes?|police(?:m[ae]n|\s+officers?)?|"
    r"officers?|militants?|jihadists?|terrorists?|insurgents?|assailants?|attackers?|gunmen|fighters?|rebels?|"
    r"militiam[ae]n|members?|villagers?|residents?|individuals?|men|women|man|woman|child|children|kids|girls|boys|"
    r"worshippers?|farmers?|herders?|traders?|merchants?|passengers?|drivers?|workers?|miners?|peacekeepers?|"
    r"volunteers?|vdps?|dozos?|koglweogo|legionnaires?|sons|daughters|brothers|relatives|wives|leaders|commanders|"
    r"notables|inmates|aggressors?|bombers?|protesters?|demonstrators?|rioters?|pastoralists|jihadis|islamists|extremists|vigilantes|nationals|hunters?|students?|teachers?|pupils?|chiefs?|elders?|imams?|"
    r"victims?|others|(?:other|more)(?=\s+(?:wounded|injured|killed|dead|died|were|was|have|had|hurt))|personnel|elements?|recruits?|guards?|mercenaries|wagner|bandits?|suspects?|officials?|agents?|"
    r"personnes?|civils?|soldats?|militaires?|gendarmes?|policiers?|terroristes?|jihadistes?|djihadistes?|"
    r"assaillants?|hommes?|femmes?|enfants|villageois|habitants?|fidèles|éléments?|combattants?|membres?|"
    r"autres|volontaires?|passagers?|orpailleurs?|bergers?|éleveurs?|agriculteurs?|casques\s+bleus|individus?)"
)
_PERSON_RE = re.compile(_PERSON, re.IGNORECASE)
_HEDGE = (
    r"at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to|as\s+many\s+as|an\s+estimated|"
    r"approximately|roughly|au\s+moins|plus\s+de|près\s+de|environ|quelque|jusqu'à"
)
_NUM = rf"(?:(?:{_HEDGE})\s+)?{NUMBER_PATTERN}"
_FIGURE_RE = re.compile(
    rf"(?<![\w-])(?P<num>{_NUM})(?P<noun>\s+(?:of\s+the\s+)?{_PERSON})?(?!\w|-[^\W\d])", re.IGNORECASE
)
_DEATH_RE = re.compile(rf"\b(?:{_DEATH})\b", re.IGNORECASE)
_OTHER_RE = re.compile(rf"\b(?:{_OTHER})\b", re.IGNORECASE)
_ZERO_RE = re.compile(
    r"\b(?:no\s+(?:one|body)\s+(?:was|were)\s+(?:killed|hurt|injured)|nobody\s+was\s+(?:killed|hurt)|"
    r"no\s+(?:casualt(?:y|ies)|fatalit(?:y|ies)|deaths?|victims?|loss(?:es)?\s+of\s+li(?:fe|ves)|one\s+died)"
    r"(?:\s+(?:were|was|have\s+been|has\s+been))?\s*(?:reported|recorded)?|"
    r"without\s+(?:causing\s+)?(?:any\s+)?(?:casualt(?:y|ies)|fatalit(?:y|ies)|deaths?|loss\s+of\s+li(?:fe|ves)|victims?)|"
    r"(?:caus|result)ed\s+no\s+(?:casualt(?:y|ies)|deaths?|fatalit(?:y|ies))|unharmed|"
    r"sans\s+(?:faire\s+de\s+)?(?:victimes?|pertes?\s+en\s+vies?)|aucune?\s+(?:victime|perte|mort|blessé)|"
    r"pas\s+de\s+(?:victimes?|morts?))\b",
    re.IGNORECASE,
)
_MASS_RE = re.compile(
    r"\b(?:massacre[sd]?|massacring|heavy\s+(?:losses|casualties|toll)|(?:very\s+)?many\s+(?:dead|killed|deaths)|"
    r"numerous\s+(?:dead|deaths)|(?:très\s+)?nombreu(?:x|ses)\s+(?:morts|victimes|tués)|massacrant|"
    r"lourdes?\s+pertes|lourd\s+bilan|carnage|bloodbath)\b",
    re.IGNORECASE,
)
_BARE_DEATH_RE = re.compile(
    r"\b(?:killed|killing|shot\s+dead|executed|murdered|assassinated|slain|beheaded|tué|tuant|exécuté|"
    r"assassiné)\s+(?:an?|the|one|un|une|le|la)\s+(?:[\w'’-]+\s+){0,3}?"
    rf"{_PERSON[_PERSON.index('(?:people') :]}",
    re.IGNORECASE,
)
_BARE_ONE_RE = re.compile(
    r"\b(?:killed|killing|shot\s+dead|executed|murdered|assassinated|beheaded|tué|tuant|exécuté|assassiné)\s+"
    r"(?:an?|one|un|une|another|the|un\s+autre)\s+(?!(?:vehicle|car|truck|motorbike|camp|base|post|village|town|"
    r"market|school|convoy|area|few|number|dozen|couple|day|week|month|year|while|kilomet\w*|km|mile)\b)[\w'’-]+|"
    r"\b(?:the|a|an|one|le|la|un|une)\s+(?:[\w'’-]+\s+){0,2}?(?:driver|commander|chief|soldier|gendarme|civilian|man|woman|"
    r"child|boy|girl|herder|trader|merchant|imam|villager|resident|officer|policeman|teacher|militant|assailant|"
    r"attacker|passenger|occupant|individual|person|mayor|notable|leader|member|customs\s+officer|motorcyclist|"
    r"prefect|farmer|shepherd|worker|hunter|student|pupil|guard|official|councill?or|councilman|marabout|nurse|"
    r"sub-officer|catechist|pastor|priest|miner|gold\s+miner)"
    r"(?:\s+of\s+the\s+[\w'’-]+)?(?:\s+(?!(?:and|et|or)\b)[\w'’-]+){0,8}?\s+"
    r"(?:was\s+(?:killed|shot\s+dead|executed|murdered|assassinated|beheaded)|died|a\s+été\s+tué|"
    # without "was", the verb is active when an object follows ("a militant killed two soldiers")
    r"(?:killed|shot\s+dead|executed|murdered|assassinated|beheaded)(?!\s+(?:an?|the|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+|his|her|their|its|several|some|at\s+least|dozens|many)\b))",
    re.IGNORECASE,
)
# One person killed, named by role rather than counted: "assassinated MSA officer X", "killed and buried a
# Fulani herder", "the victim was beheaded", "his driver found dead", "one later died of his wounds".
_ROLE = (
    r"(?:driver|commander|chief|soldier|gendarme|civilian|man|woman|child|boy|girl|herder|herdsman|pastoralist|"
    r"trader|merchant|shopkeeper|vendor|businessman|imam|villager|resident|officer|policeman|guardsm[ae]n|guard|"
    r"teacher|militant|jihadist|fighter|rebel|assailant|attacker|passenger|occupant|individual|person|mayor|notable|"
    r"leader|member|motorcyclist|prefect|sub-prefect|farmer|shepherd|worker|hunter|student|pupil|official|"
    r"councill?or|councilman|marabout|healer|nurse|doctor|sub-officer|catechist|pastor|priest|miner|lieutenant|"
    r"captain|sergeant|corporal|journalist|agent|operator|employee|engineer|(?:sub)?contractor|thief|dealer|scholar|"
    r"infant|baby|"
    r"informant|collaborator|elder|hostage|victim|deputy|secretary|dozo|koglweogo|vdp|volunteer|suspect|"
    r"teenager|youth|father|son|brother|husband|wife|peacekeeper|head|director|president|commissioner|inspector|"
    r"legionnaire|guide|ranger|mechanic|schoolboy|schoolgirl|prisoner|detainee|administrator|presenter|protester|"
    r"demonstrator|rioter|parachutist|paratrooper|pilot|emir|cadre|activist|politician|lawyer|judge|magistrate|"
    r"representative|lookout|minor|elderly|advis[eo]r|coordinator|recruiter|bomber|bystander|passer-by|associate|"
    r"interpreter|translator|combatant|friend|companion|colleague|cousin|nephew|uncle|mother|sister|daughter|"
    r"bodyguard|escort|assistant|aide|apprentice|relative|neighbou?r|accomplice)"
)
_SINGLE_VICTIM_RE = re.compile(
    r"\b(?:killed|shot\s+dead|executed|murdered|assassinated|beheaded|decapitated|strangled|lynched|"
    r"hacked\s+to\s+death|stabbed\s+to\s+death|slit\s+the\s+throat\s+of)\s+(?:and\s+\w+\s+)?"
    r"(?:(?:an?|the|one|another|his|her|their|its)\s+)?(?:(?!(?:two|three|four|five|six|seven|eight|nine|ten|several|"
    rf"dozens?|hundreds?|and|in|at|on|near|by)\b)(?!\d)[\w'’-]+\s+){{0,3}}?{_ROLE}(?![\w'’-])|"
    r"(?:^|[.;:]\s*|\b(?:the|a|an|one|his|her|their|its)\s+)(?:[\w'’-]+,?\s+){0,4}?"
    rf"{_ROLE}(?![\w'’-]),?(?:\s+(?!(?:and|et|or|but|while)\b)[\w'’(),-]+){{0,8}}?\s+"
    r"(?:(?:was\s+)?(?:(?:later|subsequently|then|also|reportedly|allegedly|\w+ly)\s+)?(?:\w+\s+and\s+)?(?:killed|"
    r"shot\s+dead|shot\s+down|gunned\s+down|executed|murdered|assassinated|beheaded|decapitated|strangled|"
    r"(?:beaten|burned|burnt|hacked|stabbed|stoned)\s+to\s+death|presumed\s+dead|found\s+(?:dead|hanged|hung)|"
    r"hanged|hung)|died|did\s+not\s+survive|succumbed)\b|"
    r"\b(?:lynched|beat|beaten|stoned|hacked|stabbed|burned|burnt|tortured)\s+(?:an?|the|one)\s+(?:[\w'’-]+\s+){0,3}?"
    r"to\s+death\b|\b(?:leaving|left)\s+(?:the|an?|one)\s+(?:[\w'’-]+\s+){0,2}?dead\b|"
    r"\b(?:the|his|her)\s+(?:lifeless\s+)?(?:corpse|corps|remains)\s+(?:of\s+[\w'’-]+\s+){0,1}(?:\w+\s+){0,2}?"
    r"(?:was|were)\s+(?:\w+\s+)?(?:found|discovered)\b|"
    r"\b(?:the\s+)?(?:murder|killing|assassination|execution)\s+of\s+(?:an?|one)\s+(?:[\w'’-]+\s+){0,4}?"
    rf"{_ROLE}(?![\w'’-])|"
    r"\b(?:the\s+)?body\s+of\s+(?:an?|one|the)\s+(?:[\w'’-]+\s+){0,2}?(?:was|were)\s+(?:\w+\s+)?"
    r"(?:found|discovered|recovered)\b|"
    r"\b(?:killed|killing|executed|executing|shot\s+dead|murdered|beheaded)\s+(?:at\s+least\s+)?(?:one|another)"
    r"(?:\s+of\s+them)?"
    r"(?=\s*[.,;]|\s*$|\s+(?:and|in|on|near|at)\b)|"
    r"\b(?:he|she)\s+(?:was|is)\s+(?:(?:later|subsequently|then|also|reportedly|allegedly)\s+)?(?:found\s+(?:dead|hanged)|killed|"
    r"executed|shot\s+dead|beheaded|murdered)\b|"
    r"\b(?:one|he|she)\s+(?:of\s+them\s+)?(?:later\s+|subsequently\s+|eventually\s+)?(?:died|dying|succumb(?:ed|ing))\b|"
    r"[\w'’)],\s+who\s+(?:later\s+|subsequently\s+)?(?:died|succumbed)\b|"
    r"\b(?:his|her)\s+(?:lifeless\s+)?body\s+(?:\w+\s+){0,3}?(?:was|being)\s+(?:\w+\s+)?(?:found|discovered)\b",
    re.IGNORECASE,
)
# One person named ("gunmen assassinated Amadou Diallo", "murdered Ag Ahmed Ould Sidi"): a given name and a
# family name, capitalised (case-sensitive, so "executed Malian soldiers" is not a name)
_NAMED_ONE_RE = re.compile(
    r"\b(?:[Aa]ssassinated|[Mm]urdered|[Ee]xecuted|[Bb]eheaded|[Ss]hot\s+dead)\s+(?:de\s+)?[A-Z][a-z'’-]+\s+"
    r"(?:(?:[Aa]g|[Oo]uld|[Bb]en|[Bb]in|[Ee]l|[Aa]l|[Dd]e|[Dd]it)\s+)?[A-Z][a-z'’-]+(?<!s)\b"
)
# Someone "was killed" (a singular verb) with no count anywhere: one death ("X, a local commander, was
# killed by soldiers", "the abductee was subsequently executed", "un enseignant a été tué").
_ONE_WAS_KILLED_RE = re.compile(
    r"\b(?:was|has\s+been|had\s+been|a\s+été)\s+(?:(?:reportedly|allegedly|later|subsequently|also|then|\w+ly)\s+){0,2}"
    r"['‘\"]?(?:killed|shot\s+dead|assassinated|executed|murdered|beheaded|neutrali[sz]ed|found\s+dead|"
    r"tuée?|assassinée?|exécutée?|abattue?|neutralisée?)\b",
    re.IGNORECASE,
)
_GEOPRECISION = re.compile(r"\bgeo-?precision\s*(?:code\s*)?\d\b", re.IGNORECASE)
# Figures that are not counts of people (units, ages, things).
_NOT_PEOPLE_AFTER = re.compile(
    r"^(?:\s*[-–]\s*\d+)?\s*(?:of\s+(?:the|their|his|her)\s+(?:livestock|cattle|animals|goats|sheep|camels|cows)\b|"
    r"(?:[\w-]+\s+)?(?:vehicles?|cars?|trucks?|motorbikes?|motorcycles?|buses|ambulances?|towns?|"
    r"localities|communes?|hamlets?|districts?|regions?|provinces?|areas?|sites?|countries|fronts?|sides?|"
    r"rifles?|weapons?|guns?|houses?|shops?|camps?|posts?|villages?|positions?|checkpoints?|huts?|granar(?:y|ies)|"
    r"tricycles?|carts?|helicopters?|aircraft|planes?|shells?|rockets?|projectiles?|mortars?|grenades?|bridges?|"
    r"schools?|mosques?|churches?|pylons?|antennas?|tyres?|tires?|barrels?|bags?|sacks?|phones?|rounds|(?:IEDs?|devices?|bombs?|mines?|explosives?)(?!\s+(?:planters?|layers?|makers?|experts?|specialists?)))\b|"
    r"km|kilomet\w*|miles?|meters|metres|hours?|days?|weeks?|months?|years?|[-\s]?year-old|percent|%|"
    r"vehicles?|cars?|trucks?|motorbikes?|motorcycles?|attacks?|incidents?|heads?|cattle|rounds?|"
    r"villages?|camps?|bases?|shops?|houses?|homes?|a\.m|p\.m|h\d|heures?|ans|jours?|mois|véhicules?|motos?|"
    r"attaques?|times?|fois|boats?|buses?|am|pm|bullets?|shots?|gunshots?|balles?|events?|évènements?|"
    r"donkeys?|camels?|goats?|sheep|cows?|oxen|horses?|animals?|livestock|bovins|chameaux|moutons|"
    r"arms|ammunition|cartridges|kg|tonnes?|tons?|litres?|liters?|francs|CFA|dollars|euros|FCFA|"
    r"AKs?|AK-47s?|kalashnikovs?|magazines|uniforms|pick-?ups?|witnesses|sources|témoins|GMT|UTC)\b",
    re.IGNORECASE,
)
# A toll counted over a period, not one event's: "since 2012", "so far", "this year", "over the past month",
# "depuis janvier". "since Monday", "since dawn" date the event itself. ("in total", "altogether" sum the
# groups of one event's toll: not a period.) Shared with the pipeline (tail sentences) and detection.
CUMULATIVE_PERIOD = (
    r"\b(?:since(?!\s+(?:(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|"
    r"last\s+night|the\s+weekend|dawn|this\s+morning|then)\b)|so\s+far|to\s+date|this\s+year|last\s+year|"
    r"over\s+the\s+(?:past|last)|in\s+recent\s+(?:days|weeks|months|years)|"
    r"depuis(?!\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce\s+matin|l'aube)\b)|jusqu'ici|"
    r"à\s+ce\s+jour|cette\s+année|l'année\s+dernière)\b"
)
_CUMULATIVE_RE = re.compile(CUMULATIVE_PERIOD, re.IGNORECASE)


_PERFECT_DEATH = re.compile(
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:been\s+killed|died|lost\s+their\s+lives)|\bont\s+(?:été\s+tué|péri|perdu\s+la\s+vie)",
    re.IGNORECASE,
)


def _in_cumulative_clause(text: str, start: int, end: int) -> bool:
    """Whether the figure at text[start:end] is counted over a period in its own clause ("since January, 120
    civilians have been killed"), not this event's toll."""
    lo = max(text.rfind(c, 0, start) for c in ".;") + 1
    ends = [i for i in (text.find(c, end) for c in ".;") if i >= 0]
    clause = text[lo : min(ends) if ends else len(text)]
    return bool(_PERFECT_DEATH.search(clause) and _CUMULATIVE_RE.search(clause))


def is_cumulative_toll(text: str) -> bool:
    """Whether ``text`` counts deaths over a period ("120 civilians have been killed since January", "so far
    this year") rather than telling one event's toll."""
    return bool(_CUMULATIVE_RE.search(text))


_GENERIC_NOUNS = re.compile(
    r"\b(?:people|persons?|individuals?|victims?|personnes?|individus?|victimes|others?|autres|more|bodies)\b",
    re.IGNORECASE,
)
_CONSERVATIVE_HINT = re.compile(r"\b(?:up\s+to|as\s+many\s+as|jusqu'à)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A fatality figure: the number, the group it counts ("" when unnamed) and where it is."""

    value: int
    group: str
    start: int
    end: int
    vague: bool = False
    estimated: bool = False  # a conventional figure for a vague amount ("several" = 3, "dozens" = 12)
    single: bool = False  # "a farmer", "his brother": one person, counted only inside a list of victims


def _group_of(noun: str | None) -> str:
    if not noun:
        return ""
    m = _PERSON_RE.search(noun)
    word = (m.group(0) if m else noun).split()[-1].lower() if noun.strip() else ""
    word = word.rstrip("s")
    if _GENERIC_NOUNS.search(noun):
        return ""
    aliases = {
        "troop": "soldier",
        "servicemen": "soldier",
        "military": "soldier",
        "militarie": "soldier",
        "soldat": "soldier",
        "militaire": "soldier",
        "gendarme": "police",
        "policemen": "police",
        "policier": "police",
        "officer": "police",
        "jihadist": "militant",
        "terrorist": "militant",
        "insurgent": "militant",
        "assailant": "militant",
        "attacker": "militant",
        "gunmen": "militant",
        "fighter": "militant",
        "terroriste": "militant",
        "djihadiste": "militant",
        "jihadiste": "militant",
        "assaillant": "militant",
        "combattant": "militant",
        "element": "militant",
        "élément": "militant",
        "civil": "civilian",
        "villager": "civilian",
        "villageoi": "civilian",
        "habitant": "civilian",
        "resident": "civilian",
    }
    return aliases.get(word, word)


_GOVERNING_VERB = re.compile(
    r"\s+(?:(?!(?:while|and|but|when|as|after|whereas|one|another|et)\b)[\w'’()-]+\s+){0,9}?(?:were|was|are|have\s+been|had\s+been|has\s+been|ont\s+été|a\s+été|sont)\s+"
    r"(?:(?:\w+ly|reportedly|allegedly|also|later|then|subsequently)\s+){0,2}(\w+)",
    re.IGNORECASE,
)


_RIGHT_AFTER = re.compile(r"\s+(?:(?:\w+ly|also|reportedly|went|gone)\s+)?(\w+)", re.IGNORECASE)  # "gone missing"
_NEXT_COUNT = re.compile(  # "a dozen", not "a police officer"
    rf"(?:,|\band)\s+(?!an?\s+(?!dozen\b|few\b|hundred\b)|une?\s)(?:{NUMBER_PATTERN})\s", re.IGNORECASE
)
_QUALIFIED_OTHER = re.compile(
    r"\s+(?:(?!(?:and|or|et|ou|who|were|was|have|had|has|are|is|of|in|at|on|by|to|from|while|but)\b)[\w-]+\s+)?"
    r"(prisoners?|captives?|detainees?|hostages?)\b",
    re.IGNORECASE,
)
_REPORTED_AS = re.compile(r"\s+(?:were\s+|was\s+)?(?:reported|said\s+to\s+be|listed\s+as)\s+(\w+)", re.IGNORECASE)


_AFTER_A_TOLL = re.compile(
    r"\b(?:killed|dead|died|shot\s+dead|executed|tués?|morts?)\s*,?\s*(?:and|et|while|whereas)\s+$", re.IGNORECASE
)
_CLAUSE_END = re.compile(r"[.;:]|\bwhile\b|\bbut\b|\bwhereas\b")


def _nearest_kind(text: str, start: int, end: int) -> str | None:
    """'death', 'other' or None: the casualty word closest to the figure at text[start:end]."""
    # "13 were seriously injured": a verb phrase right after the figure governs it
    if _QUALIFIED_OTHER.match(text, end) and _DEATH_BEFORE.search(text[max(0, start - 30) : start]):
        return "death"  # "executed twenty prisoners"
    right = _RIGHT_AFTER.match(text, end)  # "four others severely wounded", "three peacekeepers killed"
    if right is not None:
        if _DEATH_RE.fullmatch(right.group(1)):
            return "death"
        if _OTHER_RE.fullmatch(right.group(1)):
            return "other"
    # "seven military prisoners": a noun of the 'other' kind after one qualifier
    if _QUALIFIED_OTHER.match(text, end):
        return "other"
    after = _GOVERNING_VERB.match(text, end) or _REPORTED_AS.match(text, end)
    if after is not None:
        word = after.group(1)
        then = re.match(r"\s+and\s+(\w+)", text[after.end() : after.end() + 20])
        if _DEATH_RE.fullmatch(word) or (then is not None and _DEATH_RE.fullmatch(then.group(1))):
            return "death"  # "was shot and killed"
        if _OTHER_RE.fullmatch(word):
            return "other"
    if _AFTER_A_TOLL.search(text, max(0, start - 25), start):
        # "one soldier was killed and five Malians wounded", "two killed and three others, including a civilian,
        # wounded": a count after "killed and" takes the casualty word that follows it in its clause
        stop = _CLAUSE_END.search(text, end)
        clause_end = min(stop.start() if stop else len(text), end + 80)
        nxt = [(m.start(), k) for rx, k in ((_DEATH_RE, "death"), (_OTHER_RE, "other"))
               if (m := rx.search(text, end, clause_end)) is not None]  # fmt: skip
        if nxt:
            return min(nxt)[1]
    best: tuple[int, str] | None = None
    window_lo, window_hi = max(0, start - 70), min(len(text), end + 70)
    for rx, kind in ((_DEATH_RE, "death"), (_OTHER_RE, "other")):
        for m in rx.finditer(text, window_lo, window_hi):
            if m.start() >= end:
                gap = text[end : m.end()]  # with the word: ", and seized" opens another clause
                dist = m.start() - end
            elif m.end() <= start:
                gap = text[m.end() : start]
                dist = start - m.end()
            else:
                continue
            # A figure and its word belong together only within one clause.
            if re.search(r"[;:]|\.\s|\band\s+(?:\w+ing|\w+ed)\b|\bwhile\b|\bbut\b|\bwhereas\b|\bet\s+\w+és?\b", gap):
                dist += 60
            elif m.start() >= end and _NEXT_COUNT.search(gap):
                dist += 60  # "three Koglweogo and a dozen wounded": the word is the next count's
            if best is None or dist < best[0]:
                best = (dist, kind)
    return best[1] if best else None


_INCLUDING = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|dont|parmi\s+(?:lesquels|eux|elles))\b", re.IGNORECASE
)
_LIST_GAP = re.compile(
    r"^\s*(?:,|&|,?\s*(?:and|et|as\s+well\s+as|plus))\s*(?:at\s+least\s+|about\s+|his\s+|her\s+|their\s+)?$",
    re.IGNORECASE,
)
_CLAIM = re.compile(  # "claimed the lives of three soldiers" is a toll, not a claim
    r"\b(?:claim|claimed|claims|claiming|revendiqu\w*|boasted)\b(?!\s+the\s+li(?:ves|fe)\b)", re.IGNORECASE
)


def _date_spans(text: str) -> list[tuple[int, int]]:
    from sigact.extract.dates import find_dates

    return [(d.start, d.end) for d in find_dates(text)]


def figures(text: str) -> list[Figure]:
    """All fatality figures stated in ``text`` (sub-counts after "including" left out)."""
    if not _DEATH_RE.search(text):
        return []  # no death word, no fatality figure
    return [f for f, kind in _people_counts(text) if kind == "death"]


_NAME_AFTER = re.compile(r"\s+((?-i:[A-Z][\w'’-]+))(?=\s+(?:and|et|were|was|killed|dead|died|tués|morts)\b|\s*,)")


def _name_after(text: str, end: int) -> str:
    """The name a bare count is qualified by ("12 Fulani and 1 Dogon", "1 FAMa killed"): its group."""
    m = _NAME_AFTER.match(text, end)
    if m is None or _MONTH_AFTER.match(m.group(1)) or _PERSON_RE.fullmatch(m.group(1)):
        return ""
    return m.group(1).lower()


_UPPER_BOUND_BEFORE = re.compile(r"\d\s*[-–]\s*$|\bbetween\s+\S+\s+and\s+$|\b\d+\s+(?:to|à)\s+$", re.IGNORECASE)


def _people_counts(text: str) -> list[tuple[Figure, str | None]]:
    """Counts of people in ``text`` (not dates, distances, things, perpetrators or targets), each with
    the kind of casualty word it is tied to ("death", "other" or None)."""
    out: list[tuple[Figure, str | None]] = []
    dates = _date_spans(text)
    for m in _FIGURE_RE.finditer(text):
        if any(s <= m.start() < e for s, e in dates):
            continue
        if _UPPER_BOUND_BEFORE.search(text[max(0, m.start() - 25) : m.start()]):
            continue  # the upper bound of "6-8 killed": the lower one is the conservative figure
        sub = _INCLUDING.search(text, max(0, m.start() - 40), m.start())
        if sub is not None and not re.search(r"[.;]", text[sub.end() : m.start()]):
            continue
        num, noun = m.group("num"), m.group("noun")
        stripped = _strip_hedge(num)
        value = parse_number(stripped)
        if value is None:
            continue
        after = text[m.end() : m.end() + 30]
        if not noun and _NOT_PEOPLE_AFTER.match(after):
            continue
        if noun and _NOT_PEOPLE_AFTER.match(noun) and not _PERSON_RE.fullmatch(noun.strip()):
            continue
        core = stripped.lower()
        if re.match(r"[/.]\d", text[m.end() : m.end() + 2]) or re.search(
            r"\d[/.:]$", text[max(0, m.start() - 2) : m.start()]
        ):
            continue  # "5/12/00", "in 12/98", "10.12": dates; "14:30": a time
        # years, dates, clock times
        if core.isdigit() and (1900 <= value <= 2100 or re.match(r"^\s*(?:h|:)\d", after)):
            continue
        if core.isdigit() and _MONTH_BEFORE.search(text[max(0, m.start() - 14) : m.start()]):
            continue  # "May 12" ("market. 8 dead" is not a month)
        if core.isdigit() and _MONTH_AFTER.match(after):
            continue
        if core in ("a", "an", "un", "une", "some", "single", "a single", "both", "seize", "sept", "cent") and not noun:
            # ("seize", "sept", "cent": French numbers only before a noun, else English words, "to seize")
            continue
        if core in ("one", "un", "une") and not noun and not re.match(r"^\s+(?:of\s+them|was|died|person)", after):
            if not re.match(
                r"^\s*(?:[A-Z][\w-]+\s+)?(?:(?:was\s+)?(?:reported|reportedly|confirmed)\s+)?(?:dead|killed|mort|tué)",
                text[m.end() : m.end() + 40],
            ):
                continue
        if _in_cumulative_clause(text, m.start(), m.end()):
            continue  # "120 civilians have been killed since January"
        if _AGENT_OR_TARGET_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "an attack by 40 gunmen", "opened fire on two peacekeepers, killing one"
        if noun and _AGENT_AFTER.match(text, m.end()):
            continue  # "2 armed men killed a policeman": the killers
        if noun and _AGE_OR_DISTANCE.match(noun):
            continue
        kind = _nearest_kind(text, m.start(), m.end())
        if kind != "death":
            out.append((Figure(value, _group_of(noun) or _name_after(text, m.end()), m.start(), m.end()), kind))
            continue
        if core in ("a", "an", "un", "une", "a single") and not (
            re.search(rf"(?:{_DEATH})\s*$", text[max(0, m.start() - 25) : m.start()], re.IGNORECASE)
            or re.match(
                rf"\s*(?:\([^)]*\)\s*)?(?:was|were|has\s+been|a\s+été)?\s*(?:\w+\s+){{0,2}}?(?:{_DEATH})",
                text[m.end() : m.end() + 40],
                re.IGNORECASE,
            )
        ):
            continue  # "attacked a hunter ..., two Dozos killed": the article is not a count
        vague = core in ("several", "a few", "few", "some", "many", "plusieurs", "quelques", "a number of")
        group = _group_of(noun) or _name_after(text, m.end())
        out.append((Figure(value, group, m.start(), m.end(), vague, core in VAGUE), "death"))
    return out


_MONTH_WORDS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|febr|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janv(?:ier)?|f[ée]v(?:rier)?|f[ée]vr|mars|avr(?:il)?|mai|juin|"
    r"juil(?:let)?|ao[uû]t?|septembre|octobre|novembre|d[ée]c(?:embre)?|janu\w+|febr\w+|apri\w+|augu\w+|sept\w+|"
    r"octo?b\w*|nove\w+|dece\w+)"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_WORDS}\.?,?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:of\s+)?{_MONTH_WORDS}\b", re.IGNORECASE)
_AGENT_OR_TARGET_BEFORE = re.compile(
    r"\b(?:by|par|against|contre|(?:attacked|ambushed|targeted|targeting|attacking|ambushing)|"
    r"(?:opened\s+)?fire[ds]?\s+(?:on|at|upon)|shot\s+at)\s+(?:the\s+)?(?:(?:about|some|around|at\s+least|"
    r"more\s+than|nearly|up\s+to|over|an\s+estimated|environ|une?)\s+)?$",
    re.IGNORECASE,
)
_AGENT_AFTER = re.compile(
    r"\s+(?:(?!(?:and|et|were|was|had|have|has|who|after|before|when|while|as|because|since|during|following)\b)"
    r"[\w'’-]+\s+){0,4}?(?:killed|shot|executed|attacked|ambushed|"
    r"abducted|kidnapped|murdered|assassinated|stormed|opened|raided|entered|burst|fired|beat|burned|looted|seized)\s+"
    r"(?:(?:to\s+death|into|dead)\s+)?(?:an?|the|one|two|three|four|five|\d+|his|her|their|several|some|fire|(?-i:[A-Z])\w+)\b",
    re.IGNORECASE,
)
_AGE_OR_DISTANCE = re.compile(r"\s*(?:years?[-\s]old|km|kilomet\w*|miles?)\b", re.IGNORECASE)


_HEDGE_START = re.compile(rf"^(?:{_HEDGE})\s+", re.IGNORECASE)


def _strip_hedge(num: str) -> str:
    return _HEDGE_START.sub("", num.strip())


def _lists(text: str, figs: list[Figure]) -> list[Figure]:
    """Figures listed together ("13 JNIM and 7 ISGS militants", "17 soldiers, 4 civilians and 7
    terrorists") become one total figure."""
    out: list[Figure] = []
    run: list[Figure] = []

    def flush() -> None:
        joined = any(
            re.search(r"\band\b|&|\bet\b", text[a.end : b.start]) for a, b in zip(run, run[1:], strict=False)
        ) or bool(run and re.match(r"\s*,?\s*and\b", text[run[-1].end : run[-1].end + 8]))
        if any(f.single for f in run) and not joined:
            run[:] = [f for f in run if not f.single]  # "a police officer, the prefect was killed": not a list
        if len(run) > 1 and all(f.single for f in run) and not _death_around(text, run[0].start, run[-1].end):
            run.clear()  # "a councilman and his brother were abducted": not victims
        if len(run) > 1:
            # a list is one figure for the set of groups it names ("soldier+militant")
            key = "+".join(sorted({f.group or "people" for f in run}))
            out.append(
                Figure(sum(f.value for f in run), key, run[0].start, run[-1].end, any(f.vague for f in run),
                       any(f.estimated for f in run))
            )  # fmt: skip
        else:
            out.extend(f for f in run if not f.single)
        run.clear()

    for f in figs:
        gap = text[run[-1].end : f.start] if run else ""
        if run and (
            _LIST_GAP.match(gap)
            or (_OF_LIST_GAP.match(gap) and (run[-1].single or f.single or run[-1].group == f.group != ""))
            or (_NAME_LIST_GAP.match(gap) and f.group)
        ):
            run.append(f)
            continue
        flush()
        run.append(f)
    flush()
    return out


# "5 ISGS and 2 JNIM militants", "two Fulani and two Dogon men": a count qualified by a name, then the next
_NAME_LIST_GAP = re.compile(r"^\s+(?:[A-Z][\w'’-]*\s+){1,2}(?:and|et|,)\s*$")
_OF_LIST_GAP = re.compile(
    r"^\s+(?:of|from)\s+[^,.;]{0,60}?\s*(?:,|,?\s*and)\s*(?:(?:his|her|their|its)\s+)?$", re.IGNORECASE
)
_SINGLE_ITEM_RE = re.compile(
    rf"\b(?:an?|one|his|her|their|its|another|the)\s+(?:(?!(?:and|of|in|at|on|by)\b)[\w'’-]+\s+){{0,3}}?{_ROLE}(?![\w'’-])",
    re.IGNORECASE,
)
_DEATH_BEFORE = re.compile(
    r"\b(?:killed|killing|kill|executed|executing|murdered|assassinated|beheaded|shot\s+dead|slaughtered|"
    r"massacred|tué|tuant|exécuté)\s+(?:and\s+\w+\s+)?$",
    re.IGNORECASE,
)
_DEATH_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:(?:who\s+)?(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?)?(?:killed|shot\s+dead|"
    r"executed|murdered|assassinated|beheaded|died|found\s+dead|dead)\b",
    re.IGNORECASE,
)


def _death_around(text: str, start: int, end: int) -> bool:
    return bool(_DEATH_BEFORE.search(text[max(0, start - 30) : start]) or _DEATH_AFTER.match(text[end : end + 40]))


def _singles(text: str) -> list[Figure]:
    """One person each, named by role ("a customs agent", "his driver"), to be counted in lists of victims."""
    return [
        Figure(1, m.group(0).split()[-1].lower(), m.start(), m.end(), single=True)
        for m in _SINGLE_ITEM_RE.finditer(text)
        if not _SPEECH_AFTER.match(text, m.end())
        and _nearest_kind(text, m.start(), m.end()) == "death"
        and not _in_sublist(text, m.start())
    ]


def _in_sublist(text: str, start: int) -> bool:
    """Whether ``start`` is inside an "including ..." list ("6 civilians, including an aid worker, a driver
    and a nurse"): the items are part of the count before, not deaths of their own."""
    subs = list(_INCLUDING.finditer(text, max(0, start - 80), start))
    return bool(subs) and not re.search(r"[.;:]|\b(?:were|was|killed|died|while|but)\b", text[subs[-1].end() : start])


_SPEECH_AFTER = re.compile(
    r",?\s+(?:\w+\s+)?(?:said|says|told|reported|stated|claimed|confirmed|announced|added|explained)\b", re.IGNORECASE
)


# Deaths after the event, not in its figures: "one of the wounded later died", "he later succumbed".
_SIGNIFICANT = re.compile(
    r"\b(?:military\s+(?:base|camp|school|academy|airport|zone)|army\s+(?:base|camp|post)|barracks|garrison|"
    r"airport|air\s*base|gendarmerie\s+school|police\s+school|training\s+(?:school|centre|center)|"
    r"large-scale|major\s+attack|massive|complex\s+attack|coordinated\s+attacks?|heavy\s+(?:losses|casualties)|"
    r"significant\s+casualties|large\s+number\s+of\s+(?:people\s+)?dead|camp\s+militaire|base\s+militaire|"
    r"école\s+de\s+(?:la\s+)?gendarmerie|aéroport|lourdes\s+pertes)\b",
    re.IGNORECASE,
)
_SUICIDE_RE = re.compile(
    r"\b(?:suicide\s+bomber|kamikaze)\s+(?:\w+\s+){0,3}?(?:detonated|blew\s+(?:himself|herself)\s+up|exploded|"
    r"set\s+off)\b|\bblew\s+(?:himself|herself)\s+up\b|\bs'est\s+fait\s+exploser\b",
    re.IGNORECASE,
)
_LATER_DEATH = re.compile(
    r"\bone\s+of\s+the\s+(?:wounded|injured)\b[^.;]{0,40}?\b(?:died|succumbed)|"
    r"\b(?:the\s+third|the\s+other|he|she)\s+(?:\w+\s+){0,4}?later\s+(?:died|succumbed)|"
    r"\b(?:he|she)\s+(?:later\s+)?succumbed",
    re.IGNORECASE,
)


def _bare_ones(text: str) -> list[Figure]:
    return [
        Figure(1, m.group(0).split()[-1].lower(), m.start(), m.end())
        for m in _BARE_ONE_RE.finditer(text)
        if not _in_sublist(text, m.start())  # "two civilians, including a woman"
    ]


def count_fatalities(text: str) -> int:
    """ACLED's fatality figure for one event told in ``text`` (0 when no death is reported)."""
    return count_fatalities_estimated(text)[0]


_HELD = re.compile(
    r"\b(?:abduct(?:ed|ing)|kidnapp?(?:ed|ing)|arrest(?:ed|ing)|detain(?:ed|ing)|captur(?:ed|ing)|taken\s+away|"
    r"took\s+(?:them|away)|seized|rounded\s+up|disappeared|went\s+missing|enlev(?:é|és|ée|ées)|arrêt(?:é|és|ée|ées))\b",
    re.IGNORECASE,
)
_THEN_KILLED = re.compile(
    r"\b(?:(?:killed|executed|shot|burned|burnt|slaughtered|beheaded|murdered)\s+them|them\s+(?:dead|alive)|"
    r"their\s+(?:lifeless\s+)?bodies|(?:were|had\s+been)\s+(?:\w+\s+){0,4}?(?:executed|killed|found\s+dead)|"
    r"(?:later|subsequently|then)\s+(?:executed|killed|found\s+dead)|found\s+dead|"
    r"(?:detained|arrested|abducted|kidnapped|captured|taken\s+away),?\s+(?:and\s+)?(?:later\s+|then\s+)?"
    r"(?:executed|killed|shot\s+dead)|"
    r"(?:ont\s+été|ont)\s+(?:\w+\s+)?(?:exécutés|tués|retrouvés\s+morts))\b",
    re.IGNORECASE,
)


def _held_then_killed(text: str) -> int | None:
    """People counted when taken ("5 men were detained by soldiers") and killed afterwards without a
    new figure ("Their bodies were later found", "... and burned them alive"): that count."""
    killed = _THEN_KILLED.search(text)
    if killed is None:
        return None
    best: int | None = None
    for f, kind in _people_counts(text):
        if kind != "other" or f.end > killed.start() or f.value < 2:
            continue
        window = text[max(0, f.start - 60) : min(killed.end(), f.end + 80)]
        if _HELD.search(window):
            best = f.value
    return best


# Every word some reading of a death starts from (_DEATH, the single-victim, held-then-killed, suicide and mass
# patterns): a text with none of them tells no death, and the costly readings are skipped.
_DEATH_HINT = re.compile(
    rf"\b(?:{_DEATH})\b|shot|blew|burn|execution|assassin|abattu|explod|suicide|massacr|carnage|bloodbath|"
    r"hanged|hung|surviv|to\s+death|corpse|corps|remains|body|kamikaze|exploser|lourd|pertes|losses|toll|heavy",
    re.IGNORECASE,
)


def count_fatalities_estimated(text: str) -> tuple[int, bool]:
    """``(figure, estimated)``: ACLED's fatality figure and whether it is a conventional figure for a
    vague report ("several killed" = 3, "dozens" = 12, "a massacre" = 10) rather than a stated one."""
    if not _DEATH_HINT.search(text):
        return 0, False  # no word any reading below starts from: no death told (most reports of other events)
    text = _GEOPRECISION.sub(" ", text)  # ACLED's "(coded as X at geoprecision 2)" is not a count
    zero = _ZERO_RE.search(text)
    # "no casualties", and deaths that are the cause of the event ("protesting the killing of two
    # traders"), are blanked out (same length, offsets kept) before figures are read
    blanks = [m.span() for rx in (_ZERO_RE, _CAUSE_RE, _ACCUSED_RE, _NEAR_MISS_RE) for m in rx.finditer(text)]
    text = _blank(text, blanks)
    found = figures(text)
    if found:
        # counts with no casualty word of their own, listed after a toll ("a chief ... and his three sons")
        found += [
            Figure(f.value, f.group, f.start, f.end, single=True)
            for f, kind in _people_counts(text)
            if kind is None and (f.start > found[0].start or _LIST_GAP.match(text[f.end : found[0].start]))
        ]
    spans = [(f.start, f.end) for f in found]
    singles = _singles(text)
    listed = [  # "a 70-year-old man and a 15-year-old child": one by one, not "shot dead a 70-year-old"
        a
        for a, b in zip(singles, singles[1:], strict=False)
        if re.fullmatch(r"\s*(?:,|,?\s*and|&)\s*", text[a.end : b.start])
    ]
    bare = [b for b in _bare_ones(text) if not any(b.start <= x.start < b.end for x in listed)]
    found += [b for b in bare if not any(s <= b.start < e or b.start <= s < b.end for s, e in spans)]
    spans = [(f.start, f.end) for f in found]
    found += [b for b in singles if not any(s <= b.start < e or b.start <= s < b.end for s, e in spans)]
    if found:
        # a person told as "also killed" is a death of its own, not only an item of a list
        found = [Figure(f.value, f.group, f.start, f.end) if f.single and _ALSO_AFTER.match(text, f.end) else f
                 for f in found]  # fmt: skip
        spans = [(f.start, f.end) for f in found]
        also = (Figure(1, m.group(0).split()[-1].lower(), m.start(), m.end()) for m in _ALSO_ONE_RE.finditer(text))
        found += [a for a in also if not any(s < a.end and a.start < e for s, e in spans)]
    found.sort(key=lambda f: f.start)
    # "two Islamists were killed. One of the Islamists killed was their leader": a part of a figure told
    found = [f for f in found if not (_is_partitive(text, f) and any(
        g.group == f.group and not _is_partitive(text, g) for g in found if g is not f))]  # fmt: skip
    # a group's claim ("IS claimed 60 were killed") is not a reported toll when another figure exists
    unclaimed = [f for f in found if not _CLAIM.search(text, max(0, f.start - 60), f.start)]
    figs = _lists(text, unclaimed or found)
    total = _total(text, figs)
    if total is not None:
        total += len(_LATER_DEATH.findall(text))
        precise = [f for f in figs if not f.vague] or figs
        estimated = all(f.estimated for f in precise)
        if all(f.vague and f.value == 3 for f in figs) and _SIGNIFICANT.search(text):
            # "several soldiers were killed" in an attack on a base or the capital: ACLED's figure for a
            # significant attack with deaths but no number is 10 (3 for a limited one)
            return max(total, 10), True
        return total, estimated
    held = _held_then_killed(text)
    if held is not None:
        return held, False
    if _SUICIDE_RE.search(text):
        return 1, False  # the bomber's own death ("A suicide bomber blew himself up, causing no casualties")
    if zero:
        return 0, False
    if (
        _BARE_DEATH_RE.search(text)
        or _BARE_ONE_RE.search(text)
        or _SINGLE_VICTIM_RE.search(text)
        or _NAMED_ONE_RE.search(text)
        or _ONE_WAS_KILLED_RE.search(text)
    ):
        return 1, False
    mass = _MASS_RE.search(text)
    if mass and not _MASS_REFERENCE.search(text, max(0, mass.start() - 45), mass.start()):
        return 10, True
    return 0, False


# Deaths that are the cause or background of the event told, not its toll.
_CAUSE_RE = re.compile(
    r"\b(?:over|about|against|for|following|after|protest(?:ing|ed)?|denounc\w*|condemn\w*|"
    r"(?:in\s+)?(?:protest|reaction|response|retaliation)\s+(?:against|to|for|over)|revenge\s+(?:\w+\s+)?for|"
    r"in\s+the\s+wake\s+of|anniversary\s+of|commemorat\w*|justice\s+for)\s+(?:the\s+)?(?:recent\s+|alleged\s+)?"
    r"(?:deaths?|killings?|murders?|assassinations?|lynching)\s+of\b[^.;,]*",
    re.IGNORECASE,
)
# A killing someone is accused of, or deaths from other causes: "a merchant accused of murdering two
# moneychangers", "suspected of killing a child", "several deaths due to flooding".
_ACCUSED_RE = re.compile(
    r"\b(?:accused|suspected|convicted)\s+of\s+(?:\w+\s+)?(?:killing|murdering|murder|having\s+killed)\b[^.;,]*|"
    r"\bdeaths?\s+(?:due\s+to|caused\s+by|from)\s+(?:the\s+)?(?:flood\w*|illness|disease|accidents?|drowning|hunger|"
    r"heat|cholera|covid\w*)",
    re.IGNORECASE,
)
# a death that did not happen: "nearly lynched a priest", "almost killed", "a failli être tué"
_NEAR_MISS_RE = re.compile(
    r"\b(?:nearly|almost|narrowly|barely|presque|a\s+failli(?:\s+être)?|ont\s+failli(?:\s+être)?)\s+"
    r"(?:been\s+)?(?:killed|lynched|beaten\s+to\s+death|died|executed|murdered|tu[ée]s?|lynch[ée]s?)\b",
    re.IGNORECASE,
)
_MASS_REFERENCE = re.compile(
    r"\b(?:response\s+to|involvement\s+in|over|following|after|since|against|in\s+the\s+wake\s+of|"
    r"anniversary\s+of|commemorat\w*|denounc\w*|condemn\w*|investigat\w*|suspected\s+of|accused\s+of|"
    r"responsible\s+for|perpetrators\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:recent\s+|deadly\s+|alleged\s+|\w+\s+)?$",
    re.IGNORECASE,
)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _total(text: str, figs: list[Figure]) -> int | None:
    if figs:
        precise = [f for f in figs if not f.vague] or figs
        # "They also killed two more people", "another 3 died": figures that add to the others
        extra = [f for f in precise if (f.group == "" and _is_additional(text, f)) or _ALSO_AFTER.match(text, f.end)]
        precise = [f for f in precise if f not in extra]
        generic = [f.value for f in precise if f.group == ""]
        by_group: dict[str, int] = {}
        for f in precise:
            if f.group:
                by_group[f.group] = min(by_group.get(f.group, f.value), f.value)
        group_sum = sum(by_group.values())
        added = sum(f.value for f in extra)
        upper = [f for f in precise if f.group == "" and _CONSERVATIVE_HINT.match(text, f.start)]
        if group_sum and upper and len(upper) == len(generic):
            # "8 villagers were killed ... as many as 32 were killed": an upper bound, the smaller figure holds
            return min(min(generic), group_sum) + added
        if generic:
            g = min(generic)
            # "killing 10 people, including 4 soldiers": the overall figure; a lone "others" adds up.
            base = max(g, group_sum) if group_sum and len(generic) == 1 and _has_others(text) else max(g, 0)
            return base + added
        return group_sum + added
    return None


def _is_partitive(text: str, f: Figure) -> bool:
    return bool(re.match(r"\S+\s+of\s+the\s", text[f.start : f.end], re.IGNORECASE))


# "... were also killed", "also died": deaths added to those told before, whatever the group
_ALSO_AFTER = re.compile(
    r"\s*(?:(?:were|was|have\s+been|had\s+been|has\s+been)\s+also|also\s+(?:been\s+)?)\s*(?:killed|died|dead|shot\s+dead|"
    r"executed|perished)\b|\s+(?:ont|a)\s+(?:également|aussi)\s+été\s+tué",
    re.IGNORECASE,
)
# one person named by role who "was also killed" ("the bomber was also killed", "his son also died")
_ALSO_ONE_RE = re.compile(
    rf"\b(?:the|a|an|one|his|her|their|its)\s+(?:(?!(?:and|of|in|at|on|by)\b)[\w'’-]+\s+){{0,3}}?{_ROLE}(?=\s*"
    r"(?:(?:was|has\s+been|had\s+been)\s+also|also)\s+(?:killed|died|shot\s+dead|executed)\b)",
    re.IGNORECASE,
)


def _is_additional(text: str, f: Figure) -> bool:
    if re.match(r"(?:as\s+many\s+as|up\s+to|jusqu'à)\b", text[f.start : f.end], re.IGNORECASE):
        return False  # "other sources say as many as 32 more": a higher report, not more deaths
    return bool(
        re.search(r"\b(?:more|other|others|additional|further|autres)\b", text[f.start : f.end + 12], re.IGNORECASE)
        or re.search(r"\b(?:another|also)\s+$", text[max(0, f.start - 12) : f.start], re.IGNORECASE)
    )


def _has_others(text: str) -> bool:
    return bool(re.search(r"\b(?:others?|autres|more|additional)\b", text, re.IGNORECASE))


_DAYS_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "deux": 2, "trois": 3, "quatre": 4,
               "cinq": 5}  # fmt: skip
_MULTI_DAY = re.compile(
    r"\b(?:over|during|across|within|for|en|pendant)\s+(?:the\s+)?(?:(?:past|last|first)\s+)?"
    r"(two|three|four|five|six|seven|deux|trois|quatre|cinq|[2-7])\s+(?:days|jours)\b|"
    r"\b(two|three|four|five|six|seven|[2-7])\s+days\s+of\s+(?:\w+\s+)?(?:fighting|clashes|violence|attacks|combat)",
    re.IGNORECASE,
)


def toll_days(text: str) -> int:
    """How many days a toll told in ``text`` covers ("killed about 10 fighters over two days of fighting": 2),
    1 when none is stated. ACLED codes one event per day and splits such a toll between the days."""
    m = _MULTI_DAY.search(text)
    if m is None:
        return 1
    word = (m.group(1) or m.group(2)).lower()
    return int(word) if word.isdigit() else _DAYS_WORDS[word]
