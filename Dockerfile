# The lab's dashboard and workers, for docker-compose.yaml. The broker runs in its own container
# (KAFKA_BROKERS is set there), so this image needs no Java.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm install --no-save --no-audit --no-fund
COPY . .
RUN npx next build
ENV NODE_ENV=production
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/main.ts"]
