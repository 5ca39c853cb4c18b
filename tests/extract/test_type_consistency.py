"""The event type made consistent with the actors the pipeline finds."""

from __future__ import annotations

import datetime as dt

from sigact.extract import extract_text


def _subs(text: str) -> list[str]:
    return [m.event.sub_event_type for m in extract_text(text, published=dt.date(2020, 5, 5))]


def test_a_two_sided_fight_with_civilian_deaths_stays_a_clash() -> None:
    # ACLED keeps communal fights and gunfights in which civilians died as Armed clashes
    text = "On May 3, Dozo hunters and Fulani herders clashed in Dinangourou, three civilians died in the fighting."
    assert _subs(text) == ["Armed clash"]


def test_armed_men_killing_civilians_is_an_attack() -> None:
    assert _subs("On May 3, armed men fought with residents of Dinangourou, killing three civilians.") == ["Attack"]


def test_a_short_text_telling_one_event_is_classified_whole() -> None:
    from sigact.extract.classifier import EventClassifier

    # as the model was trained (on whole notes); the second sentence tells no event but still informs the type
    text = "On May 3, a crowd gathered in front of the town hall of Djibo. The police had arrested a local trader."
    (mention,) = extract_text(text, published=dt.date(2020, 5, 5))
    assert mention.event.evidence != text  # the evidence is the event sentence only
    clf = EventClassifier.default()
    whole, sentence = (clf.predict([t])[0].sub_event_type for t in (text, mention.event.evidence))
    assert whole != sentence
    assert mention.extras["classifier"] == whole
