"""Actors in ACLED's names: initiator, target, and/or attribution, unidentified, civilians."""

from __future__ import annotations

import datetime as dt

from sigact.actors import Registry
from sigact.extract import extract_text
from sigact.extract.roles import assign_roles

JNIM = "JNIM: Group for Support of Islam and Muslims"
ISGS = "Islamic State (Greater Sahara)"


def _one(text: str, published: dt.date = dt.date(2020, 6, 2)):
    events = [m.event for m in extract_text(text, published)]
    assert len(events) == 1, events
    return events[0]


def test_suspected_group_keeps_the_attribution() -> None:
    e = _one("Suspected JNIM militants shot two herders dead in Tassiga (Ansongo, Gao) on 27 May 2020.")
    assert e.actor1 == JNIM
    assert e.actor2 == "Civilians (Mali)"
    assert e.source_fields.get("actor1_suspected") is True


def test_and_or_attribution() -> None:
    e = _one("Presumed JNIM and/or ISGS militants shot a shopkeeper dead in Tassiga (Ansongo, Gao) on 27 May 2020.")
    assert e.actor1 == f"{JNIM} and/or {ISGS}"


def test_name_in_brackets_after_a_role_noun_is_the_actor() -> None:
    e = _one("On 8 January 2020, unknown gunmen (presumably JNIM militants) killed a trader in Tassirist (Menaka).")
    assert e.actor1 == JNIM


def test_unknown_attackers_are_unidentified_armed_group() -> None:
    e = _one("Unknown gunmen shot dead a village elder in Tassirist (Menaka) on 6 January 2020.")
    assert e.actor1 == "Unidentified Armed Group (Mali)"
    assert e.actor2 == "Civilians (Mali)"
    assert (e.inter1, e.inter2, e.interaction) == (3, 7, 37)


def test_generic_soldiers_are_the_state_forces_of_the_period() -> None:
    e = _one("On 16 September 2020, Malian soldiers killed 5 presumed JNIM militants in Toladje (Niono, Segou).",
             dt.date(2020, 9, 18))  # fmt: skip
    assert e.actor1 is not None and e.actor1.startswith("Military Forces of Mali")
    assert e.actor2 == JNIM
    assert e.event_type == "Battles"


def test_passive_voice_agent_is_the_initiator() -> None:
    e = _one("On 12 July 2020, a convoy of soldiers was ambushed by JNIM militants near Boudieri, Burkina Faso.",
             dt.date(2020, 7, 14))  # fmt: skip
    assert e.actor1 == JNIM
    assert e.actor2 is not None and e.actor2.startswith("Military Forces of Burkina Faso")


def test_unknown_agent_of_the_main_verb_beats_a_named_victim() -> None:
    e = _one("On 3 May 2019, a Malian army patrol was ambushed by unknown gunmen near Boni, killing two soldiers.",
             dt.date(2019, 5, 5))  # fmt: skip
    assert e.actor1 == "Unidentified Armed Group (Mali)"
    assert e.actor2 is not None and e.actor2.startswith("Military Forces of Mali")


def test_named_subject_beats_a_later_generic_agent() -> None:
    e = _one("On 2 April 2019, JNIM militants attacked the gendarmerie post in Zambougou; motorbikes were also "
             "burned by the assailants.", dt.date(2019, 4, 4))  # fmt: skip
    assert e.actor1 == JNIM


def test_two_groups_clashing_are_actor1_and_actor2() -> None:
    e = _one("On 11 June 2020, ISGS and JNIM militants clashed in Datambi (Boundore, Yagha).", dt.date(2020, 6, 13))
    assert {e.actor1, e.actor2} == {JNIM, ISGS}
    assert e.assoc_actor_1 is None


