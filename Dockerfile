# A scheduled newsspider crawl in a container (not built in this repository's CI: no Docker
# engine there). Build and run:
#   docker build -t newsspider .
#   docker run -d --name newsspider -e SITES="soompi koreaboo" -e INTERVAL=3600 \
#       -v newsspider-data:/data newsspider
# Output: /data/data/articles.jsonl, seen-store /data/data/state/seen.sqlite, run log
# /data/data/runs.jsonl. `docker stop` sends SIGTERM: the running crawl closes cleanly.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --home-dir /home/crawler crawler \
    && mkdir /data && chown crawler /data

WORKDIR /src
COPY pyproject.toml README.md LICENSE constraints.txt ./
COPY newsspider ./newsspider
# the pinned versions of every dependency (see "Deploying" in the README)
RUN pip install -c constraints.txt . && rm -rf /src/build

COPY docker/scheduled-crawl.sh /usr/local/bin/scheduled-crawl
USER crawler
WORKDIR /data
VOLUME ["/data"]
ENV SITES="" INTERVAL=3600
# healthy while the run log was written within two intervals (or before the first run ends)
HEALTHCHECK --interval=10m --start-period=2h CMD find /data/data/runs.jsonl -mmin -$((INTERVAL / 30 + 10)) | grep -q . || exit 1
ENTRYPOINT ["/usr/local/bin/scheduled-crawl"]
