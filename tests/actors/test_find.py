"""Finding actor mentions in English and French texts."""

from __future__ import annotations

import datetime as dt

import pytest

from sigact.actors import ActorMention, Registry

JNIM = "JNIM: Group for Support of Islam and Muslims"
ISGS = "Islamic State (Greater Sahara)"


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.default()


def named(mentions: list[ActorMention]) -> list[str | None]:
    return [m.canonical for m in mentions if m.kind == "named"]


def test_spans_point_into_the_text(reg: Registry) -> None:
    text = "On 12 May, Jama’at Nusrat al-Islam wal-Muslimin (JNIM) fighters ambushed a FAMa convoy near Boni."
    mentions = reg.find(text)
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    assert named(mentions)[:2] == [JNIM, JNIM]
    assert mentions[1].surface == "JNIM) fighters" or mentions[1].surface == "JNIM"
    assert mentions[-1].canonical == "Military Forces of Mali (2021-)"


def test_date_picks_the_period_name(reg: Registry) -> None:
    text = "ISGS militants attacked Malian soldiers."
    assert named(reg.find(text, date=dt.date(2019, 11, 1))) == [ISGS, "Military Forces of Mali (2013-2020)"]
    assert named(reg.find(text, date=dt.date(2023, 3, 1))) == [
        "Islamic State Sahel Province",
        "Military Forces of Mali (2021-)",
    ]


def test_and_or_returns_both_groups(reg: Registry) -> None:
    found = named(reg.find("The attack was claimed by JNIM and/or ISGS, according to local sources."))
    assert found == [JNIM, ISGS]


def test_role_noun_next_to_a_group_is_one_mention(reg: Registry) -> None:
    mentions = reg.find("Suspected JNIM militants killed 12 villagers.")
    assert [(m.surface, m.kind, m.qualifier) for m in mentions] == [
        ("JNIM militants", "named", "suspected"),
        ("villagers", "civilians", None),
    ]
    mentions = reg.find("Militants of the Islamic State in the Greater Sahara ambushed the convoy.")
    assert mentions[0].surface == "Militants of the Islamic State in the Greater Sahara"
    assert mentions[0].canonical == ISGS


def test_no_merge_across_sentences(reg: Registry) -> None:
    mentions = reg.find("They attacked the Malian army. Militants then fled.")
    assert [m.surface for m in mentions] == ["Malian army", "Militants"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Soldiers repelled the attack", "state_military"),
        ("the army said", "state_military"),
        ("troops were deployed", "state_military"),
        ("a FAMa patrol", "named"),
        ("police officers were wounded", "state_police"),
        ("two gendarmes were killed", "state_police"),
        ("gunmen on motorbikes", "armed_generic"),
        ("armed men stormed", "armed_generic"),
        ("jihadists took the town", "armed_generic"),
        ("terrorists attacked", "armed_generic"),
        ("assailants fled", "armed_generic"),
        ("des hommes armés ont attaqué", "armed_generic"),
        ("les terroristes ont incendié", "armed_generic"),
        ("des individus armés non identifiés", "armed_generic"),
        ("civilians were killed", "civilians"),
        ("villagers fled", "civilians"),
        ("residents said", "civilians"),
        ("worshippers at the mosque", "civilians"),
        ("traders on the road", "civilians"),
        ("des civils tués", "civilians"),
        ("les villageois ont fui", "civilians"),
    ],
)
def test_generic_role_nouns(reg: Registry, text: str, kind: str) -> None:
    mentions = reg.find(text)
    assert mentions, text
    assert mentions[0].kind == kind
    if kind != "named":
        assert mentions[0].canonical is None


def test_longest_phrase_wins(reg: Registry) -> None:
    mentions = reg.find("des individus armés non identifiés ont tué trois civils")
    assert [m.surface for m in mentions] == ["individus armés non identifiés", "civils"]


@pytest.mark.parametrize(
    "text",
    [
        "suspected JNIM militants",
        "presumed ISGS fighters",
        "alleged jihadists",
        "des terroristes présumés",
        "des présumés terroristes",
        "suspected members of the Islamic State",
    ],
)
def test_suspected_qualifier(reg: Registry, text: str) -> None:
    assert reg.find(text)[0].qualifier == "suspected"


def test_no_qualifier_without_the_word(reg: Registry) -> None:
    assert all(m.qualifier is None for m in reg.find("JNIM militants attacked soldiers; civilians fled."))


def test_french_text(reg: Registry) -> None:
    text = (
        "Le 3 juillet, des éléments du Groupe de soutien à l'islam et aux musulmans (GSIM) ont attaqué un poste "
        "de l'armée malienne à Boulkessi. L'État islamique au Grand Sahara a revendiqué une autre attaque contre "
        "des soldats nigériens et des Volontaires pour la défense de la patrie."
    )
    found = named(reg.find(text, date=dt.date(2021, 7, 5)))
    assert found == [
        JNIM,
        JNIM,
        "Military Forces of Mali (2021-)",
        ISGS,
        "Military Forces of Niger (2021-2023)",
        "VDP: Volunteers for the Defense of the Homeland",
    ]


