"""Event detection and splitting: one event per location per day, and what is not an event."""

from __future__ import annotations

import datetime as dt

from sigact.extract import extract_text

PUB = dt.date(2024, 6, 14)


def _events(text: str, published: dt.date = PUB) -> list:
    return [m.event for m in extract_text(text, published)]


def test_three_camps_attacked_at_once_are_three_events() -> None:
    text = "On June 11, JNIM militants simultaneously attacked army camps in Boulkessi, Mondoro and Tessit."
    events = _events(text)
    # one event per camp (the gazetteer's spelling of each place may differ from the text's)
    assert len(events) == 3
    locs = sorted(e.location or "" for e in events)
    assert [loc[:4] for loc in locs] == ["Boul", "Mond", "Tess"]
    assert {e.event_date for e in events} == {dt.date(2024, 6, 11)}


def test_same_incident_told_twice_is_one_event() -> None:
    text = (
        "On June 11, jihadists attacked the military base in Mansila, killing more than 100 soldiers. "
        "Witnesses said the assailants arrived on motorcycles. "
        "The assault on the Mansila base on June 11 was claimed by JNIM, which said 107 soldiers were killed."
    )
    events = _events(text)
    assert len(events) == 1
    assert events[0].fatalities == 100


def test_aggregate_counts_are_not_events() -> None:
    text = "JNIM has carried out 16 attacks since November 19 in the region of Mopti."
    assert _events(text) == []


def test_cumulative_tolls_are_not_events() -> None:
    text = "Since 2012, more than 10,000 people have been killed in the Sahel conflict."
    assert _events(text) == []


def test_yearly_tolls_are_not_events_nor_added_to_one() -> None:
    assert _events("More than 4,000 people were killed in Mali last year, ACLED estimates.") == []
    text = ("On June 11, gunmen killed four civilians in Djibo. "
            "Hundreds of thousands of people have been killed since the insurgency began.")  # fmt: skip
    (e,) = _events(text)
    assert e.fatalities == 4


def test_background_history_dated_to_a_year_is_not_an_event() -> None:
    text = "In 2022 JNIM attacked Kati, the main military base near Bamako."
    assert _events(text) == []


def test_background_dated_to_the_month_is_an_event() -> None:
    text = "In March 2022, JNIM militants attacked the military camp in Mondoro, killing 27 soldiers."
    (e,) = _events(text)
    assert (e.event_date, e.time_precision) == (dt.date(2022, 3, 15), 3)


def test_boilerplate_is_ignored() -> None:
    text = (
        "On June 11, gunmen killed four civilians in Djibo.\n\n"
        "Share this article\n"
        "Read also: Militants attack army post in Dori, 12 killed (May 2, 2024)\n"
        "Subscribe to our newsletter\n"
    )
    events = _events(text)
    assert len(events) == 1
    assert events[0].location == "Djibo"


def test_threats_are_not_events() -> None:
    assert _events("JNIM threatened to attack Bamako if the army did not withdraw.") == []


def test_text_without_event_gives_nothing() -> None:
    assert _events("The weather in Bamako was hot and dry this week.") == []


def test_evidence_is_the_verbatim_sentence() -> None:
    text = "Markets reopened. On June 11, gunmen killed four civilians in Djibo. Schools stayed closed."
    (m,) = extract_text(text, PUB)
    assert m.sentence == "On June 11, gunmen killed four civilians in Djibo."
    assert text[m.char_start : m.char_end] == m.sentence


def test_french_report() -> None:
    text = "Le 6 janvier, des hommes armés ont attaqué le village de Djibo et tué sept civils."
    (e,) = _events(text, dt.date(2025, 1, 9))
    assert e.event_date == dt.date(2025, 1, 6)
    assert e.fatalities == 7
    assert e.actor2 == "Civilians (Burkina Faso)"
    assert e.event_type == "Violence against civilians"


def test_deaths_a_protest_is_about_are_not_its_fatalities() -> None:
    (e,) = _events(
        "On June 12, hundreds of students protested in Koudougou over the death of a student killed by police."
    )
    assert e.event_type == "Protests"
    assert e.fatalities == 0


def test_protest_with_burning_and_barricades_is_a_riot() -> None:
    (e,) = _events(
        "On June 12, residents of Kongoussi protested against the mayor, erected barricades and burned tyres."
    )
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")
    assert e.actor1 == "Rioters (Burkina Faso)"


