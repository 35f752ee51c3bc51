"""Loading rule packs: YAML files validated against JSON Schemas, compiled once.

A pack is a directory (or a single file) of YAML files.  Each file holds
``rules:`` and/or data sections that rule kinds declare (``entities:`` for the
names registry, ``facts:`` for the knowledge base, ``signals:`` for sourcing).
Every error names the file, the line and the field.
"""
from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from factlint.errors import ConfigError
from factlint.yamlio import loader, plain

SCHEMA_DIR = Path(__file__).parent / "schemas"
DEFAULT_PACK = Path(__file__).parent / "rules"


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    with open(SCHEMA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


@dataclass
class Rule:
    code: str
    name: str
    kind: str
    severity: str
    message: str
    description: str
    examples: list
    languages: tuple = ()
    enabled: bool = True
    link: str = ""
    options: dict = field(default_factory=dict)
    origin: str = ""  # "file:line"

    def applies_to(self, lang: str) -> bool:
        return not self.languages or lang in self.languages

    @property
    def summary(self) -> str:
        return self.description.strip().splitlines()[0]

    def format_message(self, **values) -> str:
        return self.message.format_map(_Missing(values))


class _Missing(dict):
    def __missing__(self, key):
        return "{" + key + "}"


@dataclass
class RuleSet:
    rules: dict[str, Rule]
    data: dict[str, list]          # section -> items (each with "_origin")
    digest: str                    # hash of every loaded file: part of the cache key

    def by_kind(self, codes) -> dict[str, list[Rule]]:
        grouped: dict[str, list[Rule]] = {}
        for code in sorted(codes):
            rule = self.rules[code]
            grouped.setdefault(rule.kind, []).append(rule)
        return grouped


# ---------------------------------------------------------------------------
# YAML with line numbers
# ---------------------------------------------------------------------------


class YamlFile:
    """A parsed YAML file; its node tree (for line numbers) is built only when needed.

    Loading every pack on every run is on the pre-commit hot path, so the
    data is parsed once with libyaml and lines are looked up lazily: for an
    error message, or with a text scan for the line of a rule's code.
    """

    def __init__(self, path: Path, what: str = "rule file"):
        import yaml

        self.path = path
        try:
            self.text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read {what}: {exc}") from None
        try:
            self.data = yaml.load(self.text, Loader=loader())
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark else str(path)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise ConfigError(f"{where}: invalid YAML: {problem}") from None
        self._node = None

    def line(self, steps) -> int:
        import yaml

        if self._node is None:
            self._node = yaml.compose(self.text, Loader=loader())
        return _node_at(self._node, steps)

    def code_line(self, code) -> int:
        """Line of ``code: <code>`` (cheap: no node tree)."""
        import re

        m = re.search(rf"^.*\bcode:\s*['\"]?{re.escape(str(code))}\b", self.text, re.M)
        return self.text.count("\n", 0, m.start()) + 1 if m else 1


def _node_at(node, path) -> int:
    """1-based line of the YAML node at ``path`` (keys and indexes), best effort."""
    line = node.start_mark.line + 1 if node is not None else 1
    for step in path:
        if node is None:
            break
        if isinstance(step, int) and hasattr(node, "value") and isinstance(node.value, list) \
                and node.value and not isinstance(node.value[0], tuple):
            node = node.value[step] if step < len(node.value) else None
        elif hasattr(node, "value") and isinstance(node.value, list):
            match = next(((k, v) for k, v in node.value if isinstance(k.value, str) and k.value == step), None)
            if match is None:
                break
            line = match[0].start_mark.line + 1
            node = match[1]
            continue
        else:
            break
        if node is not None:
            line = node.start_mark.line + 1
    return line


def _describe(error) -> str:
    """A short, human sentence for a jsonschema ValidationError."""
    field_name = next((p for p in reversed(error.absolute_path) if isinstance(p, str)), None)
    subject = f"'{field_name}'" if field_name else "value"
    v = error.validator
    if v == "enum":
        return f"{subject} must be one of {', '.join(map(str, error.validator_value))}"
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"missing required field '{missing}'"
    if v == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        hints = []
        for key in extra:
            close = difflib.get_close_matches(key, list(error.schema.get("properties", {})), n=1)
            hints.append(f"'{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        return f"unknown field {', '.join(hints)}"
    if v == "type":
        return f"{subject} must be of type {error.validator_value}"
    if v == "pattern":
        return f"{subject} {error.instance!r} does not match {error.validator_value}"
    if v in ("minItems", "minLength"):
        return f"{subject} must not be empty"
    if v == "oneOf" and isinstance(error.instance, dict) and "fail" in error.instance and "pass" in error.instance:
        return "an example has either 'fail' or 'pass', not both"
    return f"{subject}: {error.message}"


def load_validated(path: Path, schema_name: str, what: str):
    """The data of the YAML file ``path`` (a ``what``), checked against ``schema_name``: a
    ConfigError names the file, the line and the field that break it."""
    yf = YamlFile(Path(path), what)
    data = plain(yf.data) if yf.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: a {what} is a mapping of fields")
    _validate(data, load_schema(schema_name), Path(path), yf, [], "")
    return data


def _validate(instance, schema, path: Path, yf, base_path, label: str) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = min(errors, key=lambda e: -len(e.absolute_path))
        line = yf.line([*base_path, *err.absolute_path])
        raise ConfigError(f"{path}:{line}: {label}{_describe(err)}")


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def pack_files(pack: Path) -> list[Path]:
    if pack.is_file():
        return [pack]
    if not pack.is_dir():
        raise ConfigError(f"rule pack not found: {pack}")
    return sorted(p for p in pack.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_ruleset(packs: list[Path], kinds: dict) -> RuleSet:
    """Load and validate every file of ``packs`` for the given rule kinds."""
    header = load_schema("rule.schema.json")
    sections = {"rules": None}
    for cls in kinds.values():
        for section, schema_name in cls.data_sections.items():
            sections[section] = schema_name
    rules: dict[str, Rule] = {}
    data: dict[str, list] = {s: [] for s in sections if s != "rules"}
    digest = hashlib.sha256()
    for pack in packs:
        for path in pack_files(Path(pack)):
            digest.update(path.read_bytes())
            yf = YamlFile(path)
            content = yf.data
            if content is None:
                continue
            content = plain(content)
            if not isinstance(content, dict):
                raise ConfigError(f"{path}:1: expected a mapping with one of: {', '.join(sections)}")
            for key in content:
                if key not in sections:
                    close = difflib.get_close_matches(str(key), list(sections), n=1)
                    hint = f" (did you mean '{close[0]}'?)" if close else ""
                    raise ConfigError(f"{path}:{yf.line([key])}: unknown section '{key}'{hint}; "
                                      f"expected one of: {', '.join(sections)}")
            for section, schema_name in sections.items():
                if section not in content:
                    continue
                items = content[section]
                if section == "rules":
                    _load_rules(path, yf, items, header, kinds, rules)
                    continue
                _validate({section: items}, load_schema(schema_name), path, yf, [], "")
                for i, item in enumerate(items or ()):
                    item = dict(item)
                    item["_origin"] = f"{path} ({section} entry {i + 1})"
                    data[section].append(item)
    return RuleSet(rules=rules, data=data, digest=digest.hexdigest())


def _load_rules(path, yf, items, header, kinds, rules) -> None:
    if not isinstance(items, list):
        raise ConfigError(f"{path}:{yf.line(['rules'])}: 'rules' must be a list")
    for i, raw in enumerate(items):
        where = ["rules", i]
        if not isinstance(raw, dict):
            raise ConfigError(f"{path}:{yf.line(where)}: a rule must be a mapping")
        code = raw.get("code", f"#{i + 1}")
        label = f"rule {code}: "
        kind_name = raw.get("kind")
        if kind_name not in kinds:
            line = yf.line([*where, "kind"])
            known = ", ".join(sorted(kinds))
            raise ConfigError(f"{path}:{line}: {label}unknown kind {kind_name!r}; known kinds: {known}")
        cls = kinds[kind_name]
        schema = {
            "$defs": header["$defs"],
            "type": "object",
            "required": header["required"] + list(cls.required_options),
            "properties": {**header["properties"], **cls.options_schema},
            "additionalProperties": False,
        }
        _validate(raw, schema, path, yf, where, label)
        if code in rules:
            raise ConfigError(f"{path}:{yf.code_line(code)}: {label}duplicate code (first defined at {rules[code].origin})")
        options = {k: v for k, v in raw.items() if k not in header["properties"]}
        rules[code] = Rule(
            code=code, name=raw["name"], kind=kind_name, severity=raw["severity"],
            message=raw["message"], description=raw["description"], examples=raw["examples"],
            languages=tuple(raw.get("languages", ())), enabled=raw.get("enabled", True),
            link=raw.get("link", ""), options=options, origin=f"{path}:{yf.code_line(code)}",
        )
