"""The sub-event-type classifier, its role features, and the typing rules (sentences written for these tests)."""

from __future__ import annotations

import numpy as np
import pytest

from sigact.extract.classifier import (
    EventClassifier,
    Prediction,
    english_gloss,
    harm_tokens,
    model_input,
    role_tokens,
)
from sigact.extract.typing_rules import apply_rules
from sigact.taxonomy import SUB_EVENT_TO_TYPE


def _pred(*ranked: tuple[str, float]) -> Prediction:
    sub, conf = ranked[0]
    return Prediction(sub, SUB_EVENT_TO_TYPE[sub], conf, tuple(ranked))


# --- role tokens: who acts, who suffers ---------------------------------------------------------------


def test_role_tokens_mark_an_armed_agent_and_state_victims() -> None:
    toks = role_tokens("Unknown gunmen shot dead two soldiers near the market on Monday.").split()
    assert "zzagentarmed" in toks
    assert "zzvictstate" in toks
    assert "zzpairarmedxstate" in toks
    assert "zzvictciv" not in toks


def test_role_tokens_mark_soldiers_killing_villagers() -> None:
    toks = role_tokens("Soldiers killed ten villagers in a hamlet south of the town.").split()
    assert "zzagentstate" in toks
    assert "zzvictciv" in toks
    assert "zzvictstate" not in toks


def test_role_tokens_read_the_passive() -> None:
    toks = role_tokens("Three civilians were killed when their bus was stopped on the road.").split()
    assert "zzvictciv" in toks


def test_role_tokens_of_a_text_without_actors_are_empty() -> None:
    assert role_tokens("Heavy rain flooded the road on Tuesday.") == ""


def test_harm_tokens_say_whether_anyone_was_killed_or_wounded() -> None:
    assert harm_tokens("Gunmen looted the market and killed a trader.") == "zzkill"
    assert harm_tokens("Gunmen looted the market; two traders were wounded.") == "zznokill zzinj"
    assert harm_tokens("Gunmen looted the market and left.") == "zznokill"
    assert harm_tokens("Deux soldats tués et trois blessés.") == "zzkill zzinj"
    assert model_input("Gunmen killed a trader.").endswith(" zzkill")
    assert "zzkill" not in model_input("Gunmen killed a trader.", harm=False)


# --- the bundled model ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clf() -> EventClassifier:
    return EventClassifier.default()


def test_fast_margins_equal_the_sklearn_model(clf: EventClassifier) -> None:
    texts = [
        "Militants ambushed an army patrol near the border, killing four soldiers.",
        "Hundreds of traders marched to the town hall to protest against new market taxes.",
        # short words, repeats, accents, odd white space: the per-word memo of character n-grams must
        # count exactly what scikit-learn counts, on the first reading of a word and on later ones
        "A  IED hit a car.\n\tIt hit it at Kéra ; 2 dead, 2 hurt - a a a.",
        "Des hommes armés ont attaqué le poste de gendarmerie de Kéra, tuant deux gendarmes.",
        "",
    ]
    inputs = [model_input(t, harm=clf.harm_features) for t in texts] if clf.role_features else texts
    expected = clf.model.decision_function(clf.vectorizer.transform(inputs))
    assert np.allclose(clf.margins(texts), expected, atol=1e-4)
    assert np.allclose(clf.margins(texts[::-1]), expected[::-1], atol=1e-4)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Unknown gunmen attacked an army post overnight and killed three soldiers before fleeing.", "Battles"),
        (
            "Suspected jihadist militants entered the village, killed twelve civilians and burned granaries.",
            "Violence against civilians",
        ),
        ("Hundreds of students marched peacefully in the capital to demand the payment of their grants.", "Protests"),
    ],
)
def test_clear_reports_get_their_event_type(clf: EventClassifier, text: str, event_type: str) -> None:
    pred = clf.predict([text])[0]
    assert pred.event_type == event_type
    assert SUB_EVENT_TO_TYPE[pred.sub_event_type] == pred.event_type
    assert 0.0 < pred.confidence <= 1.0


