"""The fixed train/validation split of ACLED rows, shared by every trained or tuned component.

A row is in the validation split iff ``int(sha1(event_id_cnty).hexdigest(), 16) % 5 == 0`` (about
20 %). The split depends only on the row's id, so it is stable across files, orders and versions,
and training code can never see a validation row by accident.
"""

from __future__ import annotations

import hashlib

import pandas as pd


def is_validation(event_id_cnty: str) -> bool:
    """True when the ACLED row with this id belongs to the validation split."""
    return int(hashlib.sha1(str(event_id_cnty).encode("utf-8")).hexdigest(), 16) % 5 == 0


def split_frame(df: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(train, valid) rows of an ACLED frame, by :func:`is_validation` on ``event_id_cnty``."""
    mask = df["event_id_cnty"].astype(str).map(is_validation).astype(bool)
    return df[~mask], df[mask]
