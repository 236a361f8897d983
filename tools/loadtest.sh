#!/usr/bin/env bash
# Load test: gunicorn on 127.0.0.1 serving the archive in DATABASE_URL, as the README's production
# section runs it (gthread workers behind nginx with docs/nginx/coopnews-proxy.conf), then
#   1. the slow-client check: SLOW_SOCKETS sockets hold half a request open while /healthz must
#      still answer within 1 s (tools/slow_clients.py);
#   2. wrk replaying a reader's mix of URLs (home, lists with filters and search, matrix, dossiers,
#      articles, officials, agreements) over 32 connections for 60 seconds, optionally while
#      `import_articles IMPORT --workers 2` runs. Prints wrk's report and one JSON line.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/coopnews_bench tools/loadtest.sh
#
# Fill the database first (e.g. `manage.py benchmark --articles 100000`). Needs wrk and nginx
# (Debian: apt-get install -y wrk nginx). Settings are production's (DEBUG off) except plain HTTP.
# Variables: PORT (8103, gunicorn), PROXY_PORT (8104, nginx), PROXY (nginx; `none`: wrk and the
# slow clients talk to gunicorn directly), CONNECTIONS (32), DURATION (60s), THREADS (2, wrk's),
# WORKERS (gunicorn processes, default 2 × CPUs + 1), GUNICORN_THREADS (4 a worker), SLOW_SOCKETS
# (64), WARMUP (10s, not reported), OUT (var/loadtest), URLS (1000), IMPORT (files to import
# during the measurement; unset: none), IMPORT_NICE (0; e.g. 10 runs the import at a lower CPU
# priority than gunicorn).
set -euo pipefail

cd "$(dirname "$0")/.."
PORT="${PORT:-8103}"
PROXY_PORT="${PROXY_PORT:-8104}"
PROXY="${PROXY:-nginx}"
GUNICORN_THREADS="${GUNICORN_THREADS:-4}"
SLOW_SOCKETS="${SLOW_SOCKETS:-64}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-60s}"
THREADS="${THREADS:-2}"
CPUS="$(nproc)"
WORKERS="${WORKERS:-$((2 * CPUS + 1))}"
WARMUP="${WARMUP:-10s}"
OUT="${OUT:-var/loadtest}"
PY=.venv/bin/python

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
if [ "$PROXY" = nginx ] && ! command -v nginx >/dev/null; then
  echo "nginx is not installed: apt-get install -y nginx (or PROXY=none)" >&2; exit 2
fi
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

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

.venv/bin/gunicorn coopnews.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
  --worker-class gthread --threads "$GUNICORN_THREADS" \
  --access-logfile /dev/null --error-logfile "$OUT/gunicorn-$stamp.log" &
pids+=($!)
front="$PORT"
if [ "$PROXY" = nginx ]; then
  # The documented proxy configuration, included as is, in front of this run's gunicorn.
  prefix="$(pwd)/$OUT/nginx-$stamp"
  mkdir -p "$prefix"
  cat >"$prefix/nginx.conf" <<CONF
daemon off;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
pid $prefix/nginx.pid;
error_log $prefix/error.log warn;
worker_processes 1;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $prefix/body;
  proxy_temp_path $prefix/proxy;
  fastcgi_temp_path $prefix/fastcgi;
  uwsgi_temp_path $prefix/uwsgi;
  scgi_temp_path $prefix/scgi;
  upstream coopnews_app { server 127.0.0.1:$PORT; keepalive 16; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    include $(pwd)/docs/nginx/coopnews-proxy.conf;
  }
}
CONF
  nginx -p "$prefix" -c "$prefix/nginx.conf" &
  pids+=($!)
  front="$PROXY_PORT"
fi
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$front/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$front/healthz" >/dev/null

echo "slow clients: $SLOW_SOCKETS half-requests held open, /healthz must answer within 1 s (via $PROXY)…" >&2
slow_status=0
$PY tools/slow_clients.py --port "$front" --sockets "$SLOW_SOCKETS" | tee "$OUT/slow-$stamp.json" || slow_status=$?

echo "warming up for $WARMUP ($WORKERS gunicorn workers × $GUNICORN_THREADS threads, $CPUS CPUs)…" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s tools/loadtest.lua "http://127.0.0.1:$front" -- "$urls" >/dev/null
if [ -n "${IMPORT:-}" ]; then
  echo "importing $IMPORT during the measurement (nice ${IMPORT_NICE:-0})…" >&2
  # shellcheck disable=SC2086  # IMPORT may name several paths
  nice -n "${IMPORT_NICE:-0}" $PY manage.py import_articles $IMPORT --workers 2 >"$OUT/import-$stamp.log" 2>&1 &
  import_pid=$!
  import_started=$SECONDS
  pids+=("$import_pid")
fi
echo "measuring: $CONNECTIONS connections for $DURATION" >&2
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 10s -s tools/loadtest.lua \
  "http://127.0.0.1:$front" -- "$urls" | tee "$report"
echo "report: $report" >&2
if [ -n "${IMPORT:-}" ]; then
  if kill -0 "$import_pid" 2>/dev/null; then
    echo "the import was still running after $((SECONDS - import_started)) s: stopping it (run it again to finish)" >&2
  else
    echo "the import finished within the measurement (its batch in the admin has the times)" >&2
  fi
  echo "import log: $OUT/import-$stamp.log" >&2
fi
if [ "$slow_status" != 0 ]; then
  echo "slow-client check FAILED: /healthz did not answer within 1 s while slow clients held sockets" >&2
  exit 1
fi
