"""import_articles under hostile input and hard stops: every bad path is named with its true reason
while the rest imports, nothing blocks, and a killed import leaves no worker, no open transaction
and no batch "running" forever."""

from __future__ import annotations

import inspect
import os
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from import_helpers import TEXT, manage_py, run, write

from articles.archive import batches, sources
from articles.models import Article, ImportBatch
from articles.pipeline.parsing import ParseError

pytestmark = pytest.mark.django_db


def imported() -> set[str]:
    return set(Article.objects.values_list("source_file", flat=True))


# --- symlink loops (10) --------------------------------------------------------------------------


def test_symlink_loops_inside_a_folder_are_named_and_the_rest_imports(tmp_path):
    write(tmp_path, "good.txt", TEXT)
    write(tmp_path, "sub/also_good.txt", TEXT + "\n\nЕщё абзац.")
    os.symlink("self.txt", tmp_path / "self.txt")
    os.symlink("b.txt", tmp_path / "a.txt")
    os.symlink("a.txt", tmp_path / "b.txt")
    os.symlink("..", tmp_path / "sub" / "up")
    out, err, code = run(tmp_path)
    assert code == 1 and "2 new, 0 unchanged, 0 updated, 4 failed" in out
    assert "failed: self.txt: cannot read: symlink loop" in err
    assert "failed: a.txt: cannot read: symlink loop" in err
    assert "failed: b.txt: cannot read: symlink loop" in err
    assert "failed: sub/up: symlink loop: it leads back to a folder it is in" in err
    assert "Traceback" not in err
    assert imported() == {"good.txt", "sub/also_good.txt"}


def test_a_symlink_loop_given_as_a_path_is_named_and_the_rest_imports(tmp_path):
    good = write(tmp_path, "good.txt", TEXT)
    os.symlink("loop.txt", tmp_path / "loop.txt")
    out, err, code = run(tmp_path / "loop.txt", good)
    assert code == 1 and "1 new" in out
    assert f"failed: {tmp_path / 'loop.txt'}: cannot read: symlink loop" in err
    assert imported() == {"good.txt"}


def test_a_symlinked_folder_is_read_once_and_a_broken_link_is_named(tmp_path):
    write(tmp_path, "real/a.txt", TEXT)
    os.symlink("real", tmp_path / "alias")
    os.symlink("nowhere.txt", tmp_path / "broken.txt")
    out, err, code = run(tmp_path)
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 1 failed" in out
    assert "failed: broken.txt: cannot read: broken symlink (its target does not exist)" in err


# --- FIFOs, sockets, devices (11) ----------------------------------------------------------------


@pytest.fixture
def fifo_writer():
    """A watchdog: if the import ever opened the FIFO it would block, so after a while this opens
    the FIFO's other end and feeds it an article. A test then fails on that article, not on a hang."""
    timers = []

    def arm(fifo: Path, after: float = 15.0) -> None:
        def feed():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO: nobody is reading, good
            except OSError:
                return
            with os.fdopen(fd, "wb") as fh:
                fh.write(("Статья из канала\n\n" + TEXT).encode())

        timer = threading.Timer(after, feed)
        timer.daemon = True
        timer.start()
        timers.append(timer)

    yield arm
    for timer in timers:
        timer.cancel()


def test_a_fifo_given_as_a_path_is_named_and_never_opened(tmp_path, fifo_writer):
    good = write(tmp_path, "good.txt", TEXT)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    fifo_writer(fifo)
    out, err, code = run(fifo, good)
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 1 failed" in out
    assert f"failed: {fifo}: not a regular file (a FIFO): skipped, never opened" in err
    assert imported() == {"good.txt"}


