"""Rules that override the classifier where wording decides ACLED's sub-event type outright.

The classifier (``classifier.py``) reads the whole telling; these rules catch decisive words it
can miss in free news text ("suicide bomber", "drone strike", "IED", "kidnapped", "protest").
A rule fires only when its cue is present and the classifier's own choice does not already
agree in event type, and only for cues that decide the type in ACLED's codebook.
"""

from __future__ import annotations

import re

from sigact.extract.classifier import Prediction
from sigact.taxonomy import SUB_EVENT_TO_TYPE

_RULES: list[tuple[str, re.Pattern[str], re.Pattern[str] | None]] = [
    # (sub-event type, cue, veto)
    (
        "Suicide bomb",
        re.compile(
            r"\bsuicide\s+(?:bomb(?:er|ing|s)?|attack(?:er)?s?|car|vehicle|VBIED)|\bkamikazes?\b|"
            r"\battentats?[-\s]suicides?\b",
            re.I,
        ),
        re.compile(r"\b(?:clash(?:ed|es)?|gunfire|exchange\s+of\s+fire|small\s+arms|fighting|repelled)\b", re.I),
    ),
    (
        "Air/drone strike",
        re.compile(
            r"\b(?:drone|air|aerial|helicopter)\s*(?:strikes?|attacks?|bombardments?|raids?|fire)\b|"
            r"\bairstrikes?\b|\bfrappes?\s+(?:aériennes?|de\s+drones?)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:shot\s+down|abattu|ground\s+(?:operations?|troops|forces)|clash(?:ed|es)?|gunfire|"
            r"small\s+arms)\b|air[-/\s]*ground|combined\s+(?:air|operation)|ground\s+operation",
            re.I,
        ),
    ),
    (
        "Remote explosive/landmine/IED",
        re.compile(
            r"\b(?:IEDs?|VBIEDs?|improvised\s+explosive|landmines?|roadside\s+bombs?|explosive\s+devices?|car\s+bombs?|"
            r"engins?\s+explosifs?|mines?\s+(?:exploded|explosion)|struck\s+a\s+mine|hit\s+a\s+mine|sauté\s+sur\s+une\s+mine)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:defused|dismantled|neutralized\s+(?:an?\s+)?(?:IED|explosive)|désamorcé|discovered|found|"
            r"small\s+arms|gunfire|clash(?:ed|es)?|exchange\s+of\s+fire|"
            # a device being planted, seized or cleared did not go off ("killed while planting an IED")
            r"planting|planters?|IED-making|bomb-making|cleared|detected|seized|neutrali[sz]ed)\b",
            re.I,
        ),
    ),
    (
        "Grenade",
        re.compile(r"\bgrenades?\b", re.I),
        # a grenade seized or carried, or a rocket-propelled one, or thrown inside a gunfight: not the event's type
        re.compile(
            r"\b(?:seized|discovered|found|defused|recovered|armed\s+with|rocket[-\s]propelled|RPGs?|gunfire|"
            r"fought|clash(?:ed|es)?|exchange\s+of\s+fire)\b",
            re.I,
        ),
    ),
    ("Sexual violence", re.compile(r"\b(?:raped|sexually\s+(?:assaulted|abused)|violées?)\b", re.I), None),
]
# the weapon rules that give way to a confident classifier (validation split, before this change: they
# overrode the classifier 13 times, fixing 2 and breaking 8; all 8 breaks had classifier confidence >= 0.77)
_DEFERRING = frozenset({"Suicide bomb", "Air/drone strike", "Remote explosive/landmine/IED"})
CONFIDENT = 0.75
# ... and for an air strike, only when the sentence naming it also tells a ground engagement for the
# classifier's choice to stand on ("an ambush followed by airstrikes"): a bare "drone attacks killed 21
# civilians" is the air strike whatever the classifier's confidence. (Mines and IEDs are named in passing
# too often for this: "arrested with IEDs", "in response to an IED attack"; requiring the ground cue for
# them lowered the train-split figures.)
_GROUND = re.compile(
    r"\b(?:ambush\w*|assault\w*|ground|commandos?|clash\w*|fight\w*|combat|repel\w*|repuls\w*|retreat\w*|"
    r"opened\s+fire|fired\s+(?:on|at)|rockets?|mortars?|artillery|RPGs?|complex\s+attack|"
    r"(?:attack\w*|raid\w*|stormed|overran)\s+(?:\w+\s+){0,3}(?:army|military|security|checkpoints?|camps?|posts?|"
    r"positions?|bases?|convoys?|patrols?|barracks)|operations?)\b",
    re.I,
)
_ABDUCTION = re.compile(r"\b(?:abduct(?:ed|ion|s)?|kidnapp?(?:ed|ing)?|took\s+\w+\s+hostage|taken\s+hostage|"
                        r"enlev(?:é|és|ée|ées|ement)|kidnappé)\b", re.I)  # fmt: skip
