# syntax=docker/dockerfile:1
# ctx-ops image: `docker build -t ctx-ops .` (README, "Operating ctx-ops").
# Three stages: build (dev dependencies, esbuild bundle), deps (production dependencies only), runtime.
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY scripts/dist.mjs scripts/
COPY src/ src/
# The build parses the shipped runbooks and signals into dist/shipped-yaml.json.
COPY runbooks/ runbooks/
COPY signals/ signals/
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# pg_dump refuses a server newer than itself and ctx| runs PostgreSQL 17: the client tools
# come from the PostgreSQL project's apt repository (Debian bookworm ships 15).
ARG PG_MAJOR=17
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && install -d /usr/share/postgresql-common/pgdg \
 && curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc https://www.postgresql.org/media/keys/ACCC4CF8.asc \
 && . /etc/os-release \
 && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt ${VERSION_CODENAME}-pgdg main" > /etc/apt/sources.list.d/pgdg.list \
 && apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-${PG_MAJOR} \
 && apt-get purge -y curl && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/*

ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="ctx-ops" \
      org.opencontainers.image.description="Slack chat-ops bot for self-hosted ctx| deployments" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0"

WORKDIR /app
COPY --from=deps /app/node_modules/ node_modules/
COPY --from=build /app/dist/ dist/
COPY package.json manifest.yml ctx-ops.example.yml ./
COPY runbooks/ runbooks/
COPY sql/ sql/
COPY signals/ signals/

# The only writable places, so the container runs with a read-only root filesystem:
# the backup volume and /tmp (a tmpfs in deploy/compose.yml and deploy/kubernetes.yml).
RUN install -d -o node -g node -m 0750 /var/lib/ctx-ops/backups
VOLUME ["/var/lib/ctx-ops/backups"]

ENV NODE_ENV=production \
    CTX_OPS_BACKUP_DIR=/var/lib/ctx-ops/backups \
    MALLOC_TRIM_THRESHOLD_=131072
USER node
# 8081: /healthz, /readyz, /metrics (CTX_OPS_HEALTH_PORT); 3000: Slack's requests in HTTP mode (PORT).
EXPOSE 8081 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/healthcheck.js"]
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=8", "dist/bot.js"]
