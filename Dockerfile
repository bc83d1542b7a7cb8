# syntax=docker/dockerfile:1
# Two stages: "build" compiles the TypeScript with the dev dependencies; "runtime" holds only the
# production dependencies, the compiled dist/ and the catalog. Both use the same Node LTS major.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: `prepare` would run tsc before the sources are here, and the build needs no other install script.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-slim AS runtime
# tini as PID 1 (installed here, so no `docker run --init` is needed): it forwards SIGTERM to node,
# which then drains running handlers before exiting, and reaps orphaned processes.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` runs tsc, a dev dependency that is not installed here.
# The production dependencies carry OCR whole: tesseract.js, its WebAssembly core and the English model
# (@tesseract.js-data/eng), read from node_modules at run time, so screenshots are read with no network.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY data/catalog.json data/vocabulary.json ./data/
# Files stay owned by root: the app runs as the unprivileged node user and cannot change its own code.
USER node
EXPOSE 3000
# No curl in slim images; node's fetch checks the same /healthz that load balancers use.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# node directly, not npm: signals reach the app and no npm process sits in between. The flags are npm start's
# (package.json): V8 collects when the heap grows 20% past what is live, not 3-4x, so garbage under a stream
# of messages does not pile up in RSS. Neither caps the heap (docs/benchmarks.md#memory).
CMD ["node", "--heap-growing-percent=20", "--max-semi-space-size=8", "dist/main.js"]