def test_country_guessed_from_wording_is_flagged_and_less_confident() -> None:
    text = "On 3 March 2019, unknown gunmen killed a trader near the market."
    (e,) = [m.event for m in extract_text(text, dt.date(2019, 3, 5))]
    assert e.country in ("Mali", "Burkina Faso")
    assert e.source_fields.get("country_from") == "wording"
    assert e.actor1 == f"Unidentified Armed Group ({e.country})"
    named = _one("On 3 March 2019, unknown gunmen killed a trader near the market in Djibo.", dt.date(2019, 3, 5))
    assert "country_from" not in named.source_fields
    assert (named.confidence or 0) > (e.confidence or 0)


def test_protesters_are_named_for_the_country() -> None:
    e = _one("On 29 October 2020, several hundred residents staged a peaceful protest in Kidal against France.",
             dt.date(2020, 10, 31))  # fmt: skip
    assert e.event_type == "Protests"
    assert e.actor1 == "Protesters (Mali)"
    assert e.inter1 == 6


def test_dozo_gets_the_country_name_after_2019() -> None:
    late = extract_text("On 22 June 2020, Dozo militiamen killed 6 civilians in Yalankoro (Barani, Kossi).")[0].event
    assert late.actor1 == "Dozo Communal Militia (Burkina Faso)"
    mali = extract_text("Dozo hunters killed 3 civilians in Bankass on 3 March.", dt.date(2021, 3, 5))[0].event
    assert mali.actor1 == "Dozo Communal Militia (Mali)"


def test_unnamed_islamists_are_islamist_militia_only_in_acleds_period() -> None:
    text = "Islamist militants raided the police post at Yendere on January 12."
    assert extract_text(text, dt.date(2019, 1, 16))[0].event.actor1 == "Islamist Militia (Burkina Faso)"
    assert extract_text(text, dt.date(2022, 1, 16))[0].event.actor1 == "Unidentified Armed Group (Burkina Faso)"


def test_forces_that_bomb_are_the_initiator_but_a_vehicle_hitting_a_mine_is_the_target() -> None:
    bombed = extract_text("French aircraft bombed Islamist hideouts near Kidal.", dt.date(2013, 2, 3))[0].event
    assert bombed.actor1 is not None and bombed.actor1.startswith("Military Forces of France")
    text = "A Malian army vehicle struck an IED near Boni, killing 3 soldiers."
    hit = extract_text(text, dt.date(2013, 2, 3))[0].event
    assert hit.actor2 is not None and hit.actor2.startswith("Military Forces of Mali")


def test_forces_that_were_ambushed_are_the_target() -> None:
    e = _one("A Malian army supply convoy was ambushed on the road from Hombori to Gossi (Tombouctou) on 13 March.",
             dt.date(2019, 3, 16))  # fmt: skip
    assert e.actor1 == "Unidentified Armed Group (Mali)"
    assert e.actor2 is not None and e.actor2.startswith("Military Forces of Mali")


def test_headline_style_passive_makes_the_peacekeepers_the_target() -> None:
    e = _one("On 2 May 2018, two MINUSMA peacekeepers injured in an ambush on the road between Gao and Ansongo.",
             dt.date(2018, 5, 4))  # fmt: skip
    assert e.actor1 == "Unidentified Armed Group (Mali)"
    assert e.actor2 is not None and e.actor2.startswith("MINUSMA")


def test_active_soldiers_killing_at_least_some_militants_stay_the_initiator() -> None:
    e = _one("On 5 June 2019, Malian soldiers killed at least six militants near Dioura (Tenenkou, Mopti).",
             dt.date(2019, 6, 7))  # fmt: skip
    assert e.actor1 is not None and e.actor1.startswith("Military Forces of Mali")


def test_sub_group_named_with_its_parent_in_brackets_is_coded_by_the_period() -> None:
    # ACLED coded Katiba Macina's attacks as JNIM's until March 2020, under its own name afterwards
    text = "On {}, Katiba Macina (JNIM) militants ambushed a Malian army patrol near Diafarabe (Tenenkou, Mopti)."
    early = _one(text.format("14 March 2020"), dt.date(2020, 3, 16))
    late = _one(text.format("14 May 2020"), dt.date(2020, 5, 16))
    assert early.actor1 == JNIM
    assert late.actor1 == "Katiba Macina"


