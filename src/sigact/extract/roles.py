"""Who did what to whom: actor1 (initiator), actor2 (target) and associated actors, ACLED-style.

Actors are found by the actors registry (``sigact.actors``): named groups get their canonical
ACLED name; role nouns become ACLED's generic names for the event's country (soldiers -> the state
forces of the period, gunmen -> "Unidentified Armed Group (Country)", villagers -> "Civilians
(Country)"). Roles come from the sentence: the agent of a passive ("attacked by X") or the
subject before the event word initiates; what follows the event word is the target.
"Suspected JNIM militants" keeps the attribution (ACLED codes the suspected group); "JNIM or
ISGS" / "JNIM and/or ISGS" becomes ACLED's "A and/or B". The event type then fixes what ACLED
always does: violence against civilians targets "Civilians (Country)", protesters and rioters are
"Protesters (Country)" / "Rioters (Country)".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from sigact.actors.model import ActorMention
from sigact.actors.registry import Registry
from sigact.extract.detect import EVENT_WORDS

_VAGUE_PARENTS = frozenset({"Al Qaeda", "Islamic State", "AQIM: Al Qaeda in the Islamic Maghreb"})
_JNIM = "JNIM: Group for Support of Islam and Muslims"
_ISGS = "Islamic State (Greater Sahara)"
_PASSIVE_BEFORE = re.compile(
    r"\b(?:attack|kill|ambush|target|abduct|kidnapp?|execut|carri|perpetrat|claim|plant|launch|commit|shot|"
    r"murder|assassinat|massacr|seiz|loot|burn|destroy|detonat|fir|shell|struck|hit|"
    r"attaqu|tu|enlev|exécut|revendiqu|men|perpétr|commis|tend)\w*\s+(?:\w+\s+){0,3}?"
    r"(?:by|par)\s+(?:the\s+|les?\s+|des\s+|la\s+|l')?(?:\w+\s+){0,2}$|\bblamed\s+on\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "the attack was repelled by the soldiers": the agent of a defence verb is the attacked side, not the initiator
_REPELLED_BY = re.compile(
    r"\b(?:repelled|repulsed|foiled|thwarted|fought\s+off|pushed\s+back|beaten\s+back|driven\s+back|"
    r"repouss[ée]e?s?|déjou[ée]e?s?)\s+(?:by|par)\s+(?:the\s+|les?\s+|des\s+|la\s+|l'|an?\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ATTRIBUTIVE = re.compile(
    r"(?:['’]s)?\s+(?:(?!(?:in|on|of|during|after|by|the|an?|from|to|for)\b)[\w-]+\s+)?(?:attacks?|assaults?|ambush(?:es)?|raids?|offensive|strikes?|massacres?|"
    r"fighters|militants|jihadists|gunmen|insurgents)\b",
    re.IGNORECASE,
)
_POLICE_ACTION = re.compile(
    r"\b(?:police|gendarm\w*|security\s+forces|soldiers|army|forces\s+de\s+l'ordre)\b[^.]{0,60}\b(?:intervened|"
    r"responded|used|fired|dispersed|clashed|arrested|tear\s*gas|lacrymog\w*|dispersé\w*)|\btear\s*gas\b",
    re.IGNORECASE,
)
# a named armed group or foreign force the rioters faced: "threw stones at a MINUSMA convoy", "started to fight with
# MNLA activists", "MINUSMA soldiers fired tear gas", "as MNLA fighters shot into the crowd"
_CROWD_FACED_BEFORE = re.compile(
    r"\b(?:(?:threw|throwing|hurled|hurling|pelted|pelting)\s+(?:\w+\s+){0,3}?(?:at|on)|stoned|attacked|attacking|"
    r"fight(?:ing)?\s+with|fought\s+(?:with|against)|clash(?:ed|es)?\s+with|lancé\s+des\s+pierres\s+sur)\s+(?:the\s+|an?\s+|les\s+|des\s+|la\s+|le\s+)?"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_CROWD_FACED_AFTER = re.compile(
    r"(?:\s+(?:soldiers|troops|forces|fighters|peacekeepers|personnel|elements|combatants))?\s+(?:\w+\s+){0,2}?"
    r"(?:fired|shot|opened\s+fire|dispers\w*|used\s+tear|intervened|sought\s+to\s+dispers\w*)",
    re.IGNORECASE,
)
_POLICE = re.compile(r"\b(?:police|gendarm\w*|security\s+forces|CRS|forces\s+de\s+l'ordre)\b", re.IGNORECASE)
# police named only as a building the crowd burned ("set fire to the police station"), or police who are themselves the
# rioters ("firing by mutinying police"): no police force faced the crowd (training split: 19 such riots without
# actor2 against 7 coding the police)
_POLICE_NOT_FACED = re.compile(
    r"\b(?:police|gendarmerie|gendarmes?|customs)\s+(?:stations?|posts?|headquarters|offices?|buildings?|barracks|"
    r"commissariats?)\b|\bbuildings\s+used\s+by\s+the\s+police\b|\bhouse\s+of\s+a\s+police\s+officer\b|"
    r"\b(?:ransacked|burned|looted|attacked)\s+the\s+gendarmerie\b|\bmutin\w+\s+police(?:men)?\b|\bpolice\s+mutin\w*|"
    r"\bpolice\s+joined\s+(?:the\s+)?soldiers\b|\bhanded\s+(?:\w+\s+)?over\s+to\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:police|gendarmerie|gendarmes|soldiers|army|security\s+forces)\b|\b(?:commissariats?|postes?\s+de\s+police|gendarmeries?)\s+(?:incendi|saccag)\w*",
    re.IGNORECASE,
)
_STATE_BOMBED = re.compile(
    r"[^.]{0,25}?\b(?:bombed|bombard\w*|shelled|blew\s+up|detonated|dropped\s+bombs)\b", re.IGNORECASE
)
# "JNIM claimed the attack", "the attack was attributed to ISGS", "a group affiliated with IS was responsible"
_CLAIMANT = re.compile(
    r"\b(?:claimed(?!\s+(?:it|that|to|they|the\s+(?:victims|dead)\s+were)\b)|claims?\s+(?:of\s+)?responsibility|revendiqu\w*|attributed\s+to|blamed\s+on|"
    r"statements?\s+(?:\w+\s+)?(?:released|issued|published|posted)\s+by|(?:Intelligence\s+Group|SITE)\s+citing|"
    r"(?:was|were|is|are)\s+(?:\w+\s+)?responsible\s+for|behind\s+the\s+(?:attack|assault|massacre|killings?|ambush)|"
    r"imput\w*\s+(?:à|au|aux)|attribu\w*\s+(?:à|au|aux)|(?:perpetrators|attackers|assailants|auteurs)\s+"
    r"(?:are|were|was|is|sont|seraient)\s+(?:\w+\s+){0,3}?(?:be|to\s+be|des|être)?)",
    re.IGNORECASE,
)
_RECIPROCAL = re.compile(r"\b(?:clash(?:ed|es)?|fought|fight(?:ing)?|battled|exchanged\s+fire|affrontements?|"
                         r"se\s+sont\s+affrontés|combats?\s+entre|skirmish(?:ed|es)?)\b", re.IGNORECASE)  # fmt: skip
_TARGET_BEFORE = re.compile(
    r"\b(?:on|against|targeting|targeted|contre|visant|ciblant|attacked|ambushed|killed|kidnapped|abducted|"
    r"hit|struck|shelled|bombed|stormed|at|into|inside|of|attaqué|tué|enlevé)\s+(?:an?\s+|the\s+|les?\s+|la\s+|des\s+|two\s+|three\s+|several\s+|\d+\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "A Malian army convoy was ambushed near Boni", "FAMa checkpoint attacked around 3h", "two peacekeepers injured in an
# ambush": the actor is the subject of a passive (or headline-style) victim verb, i.e. the target
_VICTIM_VERB = (
    r"(?:attacked|ambushed|targeted|killed|wounded|injured|struck|hit|shot|abducted|kidnapped|overrun|"
    r"stormed|besieged|harassed|assassinated|executed|attaqu[ée]e?s?|tu[ée]e?s|bless[ée]e?s|enlev[ée]e?s?|"
    r"pris\s+pour\s+cible|vis[ée]e?s?|cibl[ée]e?s?|embusqu[ée]e?s?)"
)
_PASSIVE_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?!(?:and|et|or|ou|who|which|that|qui)\b)[\w'’/-]+|\s*\([^()]{0,60}\)){0,7}?\s+"
    r"(?:(?P<aux>(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being|got|get|a\s+été|ont\s+été|été|sont|est)\s+"
    r"(?:(?:also|reportedly|allegedly|again|then|once\s+again|\w+ly)\s+)?)|(?P<under>(?:came|come|comes|were|was)\s+under\s+"
    r"(?:an?\s+)?(?:\w+\s+)?(?:attack|fire|assault)\b|subjected\s+to|fell\s+into\s+an?\s+ambush|tomb[ée]e?s?\s+dans\s+une\s+embuscade))?"
    r"(?(under)|" + _VICTIM_VERB + r"\b(?P<after>[^\w]*\w*))",
    re.IGNORECASE,
)
_CONTRACTOR_AFTER = re.compile(
    r"(?:\s*\(?\s*(?:probably|possibly|likely)\s+)?[\s-]*(?:sub-?\s*contract\w*|contract(?:or|ed)\w*|rented|hired|"
    r"civilian\s+(?:staff|employees?|workers?|contractors?|drivers?)|local\s+staff|sous-traitan\w*|prestataires?)\b",
    re.IGNORECASE,
)
_CONTRACTOR_BEFORE = re.compile(
    r"\b(?:sub-?contractors?|contractors?|civilian\s+(?:staff|employees?|workers?)|sous-traitants?|prestataires?)\s+"
    r"(?:of|for|working\s+for|de|du|pour)\s+(?:the\s+|la\s+|le\s+|l')?$",
    re.IGNORECASE,
)


def _contractor(text: str, m: ActorMention) -> bool:
    """ "a MINUSMA sub-contractor convoy", "a MINUSMA-rented truck", "contractors of MINUSMA": civilians working for
    the force, not the force."""
    return bool(_CONTRACTOR_AFTER.match(text, m.end) or _CONTRACTOR_BEFORE.search(text, max(0, m.start - 30), m.start))


# "the attack was presumably carried out by", "the IED was most likely planted by", "X is suspected of planting"
_LATER_AGENT = re.compile(
    r"\b(?:was|were|is|are|been)\s+(?:\w+\s+){0,2}?(?:carried\s+out|planted|perpetrated|committed|laid|placed|"
    r"launched|fired|conducted|staged|orchestrated|set\s+off)\s+by\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_SUSPECTED_OF = re.compile(
    r"(?:\s+(?:militants|fighters|elements))?\s+(?:is|are|was|were)\s+(?:\w+\s+)?suspected\s+(?:of|in)\s+"
    r"(?:planting|carrying\s+out|having|the\s+attack)",
    re.IGNORECASE,
)
_HELD_BY = re.compile(
    r"\b(?:arrested|detained|captured|apprehended|held|taken\s+away|abducted|interpellés?|arrêtés?|détenus?)\s+"
    r"(?:\w+\s+){0,3}?(?:by|par)\s+(?:the\s+|les?\s+|des\s+|la\s+|l')?(?:\w+\s+)?$",
    re.IGNORECASE,
)
_NOT_AN_OBJECT = frozenset(
    """by in on at near along around between about after while when during this last early overnight yesterday
    outside from close en par dans près lors entre vers pendant since following as late inside
    within""".split()
)
_TOLL_AND = re.compile(
    r"\s+(?:\d+|one|two|three|four|five|six|several|many|others?|another|at\s+least|un|une|deux|trois)\b", re.IGNORECASE
)
# a named actor followed by its own event verb ("JNIM militants later attacked ...")
_ACTS = re.compile(
    r"(?:\s+(?:militants|fighters|jihadists|gunmen|combatants|also|later|then|reportedly|have|has|had))*\s+(?:"
    + EVENT_WORDS.pattern
    + ")",
    re.IGNORECASE,
)
_UNSPECIFIC_FORCES = re.compile(r"\b(?:security|sécurité|ordre|FDS)\b", re.IGNORECASE)
_FOUGHT_BACK = re.compile(
    r"\)?(?:\s+[\w'’-]+){0,4}?\s+(?:responded|repelled|repulsed|fought\s+back|returned\s+fire|retaliated|riposté|"
    r"ont\s+riposté|a\s+riposté|ont\s+repoussé|a\s+repoussé)\b",
    re.IGNORECASE,
)
_NATIONALITY_AND = re.compile(r"\b([A-Z][a-zè]+)\s+(?:and/or|and|or|&|et)\s+$")
_STRIKE = re.compile(
    r"\b(?:(?:went|go|going|are|were|began|begin|started|launched|called|observ\w+|held)\s+(?:on\s+)?(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}?strikes?|strikers|on\s+strike|(?:general|hunger|sit-down|teachers['’]?|workers['’]?)\s+strike|"
    r"sit-ins?|grèves?|grévistes|en\s+grève|laid\s+down\s+(?:their\s+)?tools)\b",
    re.IGNORECASE,
)
_GOVERNMENT = re.compile(
    r"\b(?:government|governor|president|prime\s+minister|minist(?:er|ry)|authorities|junta|curfew|"
    r"state\s+of\s+(?:emergency|siege)|decree|gouvernement|gouverneur|président|ministre|ministère|autorités|junte|"
    r"couvre-feu|état\s+d['’]urgence|décret)\b",
    re.IGNORECASE,
)
_ATTACKERS = re.compile(
    r"\b(?:assailants?|attackers?|aggressors?|militants?|gunm[ae]n|jihadists?|jihadis|djihadistes?|jihadistes?|"
    r"terrorists?|terroristes?|assaillants?|insurgents?|islamists?|islamistes?)\b",
    re.IGNORECASE,
)
_INFRASTRUCTURE_BLAST = re.compile(
    r"\b(?:detonat|explod|blew\s+up|blown\s+up|damag|destroy|sabotag|dynamit|fait\s+sauter|détrui)\w*\s+(?:\w+\s+){0,3}?"
    r"(?:bridges?|transmission\s+towers?|telecom\w*\s+(?:antennas?|towers?|masts?)|antennas?|pylons?|water\s+supply|"
    r"culverts?|pipelines?|power\s+lines?|pont|ponts|pylône|antenne)\b",
    re.IGNORECASE,
)
_MUTINY = re.compile(r"\b(?:mutin\w*|putsch\w*|(?:military\s+)?coup(?:\s+d['’][ée]tat)?|junta|junte)\b", re.IGNORECASE)
_GENERIC_ATTACK = re.compile(r"\s+(?:attacks?|assaults?|ambush(?:es)?|raids?|offensive)\b", re.IGNORECASE)
_DEFINITE = re.compile(r"\b(?:the|these|those|les|ces)\s+$", re.IGNORECASE)
_OR_LINK = re.compile(r"^\s*(?:(?:and\s*/\s*or|or|ou|et\s*/\s*ou|and\s+or)\s+(?:the\s+)?|/\s*)$", re.IGNORECASE)
_AND_LINK = re.compile(
    r"^\s*(?:,|and|et|with|alongside|together\s+with|supported\s+by|backed\s+by|accompanied\s+by|appuyés?\s+par|"
    r"avec)\s+(?:the\s+|les\s+|des\s+)?(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)


@dataclass
class Roles:
    """The actors of one event in ACLED's columns."""

    actor1: str | None = None
    inter1: int | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    inter2: int | None = None
    assoc_actor_2: str | None = None
    actor1_suspected: bool = False
    target_inter: int | None = None  # the armed target the sentence names (before ACLED's type rules)
    civilians_named: bool = False


