# One image for both apps; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev
# As `npm run start:api` / `start:worker`: a heap limit makes V8 grow the heap as it needs instead of
# towards a few GB on a large machine (README, "Memory").
ENV NODE_ENV=production HOST=0.0.0.0 NODE_OPTIONS=--max-old-space-size=1024
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
