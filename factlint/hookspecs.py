"""Hook specifications: how plugins extend factlint.

Built-in rule kinds, readers and formats are registered through these same
hooks (see ``factlint.plugins.BUILTIN_PLUGINS``); third-party plugins are
found through the ``factlint`` entry-point group, e.g. in ``pyproject.toml``::

    [project.entry-points.factlint]
    myplugin = "my_package.factlint_plugin"

Implement hooks with ``@factlint.hookspecs.hookimpl``; arguments are passed by
keyword, so an implementation may accept only the ones it needs.
"""
import pluggy

hookspec = pluggy.HookspecMarker("factlint")
hookimpl = pluggy.HookimplMarker("factlint")

# ---------------------------------------------------------------------------
# Reading documents
# ---------------------------------------------------------------------------


@hookspec(firstresult=True)
def factlint_reader(path):
    """Return a reader for ``path``, or None if this plugin cannot read it.

    Called once per file.  A reader has a ``name`` and a method
    ``read(path, source) -> (text, metadata)`` where ``text`` has exactly the
    length of ``source`` (markup replaced by spaces, newlines kept) so that
    positions point into the original file, and ``metadata`` is a dict (front
    matter).  ``source`` ends its lines with ``\n`` only: the carriage return of a
    Windows line ending arrives as a space.  Stops at the first non-None result.

    :param str path: the file's path as given or discovered.
    """


@hookspec
def factlint_file_extensions():
    """Return a list of file name endings (``".rst"``) this plugin's reader accepts.

    Used when walking directories, so files of a plugin's format are found.
    """


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


@hookspec
def factlint_rule_kinds():
    """Return a list of rule-kind classes (subclasses of ``factlint.checks.RuleKind``).

    Each class has a unique ``name`` used as ``kind:`` in rule YAML, a JSON
    Schema of its own rule fields, and implements the per-document and/or the
    corpus phase.  A corpus kind either implements ``corpus(entries)`` (the
    engine then holds every document's extract for it) or subclasses
    ``factlint.checks.SummarizedKind`` and works from a summary it folds one
    document at a time, which keeps memory flat and lets a pre-commit run on
    one file skip the rest of the corpus.  Every plugin's list is collected.
    """


@hookspec
def factlint_rule_packs():
    """Return a list of paths (directories or YAML files) of rule packs to load.

    The built-in default pack is contributed this way.  Packs named in the
    configuration (``packs:``) are loaded in addition; every plugin's list is
    collected.
    """


@hookspec
def factlint_language_dirs():
    """Return a list of directories holding extra ``<code>.yaml`` language files."""


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------


@hookspec
def factlint_formats():
    """Return a list of output format classes.

    A format class subclasses ``factlint.formats.Format``: it has a ``name``
    (the value of ``--format``) and either renders the whole document,
    ``render(findings, context) -> str``, or (``LineFormat``) one finding at
    a time, ``line(finding, context) -> str``, which streams a report of any
    size.  ``context`` gives the rules that can fire, a source-line lookup,
    the tool version and whether colour is on.  Every plugin's list is
    collected.
    """