def test_french_narrative_with_relative_days() -> None:
    text = (
        "Dimanche, des jihadistes du JNIM ont attaqué le camp militaire de Boulkessi, tuant au moins 30 soldats "
        "maliens. La veille, des hommes armés non identifiés avaient enlevé trois commerçants près de Douentza."
    )
    events = sorted((m.event for m in extract_text(text, dt.date(2025, 6, 4))), key=lambda e: e.event_date)
    assert [e.event_date for e in events] == [dt.date(2025, 5, 31), dt.date(2025, 6, 1)]
    kidnap, attack = events
    assert kidnap.sub_event_type == "Abduction/forced disappearance"
    assert kidnap.actor1 == "Unidentified Armed Group (Mali)"
    assert attack.actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert attack.actor2 is not None and attack.actor2.startswith("Military Forces of Mali")  # "soldats maliens"
    assert attack.fatalities == 30


def test_weapons_and_tactics_tags() -> None:
    text = "On June 11, a suicide bomber drove a VBIED into the army camp in Boulkessi, killing 5 soldiers."
    (e,) = _events(text)
    assert "suicide bomber" in e.tags_list and "vbied" in e.tags_list
    assert e.sub_event_type == "Suicide bomb"


def test_drone_strike_rule() -> None:
    (e,) = _events("On June 11, a drone strike by the Malian army killed 8 militants near Tessit.")
    assert e.sub_event_type == "Air/drone strike"
    assert "drone" in e.tags_list


def test_kidnapping_is_abduction_of_civilians() -> None:
    (e,) = _events("On June 11, gunmen abducted three traders near Djibo.")
    assert e.sub_event_type == "Abduction/forced disappearance"
    assert "kidnapping" in e.tags_list
    assert e.civilian_targeting == "Civilian targeting"


def test_mention_ids_are_stable() -> None:
    text = "On June 11, gunmen killed four civilians in Djibo."
    assert extract_text(text, PUB)[0].event.id == extract_text(text, PUB)[0].event.id


def test_abduction_with_killing_is_coded_as_the_attack() -> None:
    text = "On June 3, gunmen abducted two traders and killed a third near Djibo."
    (e,) = extract_text(text, dt.date(2024, 6, 5))
    assert e.event.sub_event_type != "Abduction/forced disappearance"
    (k,) = extract_text("On June 3, gunmen abducted two traders near Djibo.", dt.date(2024, 6, 5))
    assert k.event.sub_event_type == "Abduction/forced disappearance"


def test_violence_told_without_the_usual_event_words_is_detected() -> None:
    from sigact.extract import detect

    told = [
        "On May 3, unknown gunmen wounded two herders near Gorom-Gorom.",
        "Militants whipped two women in the market of Djibo for not wearing veils.",
        "Jihadists amputated the hand of a man accused of theft in Ansongo.",
        "Soldiers allegedly tortured three detainees in Sevare.",
        "A minibus struck a landmine near Boni, killing three passengers.",
        "The army began a combing operation in the forest near Mansila.",
        "Heavy gunfire was heard overnight in the north of Gao.",
        "Gunmen attempted to assassinate a councillor in his home in Nabasso.",
        "Villagers encircled the gendarmerie in Kaya and demanded the release of two men.",
        "Youths blocked the national road in Koupela to demand repairs.",
        "Four farmers were found dead in their fields near Djibasso.",
        "Gendarmes exchanged gunfire with armed men on motorbikes near Matiakoali.",
        "French troops carried out a counter-terrorist operation in the Adrar des Ifoghas.",
        "A new military offensive was launched north of Timbuktu.",
        "Gunmen stripped travellers of their money and phones on the road to Pama.",
        "Militants slit the throats of two herders near Gorgadji.",
        "Armed men took him to an unknown destination.",
        "Residents blocked trucks' access to the town to demand the governor's dismissal.",
        "Teachers walked down to the streets of Koudougou to demand their arrears.",
        "Police intervened to disperse the crowd in Kaya.",
    ]
    for text in told:
        assert detect.tells_event(text), text
    not_told = [
        "The gold mine near Essakane employs two thousand workers.",
        "Two were wounded.",  # a toll alone continues the event told before it
        "The weather in Bamako was hot and dry this week.",
    ]
    for text in not_told:
        assert not detect.tells_event(text), text


def test_a_wounding_is_an_event_with_no_fatalities() -> None:
    (e,) = _events("On June 9, unknown gunmen wounded two herders near Gorom-Gorom.")
    assert e.event_date == dt.date(2024, 6, 9)
    assert e.fatalities == 0


