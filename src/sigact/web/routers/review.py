"""The review queue (GET) and review operations (POST; analyst token required)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from sigact.web import review_adapter as review
from sigact.web.deps import Analyst, AnyToken, Reader, StoreDep

router = APIRouter(prefix="/api/review", tags=["review"])


class Comment(BaseModel):
    comment: str | None = Field(default=None, max_length=5000)


class EditBody(Comment):
    changes: dict[str, Any] = Field(description="Event fields to change, e.g. {\"fatalities\": 3}.")


class MergeBody(Comment):
    other_ids: list[str] = Field(min_length=1, description="Events folded into the kept one.")


class SplitBody(Comment):
    mention_ids: list[int] = Field(min_length=1, description="Mentions that form the new event.")


def _who(token: Any) -> str:
    return f"api:{token.name}"


def _run(request: Request, fn: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    try:
        result: dict[str, Any] = fn(*args, **kwargs)
    except KeyError as exc:
        raise HTTPException(404, str(exc.args[0]) if exc.args else "not found") from exc
    except review.NotAvailable as exc:
        raise HTTPException(501, str(exc)) from exc
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    request.app.state.cache.clear()
    return result


@router.get("/queue", summary="Events waiting for review, with the reasons")
def get_queue(store: StoreDep, _: Reader, limit: Annotated[int, Query(ge=1, le=1000)] = 100
              ) -> dict[str, Any]:
    return {"items": review.queue(store, limit=limit)}


@router.post("/{event_id}/accept", summary="Mark an event reviewed")
def accept(event_id: str, request: Request, store: StoreDep, token: Analyst, body: Comment | None = None
           ) -> dict[str, Any]:
    return _run(request, review.accept, store, event_id, _who(token), comment=body.comment if body else None)


@router.post("/{event_id}/reject", summary="Reject an event (kept, marked rejected)")
def reject(event_id: str, request: Request, store: StoreDep, token: Analyst, body: Comment | None = None
           ) -> dict[str, Any]:
    return _run(request, review.reject, store, event_id, _who(token), comment=body.comment if body else None)


@router.post("/{event_id}/edit", summary="Change fields of an event (they become manual fields)")
def edit(event_id: str, body: EditBody, request: Request, store: StoreDep, token: Analyst) -> dict[str, Any]:
    return _run(request, review.edit, store, event_id, body.changes, _who(token), comment=body.comment)


@router.post("/{event_id}/merge", summary="Merge other events into this one")
def merge(event_id: str, body: MergeBody, request: Request, store: StoreDep, token: Analyst) -> dict[str, Any]:
    return _run(request, review.merge, store, event_id, body.other_ids, _who(token), comment=body.comment)


@router.post("/{event_id}/split", summary="Split mentions off into a new event (returns the new event)")
def split(event_id: str, body: SplitBody, request: Request, store: StoreDep, token: Analyst) -> dict[str, Any]:
    return _run(request, review.split, store, event_id, body.mention_ids, _who(token), comment=body.comment)


@router.get("/whoami", summary="The name and role of the token sent (401 when it is not valid)")
def whoami(token: AnyToken) -> dict[str, Any]:
    return {"name": token.name, "role": token.role, "can_write": token.role == "analyst"}
