"""Notable incidents: the deadliest events, first uses of a tactic, and attacks on towns or bases."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from sigact.analyze.aggregate import live
from sigact.report.citations import Citations
from sigact.report.model import Incident
from sigact.report.spec import ReportSpec
from sigact.store import Store

# words that mark an attack on a settlement or a military/security position
TOWN_OR_BASE = re.compile(
    r"\b(military (?:base|camp|post|position)s?|bases?|camps? (?:of|militaire)|garrisons?|barracks|"
    r"checkpoints?|gendarmerie|police (?:station|post)s?|outposts?|caserne)\b",
    re.IGNORECASE,
)
TOWN_ATTACK = re.compile(
    r"\b(?:attack\w*|assault\w*|raid\w*|overr\w+|storm\w*|seiz\w*|besieg\w*)\b[^.]{0,40}\b(?:town|city|ville)\b",
    re.IGNORECASE,
)
TERRITORY = ("Non-state actor overtakes territory", "Government regains territory")
# emoji, flags and pictographs: report fonts have no glyphs for them (they printed as empty boxes)
_NO_GLYPH = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]")
VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
DEADLIEST = 3
MAX_INCIDENTS = 7
DESCRIPTION_CHARS = 280


def _text(row: pd.Series) -> str:
    parts = [row.get("evidence"), row.get("notes"), row.get("tags")]
    return " ".join(str(p) for p in parts if isinstance(p, str))


def notable(store: Store, spec: ReportSpec, shifts: pd.DataFrame, cites: Citations) -> list[Incident]:
    """Up to ``MAX_INCIDENTS`` incidents, each with its note (deadliest first, then first uses, then attacks)."""
    frame = store.events_frame(live(spec.filter()))
    if frame.empty:
        return []
    frame = frame.set_index("id", drop=False)
    chosen: list[tuple[str, str]] = []
    deadly = frame[frame["fatalities"].fillna(0) > 0].sort_values(["fatalities", "event_date"],
                                                                    ascending=[False, True])  # fmt: skip
    for event_id in deadly["id"].head(DEADLIEST):
        chosen.append((event_id, "deadliest"))
    if not shifts.empty:
        for _, row in shifts.sort_values("event_date").head(2).iterrows():
            if row["id"] in frame.index and all(row["id"] != c[0] for c in chosen):
                chosen.append((row["id"], f"first use of {row['tactic']} by this actor in {row['admin1']}"))
    attacks = frame[frame["event_type"].isin(VIOLENT)]
    if len(attacks):
        hits = attacks.apply(lambda r: bool(TOWN_OR_BASE.search(_text(r)) or TOWN_ATTACK.search(_text(r))), axis=1)
        attacks = attacks[attacks["sub_event_type"].isin(TERRITORY) | hits.astype(bool)]
    attacks = attacks.sort_values(["fatalities", "event_date"], ascending=[False, True], na_position="last")
    for event_id in attacks["id"]:
        if len([c for c in chosen if c[1] == "attack on a town or base"]) >= 2 or len(chosen) >= MAX_INCIDENTS:
            break
        if all(event_id != c[0] for c in chosen):
            chosen.append((event_id, "attack on a town or base"))
    out = []
    for event_id, reason in chosen[:MAX_INCIDENTS]:
        row = frame[frame["id"] == event_id].iloc[0]
        incident = _incident(row, reason)
        incident.note = cites.cite([event_id], f"Incident: {incident.date.isoformat()} {incident.place}",
                                   single=True)  # fmt: skip
        out.append(incident)
    out.sort(key=lambda i: i.date)
    return out


def _incident(row: pd.Series, reason: str) -> Incident:
    place = ", ".join(dict.fromkeys(str(v) for v in (row["location"], row["admin2"], row["admin1"], row["country"])
                                    if isinstance(v, str) and v))  # fmt: skip
    side1 = _side(row["actor1"], row["assoc_actor_1"])
    side2 = _side(row["actor2"], row["assoc_actor_2"])
    actors = f"{side1} vs. {side2}" if side1 and side2 else side1 or side2 or "unidentified actors"
    fat = row["fatalities"]
    desc = row["evidence"] if row["origin"] == "extracted" and isinstance(row["evidence"], str) else row["notes"]
    if isinstance(desc, str):
        desc = " ".join(_NO_GLYPH.sub("", desc).split())
    if isinstance(desc, str) and len(desc) > DESCRIPTION_CHARS:
        desc = desc[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return Incident(
        event_id=str(row["id"]), reason=reason, date=pd.Timestamp(row["event_date"]).date(), place=place or "unknown",
        actors=actors, event_type=" / ".join(str(v) for v in (row["event_type"], row["sub_event_type"])
                                             if isinstance(v, str)),
        fatalities=None if pd.isna(fat) else int(fat), description=desc if isinstance(desc, str) else None,
        status=str(row["status"]), origin=str(row["origin"]),
    )  # fmt: skip


def _side(actor: Any, assoc: Any) -> str:
    main = actor if isinstance(actor, str) and actor else ""
    if isinstance(assoc, str) and assoc:
        return f"{main} (with {assoc})" if main else assoc
    return main
