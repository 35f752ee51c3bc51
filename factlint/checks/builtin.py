"""Registers the built-in rule kinds and the default pack, like any plugin."""
from factlint.hookspecs import hookimpl


@hookimpl
def factlint_rule_kinds():
    from factlint.checks.facts import FactKind
    from factlint.checks.names import NameKind
    from factlint.checks.numbers import NumberKind
    from factlint.checks.pattern import PatternKind
    from factlint.checks.sourcing import SourcingKind

    return [PatternKind, NameKind, NumberKind, SourcingKind, FactKind]


@hookimpl
def factlint_rule_packs():
    from factlint.ruleset import DEFAULT_PACK

    return [DEFAULT_PACK]
