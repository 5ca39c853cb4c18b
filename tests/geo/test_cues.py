"""Cues a reader uses to place an event: which unit of "(Cercle, Region)" is which, a country
written after another place, nationalities, armed groups' home areas, "X, 40 km east of Y",
Tamasheq names, spelling variants, terrain features, and admin seats in their own unit."""

from __future__ import annotations

import pytest

from sigact.geo import Geocoder
from sigact.geo.normalize import compact


def test_region_last_in_parentheses_is_not_the_cercle_of_the_same_name(geocoder: Geocoder) -> None:
    # Sokoura exists in the Mopti cercle and in the Bankass cercle; "(Bankass, Mopti)" names the
    # Bankass cercle of the Mopti region, so the Mopti cercle's Sokoura must not win
    place = geocoder.locate("Gunmen on motorbikes raided the weekly market of Sokoura (Bankass, Mopti) on Friday.")
    assert place is not None
    assert place.surface == "Sokoura"
    assert (place.admin1, place.admin2) == ("Mopti", "Bankass")


def test_region_in_parentheses_gives_no_proximity_bonus(geocoder: Geocoder) -> None:
    mentions = geocoder.find_places("Gunmen raided the market of Sokoura (Bankass, Mopti).")
    sokoura = mentions[0]
    assert not any(r == "near Mopti" for c in sokoura.candidates for r in c.reasons)


def test_admin_seat_lies_in_the_unit_it_is_named_after(geocoder: Geocoder) -> None:
    for town in ("Bourem", "Tessalit", "Gourma-Rharous"):
        place = geocoder.locate(f"Protesters blocked the main road in {town} on Monday.", country_hint="Mali")
        assert place is not None
        assert place.admin2 == town
        assert place.geo_precision == 1


def test_country_after_another_place_does_not_move_a_regional_capital(geocoder: Geocoder) -> None:
    # Niger has hamlets called Gao; "Ayorou, Niger" only says where Ayorou is
    text = "Bandits robbed the passengers of a bus in Gao before it left for Ayorou, Niger."
    place = geocoder.locate(text)
    assert place is not None
    assert place.surface == "Gao"
    assert (place.country, place.admin1) == ("Mali", "Gao")


def test_a_nationality_is_only_a_weak_cue(geocoder: Geocoder) -> None:
    place = geocoder.locate("A Nigerien trader was shot dead by two men on a motorbike in Gao.")
    assert place is not None
    assert (place.country, place.admin1) == ("Mali", "Gao")


def test_nationality_still_gives_the_capital_when_nothing_else_is_known(geocoder: Geocoder) -> None:
    place = geocoder.locate("Malian teachers went on strike for better pay.")
    assert place is not None
    assert place.location == "Bamako"
    assert place.geo_precision == 3


def test_militia_name_is_not_a_place(geocoder: Geocoder) -> None:
    mentions = geocoder.find_places("Ganda Koy militiamen set up a checkpoint on the road.")
    assert not any(m.surface.startswith("Ganda") for m in mentions)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A convoy was ambushed at Garnati, 50km east of Niafunke, and two soldiers died.", "Garnati"),
        ("An IED hit a truck near Abanko, 35 km south of Tessalit, wounding three.", "Abanko"),
    ],
)
def test_place_with_a_stated_distance_from_a_town_is_the_event_place(
    geocoder: Geocoder, text: str, surface: str
) -> None:
    place = geocoder.locate(text)
    assert place is not None
    assert place.surface == surface
    assert place.location != "Niafunke" and place.location != "Tessalit"


def test_mayor_of_a_town_does_not_make_it_the_event_place(geocoder: Geocoder) -> None:
    text = "The mayor of Boni said that gunmen burned the school of Dallah on Tuesday."
    place = geocoder.locate(text)
    assert place is not None
    assert place.surface == "Dallah"


def test_unknown_tin_name_is_not_its_tail(geocoder: Geocoder) -> None:
    # "Tin-Hama" is not GeoNames' Hama (Kayes, 1,100 km away)
    mentions = geocoder.find_places("Rebels attacked a checkpoint at Tin-Hama on Sunday.")
    assert not any(m.surface == "Hama" for m in mentions)


def test_tamasheq_compound_found_without_a_place_word(geocoder: Geocoder) -> None:
    # "I-n-Deliman" starts with a one-letter token; "Tin-Hamma" is spelt with a doubled letter and
    # follows a verb, not "in/at": both are still the Tamasheq place names of the Gao/Menaka area
    place = geocoder.locate("Gunmen on motorbikes made an incursion into I-n-Deliman on Friday.", country_hint="Mali")
    assert place is not None and place.surface == "I-n-Deliman"
    assert place.admin1 in {"Menaka", "Gao"}
    place = geocoder.locate("Presumed jihadists attacked Tin-Hamma and burned the town hall.", country_hint="Mali")
    assert place is not None and place.surface == "Tin-Hamma"
    assert place.admin1 == "Gao"


