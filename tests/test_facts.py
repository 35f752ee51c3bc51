"""Facts: the seeds' true statements are confirmed, altered ones are caught, near-misses stay silent."""
import json

import pytest

from conftest import SEEDS, write

SEED_META = """metadata:
  "000_*.txt": {lang: es, date: 2024-06-01}
  "001_*.txt": {lang: en, date: 2024-06-01}
  "004_*.txt": {lang: pt, date: 2025-07-15}
"""


def _check(cli, tmp_path, replacements):
    for path in SEEDS.iterdir():
        text = path.read_text(encoding="utf-8")
        for old, new in replacements.get(path.name[:3], []):
            assert old in text, old
            text = text.replace(old, new)
        write(tmp_path / path.name, text)
    write(tmp_path / ".factlint.yaml", SEED_META)
    r = cli("check", ".", "--select", "FL4", "--format", "json", "--no-cache", cwd=tmp_path)
    return [(f["path"][:3], f["code"], f["message"]) for f in json.loads(r.stdout)]


def test_seed_statements_confirmed(cli, tmp_path):
    assert _check(cli, tmp_path, {}) == []


@pytest.mark.parametrize("seed,old,new,code", [
    ("000", "fundó Facebook en 2004", "fundó Facebook en 2005", "FL401"),
    ("001", "In 2016, Facebook also developed Pytorch", "In 2015, Facebook also developed Pytorch", "FL401"),
    ("000", "LLaMA 2, lanzado en julio", "LLaMA 2, lanzado en marzo", "FL401"),
    ("001", "said Daniel Eck, Spotify's chief executive", "said Patrick Collison, Spotify's chief executive", "FL402"),
    ("001", "the 40-year-old billionaire", "the 38-year-old billionaire", "FL403"),
    ("004", "Alexandr Wang, de 28 anos", "Alexandr Wang, de 31 anos", "FL403"),
])
def test_altered_seed_statement_caught(cli, tmp_path, seed, old, new, code):
    found = _check(cli, tmp_path, {seed: [(old, new)]})
    assert [(s, c) for s, c, _ in found] == [(seed, code)], found
    assert "source:" in found[0][2] or "born" in found[0][2]


@pytest.mark.parametrize("text,date", [
    ("said Daniel Ek, Spotify's chief executive.", "2003-01-01"),    # before he held the role
    ("said Daniel Ek, Spotify's chief executive.", "2026-06-01"),    # after it (no successor recorded)
    ("Jeffrey Emanuel, 42, said so.", "2024-06-01"),                  # not in the knowledge base
    ("Mark Zuckerberg, 40, said so.", None),                          # no article date: cannot tell
    ("Jane Doe, the chief executive of Acme, spoke.", "2024-06-01"),  # unknown organisation
    ("In 2015, Mark Zuckerberg founded the Chan Zuckerberg Initiative.", "2024-06-01"),  # not in the base
    ("In 2012, Facebook bought Instagram, which was founded in 2010.", "2024-06-01"),     # nor this one
    # a statement never runs over a sentence's end: Facebook is no chief executive of Spotify
    ("In 2004, Mark Zuckerberg founded Facebook. Spotify's chief executive, Daniel Ek, spoke.", "2024-06-01"),
])
def test_near_misses_silent(cli, tmp_path, text, date):
    _silent(cli, tmp_path, "en", text, date)


@pytest.mark.parametrize("lang,text", [
    ("es", "Mark Zuckerberg, 20 años después, volvió a Harvard."),  # a span of time, not an age
    ("pt", "Mark Zuckerberg, 20 anos depois, voltou a Harvard."),
    ("es", "Mark Zuckerberg, 20 años de carrera después, sigue al frente."),
])
def test_time_spans_are_not_ages(cli, tmp_path, lang, text):
    _silent(cli, tmp_path, lang, text, "2024-06-01")


def _silent(cli, tmp_path, lang, text, date):
    front = f"---\nlang: {lang}\ndate: {date}\n---\n" if date else f"---\nlang: {lang}\n---\n"
    write(tmp_path / "a.md", front + text + "\n")
    r = cli("check", "a.md", "--select", "FL4", "--format", "json", "--no-cache", cwd=tmp_path)
    assert json.loads(r.stdout) == []


def test_explain_shows_sources(cli):
    r = cli("explain", "FL401")
    assert "Knowledge base:" in r.stdout and "https://about.fb.com/company-info/" in r.stdout


