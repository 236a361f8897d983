"""Agreements found in a bare text, as the extractor reads them (shared by the agreement tests)."""

from articles.pipeline.extraction.agreements import find_agreements
from articles.pipeline.extraction.countries import scan_countries


def agreements(text, lexicon, officials=(), date=None):
    return find_agreements(text, scan_countries(text, lexicon), list(officials), lexicon, date)


def one(text, lexicon, **kw):
    found = agreements(text, lexicon, **kw)
    assert len(found) == 1, [(a.kind, a.title, a.parties) for a in found]
    return found[0]
