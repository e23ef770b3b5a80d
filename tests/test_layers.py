"""The apps import only downwards, and no two modules import each other.

The layer table below is the one place that says which app sits where (see
docs/architecture.md, Layers). Imports are read with ``ast``, including the ones inside
functions: an import delayed to run time is still a dependency.

Run as a script to list the crossings: ``python tests/test_layers.py``.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "kiemchung"

# app (first name under kiemchung/) -> layer; an app may import its own layer and below.
LAYERS: dict[str, int] = {
    # the foundation: imports no other app
    "core": 0,
    "config": 0,
    "formats": 0,
    # pure-Python text work
    "text": 1,
    # the domain
    "sources": 2,
    "stories": 2,
    "claims": 2,
    "matching": 2,
    "triage": 2,
    "org": 2,
    # the desk, the public side, the reports, the API
    "cases": 3,
    "publishing": 3,
    "reports": 3,
    "api": 3,
    "guides": 3,
    "training": 3,
    # the top: the dashboard, operations (worker, scheduler, checks), benchmarks, the demo
    "web": 4,
    "ops": 4,
    "bench": 4,
    "demo": 4,
    "cli": 4,
    "testing": 4,
    # the project: settings and URLs see every app
    "settings": 5,
    "urls": 5,
    "wsgi": 5,
}
# A package's ``__main__`` is a command line: it sits at the top with the other commands.
ENTRY_POINT_LAYER = 4

# (importing module, imported module) -> why it is still allowed. Keep it short.
ALLOWED_UPWARD: dict[tuple[str, str], str] = {
    # The audit history's model (AuditEvent) and writer live in cases; org's role changes
    # and tasks, and stories' alert changes, write to it. Moving the model down needs a
    # migration (a new app label); to be done with the cases/org separation.
    ("kiemchung.org.admin", "kiemchung.cases.audit"): "audit lives in cases",
    ("kiemchung.org.services", "kiemchung.cases.audit"): "audit lives in cases",
    ("kiemchung.org.members", "kiemchung.cases.audit"): "audit lives in cases",
    ("kiemchung.stories.alerts", "kiemchung.cases.audit"): "audit lives in cases",
    # A partner agency's task may belong to a case (org.Task.case is a foreign key to
    # cases.Case): the task form finds that case. Same separation as above.
    ("kiemchung.org.views", "kiemchung.cases.models"): "org.Task links to cases.Case",
    # The task page shows the task's history with the case history's renderer, and links
    # the case only for those who may open it (cases.services.visible_cases).
    ("kiemchung.org.views", "kiemchung.cases.history"): "org.Task links to cases.Case",
    ("kiemchung.org.views", "kiemchung.cases.services"): "org.Task links to cases.Case",
}

# pairs of modules that import each other (sorted) -> why it is still allowed
ALLOWED_CYCLES: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    name = ".".join(path.relative_to(SRC).with_suffix("").parts)
    return name.removesuffix(".__init__")


def source_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for path in sorted((SRC / PACKAGE).rglob("*.py"))
        if "migrations" not in path.parts
    }


def imported(path: Path, known: dict[str, Path]) -> set[str]:
    """The kiemchung modules ``path`` imports (``from a import b``: ``a.b`` when a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == PACKAGE or name.startswith(f"{PACKAGE}.")}


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None
    if parts[-1] == "__main__":
        return ENTRY_POINT_LAYER
    return LAYERS.get(parts[1])


@cache
def import_graph() -> dict[str, set[str]]:
    known = source_modules()
    return {name: imported(path, known) - {name} for name, path in known.items()}


def upward_imports() -> list[tuple[str, str]]:
    crossings = []
    for module, targets in import_graph().items():
        for target in sorted(targets):
            low, high = layer_of(module), layer_of(target)
            if low is not None and high is not None and high > low:
                crossings.append((module, target))
    return crossings


def mutual_imports() -> list[tuple[str, str]]:
    graph = import_graph()
    pairs: set[tuple[str, str]] = set()
    for module, targets in graph.items():
        for target in targets:
            if module in graph.get(target, set()):
                pairs.add((min(module, target), max(module, target)))
    return sorted(pairs)


def test_every_app_has_a_layer() -> None:
    apps = {module.split(".")[1] for module in source_modules() if module.count(".") >= 1}
    assert apps - set(LAYERS) - {"__init__"} == set(), "add the new app to LAYERS"


def test_no_app_imports_one_above_it() -> None:
    crossings = [pair for pair in upward_imports() if pair not in ALLOWED_UPWARD]
    assert crossings == []


def test_the_allowed_upward_imports_are_still_there() -> None:
    """An allowance that is no longer needed is removed, so the list only shrinks."""
    assert set(ALLOWED_UPWARD) - set(upward_imports()) == set()


def test_the_foundation_imports_no_other_app() -> None:
    graph = import_graph()
    core = {m: t for m, t in graph.items() if m.startswith(f"{PACKAGE}.core")}
    outside = {
        m: sorted(t for t in ts if not t.startswith(f"{PACKAGE}.core")) for m, ts in core.items()
    }
    assert {m: ts for m, ts in outside.items() if ts} == {}


def test_no_two_modules_import_each_other() -> None:
    cycles = [pair for pair in mutual_imports() if pair not in ALLOWED_CYCLES]
    assert cycles == []


def test_the_layer_check_sees_an_upward_import(tmp_path: Path) -> None:
    source = tmp_path / "x.py"
    source.write_text("def f():\n    from kiemchung.ops.scheduler import tick\n", encoding="utf-8")
    assert imported(source, {}) == {"kiemchung.ops.scheduler"}
    assert layer_of("kiemchung.core.bulk") == 0
    assert layer_of("kiemchung.ops.scheduler") == 4
    assert layer_of("kiemchung.matching.__main__") == ENTRY_POINT_LAYER


if __name__ == "__main__":
    for module, target in upward_imports():
        print(f"up    {module} -> {target}")
    for first, second in mutual_imports():
        print(f"cycle {first} <-> {second}")
    print(
        f"{len(upward_imports())} upward imports, {len(mutual_imports())} cycles", file=sys.stderr
    )
