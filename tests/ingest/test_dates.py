"""Publication dates: read from bylines/datelines at the top, never from event dates in the story."""

from __future__ import annotations

import datetime as dt

import pytest

from sigact.ingest import date_from_url, detect_published, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 15, 2023\n\nGunmen attacked a convoy.", dt.date(2023, 12, 15)),
        ("Thursday 19 September 2024\n\nSoldiers were killed.", dt.date(2024, 9, 19)),
        ("6 jan. 2025 11:54\n\nUne attaque a visé le poste.", dt.date(2025, 1, 6)),
        ("Published: 2024-09-18\n\nJNIM claimed the attack.", dt.date(2024, 9, 18)),
        ("18 septembre 2024\n\nDes hommes armés ont attaqué.", dt.date(2024, 9, 18)),
        ("Publié le 1er juin 2024 à 10h30\n\nAttaque à Djibo.", dt.date(2024, 6, 1)),
        ("Niamey, 22 March 2025 (dpa) - Forty-four people were killed on Friday.", dt.date(2025, 3, 22)),
        ("Desk | Updated: 15-05-2025 20:35 IST | Created: 14-05-2025 20:35 IST\n\nBody.", dt.date(2025, 5, 14)),
        ("Published on March 22, 2025, at 12:24 am, updated on March 23, 2025\nBody.", dt.date(2025, 3, 22)),
        ("E-Paper | March 22, 2025\n\nNiger declared mourning.", dt.date(2025, 3, 22)),
        ("Last updated: 3 April 2024\n\nBody text.", dt.date(2024, 4, 3)),
        ("Posted 2024/09/18 10:31\n\nBody text.", dt.date(2024, 9, 18)),
        ("Le 18/09/2024 à 10h30\n\nCorps du texte.", dt.date(2024, 9, 18)),
        ("09/18/2024\n\nBody text.", dt.date(2024, 9, 18)),
    ],
)
def test_stated_publication_dates(text: str, expected: dt.date) -> None:
    assert detect_published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On November 24, 2023, jihadist militants attacked Malian forces at Niafunké.",
        "Ce mardi 17 septembre 2024, des assaillants sont entrés dans Bamako.",
        "Infobox\n- Date: 24 August 2024\n- Location: Barsalogho",
        "Map updated November 1, 2024",
        "The attack occurred on Sunday. Nothing else is dated.",
        # a dated line deep in the body (past the top lines) is never the publication date
        "\n".join([f"Paragraph of the story number {i}." for i in range(20)] + ["12 March 2024"]),
    ],
)
def test_event_dates_are_not_publication_dates(text: str) -> None:
    assert detect_published(text) is None


def test_parse_date_and_invalid_dates() -> None:
    assert parse_date("2024-09-18") == dt.date(2024, 9, 18)
    assert parse_date("Sept. 17, 2024") == dt.date(2024, 9, 17)
    assert parse_date("31 février 2024") is None
    assert parse_date("no date") is None


def test_date_from_url() -> None:
    assert date_from_url("https://x.com/2024/07/30/al-qaeda-ambush/") == dt.date(2024, 7, 30)
    assert date_from_url("https://aantv.africa/2024/06/17/slug") == dt.date(2024, 6, 17)
    assert date_from_url("https://x.com/news/1899573/slug") is None
    assert date_from_url(None) is None
