"""Which sentences tell an event: event words, and the sentences that only look like one.

A sentence tells an event when it has an event word (attack, killed, ambush, clash, exploded,
abducted, protest, looted, arrested...; English and French) and is none of:

- boilerplate (share/subscribe/related/read-also lines, captions, credits, headline-like teasers);
- an aggregate ("16 attacks since November 19", "more than 2,000 people have been killed since 2012");
- background history dated only to a year ("in 2022 JNIM attacked Kati") or habitual ("has carried
  out attacks for years");
- a threat, plan or hypothesis ("threatened to attack", "could attack", "fears of attacks").
"""

from __future__ import annotations

import functools
import re

from sigact.extract.dates import DateExpr, is_background_year
from sigact.extract.fatalities import CUMULATIVE_PERIOD

EVENT_WORDS = re.compile(
    r"\b(?:(?:wounded|injured)\s+by|(?:wounded|injured)\s+(?:\w+ly\s+)?(?:an?|another|the|his|her|two|three|four|five|several|\d+)\s|"
    r"attack(?:ed|s|ing)?|assault(?:ed|s)?|raid(?:ed|s)?|ambush(?:ed|es)?|kill(?:ed|ing|s)?|"
    r"clash(?:ed|es)?|fight(?:ing)?|fought|battle[ds]?|combat|exploded|explosions?|blasts?|detonat(?:ed|ion)|"
    r"IEDs?|landmines?|bomb(?:ed|ing|ings|s)?|shell(?:ed|ing)|mortars?|rockets?|air\s*strikes?|drone\s+strikes?|"
    r"strikes?\s+(?:on|against|targeting)|struck|opened\s+fire|fired\s+(?:on|at|shots)|shot|gunned|"
    r"abduct(?:ed|ion|s)?|kidnapp?(?:ed|ing|s)?|hostages?|seiz(?:ed|ure)|captur(?:ed|e)|overr?an|stormed|"
    r"took\s+control|retook|recaptured|regained|withdr[eaw]w?n?|loot(?:ed|ing)|pillag(?:ed|e)|burn(?:ed|t)|"
    r"torched|set\s+(?:\w+\s+){0,3}on\s+fire|destroy(?:ed|s)|protest(?:ed|ers|s)?|demonstrat(?:ion|ions|ors)|demonstrated\s+(?:against|in\s+front|outside|to\s+demand)|"
    r"(?-i:march(?:ed|es|ing)?|March(?=\s+(?:on|through|to|against)\b))|marched|"  # not the month
    r"rall(?:y|ied)|sit-in|riot(?:ed|ers|s)?|lynch(?:ed)?|mob|arrest(?:ed|s)?|detain(?:ed)?|"
    r"execut(?:ed|ion)|massacre[ds]?|behead(?:ed)?|murder(?:ed)?|assassinat(?:ed|ion)|repel(?:led)?|"
    r"neutrali[sz]ed|targeted|raped|sexual\s+violence|died|dead|wounded|injured|incursions?|intercepted|"
    r"clashed|engaged|exchanged\s+fire|skirmish(?:es)?|invaded|overwhelmed|ultimatum|imposed|intimidat(?:ed|ion)|"
    r"curfew|took\s+to\s+the\s+streets|ransack(?:ed)?|vandali[sz]ed|set\s+off|surrounded|beat(?:en)?|"
    r"threaten(?:ed)?|forced|fired|harass(?:ed)?|sit-in|strike|boycott(?:ed)?|mutin(?:y|ied)|defect(?:ed)?|"
    r"surrender(?:ed)?|signed|agreement|ceasefire|entered|stopped|(?:took|seized|gain(?:ed)?|in)\s+control|"
    r"now\s+control|secured|overt(?:ook|akes|aken)|took\s+over|lashes|flogg(?:ed|ing)|work\s+stoppage|"
    r"closed\s+down|prevented|destroy|looted|hit|robb(?:ed|ery|ers)|stole|stolen|t(?:ook|akes)\s+power|"
    r"gain(?:ed|s)?\s+(?:control|the)|push(?:ed|es)?\s+back|stabbed|barricad\w+|dispersed|protesting|"
    r"demonstrated(?!\s+(?:that|its|their|the|a|an|how)\b)|ston(?:ed|ing)|sworn\s+in|state\s+of\s+emergency|"
    r"grenades?|threw|hurled|lobbed|appointed|conducted\s+(?:[\w/-]+\s+){0,3}operations?|besieged|retaken|taken\s+the\s+town|exchange\s+of\s+fire|"
    r"tear\s*gas|picketed|pledge\s+of\s+allegiance|established\s+(?:a|its)\s+(?:headquarters|base)|"
    r"attaqu(?:e|é|ée|és|ées|ent|aient|ait)|assaut|embuscades?|tu(?:é|és|ée|ées|ant)|affrontements?|combats|"
    r"explos(?:é|ion|ions)|engins?\s+explosifs?|frappes?|bombard(?:é|ement)|enlev(?:é|és|ée|ées|ement)|"
    r"kidnapp(?:é|és)|incendi(?:é|és|ée|ées)|pill(?:é|és|age)|manifest(?:é|ation|ations|ants)|marche|émeutes?|"
    r"arrêt(?:é|és|ée)|interpell(?:é|és)|exécut(?:é|és)|massacr(?:e|é|és)|abattu(?:s|e)?|neutralis(?:é|és)|"
    r"assassin(?:é|at)|ciblé|ouvert\s+le\s+feu|morts?|bless(?:é|és)|"
    # violence told with other words: "attempted to assassinate", "whipped", "amputated", "bombarded"...
    r"assassinat(?:e|es|ing|ions)|killings|execut(?:ions|ing)|decapitat(?:ed|ion)|hacked\s+to\s+death|"
    r"bombard(?:ed|ing|ments?)|tortur(?:e|ed|ing)|whipp(?:ed|ing)|amputat(?:ed|ions?)|"
    r"cut\s+off\s+(?:\w+\s+){0,3}(?:hands?|feet|foot|arms?|ears?)|beat(?:ing|ings)|caned|"
    r"brutali[sz]ed|(?:mal|mis|ill-)treated|molest(?:ed|ing)|atrocities|exactions|"
    r"(?:carried|carrying|carry|carries)\s+out\s+(?:[\w-]+\s+){0,3}(?:abuses?|executions?|torture|raids?|operations?)|"
    r"committed\s+(?:\w+\s+){0,3}(?:abuses|atrocities)|(?:sexual|physical)\s+abuse|"
    r"forcibly\s+disappeared|carjack(?:ed|ing)|hijack(?:ed|ing)|extort(?:ed|ing|ion)|racket(?:ed|eering)|"
    r"stripped\s+(?:[\w']+\s+){0,4}?of\b|slit\s+(?:the\s+)?throats?|"
    r"cut\s+(?:off\s+)?(?:the\s+)?(?:\w+\s+){0,2}?(?:hands?|feet|foot|arms?|ears?|noses?)\b|"
    r"took\s+(?:them|him|her)\s+(?:away|to\s+an?\s+unknown)|abducting|kidnapping|destroying|intervened|"
    r"mobili[sz]ed\s+to|(?-i:taken\s+[A-Z][a-z]+)|(?:offensive|operation)\s+(?:was|were|has\s+been)\s+launched|"
    r"raiding|encircl(?:ed|ing)|besieging|siege|blockade|clashing|overt(?:ake|akes|aking)|"
    r"(?:taken|taking)\s+control|recaptur(?:es?|ing)|retak(?:e|es|ing)|regain(?:s|ing)?\s+control|"
    r"drove\s+(?:[\w'-]+\s+){1,4}(?:from|out\s+of)|routed|repuls(?:ed|ing)|disarm(?:ed|ing)|"
    r"(?:launch(?:ed|es|ing)?|began|begun|begins?|start(?:ed|s)?)\s+(?:[\w-]+\s+){0,3}['‘\"]?(?:offensive|operation)|"
    r"offensive\s+(?:on|against)|"
    r"gunfire|gun\s*shots?|crossfire|shots\s+were\s+fired|firing\s+(?:by|on|at|shots|into|in\s+the\s+air)|"
    r"(?:heavy|weapons?|automatic|small\s+arms|artillery|mortar)\s+fire|detonations|"
    r"(?:anti-?(?:tank|personnel)|land)[-\s]?mines?|(?:struck|hit|stepped\s+on|ran\s+over|planted|laid)\s+an?\s+"
    r"(?:\w+\s+)?mine\b(?!\s+(?:site|worker))|mines?\s+(?:exploded|blast|explosion)|"
    r"defus(?:ed|ing)|dismantled\s+(?:an?|the|two|three|\d+)\s+(?:\w+\s+){0,2}(?:mines?|IEDs?|devices?|explosives?)|"
    r"(?:gunshot|stab)[-\s]?wound(?:ed|s)?|found\s+dead|bod(?:y|ies)\s+(?:of\s+(?:\w+\s+){1,4})?(?:was|were)\s+found|"
    r"attempted\s+to\s+(?:\w+\s+)?(?:seize|rob|loot|kill|kidnap|abduct|assassinate)|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|an?|several)\s+(?:[\w-]+\s+){1,3}(?:was|were)\s+"
    r"(?:\w+ly\s+)?(?:wounded|injured)\s+(?:in|near|at|during|amid|amidst|when|after|on|as|following)\s|"
    r"(?:left|leaves|leaving)\s+(?:\w+\s+){0,3}(?:dead|wounded|injured)|"
    r"(?:communal|intercommunal|inter-communal|ethnic|post-electoral|electoral|sectarian)\s+violence|"
    r"subjected\s+to\s+(?:\w+\s+)?(?:violence|gunfire|abuses?)|fights\s+between|altercation|confront(?:ed|ation)|"
    r"occupied|occupying|desecrat(?:ed|ing)|smashed|sabotag(?:ed|ing)|damag(?:ed|ing)|"
    r"setting\s+(?:\w+\s+){0,3}on\s+fire|hanged|(?:was|were)\s+hung|rapes?|eliminat(?:ed|ing)|defeated|"
    r"fir(?:e|es|ing)\s+(?:their|his|warning)\s+(?:weapons|shots|guns)|storm(?:s|ing)?|"
    r"(?:throw|throwing|hurl\w*)\s+stones|taken\s+over|taking\s+over|seiz(?:e|es|ing)|"
    r"establish(?:es|ed)?\s+(?:an?|its|their)\s+(?:new\s+)?(?:base|headquarters|camp)|set\s+up\s+(?:\w+\s+)?camps?|"
    r"install(?:s|ed)\s+(?:an?|its|their)\s+(?:new\s+)?base|cease[-\s]?fire|broke(?:n)?\s+out\s+of|jailbreak|"
    r"(?:went|took|walk(?:ed)?|poured)\s+(?:down\s+)?(?:in)?to\s+the\s+streets?|sit[-\s]ins?|"
    r"rallies|rioting|mutin(?:ies|ying|eers?|ous)|revolted|took\s+(?:to\s+)?the\s+streets?|"
    r"blocked\s+(?:the\s+|a\s+)?(?:[\w']+\s+){0,2}(?:roads?|route|highway|traffic|access|national\s+road)|"
    r"gathered\s+(?:\w+\s+){0,8}to\s+(?:demand|protest|denounce|demonstrate|call|express|condemn|pray|support|mourn|"
    r"commemorate|show)|"
    r"échanges?\s+de\s+tirs|tirs|fusillade|assassin(?:és|ée|ats)|tortur(?:é|és|ée|ées)|fouett(?:é|és|ée|ées)|"
    r"brûl(?:é|és|ée|ées)|braqu(?:é|és|age)|pillé(?:e|s|es)?|encerclé(?:e|s|es)?|bombardé(?:e|s|es)?)\b",
    re.IGNORECASE,
)
# Words that only describe consequences; alone they do not make a new event.
_WEAK_ONLY = re.compile(r"^(?:dead|morts?|wounded|injured|bless(?:é|és))$", re.IGNORECASE)

