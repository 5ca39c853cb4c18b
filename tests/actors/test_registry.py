"""The actor registry: aliases, periods, sub-groups, inter codes, state forces."""

from __future__ import annotations

import datetime as dt

import pytest

from sigact.actors import Registry
from sigact.actors.loader import load

JNIM = "JNIM: Group for Support of Islam and Muslims"
ISGS = "Islamic State (Greater Sahara)"
ISSP = "Islamic State Sahel Province"


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.default()


@pytest.mark.parametrize(
    "spelling",
    [
        "JNIM",
        "jnim",
        "GSIM",
        "Jama'at Nusrat al-Islam wal Muslimeen",
        "Jama’at Nusrat al-Islam wal-Muslimin",
        "Jama'a Nusrat ul-Islam wa al-Muslimin",
        "Jama'at Nasr al-Islam wal-Muslimin",
        "Jamaat Nusrat al Islam",
        "Groupe de soutien à l'islam et aux musulmans",
        "groupe de soutien a l islam et aux musulmans",
        "Group for Support of Islam and Muslims",
        "RVIM",
        JNIM,
    ],
)
def test_every_jnim_spelling_resolves(reg: Registry, spelling: str) -> None:
    assert reg.canonical(spelling) == JNIM


@pytest.mark.parametrize(
    "spelling",
    [
        "ISGS",
        "EIGS",
        "Islamic State in the Greater Sahara",
        "État islamique au Grand Sahara",
        "Etat Islamique dans le Grand Sahara",
        "IS-GS",
    ],
)
def test_isgs_spellings_resolve_by_period(reg: Registry, spelling: str) -> None:
    assert reg.canonical(spelling) == ISGS
    assert reg.canonical(spelling, date=dt.date(2019, 6, 1)) == ISGS
    # the group was renamed in March 2022: later events carry the new name
    assert reg.canonical(spelling, date=dt.date(2023, 1, 10)) == ISSP


@pytest.mark.parametrize(
    "spelling", ["ISSP", "IS Sahel", "Islamic State's Sahel Province", "EI Sahel", "État islamique au Sahel"]
)
def test_is_sahel_spellings(reg: Registry, spelling: str) -> None:
    assert reg.canonical(spelling, date=dt.date(2024, 2, 1)) == ISSP
    assert reg.canonical(spelling, date=dt.date(2018, 2, 1)) == ISGS


@pytest.mark.parametrize(
    ("alias", "date", "expected"),
    [
        ("FAMa", dt.date(2010, 1, 1), "Military Forces of Mali (2002-2012)"),
        ("Malian army", dt.date(2012, 12, 1), "Military Forces of Mali (2012-2013)"),
        ("forces armées maliennes", dt.date(2019, 3, 1), "Military Forces of Mali (2013-2020)"),
        ("FAMa", dt.date(2020, 12, 1), "Military Forces of Mali (2020-2021)"),
        ("armée malienne", dt.date(2024, 7, 27), "Military Forces of Mali (2021-)"),
        ("Burkinabe army", dt.date(2019, 1, 1), "Military Forces of Burkina Faso (2015-2022)"),
        ("Burkinabe soldiers", dt.date(2015, 1, 1), "Military Forces of Burkina Faso (2014-2015)"),
        ("armée burkinabè", dt.date(2023, 6, 1), "Military Forces of Burkina Faso (2022-)"),
        ("Nigerien army", dt.date(2016, 5, 1), "Military Forces of Niger (2011-2021)"),
        ("soldats nigériens", dt.date(2024, 5, 1), "Military Forces of Niger (2023-)"),
        ("Malian gendarmes", dt.date(2017, 5, 1), "Police Forces of Mali (2013-2020) Gendarmerie"),
        ("Burkinabe police", dt.date(2017, 5, 1), "Police Forces of Burkina Faso (2015-2022)"),
        ("Barkhane", dt.date(2019, 5, 1), "Military Forces of France (2017-)"),
        (
            "MINUSMA",
            dt.date(2016, 5, 1),
            "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-)",
        ),
    ],
)
def test_period_specific_names_by_date(reg: Registry, alias: str, date: dt.date, expected: str) -> None:
    assert reg.canonical(alias, date=date) == expected


def test_acled_names_are_kept_as_they_are(reg: Registry) -> None:
    # older exports' suffixes are ACLED's own spellings: never rewritten
    assert reg.canonical("Military Forces of Mali (2013-)") == "Military Forces of Mali (2013-)"
    assert reg.canonical("VDP: Volunteer for Defense of Homeland") == "VDP: Volunteer for Defense of Homeland"
    # an unknown period suffix falls back to the family, by date
    assert (
        reg.canonical("Military Forces of Mali (2014-2016)", date=dt.date(2015, 1, 1))
        == "Military Forces of Mali (2013-2020)"
    )


