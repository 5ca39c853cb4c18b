"""Analyst review: accept, reject, edit, merge and split events; the review queue; event detail.

Every operation runs in one transaction and is recorded in the audit log (who, when, before, after)
through :meth:`sigact.store.Store.update_event` / :meth:`~sigact.store.Store.audit`. Unknown event
ids raise ``KeyError``; invalid changes raise ``ValueError``.
"""

from sigact.review.actions import accept, edit, merge, reject, split
from sigact.review.detail import EventDetail, event_detail
from sigact.review.queue import LOW_CONFIDENCE, ReviewItem, queue

__all__ = [
    "LOW_CONFIDENCE",
    "EventDetail",
    "ReviewItem",
    "accept",
    "edit",
    "event_detail",
    "merge",
    "queue",
    "reject",
    "split",
]
