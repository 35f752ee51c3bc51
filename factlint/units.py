"""Units of measure: the dimension of a unit and conversions between units.

Translations convert measures for their readers (100 yards = 91 metres,
50 °F = 10 °C), so the number check compares measures after conversion.
pint knows every unit, but importing it and building its registry takes
about 0.25 s, which a pre-commit run on one article would pay whenever its
translation group holds a measure.  The units the language files name
(their ``units:`` sections) are therefore in ``TABLE``, whose values the
tests check against pint; pint is loaded only for a unit the table does not
hold, since a newsroom's own language file may name any pint unit.
"""
from __future__ import annotations

import functools

LENGTH, AREA, VOLUME, MASS = "[length]", "[length] ** 2", "[length] ** 3", "[mass]"
SPEED, POWER, TEMPERATURE = "[length] / [time]", "[mass] * [length] ** 2 / [time] ** 3", "[temperature]"

# unit (pint's name) -> (dimension as pint writes it, factor to the SI unit, offset to it)
TABLE = {
    "meter": (LENGTH, 1.0, 0.0), "kilometer": (LENGTH, 1000.0, 0.0), "centimeter": (LENGTH, 0.01, 0.0),
    "inch": (LENGTH, 0.0254, 0.0), "foot": (LENGTH, 0.3048, 0.0), "yard": (LENGTH, 0.9144, 0.0),
    "mile": (LENGTH, 1609.344, 0.0),
    "hectare": (AREA, 10_000.0, 0.0), "acre": (AREA, 4046.8564224, 0.0),  # the international acre
    "square_kilometer": (AREA, 1e6, 0.0), "square_mile": (AREA, 1609.344 ** 2, 0.0),
    "liter": (VOLUME, 0.001, 0.0), "gallon": (VOLUME, 0.003785411784, 0.0),  # US gallon
    "gram": (MASS, 0.001, 0.0), "kilogram": (MASS, 1.0, 0.0), "metric_ton": (MASS, 1000.0, 0.0),
    "ounce": (MASS, 0.028349523125, 0.0), "pound": (MASS, 0.45359237, 0.0),
    "kilometer_per_hour": (SPEED, 1000 / 3600, 0.0), "mile_per_hour": (SPEED, 0.44704, 0.0),
    "watt": (POWER, 1.0, 0.0), "megawatt": (POWER, 1e6, 0.0), "gigawatt": (POWER, 1e9, 0.0),
    "degC": (TEMPERATURE, 1.0, 273.15), "degF": (TEMPERATURE, 5 / 9, 459.67 * 5 / 9),
}


# how a message writes each unit of the table; any other unit is written by its name
SYMBOLS = {
    "meter": "m", "kilometer": "km", "centimeter": "cm", "inch": "in", "foot": "ft", "yard": "yd", "mile": "mi",
    "hectare": "ha", "acre": "acres", "square_kilometer": "km²", "square_mile": "sq mi", "liter": "L",
    "gallon": "US gal", "gram": "g", "kilogram": "kg", "metric_ton": "t", "ounce": "oz", "pound": "lb",
    "kilometer_per_hour": "km/h", "mile_per_hour": "mph", "watt": "W", "megawatt": "MW", "gigawatt": "GW",
    "degC": "°C", "degF": "°F",
}


def symbol(unit: str) -> str:
    """``unit`` as a reader writes it: "km/h" for kilometer_per_hour."""
    return SYMBOLS.get(unit, unit.replace("_", " "))


def dimension(unit: str) -> str:
    """What ``unit`` measures ("[length]", ...); an unknown unit is its own dimension."""
    known = TABLE.get(unit) or _from_pint(unit)
    return known[0] if known else unit


def convert(value: float, unit: str, target: str) -> float:
    """``value`` in ``unit`` expressed in ``target``; ValueError if that cannot be done."""
    source, goal = TABLE.get(unit) or _from_pint(unit), TABLE.get(target) or _from_pint(target)
    if not source or not goal or source[0] != goal[0]:
        raise ValueError(f"cannot convert {unit} to {target}")
    return (value * source[1] + source[2] - goal[2]) / goal[1]


@functools.lru_cache(maxsize=None)
def _from_pint(unit: str):
    """(dimension, factor, offset) of a unit the table lacks, from pint; None if pint does not know it."""
    try:
        registry = _registry()
        zero = registry.Quantity(0, registry(unit).units).to_base_units()
        one = registry.Quantity(1, registry(unit).units).to_base_units()
        return str(registry(unit).dimensionality), float(one.magnitude - zero.magnitude), float(zero.magnitude)
    except Exception:  # pint raises many kinds of error for a name it cannot parse
        return None


@functools.lru_cache(maxsize=None)
def _registry():
    import pint

    return pint.UnitRegistry()