def test_tamasheq_in_prefix_is_one_spelling() -> None:
    assert compact("N'Tillit") == compact("I-n-Tillit") == compact("In Tillit")
    assert compact("Inata") != compact("Nata")  # a vowel after "In" is part of the name
    assert compact("Tchalole") == compact("Chalole")
    assert compact("Ghalaman") == compact("Galaman")


def test_ntillit_is_found(geocoder: Geocoder) -> None:
    place = geocoder.locate("Gunmen killed two herders in Ntillit on Tuesday.")
    assert place is not None
    assert place.surface == "Ntillit"
    assert place.admin1 == "Gao"


def test_armed_group_home_area_breaks_a_tie_between_villages(geocoder: Geocoder) -> None:
    # villages called Mamba exist in Kayes and in Mopti; Katiba Macina operates in central Mali
    text = "Katiba Macina militants ambushed a group of hunters near the village of Mamba."
    place = geocoder.locate(text)
    assert place is not None
    assert place.admin1 in {"Mopti", "Segou"}
    mamba = next(m for m in geocoder.find_places(text) if m.surface == "Mamba")
    assert "where the actors named operate" in mamba.candidates[0].reasons


def test_cercle_after_a_comma_is_context(geocoder: Geocoder) -> None:
    mentions = geocoder.find_places("Heavily armed men overran the army post in Soumpi, Niafunke, on Friday.")
    by_surface = {m.surface: m for m in mentions}
    assert by_surface["Niafunke"].role == "context"
    place = geocoder.locate("Heavily armed men overran the army post in Soumpi, Niafunke, on Friday.")
    assert place is not None
    assert place.surface == "Soumpi"


def test_cercle_in_a_list_is_not_context(geocoder: Geocoder) -> None:
    mentions = geocoder.find_places("Teachers marched in Timbuktu, Gao and Kidal.")
    assert all(m.role == "place" for m in mentions)


def test_terrain_features_are_in_the_gazetteer(geocoder: Geocoder) -> None:
    # dunes, wetlands and seasonal streams are kept from GeoNames (event locations in the Gourma)
    kinds = {e.fcode for e in geocoder.gaz.entries}
    assert {"DUNE", "WTLD", "STMI"} <= kinds


def test_location_keeps_the_spelling_of_the_text_for_an_exact_name(geocoder: Geocoder) -> None:
    # GeoNames' primary name is "Barsalogo"; "Barsalogho" is one of its alternate names
    place = geocoder.locate("Hundreds of residents were digging trenches around Barsalogho when gunmen struck.")
    assert place is not None
    assert place.location == "Barsalogho"
    assert place.admin1 == "Centre-Nord"


def test_dateline_in_capitals_is_title_cased(geocoder: Geocoder) -> None:
    place = geocoder.locate("NIAMEY (Reuters) - Soldiers clashed with protesters near the airport.")
    assert place is not None
    assert place.location == "Niamey"


def test_niger_admin1_in_acled_current_spelling(geocoder: Geocoder) -> None:
    for text in ("Gunmen killed 12 soldiers in the Tillabery region.", "Gunmen attacked Fambita on Friday."):
        place = geocoder.locate(text, country_hint="Niger")
        assert place is not None
        assert place.admin1 == "Tillaberi"


def test_english_name_of_a_burkinabe_region(geocoder: Geocoder) -> None:
    place = geocoder.locate("Protesters blocked the national road across the North Central region.")
    assert place is not None
    assert (place.country, place.admin1, place.geo_precision) == ("Burkina Faso", "Centre-Nord", 3)


def test_two_ambiguous_names_near_each_other_support_each_other(geocoder: Geocoder) -> None:
    # Mali has a Dialloube in Mopti and a Dyaloube in Tombouctou, and several Sabas; the Mopti
    # pair lies within a few km of each other
    text = "Herders said gunmen stole forty cattle at Saba on Monday and burned granaries at Dialloube."
    dialloube = next(m for m in geocoder.find_places(text) if m.surface == "Dialloube")
    assert dialloube.candidates[0].admin1 == "Mopti"
    assert "near another place of the text" in dialloube.candidates[0].reasons


def test_where_the_wounded_were_taken_is_not_the_event_place(geocoder: Geocoder) -> None:
    text = "Four herders were wounded at Dallah; they were transported to the hospital in Douentza."
    place = geocoder.locate(text, country_hint="Mali")
    assert place is not None
    assert place.surface == "Dallah"


def test_capital_beats_a_same_named_stream_in_the_region_the_text_names(geocoder: Geocoder) -> None:
    # GeoNames has a seasonal stream called Bamako in the Mopti region
    place = geocoder.locate("Displaced Dogon families from the Mopti region protested in Bamako.", country_hint="Mali")
    assert place is not None
    assert (place.location, place.admin1) == ("Bamako", "Bamako")
    assert place.geo_precision == 1