_BOILERPLATE = re.compile(
    r"^\s*(?:share\s+(?:this|on)|subscribe|sign\s+up|newsletter|read\s+(?:also|more)|related\b|see\s+also|"
    r"previous\s*(?:article|post)?\s*[:|»]?|next\s*(?:article|post)?\s*[:|»]|click\s+here|follow\s+us|advertisement|"
    r"copyright|©|all\s+rights\s+reserved|photo\s*:|image\s*:|map\s*:|source\s*:|credit\s*:|lire\s+aussi|"
    r"à\s+lire\s+aussi|partager|abonnez|publicité|tags?\s*:|filed\s+under|more\s+on\s+this|watch\s*:|listen\s*:)",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"\b(?:AI-generated|file\s+photo|photo\s+credit|image\s+(?:credit|source)|\(AFP\s+photo|getty\s+images)",
                      re.IGNORECASE)  # fmt: skip
_AGGREGATE = re.compile(
    r"\b(?:\d[\d,.]*|dozens|hundreds|scores|several|numerous|multiple|a\s+series\s+of|a\s+string\s+of|a\s+wave\s+of|"
    r"repeated|frequent)\s+(?:(?:\w+|-)\s+){0,2}(?:attacks|incidents|assaults|ambushes|raids|operations|explosions|"
    r"bombings|kidnappings|abductions|clashes|massacres|events|attaques|incidents|enlèvements)\b"
    r"(?=[^.]*\b(?:since|so\s+far|this\s+year|in\s+\d{4}|during\s+the|over\s+the|in\s+(?:the\s+)?(?:past|last|recent)|"
    r"per\s+(?:week|month)|each|every|depuis|cette\s+année|en\s+\d{4}|au\s+cours\s+de|a\s+year|between\s+\d{4}))",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    r"\b(?:have|has)\s+(?:\w+\s+){0,2}(?:been\s+)?(?:killed|died|displaced|left|claimed|carried\s+out|"
    r"conducted|targeted|attacked|launched|intensified|increased|expanded|multiplied|plagued)\b[^.]*"
    rf"(?:{CUMULATIVE_PERIOD}|\b(?:over\s+the|in\s+recent|for\s+(?:years|months|a\s+decade)|years)\b)|"
    r"\b(?:since|depuis)\s+(?:\w+\s+){0,2}(?:19|20)\d{2}\b[^.]*\b(?:have|has|ont)\s+(?:\w+\s+){0,2}"
    r"(?:been\s+)?(?:killed|died|displaced|claimed|été\s+tués)",
    re.IGNORECASE,
)
_MASS_TOLL = re.compile(
    r"\b(?:thousands|millions|hundreds\s+of\s+thousands|tens\s+of\s+thousands|\d{1,3}(?:,\d{3})+|\d{4,})\s+"
    r"(?:of\s+)?(?:people|civilians|persons)?\s*(?:have|had|were|has)\s+(?:\w+\s+)?(?:been\s+)?(?:killed|died|displaced)\b"
    r"[^.]*\b(?:last\s+year|this\s+year|since|in\s+\d{4}|as\s+|estimates?|conflict|insurgency|violence)",
    re.IGNORECASE,
)
_HABITUAL = re.compile(
    r"\b(?:regularly|frequently|often|routinely|repeatedly|increasingly|for\s+years|for\s+over\s+a\s+decade|"
    r"in\s+recent\s+(?:years|months)|régulièrement|souvent|fréquemment|de\s+plus\s+en\s+plus)\b",
    re.IGNORECASE,
)
_MODAL = re.compile(
    r"\b(?:threaten(?:ed|s|ing)?\s+to|vow(?:ed|s)?\s+to|plan(?:ned|s|ning)?\s+to|could|might|would\s+(?:be|have)|"
    r"fear(?:s|ed)?\s+(?:of\s+)?(?:an?\s+)?(?:new\s+)?attacks?|risk\s+of|aim(?:s|ed)?\s+to\s+prevent|"
    r"in\s+(?:the\s+)?(?:event|case)\s+of|menace\s+de|pourrait|pourraient)\b",
    re.IGNORECASE,
)
_HEADLINE = re.compile(r"[.!?…:;)\]\"'”»]\s*$")
_LONG_HISTORY = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:19|20)\d{2}|since\s+(?:its|their)\s+(?:creation|founding|formation)|"
    r"was\s+(?:founded|formed|created|established)\s+in|depuis\s+(?:19|20)\d{2})\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def _event_matches(text: str) -> tuple[re.Match[str], ...]:
    """EVENT_WORDS' matches in ``text`` (one scan per sentence: several tests below read them)."""
    return tuple(EVENT_WORDS.finditer(text))


