"""A document's own context decides between same-named places: the other places it names, the
country it names, ACLED's "(Admin2, Admin1)" parentheses, and hand-added places GeoNames lacks."""

from __future__ import annotations

from sigact.geo import Geocoder

BONI_OGOSSAGOU = (
    "Gunmen killed 12 villagers in Ogossagou on 17 September. "
    "The following day, soldiers clashed with JNIM fighters near Boni."
)


def test_other_places_of_the_document_choose_the_country(geocoder: Geocoder) -> None:
    # Boni exists in Mali, Burkina Faso and Niger; Ogossagou only in Mali (Mopti)
    second = BONI_OGOSSAGOU.index("The following")
    place = geocoder.locate(BONI_OGOSSAGOU, focus=(second, len(BONI_OGOSSAGOU)))
    assert place is not None
    assert place.surface == "Boni"
    assert (place.country, place.admin1) == ("Mali", "Mopti")


def test_lone_boni_without_context_is_not_pulled_to_mopti_by_itself(geocoder: Geocoder) -> None:
    # the coherence bonus comes from *other* names only: a name never votes for itself
    cands = geocoder.find_places("Soldiers clashed with JNIM fighters near Boni.")[0].candidates
    assert not any("coherent" in r for c in cands for r in c.reasons)


def test_country_named_after_the_name_beats_an_exact_name_elsewhere(geocoder: Geocoder) -> None:
    # GeoNames spells Burkina Faso's village "Madiagoune" (alternate "Nadiagoun"); Niger has a "Nadiagou"
    place = geocoder.locate("Unidentified gunmen attacked Nadiagou, Burkina Faso, killing two.")
    assert place is not None
    assert place.country == "Burkina Faso"
    assert place.admin1 == "Est"


def test_acled_parentheses_constrain_spelling_variants(geocoder: Geocoder) -> None:
    # "Toladje" is GeoNames' Tolagie/Toladie in Niono cercle; "Tola" in Koulikoro is an exact-ish
    # look-alike outside the units named
    place = geocoder.locate("On 3 May, JNIM militants attacked Toladje (Niono, Segou).")
    assert place is not None
    assert (place.admin1, place.admin2) == ("Segou", "Niono")
    assert place.surface == "Toladje"
    assert place.geo_precision == 1


def test_parentheses_without_a_variant_fall_back_to_the_cercle(geocoder: Geocoder) -> None:
    place = geocoder.locate("On 3 May, JNIM militants attacked Xqzwvillage (Niono, Segou).")
    assert place is not None
    assert (place.admin1, place.admin2) == ("Segou", "Niono")
    assert place.geo_precision == 2


def test_malian_boulkessi_is_known_and_chosen_in_a_malian_text(geocoder: Geocoder) -> None:
    text = (
        "Mali: the army said its camp at Boulikessi was attacked on Monday. "
        "Mali's government announced three days of mourning across Mali."
    )
    place = geocoder.locate(text)
    assert place is not None
    assert (place.country, place.admin1, place.admin2) == ("Mali", "Mopti", "Douentza")


def test_burkinabe_boulikessi_is_still_chosen_in_a_burkinabe_text(geocoder: Geocoder) -> None:
    place = geocoder.locate("Burkina Faso: gunmen attacked Boulikessi in Oudalan province.")
    assert place is not None
    assert place.country == "Burkina Faso"


def test_actors_point_to_a_country_when_none_is_named(geocoder: Geocoder) -> None:
    # Gangani exists in Niger and Burkina Faso; Koglweogo are Burkinabe self-defence groups
    place = geocoder.locate("Koglweogo members clashed with gunmen in Gangani.")
    assert place is not None
    assert place.country == "Burkina Faso"


def test_a_name_inside_one_of_the_units_named_is_not_replaced_by_a_variant(geocoder: Geocoder) -> None:
    # GeoNames files Tatakarat under another cercle of Tombouctou: still the name written, not a look-alike
    place = geocoder.locate("ISGS militants ambushed JNIM militants near Tatakarat (Gourma-Rharous, Tombouctou).")
    assert place is not None
    assert place.surface == "Tatakarat"
    assert place.location == "Tatakarat"


def test_a_persons_name_is_never_the_event_place(geocoder: Geocoder) -> None:
    text = "Thousands marched to call for the release of former foreign Minister Djibril Bassole."
    place = geocoder.locate(text)
    assert place is None or place.surface != "Djibril"