def test_who_was_hit_separates_a_clash_from_an_attack(clf: EventClassifier) -> None:
    on_soldiers = clf.predict(["Gunmen on motorbikes shot dead two gendarmes at a checkpoint."])[0]
    on_villagers = clf.predict(["Gunmen on motorbikes shot dead two farmers at their fields."])[0]
    assert on_soldiers.sub_event_type == "Armed clash"
    assert on_villagers.sub_event_type == "Attack"


# --- the rules -----------------------------------------------------------------------------------------


def test_a_device_being_planted_is_not_an_explosion() -> None:
    text = "Two militants were killed by troops while planting an IED on the road."
    _, sub, rule = apply_rules(text, _pred(("Armed clash", 0.6), ("Disrupted weapons use", 0.2)))
    assert sub == "Armed clash"
    assert rule is None


def test_a_roadside_bomb_is_an_explosion() -> None:
    text = "A roadside bomb struck a bus on the main road, killing five passengers."
    event_type, sub, rule = apply_rules(text, _pred(("Attack", 0.5), ("Remote explosive/landmine/IED", 0.4)))
    assert (event_type, sub) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert rule == "Remote explosive/landmine/IED"


def test_a_seized_grenade_is_not_a_grenade_attack() -> None:
    text = "Police arrested a suspect and seized a grenade and two rifles at his home."
    _, sub, _ = apply_rules(text, _pred(("Arrests", 0.7), ("Armed clash", 0.1)))
    assert sub == "Arrests"


def test_drone_attacks_on_a_town_are_air_strikes_even_against_a_confident_classifier() -> None:
    text = "Drone attacks on the market town killed 15 civilians, including children, residents said."
    _, sub, _ = apply_rules(text, _pred(("Armed clash", 0.85), ("Attack", 0.1), ("Looting/property destruction", 0.02)))
    assert sub == "Air/drone strike"


def test_airstrikes_inside_a_ground_fight_leave_a_confident_clash() -> None:
    text = "Militants ambushed an army convoy; the ambush was followed by airstrikes and ten militants were killed."
    _, sub, _ = apply_rules(
        text, _pred(("Armed clash", 0.9), ("Attack", 0.05), ("Remote explosive/landmine/IED", 0.02))
    )
    assert sub == "Armed clash"


def test_a_mutiny_stays_a_riot() -> None:
    text = "Mutinying soldiers fired into the air and looted shops in the garrison town."
    event_type, sub, _ = apply_rules(text, _pred(("Violent demonstration", 0.6), ("Attack", 0.3)))
    assert (event_type, sub) == ("Riots", "Violent demonstration")


def test_armed_violence_without_a_crowd_is_not_a_riot() -> None:
    text = "Gunmen attacked a village and killed a herder."
    event_type, sub, _ = apply_rules(text, _pred(("Mob violence", 0.4), ("Attack", 0.35)))
    assert (event_type, sub) == ("Violence against civilians", "Attack")


def test_an_abduction_with_people_wounded_is_the_attack() -> None:
    text = "Gunmen wounded a shopkeeper and abducted his brother in the village."
    _, sub, _ = apply_rules(text, _pred(("Attack", 0.6), ("Abduction/forced disappearance", 0.3)))
    assert sub == "Attack"


def test_an_abduction_alone_is_an_abduction() -> None:
    text = "Armed men abducted a village chief on the road to the market."
    _, sub, rule = apply_rules(text, _pred(("Attack", 0.6), ("Abduction/forced disappearance", 0.3)))
    assert sub == "Abduction/forced disappearance"
    assert rule == "abduction"


@pytest.mark.parametrize(
    "text",
    [
        "Traders protested against the new tax and blocked the main road to the capital for several hours.",
        "Students demonstrated in the town centre; the protest turned violent in the afternoon.",
    ],
)
def test_a_protest_that_blocks_roads_or_turns_violent_is_a_riot(text: str) -> None:
    event_type, sub, rule = apply_rules(text, _pred(("Peaceful protest", 0.8), ("Violent demonstration", 0.15)))
    assert (event_type, sub, rule) == ("Riots", "Violent demonstration", "riot")


