# Herald's server image, built on the deployable bundle (`pnpm bundle`): a directory holding the
# compiled server and its production dependencies only, which runs with `node` alone.
# Not built on the machine this repository was written on (it cannot run Docker); see README.

FROM node:20-bookworm-slim AS bundle
WORKDIR /src
RUN npm install -g pnpm@12.21.0
COPY . .
RUN pnpm install --frozen-lockfile && BUNDLE_DIR=/bundle pnpm bundle

FROM node:20-bookworm-slim
ENV NODE_ENV=production PATH=/app/bin:$PATH PORT=3000 HERALD_CONSOLE_DIR=/app/console
WORKDIR /app
COPY --from=bundle /bundle /app
USER node
EXPOSE 3000
# Liveness only: readiness (/health/ready) is for load balancers, which should stop sending while it fails.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
STOPSIGNAL SIGTERM
# bin/herald-server: node dist/main.js with the heap settings the README describes (Operations, Memory).
CMD ["herald-server"]
