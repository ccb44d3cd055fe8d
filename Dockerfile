# PromptTailor bot image: CPU by default. See README "Run with Docker" for the CUDA variant.
# BASE_IMAGE must provide Node 20 (the CUDA variant uses an image with the CUDA runtime and Node 20).
ARG BASE_IMAGE=node:20-bookworm-slim

FROM ${BASE_IMAGE} AS deps
WORKDIR /app
# sqlite3 may compile from source: build tools, and Node's own headers so node-gyp never downloads them.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
ENV npm_config_nodedir=/usr/local
# "--omit=optional" keeps only the CPU binary of node-llama-cpp (about 85 MB instead of 776 MB);
# the CUDA variant builds with INSTALL_FLAGS="" to keep its CUDA binaries.
ARG INSTALL_FLAGS=--omit=optional
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev ${INSTALL_FLAGS} && npm cache clean --force

FROM ${BASE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production LOG_FORMAT=json
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY src ./src
COPY commands ./commands
COPY models/*.json models/README.md ./models/
COPY models/adapters ./models/adapters
RUN mkdir -p data && chown -R node:node /app/data /app/models
USER node
VOLUME ["/app/models", "/app/data"]
EXPOSE 8080 3000
# node directly (not npm) so SIGTERM reaches the bot; run with an init (compose: init: true).
CMD ["node", "--import", "tsx", "src/main.ts"]