def test_militia_named_in_brackets_after_its_community_is_the_named_group() -> None:
    e = _one("On 18 November 2018, Dogon militiamen (Dan Na Ambassagou) attacked the Fulani village of Djabel "
             "(Bankass, Mopti), killing two civilians.", dt.date(2018, 11, 20))  # fmt: skip
    assert e.actor1 == "Dan Na Ambassagou"


def test_the_assailants_named_later_are_the_group_named_first() -> None:
    e = _one("Presumed JNIM and/or ISGS militants raided a gendarmerie post outside Dori (Seno, Sahel) on 3 December "
             "2018; two gendarmes were hurt and their motorbikes were seized by the assailants.",
             dt.date(2018, 12, 6))  # fmt: skip
    assert e.actor1 == f"{JNIM} and/or {ISGS}"


def test_soldiers_in_a_headline_attack_are_not_the_attackers() -> None:
    e = _one("Militants kill 12 Burkina soldiers in attack. On 3 May 2023, JNIM militants attacked an army post "
             "in Djibo (Soum, Sahel), killing twelve soldiers.", dt.date(2023, 5, 5))  # fmt: skip
    assert e.actor1 == JNIM


def test_village_self_defense_is_the_militia_of_the_village_community() -> None:
    e = _one("Suspected JNIM militants raided the Dogon village of Sogara (Bandiagara, Mopti) on 29 August 2020. "
             "Village self-defense fighters responded to the attack and nobody was hurt.",
             dt.date(2020, 9, 1))  # fmt: skip
    assert e.actor1 == JNIM
    assert e.actor2 == "Dogon Ethnic Militia (Mali)"


def test_unspecific_security_forces_facing_protesters_are_the_police() -> None:
    e = _one("On 10 July 2020, thousands of demonstrators marched in Bamako (Bamako) to demand the resignation of the "
             "president. Security forces used tear gas to break up the march.", dt.date(2020, 7, 12))  # fmt: skip
    assert e.event_type in ("Protests", "Riots")
    assert e.actor2 is not None and e.actor2.startswith("Police Forces of Mali")


def test_attack_attributed_to_a_group_later_in_the_report() -> None:
    e = _one("On 21 March 2025, gunmen killed 40 worshippers at a mosque in Fambita (Tillaberi), Niger. The attack "
             "was attributed to the Islamic State Sahel Province.", dt.date(2025, 3, 23))  # fmt: skip
    assert e.actor1 == "Islamic State Sahel Province"
    assert e.actor2 == "Civilians (Niger)"


def test_joint_forces_of_two_nationalities_code_the_first_with_the_second_associated() -> None:
    e = _one("On 10 January 2019, French and Malian forces carried out a joint operation near Dialloube (Mopti), "
             "killing 15 presumed JNIM militants.", dt.date(2019, 1, 12))  # fmt: skip
    assert e.actor1 is not None and e.actor1.startswith("Military Forces of France")
    assert e.assoc_actor_1 is not None and e.assoc_actor_1.startswith("Military Forces of Mali")
    assert e.actor2 == JNIM


def test_government_decision_is_the_governments() -> None:
    e = _one("On 31 December 2018, the government declared a state of emergency in the Sahel and Est regions of "
             "Burkina Faso.", dt.date(2019, 1, 2))  # fmt: skip
    assert e.event_type == "Strategic developments"
    assert e.actor1 is not None and e.actor1.startswith("Government of Burkina Faso")


def test_attackers_killed_in_their_own_attack_are_not_its_target() -> None:
    e = _one("On 16 March 2019, presumed JNIM militants attacked a convoy escorting the prefect near Dioungani "
             "(Koro, Mopti); the attack was repelled and three assailants were killed.",
             dt.date(2019, 3, 18))  # fmt: skip
    assert e.actor1 == JNIM
    assert e.actor2 is not None and e.actor2.startswith("Military Forces of Mali")