def test_fifos_sockets_and_devices_inside_a_folder_are_named_and_skipped(tmp_path, fifo_writer):
    write(tmp_path, "good.txt", TEXT)
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe")  # whatever its name: a FIFO in an article folder is worth a line
    fifo_writer(tmp_path / "pipe.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "control.sock"))
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    try:
        out, err, code = run(tmp_path)
    finally:
        listener.close()
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 4 failed" in out
    assert "failed: pipe.txt: not a regular file (a FIFO)" in err
    assert "failed: pipe: not a regular file (a FIFO)" in err
    assert "failed: control.sock: not a regular file (a socket)" in err
    assert "failed: zero.txt: not a regular file (a character device)" in err
    assert imported() == {"good.txt"}


def test_a_file_swapped_for_a_fifo_after_it_was_found_is_still_never_read(tmp_path, fifo_writer):
    path = write(tmp_path, "swapped.txt", TEXT)
    found, problems = sources.collect([str(tmp_path)])
    assert problems == []
    path.unlink()
    os.mkfifo(path)
    fifo_writer(path)
    [error] = list(batches.read(found[0], {}, 1_000_000))
    assert error.reason == "not a regular file (a FIFO): skipped, never opened"


def test_sigterm_stops_an_import_waiting_on_a_file_at_once(tmp_path, monkeypatch):
    for n in range(3):
        write(tmp_path, f"{n}.txt", TEXT + f"\n\nАбзац {n}.")
    release = threading.Event()
    finished_waiting = []
    real = batches.process

    def stuck_on_second(source, *args):
        if source.name == "1.txt":
            os.kill(os.getpid(), signal.SIGTERM)
            release.wait(30)  # a file that takes forever: the signal must not wait for it
            finished_waiting.append(source.name)
        return real(source, *args)

    monkeypatch.setattr(batches, "process", stuck_on_second)
    out, err, code = run(tmp_path)
    release.set()
    assert code == 130 and "interrupted" in err
    assert finished_waiting == []
    assert imported() == {"0.txt"}
    assert ImportBatch.objects.get().status == "interrupted"


def test_sigterm_ends_the_workers_too_even_one_stuck_on_a_file(tmp_path, monkeypatch):
    from articles.archive import importing

    for n in range(4):
        write(tmp_path, f"{n}.txt", TEXT + f"\n\nАбзац {n}.")
    real_process, real_apply = batches.process, importing.apply_extraction
    workers: set[int] = set()

    def stuck_on_second(source, *args):  # runs in a worker
        if source.name == "1.txt":
            time.sleep(120)
        return real_process(source, *args)

    def terminate_after_first(article, *args, **kwargs):
        workers.update(children(os.getpid()))
        threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGTERM)).start()
        return real_apply(article, *args, **kwargs)

    monkeypatch.setattr(batches, "process", stuck_on_second)
    monkeypatch.setattr(importing, "apply_extraction", terminate_after_first)
    out, err, code = run(tmp_path, workers=2, no_extract=True)
    assert code == 130 and imported() == {"0.txt"}
    assert workers and wait_for(lambda: all(gone(pid) for pid in workers), 20)


# --- unreadable folders and files (12) -----------------------------------------------------------
# Tests run as root, which reads through any permission bits: the kernel's refusal is simulated.


@pytest.fixture
def refuse(monkeypatch):
    """refuse(path): os.scandir and os.open raise PermissionError for that path, as for a user
    without the right to read it."""
    refused: set[str] = set()
    real_scandir, real_open = os.scandir, os.open

    def scandir(path="."):
        if os.fspath(path) in refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def open_(path, flags, *args, **kwargs):
        if os.fspath(path) in refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_)
    return lambda path: refused.add(str(path))


def test_an_unreadable_subfolder_is_named_with_permission_denied_and_the_rest_imports(tmp_path, refuse):
    write(tmp_path, "good.txt", TEXT)
    write(tmp_path, "locked/hidden.txt", TEXT + "\n\nДругой абзац.")
    refuse(tmp_path / "locked")
    out, err, code = run(tmp_path)
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 1 failed" in out
    assert "failed: locked: cannot read folder: permission denied" in err
    assert imported() == {"good.txt"}


def test_an_unreadable_folder_given_as_a_path_is_named_and_the_rest_imports(tmp_path, refuse):
    good = write(tmp_path, "good.txt", TEXT)
    write(tmp_path, "locked/hidden.txt", TEXT + "\n\nДругой абзац.")
    refuse(tmp_path / "locked")
    out, err, code = run(tmp_path / "locked", good)
    assert code == 1 and "1 new" in out
    assert f"failed: {tmp_path / 'locked'}: cannot read folder: permission denied" in err
    assert imported() == {"good.txt"}


