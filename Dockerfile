# syntax=docker/dockerfile:1
#
# Wellpress production image: Next's standalone server (Payload runs inside it).
# Used by docker-compose.yml; on its own: docker build -t wellpress .
#
# Every stage is Debian (glibc) slim, never Alpine: sharp and libsql ship prebuilt glibc binaries,
# and node_modules built in one stage must load in the next.

FROM node:20-bookworm-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

# ---- deps: node_modules, dev dependencies included (the build needs TypeScript and friends)
FROM base AS deps
COPY package.json package-lock.json ./
# Not `npm ci`: the lockfile is made on machines where the registry lacks some other platforms'
# optional native binaries, and `npm ci` rejects it. `npm install` resolves the same tree from the
# lock, and fetches this platform's sharp/libsql binaries (see .ci/run).
RUN npm install --no-audit --no-fund \
  && node -e "require('sharp'); import('@libsql/client').then(() => console.log('native packages: ok'))"

# ---- builder: `next build` with standalone output
FROM base AS builder
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# next.config.ts only emits .next/standalone when NEXT_OUTPUT=standalone.
ENV NEXT_OUTPUT=standalone
# The public address: next.config.ts's static headers (HSTS for an https site) are fixed at build.
ARG SITE_URL
ENV SITE_URL=${SITE_URL}
# `next build` renders the pages without parameters (home, /blog, feeds) once, and the real
# database is out of reach while building: it reads a throwaway SQLite file here instead. The
# server never serves those renders (lib/cache/startup.ts), so one image fits any database.
RUN DATABASE_URI=file:/tmp/build.db SEED=false npm run build

# ---- runner: only the traced server, static assets and the seed's source text
FROM base AS runner
# The server's memory settings, those `npm start` sets (scripts/start.sh says why); a NODE_OPTIONS
# or MALLOC_ARENA_MAX given to the container replaces them.
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    NODE_OPTIONS="--max-old-space-size=384 --max-semi-space-size=8" \
    MALLOC_ARENA_MAX=2

RUN groupadd --system --gid 1001 nodejs \
  && useradd --system --uid 1001 --gid nodejs --no-create-home --shell /usr/sbin/nologin nextjs

# server.js, the traced node_modules and the server build. Owned by the app user: Next writes
# its cache (.next/cache) at run time.
COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./
# Standalone output leaves out the client assets and public/; the server serves them from here.
COPY --from=builder --chown=nextjs:nodejs /app/.next/static ./.next/static
COPY --chown=nextjs:nodejs public ./public
# The first start seeds an empty database from these text files (read from disk at run time).
# next.config.ts traces them into the standalone output too; this makes sure they are there.
COPY --chown=nextjs:nodejs lib/seed/content ./lib/seed/content

# Everything the site stores lives under data/: uploads in data/media (a named volume in
# docker-compose.yml), and the SQLite file and generated secret when no DATABASE_URI is given.
# Created here, owned by the app user and closed to everyone else (700), so a new named volume
# starts that way.
RUN mkdir -p /app/data/media && chown -R nextjs:nodejs /app/data && chmod -R 700 /app/data

USER nextjs

EXPOSE 3000

# No curl in slim images; Node 20 has fetch.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/', { signal: AbortSignal.timeout(8000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "server.js"]
