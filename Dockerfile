# The workspace as a container: `docker build -t cx-council .` then
#   docker run -d --name council -p 127.0.0.1:8501:8501 -v council-data:/data cx-council
# The workspace file and the database live on the volume (/data). On first start with an empty volume, a
# workspace file is copied there to edit (`docker cp`, or mount your own at /data/workspace.yaml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    COUNCIL_CONFIG=/data/workspace.yaml

RUN groupadd --system --gid 10001 council \
    && useradd --system --uid 10001 --gid council --home-dir /app --shell /usr/sbin/nologin council

WORKDIR /app
COPY pyproject.toml README.md ./
COPY council ./council
RUN pip install .
COPY app.py streamlit_app.py ./
COPY app_pages ./app_pages
COPY .streamlit/config.toml ./.streamlit/config.toml
COPY data/workspace.yaml ./example/workspace.yaml
COPY deploy/container-start.sh ./container-start.sh

RUN mkdir /data && chown council:council /data
USER council
VOLUME ["/data"]
EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"

CMD ["./container-start.sh"]