def test_an_unreadable_file_is_named_with_permission_denied(tmp_path, refuse):
    write(tmp_path, "good.txt", TEXT)
    write(tmp_path, "locked.txt", TEXT + "\n\nДругой абзац.")
    write(tmp_path, "locked.jsonl", '{"text": "Статья. Текст."}\n')
    refuse(tmp_path / "locked.txt")
    refuse(tmp_path / "locked.jsonl")
    out, err, code = run(tmp_path)
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 2 failed" in out
    assert "failed: locked.txt: cannot read: permission denied" in err
    assert "failed: locked.jsonl: cannot read: permission denied" in err


# --- missing paths (13) --------------------------------------------------------------------------


def test_a_missing_path_beside_good_files_is_named_and_the_rest_imports(tmp_path):
    good = write(tmp_path, "good.txt", TEXT)
    out, err, code = run(tmp_path / "missing.txt", good, tmp_path / "no-such-folder")
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 2 failed" in out
    assert f"failed: {tmp_path / 'missing.txt'}: no such file or directory" in err
    assert f"failed: {tmp_path / 'no-such-folder'}: no such file or directory" in err
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.new_count, batch.failed_count) == ("finished", 1, 2)


def test_a_folder_without_article_files_is_named(tmp_path):
    good = write(tmp_path, "good.txt", TEXT)
    write(tmp_path, "notes/readme.md", "не статья")
    out, err, code = run(tmp_path / "notes", good)
    assert code == 1 and "1 new" in out
    assert f"failed: {tmp_path / 'notes'}: a folder with no .txt, .jsonl or .html files" in err


def test_a_file_name_that_is_not_utf8_is_named_and_the_rest_imports(tmp_path):
    write(tmp_path, "good.txt", TEXT)
    (tmp_path / os.fsdecode(b"bad\xff.txt")).write_text(TEXT + "\n\nЕщё.")
    out, err, code = run(tmp_path)
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 1 failed" in out
    assert "failed: bad\\xff.txt: the file name is not valid UTF-8: rename it" in err
    assert imported() == {"good.txt"}


def test_a_folder_given_twice_or_with_its_own_files_is_read_once_without_complaint(tmp_path):
    good = write(tmp_path, "good.txt", TEXT)
    out, err, code = run(tmp_path, tmp_path, good)
    assert (code, err) == (0, "") and "1 new, 0 unchanged, 0 updated, 0 failed" in out


# --- batches left running (6) --------------------------------------------------------------------


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_a_batch_whose_process_is_gone_is_marked_interrupted_by_the_next_run(tmp_path):
    here = socket.gethostname()
    gone = ImportBatch.objects.create(paths=["old"], host=here, pid=dead_pid())
    alive = ImportBatch.objects.create(paths=["running"], host=here, pid=os.getpid())
    elsewhere = ImportBatch.objects.create(paths=["other"], host=here + "-other", pid=dead_pid())
    out, err, code = run(write(tmp_path, "good.txt", TEXT))
    assert code == 0, err
    assert f"import batch {gone.pk} was left running by process {gone.pid}, which is gone" in err
    for batch in (gone, alive, elsewhere):
        batch.refresh_from_db()
    assert (gone.status, alive.status, elsewhere.status) == ("interrupted", "running", "running")
    latest = ImportBatch.objects.latest("id")
    assert (latest.status, latest.host, latest.pid) == ("finished", here, os.getpid())


def test_a_dry_run_leaves_batches_as_they_are(tmp_path):
    gone = ImportBatch.objects.create(paths=["old"], host=socket.gethostname(), pid=dead_pid())
    run(write(tmp_path, "good.txt", TEXT), dry_run=True)
    gone.refresh_from_db()
    assert gone.status == "running"


def test_the_admin_shows_an_interrupted_batch_as_such(admin_client):
    batch = ImportBatch.objects.create(paths=["old"], host="worker-1", pid=4321, status="interrupted")
    listing = admin_client.get("/admin/articles/importbatch/")
    assert "прерван" in listing.content.decode()
    page = admin_client.get(f"/admin/articles/importbatch/{batch.pk}/change/").content.decode()
    assert "прерван" in page and "worker-1" in page and "4321" in page