def event_words(text: str) -> list[str]:
    """The event words in ``text`` (lower case, in order)."""
    return [m.group(0).lower() for m in _event_matches(text)]


def is_boilerplate(text: str) -> bool:
    """Share/subscribe/related/caption lines and headline-like teasers (short, no final punctuation)."""
    if _BOILERPLATE.search(text) or _CAPTION.search(text):
        return True
    words = text.split()
    if len(words) < 12 and not _HEADLINE.search(text) and "\n" not in text.strip():
        return bool(re.search(r"\d{4}|\b\d{1,2}\s+\w+\b.*\b(?:ago|hours?|days?)\b", text)) or len(words) < 5
    return False


def is_aggregate(text: str) -> bool:
    """Counts over a period ("16 attacks since November 19") and cumulative tolls."""
    return bool(_AGGREGATE.search(text) or _CUMULATIVE.search(text) or _MASS_TOLL.search(text))


def is_background(text: str, dates: list[DateExpr], has_day_or_month: bool) -> bool:
    """History dated only to a year, or habitual activity with no date."""
    if has_day_or_month:
        return False
    if any(is_background_year(d, None) and not _year_in_side_clause(text, d) for d in dates):
        return True
    if _LONG_HISTORY.search(text):
        return True
    return bool(_HABITUAL.search(text))


