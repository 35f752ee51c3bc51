"""Plain-text articles: the text is checked as it is."""
from factlint.hookspecs import hookimpl

EXTENSIONS = (".txt", ".text")


class TextReader:
    name = "text"

    def read(self, path, source):
        return source, {}


@hookimpl
def factlint_reader(path):
    if path.lower().endswith(EXTENSIONS):
        return TextReader()
    return None


@hookimpl
def factlint_file_extensions():
    return list(EXTENSIONS)
