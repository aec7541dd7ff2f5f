# The lab's dashboard and workers, for docker-compose.yaml. The broker runs in its own container
# (KAFKA_BROKERS is set there), so this image needs no Java or Maven: the server starts no embedded
# broker when KAFKA_BROKERS is set (server/main.ts).
#
# Three stages: `deps` installs every dependency exactly as locked, `build` builds the dashboard
# with them, `runtime` keeps only the production dependencies, the build output and the sources the
# server runs (it runs TypeScript through tsx and compiles workers/ with esbuild at start).

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The build cache only speeds up the next build; the runtime does not read it.
RUN node node_modules/next/dist/bin/next build && rm -rf .next/cache

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    LAB_DATA_DIR=/app/.lab
# Code and dependencies stay owned by root, read-only to the app; it writes only to .lab (settings,
# run state, the compiled workers) and .next/cache. Both are made here and owned by `node` (uid 1000,
# from the base image), so a named volume mounted on /app/.lab starts with that ownership.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY package.json package-lock.json tsconfig.json next.config.mjs ./
COPY server ./server
COPY lib ./lib
COPY workers ./workers
RUN mkdir -p .lab .next/cache && chown node:node .lab .next/cache
USER node
EXPOSE 3000
# What `npm start` runs after its install and build steps (scripts/start.mjs), without them: the
# image already holds both, and a read-only /app could not redo them.
CMD ["node", "--import", "tsx", "server/main.ts"]
