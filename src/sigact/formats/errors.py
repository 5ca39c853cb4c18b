"""Errors raised on bad input files: they name the file, the row and the column."""

from __future__ import annotations


class InputError(ValueError):
    """A problem with an input file, located as precisely as we can."""

    def __init__(self, path: str, message: str, *, row: int | None = None, column: str | None = None) -> None:
        self.path, self.row, self.column, self.detail = path, row, column, message
        where = [path]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{': '.join(where)}: {message}")