# --- workers die with their parent (5) -----------------------------------------------------------


def gone(pid: int) -> bool:
    """Ended (a zombie nobody reaped counts as ended: it holds no socket and runs no code)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except FileNotFoundError:
        return True


def children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    if int(fh.read().rsplit(b")", 1)[1].split()[1]) == pid:
                        found.add(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return found


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_whose_parent_is_killed_exits_even_without_the_kernels_help(tmp_path):
    """The portable watch alone (as off Linux): the worker notices it was handed to another parent."""
    script = (
        "import os, sys, time\n"
        "from articles.archive import batches\n"
        "sys.platform = 'darwin'\n"
        "parent = os.getpid()\n"
        "child = os.fork()\n"
        "if child == 0:\n"
        "    batches.die_with_parent(parent, interval=0.05)\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print(child, flush=True)\n"
        "time.sleep(60)\n"
    )
    root = Path(__file__).resolve().parent.parent
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=root, stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    assert not gone(child)
    parent.kill()
    parent.wait()
    assert wait_for(lambda: gone(child), 20)


def test_a_worker_lets_go_of_its_parents_sockets_so_they_close_with_the_parent():
    ours, peer = socket.socketpair()  # stands for the parent's database connection and the server
    child = os.fork()
    if child == 0:  # the worker: holds a copy of `ours` until it lets go of it
        batches.let_go_of(batches.identify((ours.fileno(),)))
        time.sleep(60)
        os._exit(0)
    try:
        ours.close()  # the parent is gone
        peer.settimeout(20)
        assert peer.recv(1) == b""  # the server sees the end of the session: nobody else holds it
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        peer.close()


@pytest.mark.postgres
def test_pool_workers_hold_no_socket_of_the_parents_database_connection(tmp_path, monkeypatch):
    from django.db import connection

    from articles.archive.importing import connection_sockets
    from articles.archive.reference import lexicon_from_db

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    lexicon = lexicon_from_db()
    [parent_socket] = connection_sockets()
    identity = os.fstat(parent_socket).st_ino

    def report(source, *args):  # runs in a worker: what is at the parent socket's number here?
        held = stat.S_ISSOCK(os.fstat(parent_socket).st_mode) and os.fstat(parent_socket).st_ino == identity
        return [batches.Processed(ParseError(source.name, "holds it" if held else "let go"))]

    monkeypatch.setattr(batches, "process", report)
    files = [sources.Source(write(tmp_path, f"{n}.txt", TEXT), f"{n}.txt", "txt") for n in range(4)]
    work = batches.process_all(files, lexicon, workers=2, parent_sockets=connection_sockets())
    assert {item.parsed.reason for _source, results in work for item in results} == {"let go"}
    assert Article.objects.count() == 0  # the parent's connection still works


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_kill_9_of_an_import_with_workers_leaves_no_worker_and_no_open_transaction(tmp_path):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    for n in range(40):
        write(tmp_path, f"{n:03d}.txt", TEXT + f"\n\nАбзац номер {n}: " + "подробности. " * n)
    command = manage_py("import_articles", "--workers", "2", "-v", "2", str(tmp_path))
    parent = subprocess.Popen(**command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        for line in parent.stdout:  # each line is an article written: the pool is at work
            workers |= children(parent.pid)
            if line.startswith("[3/"):
                break
        workers |= children(parent.pid)
        assert len(workers) >= 2, "the pool's workers were never seen"
        parent.send_signal(signal.SIGKILL)
        parent.wait(30)
    finally:
        parent.kill()
        parent.stdout.close()

    try:
        assert wait_for(lambda: all(gone(pid) for pid in workers), 30), [p for p in workers if not gone(p)]
    finally:  # a failing run must not leave orphans holding locks that block the test's teardown
        for pid in workers:
            if not gone(pid):
                os.kill(pid, signal.SIGKILL)

    def open_transactions() -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND state LIKE 'idle in transaction%%' AND pid <> pg_backend_pid()"
            )
            return cursor.fetchone()[0]

    assert wait_for(lambda: open_transactions() == 0, 30)
    killed = ImportBatch.objects.get()
    assert killed.status == "running" and killed.pid == parent.pid

    rerun = subprocess.run(**command, capture_output=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"import batch {killed.pk} was left running by process {parent.pid}" in rerun.stderr
    killed.refresh_from_db()
    assert killed.status == "interrupted"
    assert Article.objects.count() == 40


# --- bounded articles (14) -----------------------------------------------------------------------


@pytest.fixture
def no_extraction(monkeypatch):
    """Extraction must not even start on what the limits refuse."""
    from articles.pipeline.extraction import pipeline

    def refuse(parsed, lexicon):
        raise AssertionError(f"extraction ran on {parsed.source_file}")

    monkeypatch.setattr(pipeline, "extract", refuse)


def test_a_text_of_one_enormous_line_is_refused_before_extraction_naming_the_limit(tmp_path, no_extraction):
    write(tmp_path, "good.txt", TEXT)
    sentence = "Россия и Китай провели совместные учения в Жёлтом море "
    write(tmp_path, "dump.txt", sentence * (4_800_000 // len(sentence.encode())))  # 4.8 MB, one line
    write(tmp_path, "long_line.txt", "Заголовок статьи\n\n" + "слово " * 5000)
    out, err, code = run(tmp_path, no_extract=True)
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 2 failed" in out
    assert "failed: dump.txt: too long for one article: 2,6" in err and "(at most 100,000)" in err
    assert "failed: long_line.txt: line 3 is 30,000 characters long (at most 20,000)" in err


def test_a_long_article_in_paragraphs_under_the_limits_imports(tmp_path):
    paragraph = "Россия и Китай провели совместные учения в Жёлтом море. " * 60
    text = "Заголовок\n\n" + "\n\n".join(f"Абзац {n}. {paragraph}" for n in range(27))
    out, err, code = run(write(tmp_path, "long.txt", text), no_extract=True)
    assert code == 0, err
    assert len(Article.objects.get().body) > 90_000


# --- encodings (15, 17) --------------------------------------------------------------------------


def test_a_windows_1251_file_with_a_utf8_tail_is_read_part_by_part_with_a_warning(tmp_path):
    # «ЕС» right before the UTF-8: in Windows-1251 "С»" is also a valid UTF-8 character (ѻ)
    head = (
        "Россия и Китай провели учения\n\nМОСКВА, 17 декабря. /ТАСС/. Россия и Китай провели учения с «ЕС». "
    )
    tail = "Министр обороны России Андрей Белоусов назвал их успешными."
    path = write(tmp_path, "mixed.txt", head.encode("cp1251") + tail.encode("utf-8"))
    out, err, code = run(path)
    assert code == 0 and "1 new" in out
    offset = len(head.encode("cp1251"))
    assert f"warning: mixed.txt: mixed encodings: Windows-1251 with UTF-8 from byte {offset}" in err
    body = Article.objects.get().body
    assert body.endswith("провели учения с «ЕС». " + tail)
    assert "Рњ" not in body and "Р°" not in body  # no mojibake of the UTF-8 part


def test_a_windows_1251_file_with_a_stray_accidental_utf8_pair_gets_no_warning(tmp_path):
    text = "Россия и страны «ОДКБ», «ЕС» и «НАТО» провели учения в Жёлтом море. Учения прошли успешно."
    out, err, code = run(write(tmp_path, "cp1251.txt", text.encode("cp1251")))
    assert code == 0 and "warning" not in err
    assert Article.objects.get().body == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_the_same_article(tmp_path, codec):
    write(tmp_path, "utf8.txt", TEXT)
    write(tmp_path, "utf16.txt", TEXT.encode(codec))
    out, err, code = run(tmp_path, verbosity=2)
    assert code == 0, err
    assert "1 new, 1 unchanged" in out and "same content as utf16.txt" in out


def test_utf16_cut_short_or_as_jsonl_is_named_as_utf16(tmp_path):
    write(tmp_path, "cut.txt", TEXT.encode("utf-16-le")[:-1])
    write(tmp_path, "batch.jsonl", '{"text": "Статья. Текст."}\n'.encode("utf-16"))
    write(tmp_path, "bare.jsonl", '{"text": "Статья. Текст."}\n'.encode("utf-16-le"))
    out, err, code = run(tmp_path)
    assert code == 1 and "3 failed" in out
    assert "failed: cut.txt: UTF-16-LE text without a byte-order mark, but an odd number of bytes" in err
    assert "failed: batch.jsonl: UTF-16 text: a .jsonl file must be UTF-8" in err
    assert "failed: bare.jsonl: UTF-16 text: a .jsonl file must be UTF-8" in err


# --- .jsonl fields (16) --------------------------------------------------------------------------


def import_jsonl(directory: Path, name: str, *records: str) -> tuple[str, str, int]:
    write(directory, name, "\n".join(records) + "\n")
    return run(directory)


def test_jsonl_fields_of_the_wrong_type_name_the_record_and_field_and_the_rest_imports(tmp_path):
    out, err, code = import_jsonl(
        tmp_path,
        "batch.jsonl",
        '{"text": "Первая статья. Текст.", "title": {"nested": 1}}',
        '{"text": "Вторая статья. Текст.", "source": true}',
        '{"text": "Третья статья. Текст.", "date": 20250304}',
        '{"text": "Четвёртая статья. Текст.", "url": ["https://example.org"]}',
        '{"text": "Пятая статья. Текст.", "collected": 1.5}',
        '{"text": 42}',
        '{"text": "Шестая статья. Текст.", "title": null, "source": "ТАСС", "collected": "2025-03-04"}',
    )
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 6 failed" in out
    for line, field, kind in [
        (1, "title", "a string or null, not an object"),
        (2, "source", "a string or null, not true or false"),
        (3, "date", "a string or null, not a number"),
        (4, "url", "a string or null, not an array"),
        (5, "collected", "a string or null, not a number"),
        (6, "text", "a non-empty string, not a number"),
    ]:
        assert f'failed: batch.jsonl:{line}: field "{field}" must be {kind}' in err
    assert imported() == {"batch.jsonl:7"}
    assert not Article.objects.filter(title__contains="nested").exists()
    from articles.models import Outlet

    assert not Outlet.objects.filter(name="True").exists()


def test_nul_characters_in_jsonl_are_removed_with_a_warning_and_surrogates_refused(tmp_path, caplog):
    out, err, code = import_jsonl(
        tmp_path,
        "nul.jsonl",
        '{"text": "Россия\\u0000 и Китай. Текст.", "title": "За\\u0000головок", "source": "ТАСС\\u0000"}',
        '{"text": "Статья \\ud800 с половиной символа. Текст."}',
        '{"text": "\\u0000\\u0000"}',
    )
    assert code == 1 and "1 new, 0 unchanged, 0 updated, 2 failed" in out
    assert "warning: nul.jsonl:1: NUL characters (\\u0000) removed from text, title, source" in err
    assert 'failed: nul.jsonl:2: field "text" holds an unpaired surrogate (\\ud800): not Unicode text' in err
    assert "failed: nul.jsonl:3: no text once its NUL characters are removed" in err
    article = Article.objects.get()
    assert (article.title, article.source.name) == ("Заголовок", "ТАСС")
    assert "\x00" not in article.body and "\x00" not in article.raw_text
    assert article.body.startswith("Россия и Китай")
    assert not [r for r in caplog.records if r.levelname == "ERROR"]  # no traceback logged


def test_a_folder_tree_deeper_than_the_recursion_limit_is_walked(tmp_path):
    deep = tmp_path
    for _ in range(150):
        deep = deep / "d"
    deep.mkdir(parents=True)
    article = write(deep, "deep.txt", TEXT)
    # A limit just above this test's own depth stands for a tree deeper than the usual 1,000 levels.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 100)
    try:
        found, problems = sources.collect([str(tmp_path)])
    finally:
        sys.setrecursionlimit(limit)
    assert problems == [] and [s.path for s in found] == [article]