def test_region_descriptor_names_the_region_not_the_cercle(geocoder: Geocoder) -> None:
    mentions = geocoder.find_places("Displaced families from the Mopti region protested in Bamako.", "Mali")
    bamako = next(m for m in mentions if m.surface == "Bamako")
    assert not any(r == "admin2 Mopti named" for c in bamako.candidates for r in c.reasons)


def test_a_dateline_is_not_the_place_of_the_event_its_sentence_tells(geocoder: Geocoder) -> None:
    text = (
        "Niamey, 22 March 2025 (AFP) - Gunmen killed twelve worshippers at a mosque, officials said.\n\n"
        "The attack took place in Fambita, in the Tillaberi region."
    )
    place = geocoder.locate(text, focus=(0, text.index("officials said.")))
    assert place is not None and place.location == "Fambita"


def test_the_seat_of_the_source_is_not_the_event_place(geocoder: Geocoder) -> None:
    text = (
        "Gunmen killed twelve herders, the Interior Ministry said in the capital Niamey. "
        "The attack took place in Fambita."
    )
    place = geocoder.locate(text, focus=(0, text.index("Niamey.") + 7))
    assert place is not None and place.location == "Fambita"


def test_a_dateline_alone_still_places_the_event_in_its_country(geocoder: Geocoder) -> None:
    place = geocoder.locate("BAMAKO (Reuters) - Gunmen killed two soldiers in an ambush, the army said.")
    assert place is not None and place.country == "Mali"


def test_armed_group_home_region_when_no_place_is_named(geocoder: Geocoder) -> None:
    # no place in the text: the Dogon militia points to the Mopti region, the CMA to Kidal, rather
    # than the capital; precision 3 (the region's seat) and no surface in the text
    place = geocoder.locate("Dan Na Ambassagou militiamen abducted four herders on Tuesday.", country_hint="Mali")
    assert place is not None
    assert (place.admin1, place.geo_precision, place.start) == ("Mopti", 3, -1)
    place = geocoder.locate("Fighting between CMA fighters and unidentified gunmen left three dead.")
    assert place is not None and place.admin1 == "Kidal"
    place = geocoder.locate("Ansaroul Islam militants burned a school and threatened the teachers.")
    assert place is not None and (place.country, place.admin1) == ("Burkina Faso", "Sahel")


def test_armed_groups_of_two_regions_or_another_country_keep_the_capital(geocoder: Geocoder) -> None:
    place = geocoder.locate("CMA fighters and Dan Na Ambassagou militiamen signed a truce.", country_hint="Mali")
    assert place is not None and place.location == "Bamako"
    place = geocoder.locate("Former MNLA members were arrested by the police.", country_hint="Niger")
    assert place is not None and place.location == "Niamey"


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested Alou Doumbia, a trader suspected of financing the attack.",
        "Gunmen abducted Baba ould Cheikh, a local notable, on Monday.",
        "Members of the Yerewolo Ton Association protested against the government.",
        "Pro-government demonstrators gathered on Monday.",
        "Miners laid off by Bissa Gold blocked the company gate over unpaid wages.",
        "Staff of the Institute of Water and Forests went on strike.",
        "Nurses of Category B held a sit-in to demand a pay rise.",
        "A bomb exploded near the headquarters of the Chief of Staff on Friday.",
        "Gunmen kidnapped two engineers of the Chadian contingent on Friday.",
        "Gourmantche farmers and Fulani herders fought over a water point.",
    ],
)
def test_names_of_people_organisations_and_common_words_are_not_places(geocoder: Geocoder, text: str) -> None:
    assert geocoder.find_places(text) == []


def test_a_place_next_to_a_person_is_still_found(geocoder: Geocoder) -> None:
    # the person/organisation rules look at what follows the name, not at the sentence
    place = geocoder.locate("Gunmen killed Amadou Diallo, a trader, in Douentza on Monday.", country_hint="Mali")
    assert place is not None and place.surface == "Douentza"


def test_place_with_a_bearing_from_a_town_is_coded_itself(geocoder: Geocoder) -> None:
    # "X, south of Y": the text places X (about 45 km from Ansongo), Y is only the reference
    place = geocoder.locate("Soldiers clashed with gunmen on motorbikes in Bentia, south of Ansongo.")
    assert place is not None and place.surface == "Bentia"
    assert place.geo_precision == 1


def test_named_terrain_near_a_town_is_the_place(geocoder: Geocoder) -> None:
    # a wadi named exactly, "near" a town within 40 km: the camp in the wadi, not the town
    place = geocoder.locate("Rockets were fired at the army camp in Amachach near Tessalit on Sunday.")
    assert place is not None and place.surface == "Amachach"


def test_hyphenated_name_with_a_lowercase_part_is_read_whole(geocoder: Geocoder) -> None:
    # "Gouin-gouin" is one village (Cascades), not the "Gouin" that a capitalised-words-only scan reads
    place = geocoder.locate("Gunmen opened fire on villagers near the village of Gouin-gouin on Sunday.")
    assert place is not None and place.surface == "Gouin-gouin"
    assert place.admin1 == "Cascades"