_DEMONYMS = [
    (re.compile(r"\b(?:Malian|maliens?|maliennes?)\b", re.IGNORECASE), "Mali"),
    (re.compile(r"\b(?:Burkinab[eèé]s?|burkinab[eèé]s?)\b", re.IGNORECASE), "Burkina Faso"),
    (re.compile(r"\b(?:Nigerien|nigériens?|nigériennes?)\b", re.IGNORECASE), "Niger"),
]


# ACLED coded unnamed Islamist fighters as "Islamist Militia (<country>)" from 2015 to mid-2019 (in the
# training split: 53 of 77 such notes); before and after, the unnamed attacker is "Unidentified Armed Group".
_ISLAMIST = re.compile(
    r"\b(?:islamist|jihadist|djihadiste|islamiste|islamic\s+(?:militants?|extremists?|fighters?|groups?))",
    re.IGNORECASE,
)
_ISLAMIST_MILITIA_PERIOD = (dt.date(2015, 1, 1), dt.date(2019, 6, 30))
# During the occupation of northern Mali (spring 2012 to the French-led reconquest of early 2013) ACLED coded unnamed
# "Islamists" in Mali under Ansar Dine, the leading group of the occupation (training split: 32 of 55 such actors;
# AQIM 7, MUJAO 4, the unidentified armed group 1)
_OCCUPATION_PERIOD = (dt.date(2012, 4, 1), dt.date(2013, 4, 30))
# The Tuareg rebellion of 2012 in northern Mali, from its first attacks (17 January) to the MNLA's declaration of
# independence (6 April), was led by the MNLA: unnamed "rebels" of that period are coded as the MNLA (training split:
# 14 of 15 such notes)
_REBELLION_PERIOD = (dt.date(2012, 1, 17), dt.date(2012, 4, 6))
_MNLA = "MNLA: National Movement for the Liberation of Azawad"
_REBEL = re.compile(r"\b(?:rebels?|rebelles?|separatists?|séparatistes?)\b", re.IGNORECASE)


