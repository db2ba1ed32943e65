# syntax=docker/dockerfile:1
# Build stage: install everything and run the checks, so a broken image is never produced.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run typecheck && npm run lint && npx lotse faq check && npx lotse config check

# Runner: production dependencies only (tsx runs the TypeScript sources), as a non-root user.
FROM node:20-bookworm-slim AS runner
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/src ./src
COPY --from=build /app/faq ./faq
COPY --from=build /app/locales ./locales
COPY --from=build /app/config ./config
USER node
# SIGHUP reloads the FAQ without a restart (docker kill --signal=HUP <container>); a changed city file needs a
# restart. Mount your own city file and point CITY_FILE at it.
CMD ["node", "src/cli/bin.mjs", "start"]