def test_compound_attribution(reg: Registry) -> None:
    assert reg.canonical("JNIM and/or ISGS", date=dt.date(2019, 1, 1)) == f"{JNIM} and/or {ISGS}"
    assert reg.canonical("JNIM and/or Nobody Known") is None


def test_unknown_names(reg: Registry) -> None:
    assert reg.canonical("The Flying Spaghetti Brigade") is None
    assert reg.canonical("") is None
    assert reg.inter("The Flying Spaghetti Brigade") is None


def test_sub_group_expansion(reg: Registry) -> None:
    names = reg.expand("JNIM")
    assert names[0] == JNIM
    for sub in (
        "Katiba Macina",
        "Ansar Dine",
        "Katiba Serma",
        "Al Mourabitoune Battalion",
        "AQIM: Al Qaeda in the Islamic Maghreb",
        "Al Furqan Battalion",
    ):
        assert sub in names
    assert ISGS not in names
    assert reg.expand("JNIM", subgroups=False) == [JNIM]
    # sub-groups of sub-groups, and ACLED's other spellings
    assert "Movement of the Liberation of Maasina" in reg.expand("Katiba Macina")
    assert "Katiba Salaheddine" in reg.expand("ISSP")
    assert {ISGS, ISSP} <= set(reg.expand("EIGS"))
    assert "VDP: Volunteer for Defense of Homeland" in reg.expand("VDP")


def test_state_force_expansion_covers_periods_and_units(reg: Registry) -> None:
    names = set(reg.expand("FAMa"))
    assert {
        "Military Forces of Mali (2012-2013)",
        "Military Forces of Mali (2013-2020)",
        "Military Forces of Mali (2013-)",
        "Military Forces of Mali (2021-)",
        "Military Forces of Mali (2013-2020) Operational Coordination Mechanism",
    } <= names
    assert not any(n.startswith("Police") for n in names)
    assert "Police Forces of Burkina Faso (2015-) Gendarmerie" in reg.expand("Burkinabe gendarmerie")


def test_parents(reg: Registry) -> None:
    assert reg.parent("Katiba Macina") == JNIM
    assert reg.parent("GATIA") == "Platform of June 14th 2014 movements"
    assert reg.parent("MNLA") == "CMA: Coordination of Movements of the Azawad"
    assert reg.parent(JNIM) is None


@pytest.mark.parametrize(
    ("name", "inter"),
    [
        (JNIM, 2),
        ("ISGS", 2),
        ("FAMa", 1),
        ("Wagner", 8),
        ("Dan Na Ambassagou", 4),
        ("VDP", 4),
        ("Civilians (Mali)", 7),
        ("Protesters (Mali)", 6),
        ("Rioters (Burkina Faso)", 5),
        ("Koglweogo", 3),
        (f"{JNIM} and/or {ISGS}", 2),
    ],
)
def test_inter_codes(reg: Registry, name: str, inter: int) -> None:
    assert reg.inter(name) == inter


def test_state_forces_unidentified_civilians(reg: Registry) -> None:
    assert reg.state_forces("Mali", dt.date(2022, 1, 1)) == "Military Forces of Mali (2021-)"
    assert reg.state_forces("Mali", dt.date(2018, 1, 1), kind="police") == "Police Forces of Mali (2013-2020)"
    assert (
        reg.state_forces("Burkina Faso", dt.date(2018, 1, 1), kind="gendarmerie")
        == "Police Forces of Burkina Faso (2015-2022) Gendarmerie"
    )
    assert reg.state_forces("Niger", dt.date(2024, 1, 1)) == "Military Forces of Niger (2023-)"
    assert reg.state_forces("Niger") == "Military Forces of Niger (2023-)"
    assert reg.state_forces("France", dt.date(2019, 1, 1)) == "Military Forces of France (2017-)"
    assert reg.state_forces("France", dt.date(2014, 1, 1)) == "Military Forces of France (2012-2017)"
    assert reg.state_forces("Chad", dt.date(2014, 1, 1)) == "Military Forces of Chad (1990-)"
    assert reg.state_forces("Atlantis", dt.date(2014, 1, 1)) == "Military Forces of Atlantis"
    assert reg.unidentified("Niger") == "Unidentified Armed Group (Niger)"
    assert reg.civilians("Burkina Faso") == "Civilians (Burkina Faso)"
    assert reg.canonical("Unidentified Armed Group (Mali)") == "Unidentified Armed Group (Mali)"


