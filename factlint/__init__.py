"""factlint: a fact-checking and consistency linter for news articles.

Importing the package is deliberately cheap: submodules are loaded only by the
command that needs them, so a pre-commit run on one file starts quickly.
"""
__version__ = "0.1.0"
