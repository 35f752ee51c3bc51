"""Every shipped rule's own examples hold, and every description has the sections."""
import pytest

from factlint.config import Settings
from factlint.engine import Linter
from factlint.examples import check_example

_linter = Linter(Settings(root="."), select=["ALL"])
CASES = []
for code, rule in sorted(_linter.ruleset.rules.items()):
    for i, ex in enumerate(rule.examples, 1):
        CASES.append(pytest.param(rule, ex, id=f"{code}-{'fail' if 'fail' in ex else 'pass'}-{i}"))


@pytest.mark.parametrize("rule,example", CASES)
def test_rule_example(rule, example):
    cls = _linter.kind_classes[rule.kind]
    problem = check_example(cls, rule, example, _linter.ruleset.data, _linter.settings)
    assert problem is None, problem


@pytest.mark.parametrize("code", sorted(_linter.ruleset.rules))
def test_rule_documents_itself(code):
    rule = _linter.ruleset.rules[code]
    text = rule.description
    for heading in ("What it flags", "Why it matters to a reader", "Example", "Use instead"):
        assert heading in text, f"{code} description lacks '{heading}'"
    assert any("fail" in ex for ex in rule.examples) and any("pass" in ex for ex in rule.examples), \
        f"{code} needs at least one fail and one pass example"