# A clause that only qualifies a noun ("the journalist who was killed in 1998", "a conference that
# was meant to be held in 2015", "last year's mutinies"): its year dates that noun, not the sentence.
_SIDE_CLAUSE = re.compile(
    r"\b(?:who|whom|whose|which|that|qui|dont)\b(?:(?![,;]|\b(?:and|but|et)\b).){0,80}$", re.IGNORECASE
)


def _year_in_side_clause(text: str, expr: DateExpr) -> bool:
    """The year ends a relative clause ("... who was assassinated in 1998") or is a possessive
    ("last year's mutinies"), and the sentence tells an event before that clause."""
    if re.match(r"['’]s\b", text[expr.end : expr.end + 3]):
        return True
    rel = _SIDE_CLAUSE.search(text[: expr.start])
    if rel is None:
        return False
    main = text[: rel.start()]
    return any(not _WEAK_ONLY.match(m.group(0)) for m in EVENT_WORDS.finditer(main))


_PAST_EVENT = re.compile(
    r"\b(?:killed|attacked|ambushed|exploded|abducted|kidnapped|fired|shot|fought|clashed|stormed|looted|"
    r"burned|torched|staged|held|marched|protested|demonstrated|gathered|rallied|blocked|arrested|prevented|"
    r"tué|attaqué)\b",
    re.IGNORECASE,
)


