#!/usr/bin/env bash
# Load test: gunicorn on 127.0.0.1 serving the archive in DATABASE_URL, wrk replaying a reader's
# mix of URLs (home, lists with filters and search, matrix, dossiers, articles, officials,
# agreements) over 32 connections for 60 seconds. Prints wrk's report and one JSON line.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/coopnews_bench tools/loadtest.sh
#
# Fill the database first (e.g. `manage.py benchmark --articles 100000`). Needs wrk
# (Debian: apt-get install -y wrk). Settings are production's (DEBUG off) except plain HTTP.
# Variables: PORT (8103), CONNECTIONS (32), DURATION (60s), THREADS (2, wrk's), WORKERS (gunicorn
# processes, default 2 × CPUs + 1), WARMUP (10s, not reported), OUT (var/loadtest), URLS (1000).
set -euo pipefail

cd "$(dirname "$0")/.."
PORT="${PORT:-8103}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-60s}"
THREADS="${THREADS:-2}"
CPUS="$(nproc)"
WORKERS="${WORKERS:-$((2 * CPUS + 1))}"
WARMUP="${WARMUP:-10s}"
OUT="${OUT:-var/loadtest}"
PY=.venv/bin/python

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
[ -n "${DATABASE_URL:-}" ] || { echo "set DATABASE_URL to the database to test" >&2; exit 2; }

export DJANGO_DEBUG=0 DJANGO_SECURE_SSL=0 DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost"
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-loadtest-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}"

mkdir -p "$OUT"
stamp="$(date +%Y%m%d-%H%M%S)"
urls="$OUT/urls-$stamp.txt"
report="$OUT/wrk-$stamp.txt"

$PY manage.py collectstatic --noinput -v0
# Start cold: readers' pages are rendered and cached during the run (articles/web/page_cache.py).
$PY manage.py shell --no-imports -c "from django.core.cache import cache; cache.clear()"
$PY manage.py shell --no-imports -c "from articles.bench.benchmarking import loadtest_urls; print('\n'.join(loadtest_urls(${URLS:-1000})))" >"$urls"

.venv/bin/gunicorn coopnews.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
  --access-logfile /dev/null --error-logfile "$OUT/gunicorn-$stamp.log" &
gunicorn_pid=$!
trap 'kill "$gunicorn_pid" 2>/dev/null; wait "$gunicorn_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null

echo "warming up for $WARMUP ($WORKERS gunicorn workers, $CPUS CPUs)…" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s tools/loadtest.lua "http://127.0.0.1:$PORT" -- "$urls" >/dev/null
echo "measuring: $CONNECTIONS connections for $DURATION" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 10s -s tools/loadtest.lua \
  "http://127.0.0.1:$PORT" -- "$urls" | tee "$report"
echo "report: $report" >&2
