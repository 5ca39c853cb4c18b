"""The ``sigact`` command line.

Each module in this package adds its commands with a ``register(app)`` function; modules are
discovered automatically, so a new command group is a new file here and nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

app = typer.Typer(
    name="sigact",
    help="Turn open-source reporting on armed conflict into a traceable, ACLED-coded event database.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register_all() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_all()


def main() -> None:
    app()