def test_role_nouns_resolve_only_with_a_country(reg: Registry) -> None:
    assert reg.canonical("soldiers") is None
    assert reg.canonical("soldiers", date=dt.date(2019, 1, 1), country="Mali") == "Military Forces of Mali (2013-2020)"
    assert reg.canonical("gunmen", country="Burkina Faso") == "Unidentified Armed Group (Burkina Faso)"
    assert reg.canonical("villageois", country="Niger") == "Civilians (Niger)"
    assert (
        reg.canonical("FDS", date=dt.date(2021, 1, 1), country="Burkina Faso")
        == "Military Forces of Burkina Faso (2015-2022)"
    )


def test_country_chooses_between_same_named_actors(reg: Registry) -> None:
    assert reg.canonical("Dozo") == "Dozo Militia"
    assert reg.canonical("Dozo hunters", country="Mali") == "Dozo Communal Militia (Mali)"
    assert reg.canonical("Fulani militia", country="Burkina Faso") == "Fulani Ethnic Militia (Burkina Faso)"


def test_required_actors_are_registered(reg: Registry) -> None:
    for name in (
        "Wagner Group",
        "Africa Corps",
        "Dan Na Ambassagou",
        "VDP: Volunteers for the Defense of the Homeland",
        "Katiba Macina",
        "Ansaroul Islam",
        "AQIM: Al Qaeda in the Islamic Maghreb",
        "Islamic State (West Africa)",
        "Koglweogo Militia",
        "G5S: G5 Sahel Force (2017-)",
        "Rioters (Mali)",
        "Protesters (Mali)",
        "Civilians (Niger)",
        "Unidentified Armed Group (Burkina Faso)",
    ):
        assert name in reg, name
    for alias, expected in (
        ("CSP-DPA", "CSP-DPA: Permanent Strategic Framework for the Defense of the People of Azawad"),
        ("Platform", "Platform of June 14th 2014 movements"),
        ("GATIA", "GATIA: Imghad Tuareg and Allies Self-Defense Group"),
        ("MSA", "MSA: Movement for Azawad Salvation"),
        ("CMA", "CMA: Coordination of Movements of the Azawad"),
        ("Operation Barkhane", "Military Forces of France (2017-)"),
        ("G5 Sahel", "G5S: G5 Sahel Force (2017-)"),
        ("Volontaires pour la défense de la patrie", "VDP: Volunteers for the Defense of the Homeland"),
    ):
        assert reg.canonical(alias) == expected


