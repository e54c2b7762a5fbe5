# Otmetka in a container. Not built in CI: see docs/OPERATIONS.ru.md, «Docker».
#   docker build -t otmetka .
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles itself when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# The web app is built with dev dependencies, which are then dropped (tsx, the runner, stays).
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_URL=/data/otmetka.db \
    BACKUP_DIRS=/backups
RUN groupadd --system --gid 10001 otmetka \
 && useradd --system --uid 10001 --gid otmetka --home-dir /data --shell /usr/sbin/nologin otmetka \
 && mkdir -p /data /backups \
 && chown otmetka:otmetka /data /backups
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/src ./src
COPY --from=build /app/dist ./dist
RUN chmod 755 bin/otmetka.js && ln -s /app/bin/otmetka.js /usr/local/bin/otmetka
USER otmetka
VOLUME ["/data", "/backups"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node handles SIGTERM itself (requests in flight finish, the database is closed).
CMD ["node", "/app/bin/otmetka.js", "serve"]
