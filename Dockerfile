# Worker and bot image. Tesseract language data comes from npm packages and fonts from
# dejavu-fonts-ttf, so the image needs no network at run time.
FROM node:20.19-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20.19-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY app ./app
COPY activities ./activities
COPY bot ./bot
COPY contracts ./contracts
COPY data ./data
COPY db ./db
COPY domain ./domain
COPY lib ./lib
COPY reading ./reading
COPY reports ./reports
COPY scripts ./scripts
COPY workflows ./workflows
COPY samples ./samples
# Types stripped once at build time (scripts/build.mjs): the processes run plain JavaScript.
RUN node scripts/build.mjs
RUN mkdir -p /data && chown node:node /data
USER node
# glibc makes an arena per thread that allocates (OCR, canvas, pdf.js threads); two keep the
# resident size down at a cost in allocation contention that did not show in the bench.
ENV DATA_DIR=/data STORAGE_DIR=/data/files MALLOC_ARENA_MAX=2
# Young generations of 2 MB semi-spaces in every isolate (main, reading thread, tesseract thread):
# ~70 MB less resident with four scans at once, no measurable cost in the bench.
CMD ["node", "--max-semi-space-size=2", ".build/scripts/worker.js"]
