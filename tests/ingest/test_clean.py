"""Boilerplate removal keeps the story and drops page furniture."""

from __future__ import annotations

from sigact.ingest import clean_text, detect_language, is_boilerplate_line

BODY1 = "Gunmen attacked the army post at Sole in Loroum province on Sunday, killing several soldiers."
BODY2 = "The army said reinforcements had been sent to the area and that a search operation was under way."


def test_share_subscribe_follow_cookie_lines_removed() -> None:
    text = "\n".join(
        [
            "Share this article",
            BODY1,
            "Subscribe to our newsletter for daily updates",
            "Enter your email address",
            "Follow us on Twitter and Facebook",
            "We use cookies to give you the best experience. Accept all cookies",
            BODY2,
            "Please enter your comment!",
            "Comments (3)",
        ]
    )
    assert clean_text(text) == BODY1 + "\n" + BODY2


def test_read_also_and_previous_next_teasers_removed() -> None:
    text = "\n".join(
        [
            BODY1,
            "Read Also: Lagos police denies arresting suspects",
            "À lire aussi : Attaque à Gao",
            "Previous article",
            "Five killed in Ménaka clash",
            "Next article",
            "Mali junta extends transition",
            BODY2,
        ]
    )
    assert clean_text(text) == BODY1 + "\n" + BODY2


def test_related_articles_list_with_dates_removed() -> None:
    text = "\n".join(
        [
            BODY1,
            "",
            "Related articles",
            "Ten soldiers killed near Djibo",
            "March 3, 2024",
            "JNIM claims attack on Kaya",
            "February 12, 2024",
        ]
    )
    assert clean_text(text) == BODY1


def test_footnotes_references_and_url_lists_removed() -> None:
    text = "\n".join(
        [
            BODY1 + "[1] The attack was claimed.[12]",
            "https://example.org/source-one",
            "[2] https://example.org/source-two",
            BODY2,
            "References",
            "1. ^ Crisis Group. Retrieved 2024-06-16.",
            "2. ^ Another source.",
        ]
    )
    out = clean_text(text)
    assert out == BODY1 + " The attack was claimed.\n" + BODY2


def test_captions_credits_and_ai_image_notes_removed() -> None:
    text = "\n".join(
        [
            "© Michele Cattani A soldier stands guard along the border.",
            "Location of Mali on the map. Photo: BBC",
            "Photo: EPA",
            "This image is AI-generated; it does not show a real event or place.",
            BODY1,
        ]
    )
    assert clean_text(text) == BODY1


def test_embedded_tweets_removed_with_their_text() -> None:
    text = "\n".join(
        [
            BODY1,
            "⚡️ Ce matin à Bamako, des assaillants ont visé un camp de la gendarmerie.",
            "https://t.co/abc pic.twitter.com/xyz— Some Account (@some_account) September 17, 2024",
            BODY2,
            "Je salue le courage et le sang-froid dont ils ont fait preuve devant ces actes.",
            "— someone (@someone) September 17, 2024",
        ]
    )
    assert clean_text(text, language="en") == BODY1 + "\n" + BODY2


def test_bylines_date_lines_and_author_box_removed() -> None:
    text = "\n".join(
        [
            "Left Menu",
            "• Monday, 24 March 2025",
            "News Desk | Updated: 15-05-2025 20:35 IST | Created: 15-05-2025 20:35 IST",
            BODY1,
            BODY2,
            "(With inputs from agencies.)",
            "About Jane Doe 2850 Articles",
            "Senior editor and former correspondent",
        ]
    )
    assert clean_text(text) == BODY1 + "\n" + BODY2


def test_repeated_lines_kept_once_and_body_untouched() -> None:
    text = "\n\n".join([BODY1, BODY2, BODY1])
    assert clean_text(text) == BODY1 + "\n\n" + BODY2
    story = "Militants who said they would share the loot attacked; residents subscribe to no group."
    assert not is_boilerplate_line(story * 3)


def test_language_detection() -> None:
    assert detect_language("Des hommes armés ont attaqué le poste de l'armée dans la nuit.") == "fr"
    assert detect_language("Armed men attacked the army post during the night.") == "en"
    assert detect_language("12345", default="fr") == "fr"


def test_wiki_infobox_fields_are_dropped_and_the_prose_kept() -> None:
    text = (
        "Infobox\n- Conflict: Attack on X\n- Combatant1: Mali\n- Casualties2: 10 killed (per the group)\n\n"
        "On 3 May 2024, militants attacked the army camp in X, killing 12 soldiers.\n"
    )
    cleaned = clean_text(text)
    assert "Combatant1" not in cleaned and "Casualties2" not in cleaned and "Infobox" not in cleaned
    assert cleaned.startswith("On 3 May 2024, militants attacked")
