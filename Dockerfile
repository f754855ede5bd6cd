# fanbridge: a slim Node 20 image, production dependencies only, run as the unprivileged `node` user.
# Build: docker build -t fanbridge .   Run: docker run --env-file .env -v fanbridge-data:/data -p 8000:8000 fanbridge
# scripts/image-steps.sh replays these steps without Docker (see README, "Run it anywhere").
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Compile TypeScript to dist/ (needs the dev dependencies: typescript).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# 2. Production dependencies only (no compiler, no test tools).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. The runtime image: compiled code, migrations and texts, found relative to dist/ (../migrations).
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=8000
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root migrations ./migrations
COPY --chown=root:root locales ./locales
# The embedded database (PGlite) and its backups live in DATA_DIR: keep it on a volume. Unused with DATABASE_URL.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "dist/healthcheck.js"]
# Migrations run at start (under a PostgreSQL advisory lock, so replicas can start together).
CMD ["node", "--enable-source-maps", "--max-semi-space-size=8", "dist/main.js"]