def test_a_loose_spelling_abroad_is_not_the_place_of_a_text_about_mali(geocoder: Geocoder) -> None:
    # "Koguelle" is only a look-alike of Niger's Koguiele: in a text about Mali it is an unknown
    # hamlet, placed by the country (or its armed groups' home region), not 1,000 km away
    text = "Gunmen killed a herder in the hamlet of Koguelle on Monday."
    assert geocoder.find_places(text, "Mali")[0].doubtful
    place = geocoder.locate(text, country_hint="Mali")
    assert place is not None and place.country == "Mali" and place.geo_precision == 3
    place = geocoder.locate("Dan Na Ambassagou militiamen attacked the hamlet of Koguelle.")
    assert place is not None and (place.country, place.admin1) == ("Mali", "Mopti")


def test_without_a_country_a_loose_spelling_still_places_the_event(geocoder: Geocoder) -> None:
    place = geocoder.locate("Gunmen killed a herder in the hamlet of Koguelle on Monday.")
    assert place is not None and place.country == "Niger"


def test_a_homonym_abroad_loses_to_the_other_places_of_the_text(geocoder: Geocoder) -> None:
    # GeoNames' only Egharghar is in Niger; Aguelhok and Tessalit say the text is about Kidal
    text = "Soldiers exchanged fire with militants in the Egharghar valley, between Aguelhok and Tessalit."
    place = geocoder.locate(text, country_hint="Mali")
    assert place is not None and (place.country, place.admin1) == ("Mali", "Kidal")
    # alone, the name is what the text gives: Niger's Egharghar
    place = geocoder.locate("Soldiers exchanged fire with militants in the Egharghar valley.", country_hint="Mali")
    assert place is not None and place.country == "Niger"


def test_a_place_abroad_stays_there_when_the_text_places_it_there(geocoder: Geocoder) -> None:
    # Mentao and Djibo are both in Burkina Faso: a wrong hint does not move them
    place = geocoder.locate("Militants burned the school of Mentao, a camp near Djibo, on Friday.", country_hint="Mali")
    assert place is not None and (place.country, place.admin1) == ("Burkina Faso", "Sahel")
    # a country written after the name ("in neighbouring Burkina Faso") belongs to that name only
    text = "Two youths were shot dead near Douentza, after a visit to Koumbri in neighbouring Burkina Faso."
    place = geocoder.locate(text, focus=(0, text.index(",")), country_hint="Burkina Faso")
    assert place is not None and place.surface == "Douentza" and place.country == "Mali"


def test_a_city_is_the_city_whatever_country_the_text_is_about(geocoder: Geocoder) -> None:
    # Niger has hamlets called Gao; a text about a Nigerien peacekeeper still means Mali's city
    place = geocoder.locate("Unknown gunmen shot dead a Nigerien peacekeeper in Gao.", country_hint="Niger")
    assert place is not None and (place.country, place.admin1) == ("Mali", "Gao")
    # unless the text writes the country right after the name
    place = geocoder.locate("Unknown gunmen shot dead a herder in Gao, Niger.")
    assert place is not None and place.country == "Niger"


def test_a_loose_spelling_far_from_every_other_place_is_not_the_event_place(geocoder: Geocoder) -> None:
    # "Goma-Coura" only looks like Gakoura, 500 km away in Kayes; the road it is on is in Ségou
    text = "Soldiers dismantled a mine on the road near Goma-Coura, on the axis linking Diabaly and Nampala."
    goma = geocoder.find_places(text, "Mali")[0]
    assert goma.surface == "Goma-Coura" and goma.doubtful
    place = geocoder.locate(text, country_hint="Mali")
    assert place is not None and place.admin1 == "Segou"
    # alone, the look-alike is all the text gives
    place = geocoder.locate("Soldiers dismantled a mine on the road near Goma-Coura.", country_hint="Mali")
    assert place is not None and place.admin1 == "Kayes"


def test_the_sahel_belt_is_not_burkina_fasos_sahel_region(geocoder: Geocoder) -> None:
    # "the wider Sahel region" is the belt south of the Sahara; the town is Mali's Boulkessi, not a
    # namesake in Burkina Faso's Sahel region
    text = (
        "Militants of JNIM overran an army base in the Malian town of Boulikessi on Sunday, killing dozens of "
        "soldiers. The assault is the latest in a wave of attacks across Mali and the wider Sahel region."
    )
    place = geocoder.locate(text, focus=(0, text.index(". ")))
    assert place is not None and (place.country, place.admin1) == ("Mali", "Mopti")
    # tied to Burkina Faso, the Sahel is its region
    region = geocoder.locate("Attacks rose in the Sahel region of Burkina Faso, where gunmen killed four miners.")
    assert region is not None and (region.country, region.admin1) == ("Burkina Faso", "Sahel")