def test_a_peaceful_march_stays_a_protest() -> None:
    text = "Hundreds of women marched peacefully to the governor's office to demand the release of their sons."
    assert apply_rules(text, _pred(("Peaceful protest", 0.8), ("Violent demonstration", 0.15)))[:2] == (
        "Protests",
        "Peaceful protest",
    )


def test_looting_in_which_people_are_beaten_is_the_attack() -> None:
    text = "Gunmen entered the village, whipped two traders and seized their motorbikes and livestock."
    event_type, sub, rule = apply_rules(text, _pred(("Looting/property destruction", 0.6), ("Attack", 0.3)))
    assert (event_type, sub, rule) == ("Violence against civilians", "Attack", "harm")


def test_looting_alone_stays_looting() -> None:
    text = "Gunmen entered the village at night and seized motorbikes and livestock before leaving."
    _, sub, rule = apply_rules(text, _pred(("Looting/property destruction", 0.6), ("Attack", 0.3)))
    assert (sub, rule) == ("Looting/property destruction", None)


def test_fighting_told() -> None:
    from sigact.extract.typing_rules import fighting_told

    assert fighting_told("Clashes between farmers and herders left five dead near the river.")
    assert fighting_told("Villagers fought the assailants, who withdrew after an hour.")
    assert not fighting_told("Gunmen entered the village and killed five civilians at the market.")


def test_a_protest_dispersed_by_the_police_is_a_protest_with_intervention() -> None:
    text = "Hundreds of teachers marched to the ministry to demand their arrears; police dispersed them with tear gas."
    event_type, sub, rule = apply_rules(text, _pred(("Peaceful protest", 0.8), ("Protest with intervention", 0.15)))
    assert (event_type, sub, rule) == ("Protests", "Protest with intervention", "intervention")


def test_a_march_for_the_release_of_detainees_stays_peaceful() -> None:
    text = "Relatives marched to the courthouse to demand the release of ten men arrested last month."
    assert apply_rules(text, _pred(("Peaceful protest", 0.8), ("Protest with intervention", 0.15)))[1] == (
        "Peaceful protest"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Armed men attacked the village at dawn and killed two farmers; the local self-defence group repelled them.",
        "Gunmen attacked a gold-mine convoy, exchanging fire with the private guards before fleeing into the bush.",
        "Militants raided the hamlet overnight, but the villagers fought back and one attacker was killed.",
    ],
)
def test_an_attack_that_is_fought_back_is_an_armed_clash(text: str) -> None:
    event_type, sub, rule = apply_rules(text, _pred(("Attack", 0.7), ("Armed clash", 0.25)))
    assert (event_type, sub, rule) == ("Battles", "Armed clash", "fought back")


def test_a_one_sided_attack_stays_an_attack() -> None:
    text = "Armed men attacked the village at dawn, killed two farmers and burned the granaries before leaving."
    assert apply_rules(text, _pred(("Attack", 0.7), ("Armed clash", 0.25)))[1] == "Attack"


def test_a_repelled_attack_is_a_two_sided_fight() -> None:
    from sigact.extract.typing_rules import fighting_told

    assert fighting_told("The assailants killed a herder; the villagers fended off the attack.")


@pytest.mark.parametrize(
    "text",
    [
        "Traders held a sit-in in front of the town hall over new market taxes; several protesters were arrested.",
        "Students marched towards the governor's office but were prevented by the police from reaching it.",
    ],
)
def test_protesters_arrested_or_stopped_by_the_police_is_a_protest_with_intervention(text: str) -> None:
    assert apply_rules(text, _pred(("Peaceful protest", 0.8), ("Protest with intervention", 0.15)))[1] == (
        "Protest with intervention"
    )


