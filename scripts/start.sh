#!/bin/sh
# `npm start`: Next's production server (`next start`) with its memory held in, three ways.
#
# SERVER_HEAP_MB, V8's old space. Left to itself V8 sizes its heap limit from the machine's memory
# (a quarter of it, up to 4 GiB) and lets the heap grow toward that before collecting in earnest.
# On this 24 GiB machine the load bench ended at 787 MiB resident for 125 MiB of live objects;
# under this limit, about 380 MiB and flat (bench/results.md, Load). Why 384 and not less: the
# heaviest work measured, a 50,000-URL sitemap rendered beside a full page cache
# (lib/cache/memory.ts), takes the heap to about 300 MiB; under 256 MiB, what V8 would pick by
# itself on a 1 GB server, the server ran out of memory there in one run of three (bench/results.md,
# Scale: Memory under the heap limit).
#
# SERVER_SEMI_SPACE_MB, V8's young generation: each of its two halves at 8 MiB, not Node 20's 16.
# MALLOC_ARENA_MAX, glibc's malloc: 2 arenas, not 8 per core, one for each thread that allocates
# (Node's worker threads, SQLite's, sharp's), each holding on to what it freed.
# Measured on one build after the same 100 s load of the site's pages, two or three runs each
# (bench/results.md, Load, says how the shipped server ends the load bench): 374-384 MiB resident
# with neither, 357-359 with the arenas alone, 345-353 with the young generation alone, 339-351
# with both. Their price, in alternating pairs on one build: the young generation, collected
# twice as often, +1-9 % CPU per cached page; the arenas +5-23 % (bench/results.md, Throughput,
# and the README's "Memory held in").
#
# Tests and benches start their servers through this file, so they run what production runs.
# A NODE_OPTIONS of your own comes after these, and V8 takes the last value of a flag:
#   NODE_OPTIONS=--max-old-space-size=512 npm start
# and a MALLOC_ARENA_MAX of your own is kept. The Docker image runs the standalone server.js
# instead; its Dockerfile sets the same three (tests/unit/docker-compose.test.ts holds it to this).
SERVER_HEAP_MB=384
SERVER_SEMI_SPACE_MB=8
SERVER_MALLOC_ARENAS=2
cd "$(dirname "$0")/.." || exit 1
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-$SERVER_MALLOC_ARENAS}"
export NODE_OPTIONS="--max-old-space-size=$SERVER_HEAP_MB --max-semi-space-size=$SERVER_SEMI_SPACE_MB${NODE_OPTIONS:+ $NODE_OPTIONS}"
# exec: the server replaces this shell, so signals (SIGTERM on a deploy) reach it directly.
exec node node_modules/next/dist/bin/next start "$@"