def test_army_post_attacked_with_soldiers_among_the_dead_is_the_target() -> None:
    # the roles of a battle (the event type is the classifier's decision, tested elsewhere)
    text = "On 27 January 2018, an army camp in Soumpi attacked at dawn, up to 14 soldiers and 4 assailants killed."
    roles = assign_roles(text, "Battles", "Armed clash", "Mali", dt.date(2018, 1, 27), Registry.default())
    assert roles.actor1 == "Unidentified Armed Group (Mali)"
    assert roles.actor2 is not None and roles.actor2.startswith("Military Forces of Mali")


def test_mutinous_soldiers_are_the_mutiny_of_their_army() -> None:
    e = _one("On 18 August 2020, mutinous soldiers fired shots and took control of the military camp in Kati "
             "(Kati, Koulikoro) during a military coup.", dt.date(2020, 8, 20))  # fmt: skip
    assert e.actor1 is not None and e.actor1.startswith("Mutiny of Military Forces of Mali")


def test_slash_and_spaced_and_or_between_two_groups() -> None:
    e = _one("On 18 November 2019, suspected JNIM and /or ISGS militants fired on the gendarmerie of Aribinda "
             "(Soum, Sahel), the attack was repelled.", dt.date(2019, 11, 22))  # fmt: skip
    assert e.actor1 == f"{JNIM} and/or {ISGS}"


def test_jihadist_attack_on_a_camp_is_not_the_soldiers_who_died() -> None:
    e = _one("On 7 August 2022, 17 soldiers died in a jihadist attack against a military camp in Tessit "
             "(Ansongo, Gao).", dt.date(2022, 8, 9))  # fmt: skip
    assert e.actor1 == "Unidentified Armed Group (Mali)"
    assert e.actor2 is not None and e.actor2.startswith("Military Forces of Mali")


def test_perpetrators_alleged_to_be_a_group() -> None:
    e = _one("On 12 July 2017, at least twelve Fulani herders were killed near Anderamboukane (Menaka). The "
             "perpetrators are alleged to be GATIA militiamen.", dt.date(2017, 7, 14))  # fmt: skip
    assert e.actor1 == "GATIA: Imghad Tuareg and Allies Self-Defense Group"


def test_malian_and_french_troops_code_france_first_with_mali_associated() -> None:
    e = _one("On 1 March 2013, Malian and French troops clashed with Islamist fighters in the Ifoghas mountains "
             "(Tessalit, Kidal), killing ten of them.", dt.date(2013, 3, 3))  # fmt: skip
    assert e.actor1 is not None and e.actor1.startswith("Military Forces of France")
    assert e.assoc_actor_1 is not None and e.assoc_actor_1.startswith("Military Forces of Mali")


def test_camp_hit_by_mortar_fire_is_the_target() -> None:
    e = _one("On 21 May 2017, a mortar shell hit the MINUSMA camp in Timbuktu (Tombouctou), no casualties were "
             "reported.", dt.date(2017, 5, 23))  # fmt: skip
    assert e.actor1 == "Unidentified Armed Group (Mali)"
    assert e.actor2 is not None and e.actor2.startswith("MINUSMA")


def test_clash_between_two_communities_codes_their_militias() -> None:
    e = _one("On 16 February 2020, Gourmantche and Fulani community members fought each other in the village of "
             "Bilanga (Bilanga, Gnagna), leaving three dead.", dt.date(2020, 2, 20))  # fmt: skip
    assert e.event_type == "Battles"
    assert {e.actor1, e.actor2} == {"Gourmantche Ethnic Militia (Burkina Faso)", "Fulani Ethnic Militia (Burkina Faso)"}


def test_claim_of_responsibility_beats_a_presumed_attribution_but_a_denial_does_not() -> None:
    claimed = _one("On 9 April 2018, presumed Ansaroul Islam militants ambushed an army patrol near Koutougou (Soum, "
                   "Sahel), wounding seven soldiers. JNIM claimed responsibility for the attack.",
                   dt.date(2018, 4, 11))  # fmt: skip
    assert claimed.actor1 == JNIM
    reported = _one("On 26 April 2018, presumed ISGS militants attacked a group of MSA fighters near Aklize (Menaka), "
                    "killing twelve; the MSA claimed it was a civilian camp.", dt.date(2018, 4, 28))  # fmt: skip
    assert reported.actor1 == ISGS