_KILLING = re.compile(
    r"\b(?:killed|killing|dead|executed|murdered|tué|tués|exécuté|massacred|beheaded|decapitated|slaughtered|"
    # the victim found dead later: "his body was found three days later", "the corpse was discovered"
    r"corpses?|(?:body|bodies)\s+(?:\w+\s+){0,3}(?:was|were)\s+(?:\w+\s+)?(?:found|discovered)|"
    r"(?:found|discovered)\s+(?:\w+\s+){0,2}(?:body|bodies))\b",
    re.I,
)
_HURT = re.compile(
    r"\b(?:whipp(?:ed|ing)|flogged|assault(?:ed|ing)|beat(?:en|ing)?|wound(?:ed|ing)|injur(?:ed|ing)|stabbed|"
    r"tortured|molested|shot\s+at|fir(?:ed|ing)\s+(?:gun)?shots\s+at|blessés?|fouettés?)\b",
    re.I,
)
# an abduction with people wounded or beaten is coded as the attack; an attempt is not an abduction
_HARMED = re.compile(
    r"\b(?:wound(?:ed|ing)|injur(?:ed|ing)|assault(?:ed|ing)|beat(?:en|ing)?|hacked|shot|stabbed|blessés?|"
    r"attempt(?:ed|ing)?\s+to\s+(?:abduct|kidnap)|tent(?:é|ative)\s+d'enlèvement)\b",
    re.I,
)
_PROTEST = re.compile(
    r"\b(?:protest(?:ed|ers|s)?|demonstrat(?:ion|ions|ors)|demonstrated\s+(?:against|in\s+front|outside)|sit-in|"
    r"marched|manifest(?:é|ation|ations|ants))\b",
                      re.I)  # fmt: skip
_ARMED = re.compile(
    r"\b(?:militants?|jihadists?|gunmen|terrorists?|soldiers?|troops|army|attack(?:ed)?|killed|ambush)\b", re.I
)


_CROWD = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|(?-i:march(?:ed|es|ing)?)|sit-in|riot\w*|mob|strike|rall(?:y|ied)|manifest\w*|émeute\w*|grève|"
    r"boycott\w*|lynch\w*|youths?|residents|villagers|crowd|students|workers|unions?|took\s+to\s+the\s+streets|"
    r"vandali[sz]ed|barricad\w*|mutin\w*|unrest|ransack\w*|ston\w*|merchants|traders|shopkeepers|miners|"
    r"(?:fir(?:ed|ing)|shoot(?:ing)?|shots?)\s+(?:\w+\s+){0,3}in(?:to)?\s+the\s+air)\b",
    re.IGNORECASE,
)


_RIOT_ACTS = re.compile(
    r"\b(?:burn(?:ed|t|ing)\s+(?:tyres|tires|cars?|vehicles?|buildings?|the|a|down)|set\s+(?:\w+\s+){0,3}(?:on\s+)?fire|"
    r"ransack(?:ed|ing)|vandali[sz](?:ed|ing)|barricad(?:ed|es|ing)|thr(?:ew|owing)\s+stones|stone-throwing|looted|"
    r"destroyed|clashed\s+with\s+(?:the\s+)?(?:police|security)|incendi\w+|saccag\w+|pneus\s+brûlés|"
    # roads blocked, rioting, a protest turned violent, shots fired by protesting soldiers
    r"blocked\s+(?:\w+\s+){0,3}(?:roads?|routes?|highways?|traffic|streets?|bridge)|blockades?|rioters|rioting|"
    r"turned\s+violent|violent(?:ly)?\s+(?:protests?|demonstrations?)|loot(?:ed|ing)|stormed|rampage|gunfire|"
    r"fir(?:ed|ing)\s+(?:\w+\s+){0,2}(?:weapons|shots|guns)|"
    # buildings burned, or people assaulted by the crowd itself
    r"(?:burn(?:ed|t)|torched)\s+(?:\w+\s+){0,2}(?:offices?|houses?|homes?|shops?|stations?|headquarters|"
    r"premises|town\s+hall|residences?)|"
    r"(?:protesters|demonstrators|students|youths|crowd|strikers)\s+(?:\w+\s+){0,2}(?:assaulted|attacked|beat|stoned|"
    r"injured|wounded|lynched))\b",
    re.IGNORECASE,
)


