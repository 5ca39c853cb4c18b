"""``sigact token create|list|revoke``: API tokens for the web API's write operations."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from sigact.cli._common import DbOption, console, err_console, fail, store_for


def register(app: typer.Typer) -> None:
    token_app = typer.Typer(help="API tokens for `sigact serve` (analyst: read+write, viewer: read).",
                            no_args_is_help=True)

    @token_app.command("create")
    def create(
        role: Annotated[str, typer.Option("--role", help="analyst (may review) or viewer (read only).")],
        name: Annotated[str | None, typer.Option("--name", help="A label to recognise the token.")] = None,
        db: DbOption = None,
    ) -> None:
        """Create a token and print it (once: only its hash is stored)."""
        from sigact.web.tokens import create_token

        try:
            token, info = create_token(store_for(db), role, name)
        except ValueError as exc:
            fail(str(exc))
        err_console.print(f"created {info.role} token #{info.id} '{info.name}'. Keep it now; it is not shown again:",
                          highlight=False, markup=False, soft_wrap=True)
        typer.echo(token)

    @token_app.command("list")
    def list_(db: DbOption = None) -> None:
        """List tokens (id, name, role, dates); tokens themselves are never shown."""
        from sigact.web.tokens import list_tokens

        table = Table("id", "name", "role", "created", "last used", "revoked")
        for t in list_tokens(store_for(db)):
            table.add_row(str(t.id), t.name, t.role, f"{t.created_at:%Y-%m-%d %H:%M}",
                          f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "",
                          f"{t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "")
        console.print(table)

    @token_app.command("revoke")
    def revoke(
        ident: Annotated[str, typer.Argument(help="Token id or name.")],
        db: DbOption = None,
    ) -> None:
        """Revoke a token by id or name."""
        from sigact.web.tokens import revoke_token

        n = revoke_token(store_for(db), ident)
        if not n:
            fail(f"no active token with id or name {ident!r}")
        console.print(f"revoked {n} token(s)", highlight=False)

    app.add_typer(token_app, name="token")