def test_foreign_victims_are_international_civilians() -> None:
    e = _one("On 3 March 2020, unknown gunmen abducted two Italian nationals near Koutiala (Koutiala, Sikasso).")
    assert e.actor2 == "Civilians (International)"
    e = _one("On 3 March 2020, unknown gunmen abducted two traders near Koutiala (Koutiala, Sikasso).")
    assert e.actor2 == "Civilians (Mali)"


def test_police_station_burned_by_rioters_is_no_police_force() -> None:
    e = _one(
        "On 12 May 2020, angry youths burned the police station in Kaya (Kaya, Sanmatenga) after a man died in custody."
    )
    assert e.event_type == "Riots"
    assert e.actor1 == "Rioters (Burkina Faso)"
    assert e.actor2 is None
    e = _one("On 12 May 2020, angry youths burned tyres in Kaya (Kaya, Sanmatenga) and police fired tear gas at them.")
    assert (e.actor2 or "").startswith("Police Forces of Burkina Faso")


def test_customs_officers_are_police() -> None:
    e = _one(
        "On 4 May 2020, unknown gunmen attacked the customs post in Kadiolo (Kadiolo, Sikasso) and killed an officer."
    )
    assert (e.actor2 or "").startswith("Police Forces of Mali")


def test_the_community_whose_village_fought_back_is_the_target_of_a_clash() -> None:
    e = _one(
        "On 7 May 2020, Dozo hunters attacked the Fulani village of Sorimane (Bankass, Mopti), "
        "the villagers fought back and two assailants were killed."
    )
    assert e.event_type == "Battles"
    assert e.actor2 == "Fulani Ethnic Militia (Mali)"


def test_unnamed_islamists_during_the_2012_occupation_are_ansar_dine() -> None:
    text = "On 14 January 2013, French troops clashed with Islamist fighters near Konna (Mopti, Mopti)."
    e = _one(text, dt.date(2013, 1, 16))
    assert e.actor2 == "Ansar Dine"
    later = _one(text.replace("2013", "2016"), dt.date(2016, 1, 16))
    assert later.actor2 != "Ansar Dine"


def test_group_named_after_an_operation_of_foreign_forces_is_their_enemy() -> None:
    e = _one(
        "On 12 May 2020, French forces carried out an operation near Tin-Hamma (Ansongo, Gao). "
        "Four ISGS fighters were killed."
    )
    assert (e.actor1 or "").startswith("Military Forces of France")
    assert e.actor2 == ISGS


def test_foreign_forces_facing_unnamed_fighters_do_not_fight_the_local_army() -> None:
    e = _one("On 12 May 2020, French forces clashed with gunmen near Tin-Hamma (Ansongo, Gao).")
    assert e.actor2 == "Unidentified Armed Group (Mali)"


def test_volunteers_named_in_brackets_who_repulsed_the_attack_are_the_target() -> None:
    e = _one(
        "Suspected ISGS militants stormed Sanba (Bourzanga, Bam) on 4 May 2020. "
        "Volunteer fighters (VDP) repulsed the assault, killing two of the attackers."
    )
    assert e.actor2 == "VDP: Volunteer for Defense of Homeland"


def test_suspects_a_mob_handed_over_to_the_police_are_its_victims() -> None:
    e = _one(
        "On 3 June 2020, residents in Gao (Gao, Gao) beat up two suspected thieves and handed them over to the police."
    )
    assert e.sub_event_type == "Mob violence"
    assert e.actor2 == "Civilians (Mali)"


def test_a_blast_on_a_bridge_with_nobody_hurt_has_no_target() -> None:
    e = _one(
        "On 3 May 2020, suspected JNIM militants detonated explosives and destroyed a bridge near Boulkessi "
        "(Douentza, Mopti)."
    )
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert e.actor1 == JNIM
    assert e.actor2 is None
    hurt = _one(
        "On 3 May 2020, an IED planted by suspected JNIM militants killed two civilians near Boni (Douentza, Mopti)."
    )
    assert hurt.actor2 == "Civilians (Mali)"