def _country_variant(name: str, reg: Registry, country: str | None, date: dt.date | None) -> str:
    """A family name no longer current at ``date`` ("Dozo Militia", ended 2019) -> the country-dependent
    name that replaced it ("Dozo Communal Militia (Burkina Faso)"), when the registry has one."""
    actor = reg.get(name)
    if actor is None or date is None or country is None or actor.covers(date):
        return name
    for child in reg:
        if child.parent == actor.name and child.country == country and child.covers(date):
            return child.name
    return name


_ETHNIC_PLACE = re.compile(
    r"\b(Dogon|Fulani|Peulh?|Bambara|Mossi|Songhai|Tuareg|Bozo|Dawsahak|Gourmantche|Foulse)\s+"
    r"(?:village|villages|hamlet|hamlets|community|communities|villagers|locality|self-defen[cs]e|youths?)\b|"
    r"\b(?:village|hamlet|community)\s+(?:\w+\s+){0,2}?(?:of\s+)?(?:the\s+)?"
    r"(Dogon|Fulani|Peulh?|Bambara|Mossi|Songhai|Tuareg|Bozo|Dawsahak|Gourmantche|Foulse)s?\b",
)


def _ethnic_militia(text: str, reg: Registry, country: str | None) -> str | None:
    """ "Village self-defense" of "the Dogon village of X": ACLED names the militia after the community it
    defends ("Dogon Ethnic Militia (Mali)")."""
    found = {(a or b).replace("Peulh", "Fulani").replace("Peul", "Fulani") for a, b in _ETHNIC_PLACE.findall(text)}
    if len(found) != 1 or country is None:
        return None
    name = f"{found.pop()} Ethnic Militia ({country})"
    return name if name in reg else None


_COMMUNITY = (
    r"(Fulani|Peulh?|Fula|Mossi|Dogon|Bambara|Gourmantche|Foulse|Tuareg|Songhai|Bozo|Dawsahak|Bellah|Kurumba|Samo|"
    r"Bwaba|Lobi|Dioula|Bissa|Gourounsi|Arab)s?"
)
_COMMUNITY_BEFORE = re.compile(r"\b" + _COMMUNITY + r"\s+$")
_COMMUNITY_PAIR = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:members\s+of\s+the\s+)?"
    + _COMMUNITY
    + r"(?:\s+[a-z]+){0,2}?\s+and\s+(?:the\s+)?"
    + _COMMUNITY
    + r"\b|\b"
    + _COMMUNITY
    + r"\s+and\s+(?:the\s+)?"
    + _COMMUNITY
    + r"\s+(?:communities|community|groups|militias|militiamen|youths)\b"
)