# the attacked side fought back: "repelled the attack", "villagers fended off the assailants", "exchanged fire"
_FOUGHT_BACK = re.compile(
    r"\b(?:repuls\w*|repel\w*|fended\s+off|fought\s+(?:off|back)|routed|crossfire|exchang\w+\s+(?:of\s+)?(?:gun)?fire|"
    r"(?:gun)?fire\s+exchanges?|responded\s+to\s+the\s+(?:attack|assault))\b",
    re.I,
)
_VIOLENT_ACT = re.compile(r"\b(?:attacked|ambush(?:ed)?|killed|clash(?:ed|es)|fought|shot)\b", re.I)
_FIGHTING = re.compile(r"\b(?:between|clash\w*|fought|fighting|exchange\s+of\s+fire|confrontations?)\b", re.I)


def fighting_told(text: str) -> bool:
    """Whether the text tells a two-sided fight ("clashes between", "fought", "exchange of fire").

    For the pipeline's consistency rule (an Armed clash whose only victims named are civilians becomes an
    Attack): most such "clashes" are communal fights between farmers and herders, or gunfights in which
    bystanders died, and ACLED keeps them as Armed clashes (train split, out-of-fold: the rule fixed 4 and
    broke 26 rows; with this test as a veto it fixes 4 and breaks 8).
    """
    return bool(_FIGHTING.search(text) or _FOUGHT_BACK.search(text))


def _ground_with(cue: re.Pattern[str], text: str) -> bool:
    """Whether a sentence naming the cue also tells a ground engagement."""
    return any(cue.search(s) and _GROUND.search(s) for s in _SENTENCE_END.split(text))


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


_INTERVENTION = re.compile(
    r"\b(?:dispers(?:ed|e|ing)|dispersés?|tear\s*-?gas|teargas|gaz\s+lacrymogènes?|rubber\s+bullets|"
    r"water\s+cannons?|broke\s+up|repressed|(?:protesters|demonstrators|strikers)\s+were\s+(?:arrested|detained)|"
    r"prevented\s+by\s+(?:the\s+)?(?:police|security\s+forces|gendarmes?)|"
    r"(?:police|gendarmes?|gendarmerie|security\s+forces|soldiers)\s+(?:\w+\s+){0,2}(?:intervened|arrested|"
    r"stopped|interrupted|blocked|prevented)|(?:\d+|several|dozens\s+of|many)\s+(?:\w+\s+)?(?:were|have\s+been|had\s+been)\s+"
    r"arrested|\d+\s+arrested\s*[.;])",
    re.I,
)


def _demote(pred: Prediction, banned: tuple[str, ...]) -> tuple[str, str] | None:
    for sub, _ in pred.ranked:
        if SUB_EVENT_TO_TYPE[sub] not in banned:
            return SUB_EVENT_TO_TYPE[sub], sub
    return None


# an explosion told as part of a ground fight: "an IED followed by gunfire", "a complex ambush", "shelled the
# base and the soldiers returned fire", "a suicide attack, sparking clashes"
_GROUND_FIGHT = re.compile(
    r"\b(?:gunfire|gun\s+battle|firefight|(?:followed|accompanied)\s+by\s+(?:an?\s+)?(?:heavy\s+)?(?:gunfire|armed|ambush|"
    r"clash\w*|assault|attack)|subsequent\s+(?:ambush|attack|assault|clash\w*)|(?:returned|exchanged)\s+(?:heavy\s+)?"
    r"(?:gun)?fire|exchanges?\s+of\s+fire|armed\s+assault|complex\s+(?:attack|ambush)|clash(?:ed|es)?)\b",
    re.I,
)