def test_a_military_vehicle_struck_by_a_mine_is_the_army() -> None:
    e = _one("On 9 May 2020, a military vehicle struck a mine near Djibo (Djibo, Soum), wounding four.")
    assert (e.actor2 or "").startswith("Military Forces of Burkina Faso")


def test_the_side_that_repelled_the_attack_is_the_target_not_the_initiator() -> None:
    e = _one("On 14 March 2019, unknown gunmen attacked the gendarmerie post of Sogou (Bankass, Mopti); the attack was "
             "repelled by the gendarmes.", dt.date(2019, 3, 16))  # fmt: skip
    assert e.actor1 == "Unidentified Armed Group (Mali)"
    assert e.actor2 is not None and e.actor2.startswith("Police Forces of Mali")


def test_a_self_defence_militia_named_by_its_community_is_the_ethnic_militia() -> None:
    e = _one("On 9 May 2019, suspected JNIM militants attacked the village of Sogou (Bankass, Mopti), the attack was "
             "repelled by a Dogon self-defence militia.", dt.date(2019, 5, 11))  # fmt: skip
    assert e.actor1 == JNIM
    assert e.actor2 == "Dogon Ethnic Militia (Mali)"


def test_forces_that_defuse_a_device_are_the_initiator_and_the_planters_the_target() -> None:
    e = _one("On 20 May 2019, an army bomb-disposal team defused an IED presumably planted by JNIM militants on the "
             "road between Djibo and Namssiguia.", dt.date(2019, 5, 22))  # fmt: skip
    assert e.sub_event_type == "Disrupted weapons use"
    assert e.actor1 is not None and e.actor1.startswith("Military Forces of Burkina Faso")
    assert e.actor2 == JNIM


def test_victims_of_a_neighbouring_nationality_are_that_countrys_civilians() -> None:
    day = dt.date(2020, 3, 5)
    e = _one("On 3 March 2020, unknown gunmen shot dead two Burkinabe gold miners near Kayes, Mali.", day)
    assert e.actor2 == "Civilians (Burkina Faso)"
    mixed = _one("On 3 March 2020, gunmen abducted three workers, including a Togolese engineer, near Kayes.", day)
    assert mixed.actor2 == "Civilians (Mali)"


def test_rioters_stoning_a_peacekeeping_convoy_face_the_peacekeepers() -> None:
    e = _one("On 4 May 2020, angry youths threw stones at a MINUSMA convoy in Kidal and burned tyres on the main road.",
             dt.date(2020, 5, 6))  # fmt: skip
    assert e.event_type == "Riots"
    assert e.actor1 == "Rioters (Mali)"
    assert e.actor2 is not None and e.actor2.startswith("MINUSMA")


def test_unnamed_rebels_of_the_2012_rebellion_in_mali_are_the_mnla() -> None:
    e = _one("Rebel forces overran the army camp of Tessalit after weeks of fighting.", dt.date(2012, 3, 12))
    assert e.actor1 == "MNLA: National Movement for the Liberation of Azawad"
    later = _one("Rebels attacked an army post near Tessalit on 10 June 2019.", dt.date(2019, 6, 12))
    assert later.actor1 == "Unidentified Armed Group (Mali)"


def test_militant_islamists_during_the_occupation_of_northern_mali_are_ansar_dine() -> None:
    e = _one("Militant Islamists flogged two young men in public in Timbuktu on Friday.", dt.date(2012, 9, 16))
    assert e.actor1 == "Ansar Dine"


def test_looting_by_unnamed_perpetrators_is_the_unidentified_armed_groups() -> None:
    e = _one("Looting: on 2 March 2019, a group of ten men on motorbikes ransacked and burned four shops in Tin-Akof, "
             "Oudalan province.", dt.date(2019, 3, 4))  # fmt: skip
    assert e.sub_event_type == "Looting/property destruction"
    assert e.actor1 == "Unidentified Armed Group (Burkina Faso)"