def test_accents_and_case_do_not_matter_but_acronyms_keep_case(reg: Registry) -> None:
    assert named(reg.find("ETAT ISLAMIQUE AU GRAND SAHARA")) == [ISGS]
    # "is" and "un" are words, not the Islamic State or the United Nations
    assert reg.find("This is un village.") == []
    assert named(reg.find("IS claimed it")) == ["Islamic State Sahel Province"]
    # the word "platform" is not the Platform coalition
    assert reg.find("a social media platform") == []
    assert named(reg.find("the Platform and the CMA clashed")) == [
        "Platform of June 14th 2014 movements",
        "CMA: Coordination of Movements of the Azawad",
    ]


def test_possessive_and_hyphenated_forms(reg: Registry) -> None:
    assert named(reg.find("JNIM's fighters and Al-Mourabitoune")) == [JNIM, "Al Mourabitoune Battalion"]
    assert named(reg.find("Jama'at Nusrat al Islam wal Muslimin")) == [JNIM]


def test_country_picks_the_local_militia(reg: Registry) -> None:
    assert named(reg.find("Dozo hunters attacked a Fulani hamlet", country="Mali")) == ["Dozo Communal Militia (Mali)"]
    assert named(reg.find("Dozo hunters attacked a Fulani hamlet")) == ["Dozo Militia"]


def test_mentions_carry_acled_coding(reg: Registry) -> None:
    [m] = reg.find("presumed Katiba Serma militants", date=dt.date(2018, 10, 1))
    assert m.canonical == "Katiba Serma" and m.coded_as == JNIM and m.qualifier == "suspected"


@pytest.mark.parametrize(
    ("text", "kind", "inter"),
    [
        ("demonstrators gathered", "protesters", 6),
        ("des manifestants ont marché", "protesters", 6),
        ("rioters burned tyres", "rioters", 5),
        ("une foule en colère", "rioters", 5),
    ],
)
def test_protesters_and_rioters(reg: Registry, text: str, kind: str, inter: int) -> None:
    m = reg.find(text)[0]
    assert (m.kind, m.inter, m.canonical) == (kind, inter, None)
    assert reg.canonical(m.surface, country="Mali") == f"{kind.capitalize()} (Mali)"


def test_phrases_do_not_span_brackets_or_sentences(reg: Registry) -> None:
    mentions = reg.find("suspected Katiba Macina (JNIM) militants attacked. Malian. Soldiers fled")
    assert [m.surface for m in mentions] == ["Katiba Macina", "JNIM", "Soldiers"]
    assert named(reg.find("U.S. forces")) == ["Military Forces of the United States"]


def test_long_acronyms_written_as_names(reg: Registry) -> None:
    assert named(reg.find("une attaque revendiquée par le Jnim")) == [JNIM]
    assert named(reg.find("les combattants d'Aqmi et de l'Eigs", date=dt.date(2016, 1, 1))) == [
        "AQIM: Al Qaeda in the Islamic Maghreb",
        ISGS,
    ]
    assert named(reg.find("Cma and Msa")) == []  # three letters: capitals required


def test_short_acronyms_in_a_headline_in_capitals_are_words(reg: Registry) -> None:
    assert [m.kind for m in reg.find("WHY THE ARMY IS LOSING GROUND")] == ["state_military"]
    assert named(reg.find("JNIM AND IS FIGHTERS CLASH")) == [JNIM]
    assert named(reg.find("Fighting between JNIM and IS continued", date=dt.date(2023, 5, 1))) == [
        JNIM,
        "Islamic State Sahel Province",
    ]


def test_repeated_find_gives_the_same_mentions_and_the_list_is_the_callers(reg: Registry) -> None:
    text = "Suspected JNIM militants ambushed Malian soldiers near Boni."
    first = reg.find(text)
    first.clear()  # the caller may change its list
    again = reg.find(text)
    assert [m.surface for m in again] == [m.surface for m in reg.find(text)]
    assert again and any(m.canonical and m.canonical.startswith("JNIM") for m in again)


def test_islamists_named_with_an_adjective_are_one_generic_mention(reg: Registry) -> None:
    for text in ("Militant Islamists flogged two men.", "Islamic extremists destroyed a school.", "armed Islamists"):
        found = reg.find(text, date=None, country="Mali")
        assert len(found) == 1, found
        assert found[0].kind == "armed_generic"


def test_a_quoted_role_noun_belonging_to_a_group_is_the_group(reg: Registry) -> None:
    found = reg.find('"Terrorists" belonging to the Islamic State in the Greater Sahara killed forty villagers',
                     date=dt.date(2021, 3, 22), country="Niger")  # fmt: skip
    assert [m.canonical for m in found if m.kind == "named"] == ["Islamic State (Greater Sahara)"]
    assert not [m for m in found if m.kind == "armed_generic"]


def test_a_role_adjective_right_before_a_group_name_is_part_of_the_mention(reg: Registry) -> None:
    found = reg.find("Villagers were killed by gunmen belonging to the militant Islamic State in the Greater Sahara.",
                     date=dt.date(2021, 3, 22), country="Niger")  # fmt: skip
    assert [m.canonical for m in found if m.kind == "named"] == ["Islamic State (Greater Sahara)"]
    assert not [m for m in found if m.kind == "armed_generic"]