@pytest.mark.parametrize(
    ("text", "pred"),
    [
        ("A roadside bomb hit an army convoy near the border, followed by heavy gunfire from the assailants.",
         ("Remote explosive/landmine/IED", 0.8)),
        ("Militants shelled the peacekeepers' camp with rockets and the soldiers returned fire for an hour.",
         ("Shelling/artillery/missile attack", 0.8)),
        ("A suicide car bomb struck the base gate before a complex attack by a dozen gunmen on foot.",
         ("Suicide bomb", 0.8)),
    ],
)  # fmt: skip
def test_an_explosion_inside_a_ground_fight_is_an_armed_clash(text: str, pred: tuple[str, float]) -> None:
    assert apply_rules(text, _pred(pred, ("Armed clash", 0.15))) == ("Battles", "Armed clash", "ground fight")


def test_an_explosion_alone_stays_an_explosion() -> None:
    text = "A roadside bomb hit an army convoy near the border, killing three soldiers and wounding two."
    assert apply_rules(text, _pred(("Remote explosive/landmine/IED", 0.8), ("Armed clash", 0.15)))[:2] == (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )


def test_arrests_made_in_a_fight_are_the_fight() -> None:
    text = "Soldiers clashed with gunmen near the market, killed two of them and arrested five others."
    event_type, sub, rule = apply_rules(text, _pred(("Arrests", 0.5), ("Armed clash", 0.3)))
    assert (event_type, sub, rule) == ("Battles", "Armed clash", "violence")


def test_arrests_alone_stay_arrests() -> None:
    text = "Gendarmes arrested five men suspected of supplying fuel to armed groups near the market."
    assert apply_rules(text, _pred(("Arrests", 0.5), ("Armed clash", 0.3)))[1] == "Arrests"


def test_a_french_report_is_read_through_an_english_gloss(clf: EventClassifier) -> None:
    text = (
        "Des assaillants ont incendié plusieurs boutiques et pillé le marché du village, selon des habitants "
        "joints par téléphone."
    )
    gloss = english_gloss(text).split()
    assert {"burned", "looted", "gunmen"} <= set(gloss)
    assert gloss[-1] in model_input(text)
    assert clf.predict([text])[0].sub_event_type == "Looting/property destruction"
    # an English text gets no gloss
    assert english_gloss("Gunmen looted the market of the village and burned shops, residents said.") == ""


@pytest.mark.parametrize(
    "text",
    [
        "Shopkeepers marched against the new market fees; the demonstrators assaulted a municipal agent.",
        "Students protested over the arrest of a classmate and torched two government offices.",
    ],
)
def test_a_protest_whose_crowd_assaults_people_or_burns_buildings_is_a_riot(text: str) -> None:
    event_type, sub, _ = apply_rules(text, _pred(("Peaceful protest", 0.8), ("Violent demonstration", 0.1)))
    assert (event_type, sub) == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    "text",
    [
        "Police stopped a march of opposition supporters in the capital.",
        "Youths demonstrated against power cuts in the city centre; 14 arrested.",
    ],
)
def test_a_protest_stopped_or_followed_by_arrests_is_a_protest_with_intervention(text: str) -> None:
    event_type, sub, _ = apply_rules(text, _pred(("Peaceful protest", 0.8), ("Protest with intervention", 0.15)))
    assert (event_type, sub) == ("Protests", "Protest with intervention")


def test_a_march_for_people_arrested_earlier_stays_peaceful() -> None:
    text = "Residents marched to demand the release of 12 young men arrested in their neighbourhood last week."
    assert apply_rules(text, _pred(("Peaceful protest", 0.8), ("Protest with intervention", 0.15)))[1] == (
        "Peaceful protest"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen abducted a village councillor near Djibo; his body was found two days later.",
        "Militants kidnapped a herder in the bush and the corpse was discovered by relatives the next week.",
        "Suspected jihadists abducted a local imam, who was beheaded outside the village.",
    ],
)
def test_an_abduction_whose_victim_is_found_dead_is_the_attack(text: str) -> None:
    event_type, sub, _ = apply_rules(text, _pred(("Abduction/forced disappearance", 0.8), ("Attack", 0.15)))
    assert (event_type, sub) == ("Violence against civilians", "Attack")