def test_a_strike_is_the_protesters_action() -> None:
    e = _one("On 4 February 2019, court clerks in Dori began a 72-hour strike over insecurity and closed the court.",
             dt.date(2019, 2, 6))  # fmt: skip
    assert e.event_type == "Strategic developments"
    assert e.actor1 == "Protesters (Burkina Faso)"


def test_a_humanitarian_organisation_attacked_is_civilians_with_the_organisation_associated() -> None:
    e = _one(
        "On 12 October 2019, unknown gunmen seized a vehicle belonging to the ICRC near Menaka.", dt.date(2019, 10, 14)
    )
    assert e.actor1 == "Unidentified Armed Group (Mali)"
    assert e.actor2 == "Civilians (Mali)"
    assert e.assoc_actor_2 is not None and e.assoc_actor_2.startswith("ICRC")


def test_detainees_executed_after_their_arrest_by_soldiers_are_the_soldiers_victims() -> None:
    e = _one("On 11 May 2019, three herders arrested by FAMa soldiers at Dioura were executed near the village.",
             dt.date(2019, 5, 13))  # fmt: skip
    assert e.event_type == "Violence against civilians"
    assert e.actor1 is not None and e.actor1.startswith("Military Forces of Mali")
    assert e.actor2 == "Civilians (Mali)"


def test_a_peacekeepers_subcontractor_is_civilian() -> None:
    e = _one("On 13 July 2020, gunmen near Boni stopped the trucks of a MINUSMA sub-contractor and stole their cargo.",
             dt.date(2020, 7, 15))  # fmt: skip
    assert e.actor2 == "Civilians (Mali)"


def test_the_perpetrator_named_in_a_later_sentence_is_the_initiator() -> None:
    e = _one("On 9 May 2018, a rocket attack targeted the Barkhane base in Tessalit without causing casualties. "
             "The attack was presumably carried out by Ansar Dine militants.", dt.date(2018, 5, 11))  # fmt: skip
    assert e.actor1 == JNIM  # Ansar Dine's attacks are coded as JNIM's after March 2017
    mine = _one("On 8 May 2018, a GATIA vehicle was struck by an IED near Menaka, killing one militiaman. "
                "The IED was most likely planted by ISGS militants.", dt.date(2018, 5, 10))  # fmt: skip
    assert mine.actor1 == ISGS
    assert mine.actor2 is not None and mine.actor2.startswith("GATIA")


def test_a_militia_named_as_the_object_of_the_killing_is_not_the_initiator() -> None:
    e = _one("On 3 May 2020, presumed JNIM militants attacked the village of Tanwalbougou and killed four Koglweogo "
             "fighters.", dt.date(2020, 5, 5))  # fmt: skip
    assert e.actor1 == JNIM
    assert e.actor2 == "Koglweogo Militia"


def test_a_statement_released_by_a_group_is_its_claim() -> None:
    text = (
        "On 11 May 2025, gunmen attacked the army base in Djibo, killing dozens of soldiers. "
        "In a statement released by JNIM, the group said its fighters had taken the camp."
    )
    e = _one(text, dt.date(2025, 5, 13))
    assert e.actor1 == JNIM


def test_an_and_or_attribution_is_as_named_as_a_single_group() -> None:
    e = _one("On 27 April 2019, presumed JNIM and/or ISGS militants abducted three road workers near Kelbo; the truck "
             "and tools were seized by the assailants.", dt.date(2019, 4, 29))  # fmt: skip
    assert e.actor1 == f"{JNIM} and/or {ISGS}"


def test_security_guards_are_private_security_forces() -> None:
    e = _one("On 2 March 2020, gunmen attacked a mining convoy near Kalsaka and exchanged fire with its security "
             "guards before fleeing.", dt.date(2020, 3, 4))  # fmt: skip
    assert e.actor2 == "Private Security Forces (Burkina Faso)"