# foreigners as victims: "a Spanish priest", "two Czech nationals", "a French woman", "3 Europeans" are coded by ACLED
# as "Civilians (International)" (in the training split 20 of 25 civilian events naming such victims)
_FOREIGN_VICTIMS = re.compile(
    r"\b(?:(?:Spanish|Czech|Canadian|Italian|Slovak(?:ian)?|Albanian|Cambodians?|French|Swiss|Colombian|German|Britons?|"
    r"British|Belgian|American|Australian|Dutch|Romanian|South\s+African|Austrian|Polish|Japanese|Chinese|Indian|"
    r"Lebanese|Turkish|Moroccan|Algerian|European|Western|foreign)\s+(?:nationals?|citizens?|woman|women|man|men|nun|"
    r"priest|missionar\w+|hostages?|tourists?|expatriates?|engineers?|workers?|employees?|contractors?|journalists?|"
    r"couple|teachers?|doctors?|aid\s+workers?|intelligence\s+officer)|Europeans|Frenchman|Frenchwoman|"
    r"employee\s+(?:of|from)\s+an?\s+NGO\s+from)\b",
    re.IGNORECASE,
)


_CIVILIAN_NOUNS = (
    r"(?:refugees?|nationals?|citizens?|civilians?|pastoralists?|herders?|herdsm[ae]n|(?:gold\s+)?miners?|traders?|"
    r"merchants?|shopkeepers?|diplomats?|workers?|farmers?|fishermen|(?:truck\s+)?drivers?|migrants?|passengers?|"
    r"m[ae]n|wom[ae]n|youths?|pilgrims?|students?|teachers?|businessm[ae]n|transporters?|goat\s+thief|thief|"
    r"réfugiés?|ressortissants?|civils?|commerçants?|orpailleurs?|éleveurs?|bergers?)"
)
_MIXED_GROUP = re.compile(
    r"\b(?:including|includes|among\s+them|among\s+whom|of\s+whom\s+(?:were|was)|dont|parmi\s+(?:eux|lesquels))\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_NATIONALITY_RX: dict[tuple[int, str], tuple[re.Pattern[str], dict[str, str]]] = {}


def _victims_nationality(text: str, reg: Registry, country: str) -> str | None:
    """ "Malian refugees", "two Nigerien pastoralists", "Burkinabe gold miners", "an Ivorian trader": civilians of a
    neighbouring country are coded by ACLED as that country's civilians ("Civilians (Mali)" for an event in Burkina
    Faso); only when one foreign nationality is named for the victims."""
    compiled = _NATIONALITY_RX.get((id(reg), country))
    if compiled is None:
        of: dict[str, str] = {}
        for name, words in reg.data.countries.items():
            if name not in ("France", "International", country):
                of.update({w.lower(): name for w in words if len(w) > 6})  # not "Burkina" alone
        alt = "|".join(re.escape(w) for w in sorted(of, key=len, reverse=True))
        rx = re.compile(rf"\b({alt})\s+(?:[A-Za-z]+\s+){{0,2}}?{_CIVILIAN_NOUNS}\b", re.IGNORECASE)
        compiled = _NATIONALITY_RX[(id(reg), country)] = (rx, of)
    rx, of = compiled
    low = text.lower()
    if not any(w in low for w in of):  # a plain substring test first: most texts name no foreign nationality
        return None
    # "three people, including a Togolese engineer", "pilgrims, some of whom were Mauritanian": a mixed group stays
    # the country's civilians
    found = {
        of[hit.group(1).lower()] for hit in rx.finditer(text)
        if not _MIXED_GROUP.search(text, max(0, hit.start() - 30), hit.start())
    }  # fmt: skip
    if len(found) != 1:
        return None
    civilians = reg.civilians(found.pop())
    return civilians if civilians in reg else None


def _communities(text: str, reg: Registry, country: str) -> tuple[str, str] | None:
    """ "Clashes between Fulani herders and Mossi farmers" -> the two communities' ethnic militias."""
    hit = _COMMUNITY_PAIR.search(text)
    if hit is None:
        return None
    names = [g for g in hit.groups() if g]
    if len(names) != 2:
        return None
    norm = {"Peul": "Fulani", "Peulh": "Fulani", "Fula": "Fulani"}
    out = []
    for n in names:
        name = f"{norm.get(n, n)} Ethnic Militia ({country})"
        if reg.canonical(name) is None:
            return None
        out.append(reg.canonical(name) or name)
    return (out[0], out[1]) if out[0] != out[1] else None


@functools.lru_cache(maxsize=256)
def _nationalities(text: str) -> frozenset[str]:
    """The Sahel nationalities a text names (asked once per text, not once per mention)."""
    return frozenset(c for rx, c in _DEMONYMS if rx.search(text))


def _ethnic_prefix(text: str, m: ActorMention, reg: Registry, country: str | None) -> str | None:
    """ "a Dogon self-defence militia", "Tuareg militiamen": a militia or armed men named by their community are that
    community's ethnic militia, as ACLED names them."""
    if not text or country is None:
        return None
    hit = _COMMUNITY_BEFORE.search(text, max(0, m.start - 24), m.start)
    if hit is None:
        return None
    norm = {"Peul": "Fulani", "Peulh": "Fulani", "Fula": "Fulani"}
    name = f"{norm.get(hit.group(1), hit.group(1))} Ethnic Militia ({country})"
    return name if name in reg else None


def _name(m: ActorMention, reg: Registry, country: str | None, date: dt.date | None, text: str = "") -> str | None:
    if m.canonical and m.canonical.startswith(("Vigilante Militia", "Unidentified Communal Militia")):
        ethnic = _ethnic_prefix(text, m, reg, country)
        if ethnic is not None:
            return ethnic
    if m.canonical and m.canonical.startswith("Unidentified Communal Militia"):
        return _ethnic_militia(text, reg, country) or m.canonical
    if m.canonical:
        # the name ACLED codes the group under at the event's date (e.g. Ansar Dine -> JNIM after 2017)
        return _country_variant(getattr(m, "coded_as", None) or m.canonical, reg, country, date)
    if country is None:
        return None
    if m.kind in ("state_military", "state_police"):
        # "Malian soldiers" / "soldats burkinabè": the forces of the country the text says
        window = text[max(0, m.start - 12) : m.end + 14] if text else m.surface
        for rx, named_country in _DEMONYMS:
            if rx.search(window):
                country = named_country
                break
        else:
            # one nationality named for the forces in the whole telling ("... 30 soldats maliens")
            named = _nationalities(text)
            if len(named) == 1:
                country = next(iter(named))
    if m.kind == "state_military":
        return reg.state_forces(country, date, "military")
    if m.kind == "state_police":
        kind = "gendarmerie" if re.search(r"gendarm", m.surface, re.IGNORECASE) else "police"
        return reg.state_forces(country, date, kind)
    if m.kind == "armed_generic":
        if re.fullmatch(r"(?:militia\w*|gunm[ae]n|armed\s+men)", m.surface, re.IGNORECASE):
            ethnic = _ethnic_prefix(text, m, reg, country)
            if ethnic is not None:
                return ethnic
        if (
            country == "Mali"
            and date is not None
            and _REBELLION_PERIOD[0] <= date <= _REBELLION_PERIOD[1]
            and _REBEL.search(m.surface)
            and _MNLA in reg
        ):
            return _MNLA
        if (
            country == "Mali"
            and date is not None
            and _OCCUPATION_PERIOD[0] <= date <= _OCCUPATION_PERIOD[1]
            and _ISLAMIST.search(m.surface)
            and "Ansar Dine" in reg
        ):
            return "Ansar Dine"
        if (
            date is not None
            and _ISLAMIST_MILITIA_PERIOD[0] <= date <= _ISLAMIST_MILITIA_PERIOD[1]
            and _ISLAMIST.search(m.surface)
            and f"Islamist Militia ({country})" in reg
        ):
            return f"Islamist Militia ({country})"
        return reg.unidentified(country)
    if m.kind == "civilians":
        return reg.civilians(country)
    return None


def _inter(name: str, m: ActorMention | None, reg: Registry) -> int | None:
    code = reg.inter(name)
    if code is None and m is not None:
        code = m.inter
    if code is None:
        if name.startswith("Unidentified Armed Group"):
            return 3
        if name.startswith("Civilians"):
            return 7
        if name.startswith(("Military Forces", "Police Forces")):
            return 1
    return code


def _passive_subject(text: str, m: ActorMention) -> bool:
    """True when the mention is the subject of a passive or headline-style victim verb ("a Malian army convoy was
    ambushed", "FAMa checkpoint in Gossi attacked around 18h", "two peacekeepers injured in an ambush"), not of an
    active one ("soldiers killed 5 militants", "militants attacked and burned the post")."""
    hit = _PASSIVE_AFTER.match(text, m.end)
    if hit is None:
        return False
    if _HELD_BY.search(text, max(0, m.start - 40), m.start):
        return False  # "four men arrested by FAMa soldiers were executed": the forces held the victims
    if hit.group("aux") or hit.group("under"):
        return True
    if re.search(r"\b(?:by|par)\s+(?:the\s+|les\s+)?(?:\w+\s+)?$", text[max(0, m.start - 20) : m.start]):
        return False  # "people arrested by FAMa soldiers were executed": the agent of another verb
    after = hit.group("after") or ""
    word = after.strip(" ").lower()
    rest = text[hit.end() : hit.end() + 40]
    if re.match(r"^,\s*(?:and\s+)?\w+ed\b", word + rest):
        return False  # "abducted, executed, and booby-trapped a volunteer": a list of verbs
    if not word or not word[0].isalnum():
        return True  # the clause ends with the verb: "... ambushed." / "..., attacked, 3 dead"
    if word == "at" and re.match(r"\s+(?:the\s+)?least\b", rest) or word == "between" and re.match(r"\s+\d", rest):
        return False  # "killed at least 8 civilians", "executed between 20 and 32 people"
    if word in ("and", "et"):
        # "two soldiers killed and one wounded" (a toll), not "attacked and burned the post"
        return bool(_TOLL_AND.match(text, hit.end()))
    return word in _NOT_AN_OBJECT


def _crowd_control(armed: list[_Slot], reg: Registry, country: str, date: dt.date | None) -> str:
    """The state forces facing protesters or rioters: the ones named, but unspecific "security forces" (or none
    named) are the police, as ACLED codes them (in the training split 29 of 33 such Mali/Burkina events)."""
    state = next((s for s in armed if (_inter(s.name, s.mention, reg) or 0) == 1), None)
    if state is None or (state.mention.kind == "state_military" and _UNSPECIFIC_FORCES.search(state.mention.surface)):
        return reg.state_forces(country, date, "police")
    return state.name


def _joint_forces(text: str, m: ActorMention, reg: Registry, date: dt.date | None) -> _Slot | None:
    """ "French and Malian forces", "French or Burkinabe forces": the forces of the first nationality, a slot of
    their own before the mention (the "and"/"or" link then makes the mention an ally or an alternative)."""
    before = _NATIONALITY_AND.search(text, max(0, m.start - 40), m.start)
    if before is None:
        return None
    word = before.group(1).lower()
    country = next((c for c, words in reg.data.countries.items() if word in {w.lower() for w in words}), None)
    if country is None:
        return None
    name = reg.state_forces(country, date, "military")
    mention = ActorMention(name, before.group(1), before.start(1), before.end(1), reg.inter(name), "named")
    return _Slot(name, mention, False)


def _or_name(a: str, b: str) -> str:
    if {a, b} == {_JNIM, _ISGS}:
        return f"{_JNIM} and/or {_ISGS}"
    return f"{a} and/or {b}"


@dataclass
class _Slot:
    name: str
    mention: ActorMention
    suspected: bool


def _merge_parent(text: str, slots: list[_Slot], reg: Registry) -> list[_Slot]:
    """ "Katiba Macina (JNIM)", "Dogon militiamen (Dan Na Ambassagou)": one actor, coded under the sub-group's
    name at the date (which is the parent's when ACLED codes the sub-group's events as the parent's)."""
    out: list[_Slot] = []
    for s in slots:
        if out and s.mention.canonical and out[-1].mention.canonical is None and out[-1].mention.kind != "civilians":
            # "volunteer fighters (VDP)", "gunmen (presumably JNIM militants)": the name in brackets
            gap = text[out[-1].mention.end : s.mention.start]
            if re.fullmatch(r"\s*\(\s*(?:\w+\s+){0,2}", gap):
                prev = out.pop()
                out.append(_Slot(s.name, s.mention, prev.suspected or s.suspected))
                continue
        if out and s.mention.canonical and out[-1].mention.canonical:
            gap = text[out[-1].mention.end : s.mention.start]
            bracket = re.fullmatch(r"\s*\(\s*", gap) is not None
            if bracket and s.name in (reg.parent(out[-1].name), reg.parent(out[-1].mention.canonical or "")):
                prev = out.pop()  # "Katiba Macina (JNIM)": the sub-group, named first
                out.append(_Slot(prev.name, prev.mention, prev.suspected or s.suspected))
                continue
            if bracket and out[-1].name in (reg.parent(s.name), reg.parent(s.mention.canonical or "")):
                prev = out.pop()  # "Dogon militiamen (Dan Na Ambassagou)": the sub-group, in brackets
                out.append(_Slot(s.name, prev.mention, prev.suspected or s.suspected))
                continue
        out.append(s)
    return out


def _is_forces(name: str) -> bool:
    return name.startswith(("Military Forces of", "Police Forces of"))


def _merge_or(text: str, slots: list[_Slot]) -> list[_Slot]:
    """Join "A or B" / "A and/or B" named actors into one ACLED 'A and/or B' slot."""
    out: list[_Slot] = []
    for s in slots:
        if out and out[-1].mention.canonical and s.mention.canonical and s.name != out[-1].name:
            gap = text[out[-1].mention.end : s.mention.start]
            if _OR_LINK.match(gap) and _is_forces(out[-1].name) and _is_forces(s.name):
                continue  # "French or Burkinabe forces": ACLED codes the first army named
            if _OR_LINK.match(gap):
                prev = out.pop()
                # the merged mention is a named one ("JNIM and/or ISGS militants" is as named as "JNIM militants")
                both = _or_name(prev.name, s.name)
                merged = ActorMention(both, text[prev.mention.start : s.mention.end], prev.mention.start,
                                      s.mention.end, prev.mention.inter, "named", prev.mention.qualifier)  # fmt: skip
                out.append(_Slot(both, merged, prev.suspected or s.suspected))
                continue
        out.append(s)
    return out


def assign_roles(
    text: str,
    event_type: str,
    sub_event_type: str,
    country: str | None,
    date: dt.date | None,
    reg: Registry,
    focus: tuple[int, int] | None = None,
) -> Roles:
    """ACLED actors for the event told in ``text`` (``focus`` = the main sentence's span)."""
    mentions = reg.find(text, date, country)
    lo, hi = focus or (0, len(text))
    slots: list[_Slot] = []
    for m in mentions:
        name = _name(m, reg, country, date, text)
        if name:
            if m.kind in ("named", "state_military") and (_inter(name, m, reg) or 0) in (1, 8):
                partner = _joint_forces(text, m, reg, date)
                if partner is not None and partner.name != name:
                    if (
                        name.startswith("Military Forces of France")
                        and (_inter(partner.name, partner.mention, reg) or 0) == 1
                    ):
                        # "Malian and French troops": ACLED puts France, leading the joint operations, first
                        partner, name = _Slot(name, partner.mention, False), partner.name
                    slots.append(partner)  # "French and Malian forces": France's forces, with Mali's
            slots.append(_Slot(name, m, m.qualifier == "suspected"))
    slots = _merge_or(text, _merge_parent(text, slots, reg))
    main = [s for s in slots if lo <= s.mention.start < hi] or slots
    # named groups of civilians ("ICRC", "MSF", "Fulani Ethnic Group") are civilians: ACLED codes their people as
    # "Civilians (Country)", the organisation or community as an associated actor
    civ = [
        s for s in main
        if s.mention.kind == "civilians" or s.name.startswith("Civilians")
        or (s.mention.kind == "named" and (_inter(s.name, s.mention, reg) == 7 or s.name.startswith("ICRC")))
        or (s.mention.kind == "named" and _contractor(text, s.mention))
    ]  # fmt: skip
    armed = [s for s in main if s not in civ]
    roles = Roles()

    if event_type in ("Protests", "Riots"):
        who = "Protesters" if event_type == "Protests" else "Rioters"
        # police named only as a building or as the rioters themselves are no force facing the crowd
        not_faced = [h.span() for h in _POLICE_NOT_FACED.finditer(text)]
        armed = [s for s in armed if not any(a <= s.mention.start < b for a, b in not_faced)]
        faced_text = _POLICE_NOT_FACED.sub(" ", text)
        roles.actor1 = f"{who} ({country})" if country else who
        roles.inter1 = 6 if event_type == "Protests" else 5
        if sub_event_type in ("Protest with intervention", "Excessive force against protesters") and country:
            roles.actor2 = _crowd_control(armed, reg, country, date)
            roles.inter2 = 1
        elif sub_event_type == "Mob violence" and country:
            # a mob against a named group or the forces: that actor; two crowds fighting: rioters on both sides;
            # else the mob's victims are civilians
            faced = [s for s in armed if s.mention.kind == "named" and (_inter(s.name, s.mention, reg) or 0) != 1]
            if faced:
                roles.actor2, roles.inter2 = faced[0].name, _inter(faced[0].name, faced[0].mention, reg)
            elif any((_inter(s.name, s.mention, reg) or 0) == 1 for s in armed):
                roles.actor2, roles.inter2 = _crowd_control(armed, reg, country, date), 1
            elif _RECIPROCAL.search(text, lo, hi) or re.search(r"\b(?:between|entre)\b", text[lo:hi], re.IGNORECASE):
                roles.actor2, roles.inter2 = f"Rioters ({country})", 5
            else:
                roles.actor2, roles.inter2 = reg.civilians(country), 7
        elif (
            event_type == "Riots"
            and country
            and (
                faced := [
                    s
                    for s in armed
                    if s.mention.kind == "named"
                    and (_inter(s.name, s.mention, reg) or 0) in (2, 3, 8)
                    and (
                        _CROWD_FACED_BEFORE.search(text, max(0, s.mention.start - 60), s.mention.start)
                        or _CROWD_FACED_AFTER.match(text, s.mention.end)
                    )
                ]  # fmt: skip
            )
        ):
            # "youths threw stones at a MINUSMA convoy", "a march turned violent as MNLA fighters fired into the crowd":
            # the armed group or foreign force the rioters faced
            roles.actor2, roles.inter2 = faced[0].name, _inter(faced[0].name, faced[0].mention, reg)
        elif event_type == "Riots" and country and (_POLICE_ACTION.search(faced_text) or _POLICE.search(faced_text)):
            roles.actor2 = _crowd_control(armed, reg, country, date)
            roles.inter2 = 1
        return roles

    first_verb = EVENT_WORDS.search(text, lo, hi)
    verb_at = first_verb.start() if first_verb else lo
    initiator: _Slot | None = None
    target: _Slot | None = None
    agents = [
        s for s in armed
        if s.mention.start > verb_at and _PASSIVE_BEFORE.search(text[max(0, s.mention.start - 40) : s.mention.start])
        and not _REPELLED_BY.search(text[max(0, s.mention.start - 40) : s.mention.start])
    ]  # fmt: skip
    # "a Malian army convoy was ambushed near Boni": the subject of a passive victim verb is a target
    passive = [
        s for s in armed
        if event_type != "Strategic developments" and s not in agents and _passive_subject(text, s.mention)
        # violence against civilians: armed men "killed" in it are perpetrators who died, not its target
        and (event_type != "Violence against civilians" or (_inter(s.name, s.mention, reg) or 0) in (1, 8))
    ]  # fmt: skip
    subjects = [s for s in armed if s.mention.start < verb_at and s not in passive]
    # a named agent ("attacked by JNIM") beats a subject; a named subject beats a generic agent
    # ("JNIM militants attacked ..., the post was burned by the assailants")
    # (not the object of a verb: "killed 4 Dozo volunteer fighters")
    attributive = [
        s for s in armed
        if s.mention.canonical and _ATTRIBUTIVE.match(text, s.mention.end)
        and not _TARGET_BEFORE.search(text[max(0, s.mention.start - 40) : s.mention.start])
    ]  # fmt: skip
    # the agent of the main verb itself ("a patrol was ambushed by unknown gunmen") wins outright
    verb_end = first_verb.end() if first_verb else lo
    main_agents = [a for a in agents if a.mention.start - verb_end < 25 and "," not in text[verb_end : a.mention.start]]
    # "a jihadist attack on a military camp": an unnamed attacker named by the attack itself
    generic_attributive = [
        s for s in armed
        if s.mention.kind == "armed_generic" and _GENERIC_ATTACK.match(text, s.mention.end)
        and not _passive_subject(text, s.mention)
    ]  # fmt: skip
    state_subjects = [s for s in subjects if (_inter(s.name, s.mention, reg) or 0) in (1, 8)]
    if not (generic_attributive and state_subjects):
        generic_attributive, state_subjects = [], []
    for pool in (main_agents, [a for a in agents if a.mention.canonical], attributive,
                 [s for s in subjects if s.mention.canonical and s not in state_subjects], generic_attributive,
                 [s for s in subjects if s.mention.canonical], agents, subjects):  # fmt: skip
        if pool:
            initiator = pool[0]
            break
    if initiator is None:
        # "... attacked by unknown gunmen" with the verb first, or only objects named
        cands = [
            s for s in armed
            if s not in passive and s.name not in {p.name for p in passive}
            and not _TARGET_BEFORE.search(text[max(0, s.mention.start - 40) : s.mention.start])
        ]  # fmt: skip
        if cands:
            initiator = cands[0]
    if initiator is not None:
        rest = [s for s in armed if s.name != initiator.name and s.mention.start != initiator.mention.start]
        # associated actors: "Malian troops and Wagner", "soldiers backed by VDP"
        reciprocal = bool(_RECIPROCAL.search(text, lo, hi))
        for s in rest:
            gap = text[initiator.mention.end : s.mention.start]
            allies = _is_forces(initiator.name) and _is_forces(s.name)  # "Malian and French forces clashed with ..."
            if reciprocal and not allies and re.match(r"^\s*(?:and|et)\s+(?:the\s+|les\s+)?$", gap):
                continue  # "ISGS and JNIM clashed": two sides, not allies
            if s.mention.start > initiator.mention.end and _AND_LINK.match(gap) and len(gap) < 30:
                roles.assoc_actor_1 = s.name if roles.assoc_actor_1 is None else f"{roles.assoc_actor_1}; {s.name}"
        rest = [s for s in rest if not (roles.assoc_actor_1 and s.name in roles.assoc_actor_1.split("; "))]
        objects = [s for s in rest if s.mention.start > verb_at]
        init_state = (_inter(initiator.name, initiator.mention, reg) or 0) == 1
        appositive = [
            s for s in rest
            if s.mention.start < verb_at and s.mention.canonical is None and s.mention.kind == "armed_generic"
            and not init_state
        ]  # fmt: skip
        rest = objects + [s for s in rest if s not in objects and s not in appositive]
        if (_inter(initiator.name, initiator.mention, reg) or 3) in (2, 3, 4):
            # "JNIM militants attacked a convoy ..., three assailants were killed": the attackers again
            rest = [s for s in rest if not (s.mention.kind == "armed_generic" and _ATTACKERS.search(s.mention.surface))]
        if rest:
            target = rest[0]
    elif armed:
        target = passive[0] if passive else armed[0]
    if target is None and initiator is not None and event_type == "Battles":
        # the side that fought back, told in a later sentence ("Village self-defense responded to the attack")
        later = [
            s for s in slots
            if s.mention.start >= hi and s.mention.kind != "civilians" and not s.name.startswith("Civilians")
            and s.name != initiator.name and (_inter(s.name, s.mention, reg) or 0) in (1, 2, 3, 4, 8)
            and _FOUGHT_BACK.match(text, s.mention.end) is not None
        ]  # fmt: skip
        if later:
            target = later[0]
        elif (_inter(initiator.name, initiator.mention, reg) or 0) in (1, 8):
            # "French forces conducted an operation near X. Three ISGS militants were killed.": the armed group the
            # report names next is the one the forces fought
            later = [
                s for s in slots
                if s.mention.start >= hi and s.mention.kind == "named" and s.name != initiator.name
                and (_inter(s.name, s.mention, reg) or 0) in (2, 3)
            ]  # fmt: skip
            if later:
                target = later[0]

    if sub_event_type in ("Disrupted weapons use", "Arrests") and initiator is not None:
        # "the army dismantled an IED presumably planted by JNIM militants", "police arrested presumed JNIM militants":
        # the forces that disrupted or arrested are the initiator, the group that planted or was arrested the target
        # (not police named as a place: "planting a mine near the police station")
        places = [h.span() for h in _POLICE_NOT_FACED.finditer(text)]
        forces = [
            s for s in armed
            if (_inter(s.name, s.mention, reg) or 0) in (1, 8) and s not in passive
            and not any(a <= s.mention.start < b for a, b in places)
        ]  # fmt: skip
        if forces and (_inter(initiator.name, initiator.mention, reg) or 0) in (2, 3, 4):
            initiator, target = forces[0], initiator
    if sub_event_type == "Remote explosive/landmine/IED":
        # the vehicle that "struck an IED" is the target; the one who planted it, the initiator
        nonstate = [s for s in slots if (_inter(s.name, s.mention, reg) or 0) in (2, 3, 4)]
        state_slots = [s for s in armed if (_inter(s.name, s.mention, reg) or 0) in (1, 8)]
        if (
            initiator is not None
            and (_inter(initiator.name, initiator.mention, reg) or 0) in (1, 8)
            and not (_PASSIVE_BEFORE.search(text[max(0, initiator.mention.start - 40) : initiator.mention.start]))
            # "French troops bombed ...": forces that set off the explosives themselves stay the initiator
            and not _STATE_BOMBED.match(text, initiator.mention.end)
        ):
            target = initiator
            initiator = nonstate[0] if nonstate else None
        elif initiator is not None and target is None and state_slots:
            target = state_slots[0]
        elif initiator is None and nonstate:
            initiator = nonstate[0]  # "the device was likely planted by JNIM militants"
    if event_type in ("Battles", "Explosions/Remote violence") and sub_event_type != "Air/drone strike":
        # "A rocket attack targeted the Barkhane base. The attack was presumably carried out by Ansar Dine militants.":
        # the group a later sentence names as the perpetrator is the initiator, whoever the main sentence named first
        later = [
            s for s in slots
            if s.mention.start >= hi and s.mention.kind == "named" and s is not target
            and (_inter(s.name, s.mention, reg) or 0) in (2, 3, 4)
            and (_LATER_AGENT.search(text, max(0, s.mention.start - 70), s.mention.start)
                 or _SUSPECTED_OF.match(text, s.mention.end))
        ]  # fmt: skip
        if later and (initiator is None or initiator.name != later[0].name) and initiator not in main_agents:
            if initiator is not None and (target is None or target.name == later[0].name):
                target = initiator
            initiator = later[0]
    if (
        initiator is None
        or (initiator.mention.canonical is None and (_inter(initiator.name, None, reg) or 0) != 1)
        # "presumed Ansaroul Islam militants ... JNIM claimed responsibility": a claim beats a presumption
        or (initiator.suspected and (_inter(initiator.name, initiator.mention, reg) or 0) in (2, 3, 4))
    ):
        # "JNIM claimed the attack" / "Claimed by JNIM": ACLED codes the claimant
        for claim in _CLAIMANT.finditer(text):
            near = [s for s in slots if s.mention.kind == "named" and abs(s.mention.start - claim.start()) < 60
                    and (_inter(s.name, s.mention, reg) or 0) in (2, 3) and s is not target]  # fmt: skip
            if near:
                initiator = min(near, key=lambda s: abs(s.mention.start - claim.start()))
                break
    if (
        initiator is not None
        and initiator.mention.kind == "armed_generic"
        and _DEFINITE.search(text, max(0, initiator.mention.start - 12), initiator.mention.start)
    ):
        # "... seized by the assailants": the definite role noun refers back to the group named before it
        named = [
            s for s in slots
            if s.mention.kind == "named" and s.mention.start < initiator.mention.start and s is not target
            and (_inter(s.name, s.mention, reg) or 0) in (2, 3, 4)
        ]  # fmt: skip
        if named:
            initiator = named[-1]
    if initiator is not None and initiator.mention.kind == "armed_generic":
        # "Militants killed 12 soldiers. ... JNIM militants attacked the post": the unnamed attackers are the
        # armed group the telling names as an attacker (not as a target)
        named = [
            s for s in slots
            if s.mention.kind == "named" and s is not target and (_inter(s.name, s.mention, reg) or 0) in (2, 3)
            and not (lo <= s.mention.start < hi) and _ACTS.match(text, s.mention.end) is not None
            and not _passive_subject(text, s.mention)
        ]  # fmt: skip
        if named:
            initiator = named[0]
    if initiator is not None and initiator.name in _VAGUE_PARENTS:
        better = next((s for s in slots if s.mention.canonical and s.name not in _VAGUE_PARENTS
                       and (_inter(s.name, s.mention, reg) or 0) in (2, 3) and s is not target), None)  # fmt: skip
        if better is not None:
            initiator = better
    if (
        initiator is not None
        and country
        and initiator.name == reg.state_forces(country, date, "military")
        and event_type in ("Battles", "Violence against civilians", "Riots")
        and sub_event_type != "Government regains territory"
        and _MUTINY.search(text, lo, hi)
    ):
        # soldiers who mutiny or stage a coup are coded as the mutiny of their army, the army as their target
        mutiny = reg.state_forces(country, date, "mutiny")
        if mutiny != initiator.name:
            if target is None and event_type == "Battles":
                target = initiator
            initiator = _Slot(mutiny, initiator.mention, initiator.suspected)
    if event_type == "Battles" and country and (initiator is None or initiator.mention.kind != "named"):
        # "clashes between Fulani herders and Mossi farmers": the two communities' militias
        pair = _communities(text[lo:hi], reg, country)
        if pair is not None:
            first, second = pair
            m1 = ActorMention(first, first, lo, lo, 4, "named")
            m2 = ActorMention(second, second, lo, lo, 4, "named")
            initiator, target = _Slot(first, m1, False), _Slot(second, m2, False)
    if initiator is not None:
        roles.actor1, roles.inter1 = initiator.name, _inter(initiator.name, initiator.mention, reg)
        roles.actor1_suspected = initiator.suspected
    if target is not None:
        roles.actor2, roles.inter2 = target.name, _inter(target.name, target.mention, reg)
        roles.target_inter = roles.inter2
    roles.civilians_named = bool(civ)

    nonstate_init = roles.inter1 in (2, 3, 4) or (initiator is None and event_type == "Explosions/Remote violence")
    civilian_event = (
        event_type == "Violence against civilians"
        or (event_type == "Explosions/Remote violence" and target is None and nonstate_init)
        or sub_event_type == "Looting/property destruction"
        and target is None
        or (event_type in ("Explosions/Remote violence", "Strategic developments") and civ and target is None)
    )
    if (
        civilian_event
        and sub_event_type == "Remote explosive/landmine/IED"
        and target is None
        and not civ
        and _INFRASTRUCTURE_BLAST.search(text)
    ):
        # "militants blew up a bridge": no people were targeted, ACLED leaves actor2 empty (training split: 6 of 7)
        civilian_event = False
    if civilian_event and country:
        if target is not None and roles.actor1 is None and target not in passive:
            roles.actor1, roles.inter1 = target.name, _inter(target.name, target.mention, reg)
        roles.actor2, roles.inter2 = reg.civilians(country), 7
        named_civ = [s.name for s in civ if s.mention.kind == "named" and not s.name.startswith("Civilians")]
        if named_civ and roles.assoc_actor_2 is None:
            roles.assoc_actor_2 = named_civ[0]  # "an ICRC vehicle": the organisation, associated with the civilians
        neighbours = _victims_nationality(text, reg, country)
        if neighbours is not None:
            roles.actor2 = neighbours
        elif _FOREIGN_VICTIMS.search(text) and "Civilians (International)" in reg:
            roles.actor2 = "Civilians (International)"
    if roles.actor1 is None and country and event_type != "Strategic developments":
        if sub_event_type == "Air/drone strike":
            roles.actor1 = reg.state_forces(country, date, "military")
        else:
            roles.actor1 = reg.unidentified(country)
        roles.inter1 = _inter(roles.actor1, None, reg)
    if roles.actor1 is None and country and event_type == "Strategic developments":
        # a development with no armed actor: the crowd that gathered, or the government that decided
        if any(s.mention.kind == "protesters" for s in slots) or _STRIKE.search(text, lo, hi):
            # a strike or sit-in by workers, teachers or students is the protesters' action, as ACLED codes it
            roles.actor1, roles.inter1 = f"Protesters ({country})", 6
        elif sub_event_type == "Looting/property destruction":
            # "a group of men ransacked five bars", "the mayor's office was burned": unknown perpetrators
            roles.actor1 = reg.unidentified(country)
            roles.inter1 = _inter(roles.actor1, None, reg)
        elif _GOVERNMENT.search(text, lo, hi):
            roles.actor1 = reg.state_forces(country, date, "government")
            roles.inter1 = 1
    if event_type == "Battles" and roles.actor2 is None and country and roles.actor1 and roles.inter1 != 1:
        # "Dozos attacked the Fulani village of X, the villagers fought back": the community's militia defended it
        defenders = _ethnic_militia(text, reg, country)
        if defenders is not None and defenders != roles.actor1:
            roles.actor2, roles.inter2 = defenders, 4
    if event_type == "Battles" and roles.actor2 is None and country and roles.actor1:
        if roles.inter1 in (1, 8):  # state or foreign forces fought an unnamed enemy
            roles.actor2 = reg.unidentified(country)
        else:
            roles.actor2 = reg.state_forces(country, date, "military")
        roles.inter2 = _inter(roles.actor2, None, reg)
    if roles.actor2 == roles.actor1:
        roles.actor2, roles.inter2 = None, None
    return roles
