# A small image with Clearance installed from its wheel; the entry point is `clearance`.
#   docker build -t clearance .
#   docker run --rm -v "$PWD:/work" -w /work clearance check catalogue/ --format sarif
#   docker run --rm -p 8000:8000 -e CLEARANCE_API_KEYS=... clearance serve --host 0.0.0.0

# Build stage: a compiler for durable_rules' extension and Clearance's 3.13 compatibility library.
FROM python:3.12-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc g++ make \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN python -m pip wheel --no-cache-dir --wheel-dir /wheels .

# Run stage: only the wheels, no compiler.
FROM python:3.12-slim
RUN useradd --create-home --uid 10001 clearance
COPY --from=build /wheels /wheels
RUN python -m pip install --no-cache-dir --no-index --find-links /wheels clearance \
 && rm -rf /wheels
USER clearance
WORKDIR /work
EXPOSE 8000
ENTRYPOINT ["clearance"]
CMD ["--help"]