def test_a_year_in_a_relative_clause_does_not_make_the_sentence_history() -> None:
    (e,) = _events("Hundreds marched in Ouagadougou to the grave of a journalist who was murdered in 1998.")
    assert e.event_type == "Protests"
    # the year still marks history when it dates the event told
    assert _events("In 1998 a journalist was murdered near Sapouy.") == []


def test_a_past_event_before_a_word_of_fear_or_plans_is_not_hypothetical() -> None:
    (e,) = _events("On June 10, soldiers fired warning shots at militants near Gao amid fears they plan to advance.")
    assert e.event_date == dt.date(2024, 6, 10)
    assert _events("JNIM threatened to attack convoys on the road to Gao.") == []


def test_a_toll_since_a_weekday_is_the_current_fighting_not_an_aggregate() -> None:
    events = _events("At least 12 people have been killed in clashes between two militias since Friday near Anefis.")
    assert len(events) == 1
    assert _events("At least 1,200 people have been killed in clashes between militias since 2019.") == []


def test_the_month_of_march_is_not_a_protest_march() -> None:
    from sigact.extract import detect

    assert not detect.tells_event("Published on March 22, 2025, at 12:24 am, updated on March 22, 2025.")
    assert not detect.tells_event("In March the rains came early.")
    assert detect.tells_event("Hundreds of teachers marched to the ministry in Bamako.")


def test_a_village_and_its_commune_are_one_place_not_a_list() -> None:
    events = _events("On June 11, soldiers killed five civilians in the village of Boni, Hombori commune.")
    assert len(events) == 1
    assert events[0].fatalities == 5


def test_a_dated_strategic_development_is_an_event() -> None:
    (ev,) = _events("On June 10, two aid workers held by militants since March were freed near Menaka.")
    assert ev.event_date == dt.date(2024, 6, 10)
    assert ev.event_type == "Strategic developments"


def test_an_undated_development_in_passing_is_not_an_event() -> None:
    text = (
        "The town has been calm. Several local notables were released after talks, according to residents. "
        "The governor resigned after a dispute with the transitional authorities."
    )
    assert _events(text) == []


def test_a_brief_strategic_development_is_read_without_a_date() -> None:
    from sigact.extract.dates import find_dates
    from sigact.extract.detect import tells_brief_development

    def brief(text: str) -> bool:
        return tells_brief_development(text, find_dates(text), False)

    assert brief("Four village self-defence groups near Douentza joined to form a new coalition.")
    assert brief("Army units left the town of Ansongo and moved towards Menaka.")
    assert brief("The rebel alliance suspended its participation in the peace talks.")
    assert brief("A new contingent of peacekeepers arrived in Kidal over the weekend.")
    assert brief("Several tonnes of explosives were discovered by soldiers in a house near Tessalit.")
    assert brief("The local katiba declared allegiance to the Islamic State.")
    assert brief("The governor ordered the temporary closure of all gold mining sites in the province.")
    # not a development, a threat, history dated to a year, or a bare release (told in passing in reports)
    assert not brief("Residents said the market in Gao reopened.")
    assert not brief("The militia threatened to form a new coalition with other groups.")
    assert not brief("The group was founded in 2012 when three factions merged into one.")
    assert not brief("Several local notables were released after talks, according to residents.")


def test_a_brief_telling_only_an_undated_strategic_development_is_that_event() -> None:
    # a SIGACT line or news brief: no violence, no date, one development
    brief = "Four armed movements of the Menaka region announced they had merged into a single coalition."
    (m,) = extract_text(brief, published=dt.date(2020, 3, 2))
    assert m.event.event_type == "Strategic developments"
    assert m.event.location == "Menaka"
    (m,) = extract_text("Army units withdrew from the town of Boni, leaving it to the militants.",
                        published=dt.date(2020, 3, 2))  # fmt: skip
    assert m.event.sub_event_type == "Non-violent transfer of territory"


def test_a_long_report_does_not_make_events_of_undated_developments() -> None:
    # in a long report the same verbs tell background; only dated developments are events there
    filler = "Residents described the situation in the region as calm but tense. " * 8
    text = filler + "Four armed movements of the Menaka region announced they had merged into a single coalition."
    assert len(text) > 600
    assert extract_text(text, published=dt.date(2020, 3, 2)) == []


def test_a_toll_split_across_listed_places_adds_up_when_one_name_is_no_place_we_know() -> None:
    # "Dantchira" only looks like a far-away place; the twelve dead are shared by the places we know
    events = _events("On May 3, gunmen attacked the villages of Dantchira, Djibo and Arbinda, killing 12 civilians.")
    assert sorted(e.location for e in events) == ["Arbinda", "Djibo"]
    assert sum(e.fatalities or 0 for e in events) == 12