def test_registry_rejects_duplicates_and_unknown_parents(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "a.yaml"
    bad.write_text("actors:\n  - {name: A, inter: 2}\n  - {name: A, inter: 3}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="twice"):
        Registry.from_path(bad)
    bad.write_text("actors:\n  - {name: A, inter: 2, parent: Nobody}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="parent"):
        Registry.from_path(bad)


def test_a_custom_data_file_is_used(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - {name: 'Front X', inter: 2, country: Mali, aliases: [FX, Frente X]}\n"
        "  - {name: 'Brigade Y', inter: 2, country: Mali, parent: 'Front X', aliases: []}\n",
        encoding="utf-8",
    )
    data = load(path)
    assert [a.name for a in data.actors] == ["Front X", "Brigade Y"]
    reg = Registry(data)
    assert reg.canonical("frente x") == "Front X"
    assert reg.expand("FX") == ["Front X", "Brigade Y"]


@pytest.mark.parametrize(
    ("alias", "date", "country", "expected"),
    [
        ("al-Qaeda", dt.date(2012, 6, 1), None, "AQIM: Al Qaeda in the Islamic Maghreb"),
        ("al-Qaïda", dt.date(2019, 6, 1), None, JNIM),
        ("Tuareg rebels", dt.date(2008, 6, 1), "Mali", "ATNMC: North Mali Tuareg Alliance for Change"),
        ("Tuareg rebels", dt.date(2008, 6, 1), "Niger", "MNJ: Nigerien Movement for Justice"),
        ("rebelles touareg", dt.date(2012, 2, 1), "Mali", "MNLA: National Movement for the Liberation of Azawad"),
        (
            "Tuareg rebels",
            dt.date(2024, 8, 1),
            "Mali",
            "CSP-DPA: Permanent Strategic Framework for the Defense of the People of Azawad",
        ),
        ("Russian mercenaries", dt.date(2022, 3, 1), None, "Wagner Group"),
        ("Russian forces", dt.date(2025, 9, 1), None, "Africa Corps"),
        ("Dozos", dt.date(2018, 6, 1), "Mali", "Dozo Militia"),
        ("Dozos", dt.date(2020, 6, 1), "Mali", "Dozo Communal Militia (Mali)"),
    ],
)
def test_aliases_whose_actor_depends_on_date_and_country(
    reg: Registry, alias: str, date: dt.date, country: str | None, expected: str
) -> None:
    assert reg.canonical(alias, date=date, country=country) == expected


def test_acled_coding_of_sub_groups(reg: Registry) -> None:
    # ACLED codes the events of JNIM's components as JNIM's once JNIM exists
    assert reg.acled_actor("Ansar Dine", dt.date(2016, 5, 1)) == "Ansar Dine"
    assert reg.acled_actor("Ansar Dine", dt.date(2018, 5, 1)) == JNIM
    assert reg.acled_actor("Katiba Macina", dt.date(2019, 5, 1)) == JNIM
    assert reg.acled_actor("Katiba Salaheddine", dt.date(2019, 5, 1)) == ISGS
    assert reg.acled_actor("FAMa", dt.date(2019, 5, 1)) == "Military Forces of Mali (2013-2020)"
    assert reg.acled_actor("Katiba Macina and/or Ansar Dine", dt.date(2019, 5, 1)) == JNIM
    assert reg.acled_actor("nobody") is None


def test_acled_form_names_of_local_groups_are_kept(reg: Registry) -> None:
    for name, inter in (
        ("Toolo Communal Militia (Burkina Faso)", 4),
        ("Fadouga II Clan Militia (Burkina Faso)", 4),
        ("Koussasi Ethnic Group (Burkina Faso)", 7),
        ("Civilians (Zimbabwe)", 7),
    ):
        assert name not in reg  # not listed...
        assert reg.canonical(name) == name  # ...but in ACLED's form
        assert reg.inter(name) == inter
    assert reg.canonical("toolo communal militia") is None
    assert reg.expand("Toolo Communal Militia (Burkina Faso)") == ["Toolo Communal Militia (Burkina Faso)"]


def test_aliases_may_hold_commas(reg: Registry) -> None:
    name = "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development"
    [m] = reg.find("the Permanent Strategic Framework for Peace, Security and Development said")
    assert m.canonical == name and m.surface == "Permanent Strategic Framework for Peace, Security and Development"
    assert reg.find("security and development") == []


def test_descriptions_resolve_only_when_they_name_one_group(reg: Registry) -> None:
    assert reg.canonical("suspected JNIM militants") == JNIM
    assert reg.canonical("les terroristes présumés du JNIM") == JNIM
    assert reg.canonical("JNIM attack in Boni") is None  # more than a name
    assert reg.canonical("JNIM militants and ISGS fighters") is None  # two groups


def test_units_and_local_self_defence_by_country(reg: Registry) -> None:
    day = dt.date(2019, 3, 1)
    assert reg.canonical("rangers", day, "Burkina Faso") == "Police Forces of Burkina Faso (2015-2022) Forest Guards"
    assert reg.canonical("customs officers", day, "Mali") == "Police Forces of Mali (2013-2020) Customs Agents"
    assert reg.canonical("village self-defense", day, "Burkina Faso") == "Unidentified Communal Militia (Burkina Faso)"


def test_every_alias_leads_back_to_its_actor(reg: Registry) -> None:
    # no alias is taken by another actor: each resolves, at its actor's date and country, to that actor
    assert reg.problems() == []


@pytest.mark.parametrize("family", ["JNIM: Group for Support of Islam and Muslims", ISGS, ISSP])
def test_every_registered_spelling_of_the_jihadist_groups_resolves(reg: Registry, family: str) -> None:
    actor = reg.get(family)
    assert actor is not None
    for alias in reg.aliases_of(family):
        got = reg.canonical(alias, date=actor.start)
        assert got == family, alias


def test_a_family_name_with_a_date_asks_for_the_period(reg: Registry) -> None:
    # "Military Forces of France" is also an older ACLED spelling: without a date it is kept
    assert reg.canonical("Military Forces of France") == "Military Forces of France"
    assert (
        reg.canonical("Military Forces of France", date=dt.date(2014, 1, 1)) == "Military Forces of France (2012-2017)"
    )
    assert reg.canonical("Military Forces of Mali", date=dt.date(2012, 2, 1)) == "Military Forces of Mali (2012-2013)"


def test_two_letter_words_are_not_acronyms_in_names(reg: Registry) -> None:
    assert reg.canonical("un") is None and reg.canonical("is") is None
    assert reg.canonical("UN") == "UN: United Nations"
    assert reg.canonical("fama", date=dt.date(2019, 1, 1)) == "Military Forces of Mali (2013-2020)"
