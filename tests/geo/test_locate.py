"""Choosing where an event happened, disambiguation in context, admin fallbacks."""

from __future__ import annotations

from sigact.geo import Geocoder
from sigact.geo.geocoder import distance_km

# GeoNames coordinates of the Farabougou in Niono cercle (Ségou) besieged in 2020
FARABOUGOU_NIONO = (14.8921, -6.1414)


def test_farabougou_disambiguated_by_cercle_and_region(geocoder: Geocoder) -> None:
    place = geocoder.locate("Jihadists besieged Farabougou, Niono cercle, Segou region.")
    assert place is not None
    assert (place.admin1, place.admin2) == ("Segou", "Niono")
    assert distance_km(place.latitude, place.longitude, *FARABOUGOU_NIONO) < 5


def test_farabougou_candidates_are_ranked_with_reasons(geocoder: Geocoder) -> None:
    candidates = geocoder.geocode("Farabougou, Niono cercle")
    assert len(candidates) >= 5  # Mali has several Farabougous
    assert candidates[0].admin2 == "Niono"
    assert candidates[0].score > candidates[1].score
    assert any("Niono" in r for r in candidates[0].reasons)


def test_other_context_picks_another_farabougou(geocoder: Geocoder) -> None:
    place = geocoder.locate("Clashes were reported in Farabougou (Diema, Kayes).")
    assert place is not None
    assert (place.admin1, place.admin2) == ("Kayes", "Diema")


def test_acled_note_style_event_place_and_admin_context(geocoder: Geocoder) -> None:
    text = (
        "On 3 May, JNIM militants attacked the army post in Boni (Douentza, Mopti). "
        "The assailants fled towards Hombori."
    )
    place = geocoder.locate(text)
    assert place is not None
    assert place.location == "Boni"
    assert (place.admin1, place.admin2, place.geo_precision) == ("Mopti", "Douentza", 1)
    assert text[place.start : place.end] == "Boni"


def test_focus_selects_the_sentence_of_the_event(geocoder: Geocoder) -> None:
    text = "On Monday militants attacked Boni (Douentza, Mopti). On Tuesday soldiers were ambushed near Hombori."
    second = text.index("On Tuesday")
    place = geocoder.locate(text, focus=(second, len(text)))
    assert place is not None
    assert place.location == "Hombori"
    assert place.geo_precision == 2  # "near"


def test_destination_is_not_the_event_place(geocoder: Geocoder) -> None:
    place = geocoder.locate(
        "Militants attacked a convoy in Boulkessi and fled towards Djibo.", country_hint="Burkina Faso"
    )
    assert place is not None
    assert place.surface == "Boulkessi"


def test_between_two_places_codes_the_first_even_spelt_loosely(geocoder: Geocoder) -> None:
    # ACLED codes "between A and B" at A most of the time; "Diabaly" is GeoNames' Diabali, found by
    # its spelling key only where the words announce a place ("between", "axis", "in" ...)
    place = geocoder.locate(
        "Militants set up a checkpoint between Diabaly and Nampala on Tuesday.", country_hint="Mali"
    )
    assert place is not None and place.surface == "Diabaly" and place.admin1 == "Segou"
    place = geocoder.locate("A mine struck a truck on the axis Dioungani-Koro.", country_hint="Mali")
    assert place is not None and place.surface == "Dioungani"


def test_descriptors_village_of_and_near(geocoder: Geocoder) -> None:
    a = geocoder.locate("Gunmen killed five civilians in the village of Ogossagou (Bankass, Mopti).")
    # GeoNames spells it Ogassagou(-Dogon/-Peulh): matched fuzzily, confirmed by "(Bankass, Mopti)"
    assert a is not None and a.surface == "Ogossagou" and a.geo_precision == 1
    assert a.admin2 == "Bankass" and distance_km(a.latitude, a.longitude, 13.96, -3.57) < 5
    b = geocoder.locate("An IED exploded near Boni (Douentza, Mopti).")
    assert b is not None and b.location == "Boni" and b.geo_precision == 2


def test_region_descriptor_gives_admin_level_precision(geocoder: Geocoder) -> None:
    region = geocoder.locate("Militants are active in the Mopti region.")
    assert region is not None
    assert region.admin1 == "Mopti" and region.admin2 is None and region.geo_precision == 3
    province = geocoder.locate("Attacks multiplied in Soum province.")
    assert province is not None
    assert (province.country, province.admin1, province.admin2) == ("Burkina Faso", "Sahel", "Soum")
    assert province.geo_precision in (2, 3)