def apply_rules(text: str, pred: Prediction) -> tuple[str, str, str | None]:
    """``(event_type, sub_event_type, rule)`` after the rules; ``rule`` names the one that fired."""
    event_type, sub, rule = _apply_rules(text, pred)
    if event_type == "Explosions/Remote violence" and _GROUND_FIGHT.search(text):
        # ACLED: remote violence that is part of a wider ground engagement is coded as the armed clash (train
        # split, out-of-fold: the 14 explosions predicted with such a fight told were all armed clashes)
        return "Battles", "Armed clash", "ground fight"
    return event_type, sub, rule


def _apply_rules(text: str, pred: Prediction) -> tuple[str, str, str | None]:
    event_type, sub = pred.event_type, pred.sub_event_type
    if event_type in ("Protests", "Riots") and not _CROWD.search(text) and _ARMED.search(text):
        # armed violence and no crowd in the text: the classifier's next choice outside demonstrations
        alt = _demote(pred, ("Protests", "Riots"))
        if alt is not None:
            event_type, sub = alt
            pred = Prediction(sub, event_type, pred.confidence, pred.ranked)
    for rule_sub, cue, veto in _RULES:
        if sub == rule_sub:
            return event_type, sub, None
        if cue.search(text) and not (veto and veto.search(text)):
            if (
                rule_sub in _DEFERRING
                and pred.confidence >= CONFIDENT
                and (rule_sub != "Air/drone strike" or _ground_with(cue, text))
                and rule_sub not in [r for r, _ in pred.ranked[:2]]
            ):
                # a confident classifier that does not even rank the cue's type second is usually right on
                # ACLED notes: a mine or air strike told inside a ground fight is an Armed clash
                continue
            if rule_sub == "Remote explosive/landmine/IED" and sub in ("Suicide bomb", "Disrupted weapons use"):
                continue  # the classifier read the device as a suicide bombing or as one defused / seized
            if rule_sub == "Air/drone strike" and sub == "Shelling/artillery/missile attack":
                continue
            types = {"Sexual violence": "Violence against civilians"}
            return types.get(rule_sub, "Explosions/Remote violence"), rule_sub, rule_sub
    if (
        _ABDUCTION.search(text)
        and not _KILLING.search(text)
        and not _HARMED.search(text)
        and (event_type == "Violence against civilians" or sub in ("Other", "Looting/property destruction"))
        and sub != "Abduction/forced disappearance"
        and not re.search(r"\b(?:soldiers?|troops|army|gendarmes?)\b[^.]{0,40}\b(?:abducted|kidnapped)\b", text, re.I)
    ):
        return "Violence against civilians", "Abduction/forced disappearance", "abduction"
    if sub in ("Abduction/forced disappearance", "Looting/property destruction") and (
        _KILLING.search(text) or _HURT.search(text)
    ):
        # ACLED: an abduction or looting in which people are also killed, wounded or beaten is coded as the attack
        other = next((r for r, _ in pred.ranked if r not in (sub, "Abduction/forced disappearance")), None)
        if other is not None:
            return SUB_EVENT_TO_TYPE[other], other, "killing" if _KILLING.search(text) else "harm"
    if sub in ("Other", "Arrests") and _VIOLENT_ACT.search(text):
        # an arrest made in a fight, or an "other" development in which people were killed or attacked: the
        # violence is the event (ACLED codes the battle or the attack)
        alt = _demote(pred, ("Strategic developments",))
        if alt is not None:
            return alt[0], alt[1], "violence"
    if sub == "Attack" and _FOUGHT_BACK.search(text):
        # ACLED: an attack the other side repels or answers with fire is a two-sided fight, an armed clash
        # (train split, out-of-fold: of the predicted attacks that tell it, 13 were armed clashes, 1 an attack)
        return "Battles", "Armed clash", "fought back"
    if event_type == "Protests" and _RIOT_ACTS.search(text):
        return "Riots", "Violent demonstration", "riot"
    if sub == "Peaceful protest" and _INTERVENTION.search(text):
        # ACLED: a peaceful protest that the police disperse, tear-gas or arrest is a protest with intervention
        return "Protests", "Protest with intervention", "intervention"
    if _PROTEST.search(text) and event_type not in ("Protests", "Riots") and not _ARMED.search(text):
        return "Protests", "Peaceful protest", "protest"
    return event_type, sub, None
