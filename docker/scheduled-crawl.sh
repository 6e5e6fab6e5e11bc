#!/usr/bin/env bash
# Entry point of the newsspider image: crawl the sites in $SITES (space separated) every
# $INTERVAL seconds, forever. Output, seen-store and run log live in /data (mount a volume).
# SIGTERM (docker stop) reaches the running crawl, which finishes its items in flight and closes
# cleanly; nothing is lost either way (see the README on crash safety).
set -uo pipefail
: "${SITES:?set SITES, e.g. SITES='soompi koreaboo'}"
INTERVAL="${INTERVAL:-3600}"
cd /data
child=0
trap 'if [ "$child" -ne 0 ]; then kill -INT "$child" 2>/dev/null; wait "$child"; fi; exit 0' TERM INT
while true; do
    for SITE in $SITES; do
        echo "$(date -u +%FT%TZ) crawl $SITE" >&2
        newsspider crawl "$SITE" --log-level INFO &
        child=$!
        wait "$child"
        echo "$(date -u +%FT%TZ) crawl $SITE exited with status $?" >&2
        child=0
    done
    sleep "$INTERVAL" &
    child=$!
    wait "$child"
    child=0
done