def test_unknown_village_falls_back_to_the_admin_unit_never_a_point(geocoder: Geocoder) -> None:
    place = geocoder.locate("Gunmen attacked the village of Qxzwvillage (Douentza, Mopti).")
    assert place is not None
    assert place.location == "Douentza" and place.admin2 == "Douentza"
    assert place.geo_precision == 2
    only_region = geocoder.locate("Gunmen attacked Qxzwvillage, in Mopti region.")
    assert only_region is not None
    assert only_region.geo_precision == 3 and only_region.admin1 == "Mopti"


def test_a_homonym_outside_the_unit_the_text_states_gives_way_to_the_unit(geocoder: Geocoder) -> None:
    # GeoNames' only Pe lies in Tuy province; the text places its Pe in Kossi province
    text = "Gendarmes fell into an ambush in Pe, a village of Kossi province, on Sunday."
    place = geocoder.locate(text, country_hint="Burkina Faso")
    assert place is not None and (place.admin2, place.geo_precision) == ("Kossi", 2)
    place = geocoder.locate("Gendarmes fell into an ambush in Pe on Sunday.", country_hint="Burkina Faso")
    assert place is not None and place.admin2 == "Tuy"


def test_menaka_and_taoudenit_are_their_own_regions(geocoder: Geocoder) -> None:
    menaka = geocoder.locate("Clashes in Ménaka.")
    assert menaka is not None and menaka.admin1 == "Menaka"
    ander = geocoder.locate("Attack in Anderamboukane.", country_hint="Mali")
    assert ander is not None and ander.admin1 == "Menaka"
    taoudenni = geocoder.locate("A convoy was attacked in Taoudenni.")
    assert taoudenni is not None and taoudenni.admin1 == "Taoudenit"
    gao = geocoder.locate("A car bomb exploded in Gao.", country_hint="Mali")
    assert gao is not None and gao.admin1 == "Gao"


def test_country_hint_and_named_country_choose_the_country(geocoder: Geocoder) -> None:
    # "Boni" exists in Mali, Burkina Faso and Niger
    ml = geocoder.locate("An attack in Boni.", country_hint="Mali")
    bf = geocoder.locate("An attack in Boni, Burkina Faso.")
    assert ml is not None and bf is not None
    assert ml.country == "Mali" and bf.country == "Burkina Faso"


def test_find_places_returns_offsets_and_candidates(geocoder: Geocoder) -> None:
    text = "Soldiers patrolled between Sévaré and Bandiagara."
    mentions = geocoder.find_places(text)
    surfaces = [m.surface for m in mentions]
    assert "Sévaré" in surfaces and "Bandiagara" in surfaces
    for m in mentions:
        assert text[m.start : m.end] == m.surface
        assert m.candidates


def test_actor_names_are_not_places(geocoder: Geocoder) -> None:
    mentions = geocoder.find_places("Katiba Macina militants attacked soldiers.")
    assert all(m.surface != "Macina" for m in mentions)


def test_no_place_no_country_gives_none(geocoder: Geocoder) -> None:
    assert geocoder.locate("Militants attacked a patrol.") is None


def test_admin_at_point_knows_the_new_malian_regions(geocoder: Geocoder) -> None:
    assert geocoder.admin_at(15.918, 2.402) == ("ML", "Menaka")  # Ménaka town
    assert geocoder.admin_at(16.27, -0.04) == ("ML", "Gao")
    assert geocoder.admin_at(22.67, -3.98) == ("ML", "Taoudenit")
    assert geocoder.admin_at(12.37, -1.53) == ("BF", "Centre")  # Ouagadougou


def test_acronyms_and_people_are_not_places_but_datelines_are(geocoder: Geocoder) -> None:
    mentions = geocoder.find_places("Share this SITE. President Modibo Keita airport, said the MIA agency.")
    assert mentions == []
    place = geocoder.locate("NIAMEY (Reuters) - Gunmen killed soldiers in an attack, the ministry said on Sunday.")
    assert place is not None and place.country == "Niger"


def test_a_homonym_farther_from_the_reference_than_the_text_says_gives_way_to_it(geocoder: Geocoder) -> None:
    # GeoNames' In-Khalil lies ~100 km from Tessalit: "near Tessalit" means another one, coded at Tessalit
    place = geocoder.locate("French jets struck a camp in In-Khalil, near Tessalit.", country_hint="Mali")
    assert place is not None and (place.surface, place.geo_precision) == ("Tessalit", 2)
    # a village that does lie near the town stays the event place
    place = geocoder.locate("Gunmen attacked the village of Sobane, near Bankass.", country_hint="Mali")
    assert place is not None and (place.surface, place.geo_precision) == ("Sobane", 1)