def test_a_battle_over_several_days_is_one_event_a_day_sharing_the_toll() -> None:
    events = _events("From 25 to 27 July, fighting between JNIM and the army in Boulkessi killed 31 people.",
                     dt.date(2020, 7, 29))  # fmt: skip
    assert [e.event_date for e in events] == [dt.date(2020, 7, d) for d in (25, 26, 27)]
    assert all(e.time_precision == 1 for e in events)
    assert [e.fatalities for e in events] == [11, 10, 10]  # the toll counted once, not once a day


def test_a_place_of_a_list_told_again_on_its_own_keeps_its_own_toll_whole() -> None:
    # the lede lists both places; each is then told in sentences of its own, with its own figure
    text = (
        "Militants carried out two attacks on army posts in Djibo and Arbinda on Tuesday, the army said. "
        "In Djibo, the assailants stormed the camp at dawn and killed 9 soldiers before fleeing. "
        "Later the same day in Arbinda, troops repelled the attack and killed 16 of the assailants."
    )
    events = {e.location: e for e in _events(text, dt.date(2021, 3, 4))}
    assert events["Djibo"].fatalities == 9
    assert events["Arbinda"].fatalities == 16


def test_a_toll_told_only_for_a_list_of_places_is_still_shared() -> None:
    events = _events("On Tuesday, gunmen attacked the villages of Djibo and Arbinda, killing 10 civilians.",
                     dt.date(2021, 3, 4))  # fmt: skip
    assert sorted(e.fatalities or 0 for e in events) == [5, 5]


def test_a_claim_told_days_later_is_part_of_the_attack_not_another_event() -> None:
    text = (
        "On March 3, gunmen attacked the army post in Djibo, killing 7 soldiers. "
        "The attack was claimed two days later by the Islamic State in the Sahel."
    )
    (e,) = _events(text, dt.date(2021, 3, 10))
    assert e.event_date == dt.date(2021, 3, 3)
    assert e.fatalities == 7
    # a day told in a statement's own words is when it was said too
    text = (
        "On March 3, gunmen attacked the army post in Djibo, killing 7 soldiers. "
        "In a statement published on March 6, the group claimed the attack."
    )
    (e,) = _events(text, dt.date(2021, 3, 10))
    assert e.event_date == dt.date(2021, 3, 3)


def test_days_later_opening_a_sentence_dates_a_new_event_once() -> None:
    # "Two days later" is counted once from the day told before, and starts an event of its own
    text = (
        "On March 3, gunmen attacked the army post in Djibo, killing 7 soldiers. "
        "Two days later, militants ambushed a convoy near Arbinda and killed 4 gendarmes."
    )
    events = _events(text, dt.date(2021, 3, 10))
    assert [(e.location, e.event_date) for e in events] == [
        ("Djibo", dt.date(2021, 3, 3)),
        ("Arbinda", dt.date(2021, 3, 5)),
    ]


def test_a_toll_dated_only_by_its_announcement_joins_the_day_the_attack_took_place() -> None:
    # a wire lede: the dateline and "said on Friday" are when it was reported; Wednesday is the attack's day
    text = (
        "Gao, 14 May 2021 (afp) - Twelve villagers were killed in an attack on a market in Mali, officials said "
        "on Friday. Gunmen on motorbikes opened fire on traders at the weekly market of Ansongo on Wednesday, "
        "witnesses said."
    )
    (e,) = _events(text, dt.date(2021, 5, 14))
    assert (e.location, e.event_date, e.fatalities) == ("Ansongo", dt.date(2021, 5, 12), 12)
    # an event told days before another one, with dates of their own, stays apart
    text = (
        "Soldiers killed 6 militants near Ansongo on Monday, the army said on Friday. "
        "On Wednesday, gunmen killed 3 traders at the market of Menaka."
    )
    assert len(_events(text, dt.date(2021, 5, 14))) == 2


def test_the_armys_response_to_an_attack_on_villagers_is_an_event_of_its_own() -> None:
    text = (
        "On Saturday, gunmen on motorbikes raided the village of Ansongo and killed 9 civilians, local officials said. "
        "In response, soldiers deployed to Ansongo killed three of the assailants and recovered stolen cattle."
    )
    events = _events(text, dt.date(2021, 5, 10))
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 9), ("Armed clash", 3)]
    assert all(e.location == "Ansongo" and e.event_date == dt.date(2021, 5, 8) for e in events)