def is_hypothetical(text: str) -> bool:
    """Threats, plans, fears and hypotheses (not when the event is told, in the past, before the
    modal: "fired warning shots ... amid fears they plan to advance", "staged a protest against
    plans to ...")."""
    modal = _MODAL.search(text)
    return modal is not None and not _PAST_EVENT.search(text[: modal.start()])


_NOUN_EVENT = re.compile(
    r"^(?:attacks?|assaults?|raids?|ambush(?:es)?|clash(?:es)?|fighting|battles?|explosions?|blasts?|bombings?|"
    r"strikes?|air\s*strikes?|drone\s+strikes?|incursions?|massacres?|killings?|abductions?|kidnappings?|"
    r"violence|attaques?|assaut|embuscades?|affrontements?|combats|explosions?|massacres?|tuerie|"
    r"agreement|ceasefire|curfew|ultimatum|operation)$",
    re.IGNORECASE,
)
_ANAPHOR_BEFORE = re.compile(
    r"(?:\b(?:the|this|these|that|those|its|their|such|latest|recent|previous|last|deadly|same|cette|ces|cet|le|la|les|"
    r"l'|l’|ce|dernière?s?)\s+(?:[\w'’-]+\s+){0,2}|\b(?:the|this|these|that)\s+)$",
    re.IGNORECASE,
)
_REACTION = re.compile(
    r"\b(?:condemn(?:ed|s)?|claimed\s+responsibility|claims?\s+of\s+responsibility|revendiqu\w+|mourning|deuil|"
    r"statement|communiqué|press\s+release|said|says|told|according\s+to|reported|reports|analyst|warned|"
    r"declared|estimated|selon|a\s+déclaré|ont\s+déclaré)\b",
    re.IGNORECASE,
)


