# The sales demo in one container: the built demo (apps/demo/dist, see apps/demo/README.md) run by
# plain node. The build stage has the whole workspace; the image keeps only dist.
#   docker build -t aurora-demo .
#   docker run --rm -p 5173:5173 -p 4011:4011 aurora-demo   # then open http://localhost:5173

FROM node:20-slim AS build
RUN npm install -g pnpm@12.21.0
WORKDIR /repo
# Dependencies from the lockfile alone, so this layer is reused until the lockfile changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile
RUN pnpm demo:build

FROM node:20-slim
WORKDIR /demo
# dist/server.js carries the packages and their dependencies; nothing else is needed.
COPY --from=build /repo/apps/demo/dist ./dist
# Every interface inside the container; the demo's port is PORT when the host platform sets one,
# else 5173. Browsers reach the sandbox's hosted page through its published port, at
# SANDBOX_PUBLIC_URL; the sandbox API (4010) stays inside: only the demo's server talks to it.
ENV NODE_ENV=production \
    DEMO_HOST=0.0.0.0 \
    SANDBOX_HOST=0.0.0.0 \
    SANDBOX_PORT=4010 \
    SANDBOX_PAGE_PORT=4011 \
    SANDBOX_PUBLIC_URL=http://127.0.0.1:4011
EXPOSE 5173 4011
USER node
CMD ["node", "dist/server.js"]
