# One image for both apps; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production HOST=0.0.0.0
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