def anaphora(text: str) -> str | None:
    """Why a sentence cannot start a new event: "definite" when every event word refers back ("the
    attack", "this assault"), "reaction" when its nominal event words sit in a report of what was
    said; None when it tells an event of its own."""
    words = list(_event_matches(text))
    if not words:
        return "definite"
    reason = "definite"
    for m in words:
        w = m.group(0)
        if _NOUN_EVENT.match(w) and _ANAPHOR_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if _NOUN_EVENT.match(w) and _REACTION.search(text):
            reason = "reaction"
            continue
        return None
    return reason


def is_anaphoric(text: str) -> bool:
    """Every event word refers back to an event already told, or only reports reactions to one."""
    return anaphora(text) is not None


_CONSEQUENCE = re.compile(
    r"^(?:found\s+dead|bod(?:y|ies)\s+.*(?:was|were)\s+found|(?:wounded|injured)\s+by|(?:\d+|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|an?|several)\s+.*(?:wounded|injured)\s+.*|(?:left|leaves|leaving)\s+.*(?:dead|wounded|injured))$",
    re.IGNORECASE | re.DOTALL,
)


def is_consequence(text: str) -> bool:
    """Every event word only tells what followed an event ("His body was found the next day",
    "two were wounded in the crossfire"): such a sentence completes the event told before it."""
    words = [w for w in _event_matches(text) if not _WEAK_ONLY.match(w.group(0))]
    return bool(words) and all(_CONSEQUENCE.match(w.group(0)) for w in words)


# Strategic developments told without violence (ACLED codes them as events): hostages freed, a group formed,
# allegiance pledged, a leader stepping down, forces deployed or a town handed over. In long reports such verbs
# are often background, so they make an event only in a sentence that states a date of its own.
_DEVELOPMENT = re.compile(
    r"\b(?:(?:were|was|been|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:released|freed|liberated)|"
    r"(?:released|freed)\s+(?:\w+\s+){0,4}(?:hostages?|captives?|prisoners?|detainees?|abductees?)|"
    r"(?:pledged|declared|swore|sworn)\s+(?:its\s+|their\s+|his\s+)?(?:allegiance|loyalty)|"
    r"proclaimed|stepp(?:ed|s)\s+down|resign(?:ed|s)|dissolved|"
    r"(?:formed|created|launched|founded|set\s+up)\s+(?:an?\s+|a\s+new\s+|its\s+own\s+)?(?:\w+\s+){0,2}"
    r"(?:armed\s+group|militia|self-defen[cs]e\s+group|coalition|movement|brigade)|"
    r"(?:deployed|redeployed|arrived\s+in|handed\s+over|transferred\s+(?:control|the\s+base)|"
    r"under\s+the\s+control\s+of|returned\s+to\s+the\s+ranks|persona\s+non\s+grata|"
    r"libéré(?:e|s|es)?|relâché(?:e|s|es)?|ont\s+prêté\s+allégeance|déployé(?:e|s|es)?))\b",
    re.IGNORECASE,
)
_OWN_DATE_KINDS = frozenset({"full", "dm", "range", "weekday", "month"})


def tells_development(text: str) -> bool:
    """A strategic development told in a sentence with a date of its own ("On 3 May, two hostages were freed")."""
    if not _DEVELOPMENT.search(text):
        return False
    from sigact.extract.dates import find_dates

    return any(e.kind in _OWN_DATE_KINDS and not e.extra.get("since") for e in find_dates(text))


