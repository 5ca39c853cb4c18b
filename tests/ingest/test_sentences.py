"""Sentence splitting: offsets, abbreviations, numbers, quotes, line breaks and lists."""

from __future__ import annotations

from sigact.ingest import sentences


def _texts(text: str) -> list[str]:
    out = sentences(text)
    for s in out:
        assert text[s.start : s.end] == s.text  # offsets index the original text
    return [s.text for s in out]


def test_simple_split_and_offsets() -> None:
    text = "  Gunmen attacked Kati. Two soldiers died!  Was it JNIM? Nobody knows…  "
    assert _texts(text) == ["Gunmen attacked Kati.", "Two soldiers died!", "Was it JNIM?", "Nobody knows…"]


def test_titles_ranks_and_initials_do_not_end_sentences() -> None:
    text = (
        "Gen. Michael Langley spoke. Lt. Col. Abdoulaye Maïga and Mr. J. K. Traoré met Capt. Sidibé "
        "in St. Louis. Mme. Diallo left."
    )
    assert _texts(text) == [
        "Gen. Michael Langley spoke.",
        "Lt. Col. Abdoulaye Maïga and Mr. J. K. Traoré met Capt. Sidibé in St. Louis.",
        "Mme. Diallo left.",
    ]


def test_acronyms_numbers_and_month_abbreviations() -> None:
    text = (
        "The U.N. mission and the U.S. Army withdrew 3.5 km on Sept. 17 and on 6 jan. 2025. "
        "Le 17 sept. 2024, l'armée a riposté. Regiment No. 5 was hit."
    )
    assert _texts(text) == [
        "The U.N. mission and the U.S. Army withdrew 3.5 km on Sept. 17 and on 6 jan. 2025.",
        "Le 17 sept. 2024, l'armée a riposté.",
        "Regiment No. 5 was hit.",
    ]


def test_quotes_close_sentences() -> None:
    text = 'The army said: "The situation is under control." Residents disagreed. « C\'est grave. » Fin.'
    assert _texts(text) == [
        'The army said: "The situation is under control."',
        "Residents disagreed.",
        "« C'est grave. »",
        "Fin.",
    ]


def test_lower_case_after_period_continues() -> None:
    assert _texts("Attacks on villages etc. were reported. Then calm.") == [
        "Attacks on villages etc. were reported.",
        "Then calm.",
    ]


def test_line_breaks_headings_and_bullets() -> None:
    text = (
        "Background\n"
        "JNIM attacked Djibo on Sunday morning and the fighting lasted for several hours in the town\n"
        "and its outskirts.\n"
        "- Kourakou: 31 killed\n"
        "- Tondobi: 13 killed\n"
        "\n"
        "1. First item\n2) Second item"
    )
    assert _texts(text) == [
        "Background",
        "JNIM attacked Djibo on Sunday morning and the fighting lasted for several hours in the town\n"
        "and its outskirts.",
        "- Kourakou: 31 killed",
        "- Tondobi: 13 killed",
        "1. First item",
        "2) Second item",
    ]


def test_empty_and_whitespace() -> None:
    assert sentences("") == []
    assert sentences(" \n\n ") == []


def test_times_and_more_abbreviations() -> None:
    text = "Gunfire began at 5 a.m. The army said it ended by 9 a.m. local time. Three men incl. a guide died."
    assert _texts(text) == [
        "Gunfire began at 5 a.m.",
        "The army said it ended by 9 a.m. local time.",
        "Three men incl. a guide died.",
    ]


def test_hard_wrapped_prose_is_rejoined() -> None:
    text = (
        "SITUATION REPORT 12\n"
        "\n"
        "On Tuesday armed men riding motorcycles attacked the army post in\n"
        "Mansila and the fighting lasted until the evening, according to\n"
        "Burkinabe security sources. Reinforcements arrived from Sebba the\n"
        "following morning.\n"
        "- 107 soldiers reported killed\n"
        "- 7 captured\n"
    )
    assert _texts(text) == [
        "SITUATION REPORT 12",
        "On Tuesday armed men riding motorcycles attacked the army post in\n"
        "Mansila and the fighting lasted until the evening, according to\n"
        "Burkinabe security sources.",
        "Reinforcements arrived from Sebba the\nfollowing morning.",
        "- 107 soldiers reported killed",
        "- 7 captured",
    ]
