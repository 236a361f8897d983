"""The file cache with a bounded cost a write.

Django's `FileBasedCache` lists every file of its directory on each `set` to decide whether to cull
(`_cull`). The writer replaces the archive's generation token on every commit (articles/archive/
generation.py) and each page rendered for readers is stored, so with the directory holding thousands of
cached pages that listing cost every imported article about 4 ms of CPU (2,840 files: writer 30 → 26
ms an article, `tools/profile_writer.py --cpu`). Here the count is checked on a process's first write
and then once every CULL_EVERY writes: the directory may hold up to that many files past MAX_ENTRIES
(per writing process) before a third of them is deleted, as Django does.
"""

from __future__ import annotations

import itertools

from django.core.cache.backends.filebased import FileBasedCache as DjangoFileBasedCache

CULL_EVERY = 100


class FileBasedCache(DjangoFileBasedCache):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writes = itertools.count()  # next() is atomic under the GIL: threads share it safely

    def _cull(self) -> None:
        if next(self._writes) % CULL_EVERY == 0:
            super()._cull()