# More strategic developments, for a short text (a brief, a SIGACT line) that tells no violence at all: there
# the development is the news, dated or not ("Six local militias joined to form a new front", "Army units left
# the town of X", "The rebel coalition suspended its participation in the talks"). In a long report the same
# wording is mostly background, so it is read only in briefs (``tells_brief_development``).
_BRIEF_DEVELOPMENT = re.compile(
    r"\b(?:(?:joined|merged|united|came\s+together)\s+(?:\w+\s+){0,3}?(?:to\s+form|into)|"
    r"(?:announced|declared)\s+(?:their\s+|its\s+|the\s+)?(?:merger|formation|creation|dissolution)|"
    r"(?:formation|creation)\s+of\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:[\w'-]+\s+){0,3}"
    r"(?:armed\s+group|militia|group|coalition|movement|brigade)|"
    r"(?:formed|created|launched|founded|set\s+up|established)\s+(?:an?\s+|a\s+new\s+|its\s+own\s+|their\s+own\s+)?"
    r"(?:[\w'-]+\s+){0,3}(?:armed\s+group|militia|self-defen[cs]e\s+group|group|coalition|movement|brigade|faction)|"
    r"established\s+themselves\s+as|recruit(?:ed|ing|s)\b|enlist(?:ed|ing)\s+(?:\w+\s+){0,2}(?:fighters|recruits|youths?|men)|"
    r"reinforc(?:ed|ing)\s+(?:\w+\s+){0,2}presence|reinforcements?\s+(?:arrived|were\s+sent|operation)|"
    r"(?:troops|forces|soldiers|units|contingent|convoy|fighters|members)\s+(?:[\w-]+\s+){0,6}?arriv(?:ed|es?)\s+(?:in|at)|"
    r"(?:left|leave|leaves|abandoned|evacuated)\s+(?:the\s+(?:town|city|village|base|camp)\s+of\s+)?(?-i:[A-Z])\w+|"
    r"(?:moved|moving|advanc(?:ed|es|ing)|(?:made|make|makes)\s+(?:\w+\s+)?advances|advancements?)\s+(?:\w+\s+){0,2}"
    r"(?:towards|toward|on|in|into)\s|withdrawals?|pull(?:ed|s)?\s+out|"
    r"operations?\s+(?:is\s+|was\s+|are\s+)?(?:now\s+)?underway|search[-\s]and[-\s](?:clear|destroy)|"
    r"(?:launch(?:ed|es)?|beg[iau]ns?|start(?:ed|s)?|conduct(?:ed|s)?)\s+(?:[\w-]+\s+){0,4}(?:operations?|patrols?)\b|"
    r"under\s+(?:the\s+)?(?:\w+\s+)?control\s+of|"
    r"suspend(?:ed|s)\s+(?:\w+\s+){0,2}(?:participation|talks|negotiations|classes|activities|operations)|"
    r"ordered\s+(?:the\s+)?(?:\w+\s+)?closure|(?:declared|announced)\s+the\s+establishment|"
    r"(?:pledged|declared|swore|sworn)\s+(?:its\s+|their\s+|his\s+)?(?:allegiance|loyalty)|proclaimed|"
    r"(?:declared|proclaimed)\s+(?:the\s+)?(?:\w+\s+){0,2}independence|"
    r"raised\s+(?:an?\s+|their\s+|its\s+)?(?:\w+\s+)?(?:flag|banner)|"
    r"(?:weapons|explosives|arms|ammunition|munitions)\s+(?:\w+\s+){0,3}(?:were|was)\s+(?:discovered|found|seized|recovered)|"
    r"assum(?:ed|es)\s+(?:the\s+)?(?:leadership|position|command|power)|"
    r"(?:agreed|decided)\s+to\s+(?:give\s+up|lay\s+down|surrender|disarm|join))",
    re.IGNORECASE,
)


def tells_brief_development(text: str, dates: list[DateExpr], has_day_or_month: bool) -> bool:
    """In a short text that tells no violence (a brief, a SIGACT line), whether this sentence tells a
    strategic development, dated or not: a group formed or merged, fighters recruited, forces deployed,
    arriving, leaving or withdrawing, a town under someone's control, talks suspended, a cache found.
    Never boilerplate, an aggregate, history dated to a year, or a threat or plan."""
    if not _BRIEF_DEVELOPMENT.search(text):
        return False
    return not (
        is_boilerplate(text) or is_aggregate(text) or is_background(text, dates, has_day_or_month)
        or is_hypothetical(text)
    )  # fmt: skip


def tells_event(text: str) -> bool:
    """Whether ``text`` has at least one strong event word, or tells a dated strategic development."""
    words = event_words(text)
    return any(not _WEAK_ONLY.match(w) for w in words) or tells_development(text)