SHAPES = [
    # (lang, statement that agrees, statement that contradicts, code)
    ("en", "said Daniel Ek, Spotify's chief executive.", "said Sam Altman, Spotify's chief executive.", "FL402"),
    ("en", "Patrick Collison, chief executive of Stripe, said so.", "Sundar Pichai, chief executive of Stripe, said so.", "FL402"),
    ("en", "Meta chief executive Mark Zuckerberg said so.", "Spotify chief executive Patrick Collison said so.", "FL402"),
    ("en", "Mark Zuckerberg, who founded Facebook in 2004, spoke.", "Mark Zuckerberg, who founded Facebook in 2006, spoke.", "FL401"),
    ("en", "Hugging Face was founded in 2016 in New York.", "Hugging Face was founded in 2018 in New York.", "FL401"),
    ("en", "In 2016, Facebook released PyTorch.", "In 2017, Facebook released PyTorch.", "FL401"),
    ("en", "Llama 3, released in April, was popular.", "Llama 3, released in May, was popular.", "FL401"),
    ("en", "Mark Zuckerberg, 40, said so.", "Mark Zuckerberg, 41, said so.", "FL403"),
    ("en", "Mr. Zuckerberg spoke, and the 40-year-old smiled.", "Mr. Zuckerberg spoke, and the 45-year-old smiled.", "FL403"),
    ("es", "dijo el director ejecutivo de Spotify, Daniel Ek, ayer.", "dijo el director ejecutivo de Spotify, Sam Altman, ayer.", "FL402"),
    ("es", "Daniel Ek, el director ejecutivo de Spotify, habló.", "Sam Altman, el director ejecutivo de Spotify, habló.", "FL402"),
    ("es", "Mark Zuckerberg fundó Facebook en 2004.", "Mark Zuckerberg fundó Facebook en 2003.", "FL401"),
    ("es", "Hugging Face fue fundada en 2016.", "Hugging Face fue fundada en 2014.", "FL401"),
    ("es", "Apple, que se fundó en 1976, compite.", "Apple, que se fundó en 1977, compite.", "FL401"),
    ("es", "En 2016, Facebook lanzó PyTorch.", "En 2019, Facebook lanzó PyTorch.", "FL401"),
    ("es", "Llama 2, lanzado en julio, gustó.", "Llama 2, lanzado en enero, gustó.", "FL401"),
    ("es", "Mark Zuckerberg, de 40 años, habló.", "Mark Zuckerberg, de 44 años, habló.", "FL403"),
    ("pt", "disse Clément Delangue, diretor executivo da Hugging Face.", "disse Sam Altman, diretor executivo da Hugging Face.", "FL402"),
    ("pt", "disse o diretor executivo da Hugging Face, Clément Delangue, ontem.", "disse o diretor executivo da Hugging Face, Sam Altman, ontem.", "FL402"),
    ("pt", "Mark Zuckerberg fundou o Facebook em 2004.", "Mark Zuckerberg fundou o Facebook em 2001.", "FL401"),
    ("pt", "A Hugging Face foi fundada em 2016.", "A Hugging Face foi fundada em 2012.", "FL401"),
    ("pt", "A Apple, que se fundou em 1976, compete.", "A Apple, que se fundou em 1977, compete.", "FL401"),
    ("pt", "Em 2016, o Facebook lançou o PyTorch.", "Em 2015, o Facebook lançou o PyTorch.", "FL401"),
    ("pt", "O Llama 3, lançado em abril, fez sucesso.", "O Llama 3, lançado em junho, fez sucesso.", "FL401"),
    ("pt", "Alexandr Wang, de 27 anos, falou.", "Alexandr Wang, de 30 anos, falou.", "FL403"),
    # other ways news writes a founding
    ("en", "Zuckerberg, who started Facebook in 2004, spoke.", "Zuckerberg, who started Facebook in 2005, spoke.", "FL401"),
    ("en", "In 2004, Mark Zuckerberg founded Facebook at Harvard.", "In 2005, Mark Zuckerberg founded Facebook at Harvard.", "FL401"),
    ("en", "OpenAI, the San Francisco company founded in 2015, spoke.", "OpenAI, the San Francisco company founded in 2016, spoke.", "FL401"),
    ("en", "Nvidia, which was established in 1993, makes chips.", "Nvidia, which was established in 1995, makes chips.", "FL401"),
    ("es", "En 1998, Larry Page y Sergey Brin fundaron Google.", "En 1999, Larry Page y Sergey Brin fundaron Google.", "FL401"),
    ("es", "Nvidia, creada en 1993, fabrica chips.", "Nvidia, creada en 1995, fabrica chips.", "FL401"),
    ("es", "OpenAI se fundó en 2015 en San Francisco.", "OpenAI se fundó en 2016 en San Francisco.", "FL401"),
    ("pt", "A Nvidia, criada em 1993, fabrica chips.", "A Nvidia, criada em 1995, fabrica chips.", "FL401"),
    ("pt", "Em 1998, Larry Page e Sergey Brin fundaram o Google.", "Em 1997, Larry Page e Sergey Brin fundaram o Google.", "FL401"),
    ("pt", "O diretor-executivo da Microsoft, Satya Nadella, falou.", "O diretor-executivo da Microsoft, Tim Cook, falou.", "FL402"),
    # other ways news writes an age
    ("en", "Mark Zuckerberg (40) spoke.", "Mark Zuckerberg (45) spoke.", "FL403"),
    ("en", "Mark Zuckerberg, aged 40, spoke.", "Mark Zuckerberg, aged 45, spoke.", "FL403"),
    ("en", "Meta's 40-year-old chief executive, Mark Zuckerberg, spoke.",
     "Meta's 45-year-old chief executive, Mark Zuckerberg, spoke.", "FL403"),
    ("es", "Mark Zuckerberg, 40 años, habló.", "Mark Zuckerberg, 45 años, habló.", "FL403"),
    ("es", "El multimillonario de 40 años Mark Zuckerberg habló.", "El multimillonario de 45 años Mark Zuckerberg habló.", "FL403"),
    ("pt", "Mark Zuckerberg (40 anos) falou.", "Mark Zuckerberg (45 anos) falou.", "FL403"),
]


@pytest.mark.parametrize("lang,agrees,contradicts,code", SHAPES, ids=[f"{s[0]}-{i}" for i, s in enumerate(SHAPES)])
def test_statement_shapes(linter, lang, agrees, contradicts, code):
    from factlint.documents import Document

    kind = linter.kinds["fact"]

    def codes(text):
        doc = Document(path="a.txt", source=text, text=text, lang=lang, metadata={"date": "2024-06-01"})
        return [f.code for f in kind.document(doc)[0]]

    assert codes(agrees) == []
    assert codes(contradicts) == [code]
