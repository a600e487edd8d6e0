import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { parse } from 'yaml'

import { serverMemoryEnv } from '../http/server'

/**
 * Docker can't run in CI, so the production setup is checked by reading it: docker-compose.yml
 * (parsed), the Dockerfile and .dockerignore (as text), and next.config.ts, whose standalone
 * switch produces the folder the Dockerfile copies.
 */
const root = process.cwd()
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')

type Healthcheck = { test: string | string[]; interval?: string; timeout?: string; retries?: number; start_period?: string }
type Service = {
  image?: string
  build?: string | { context: string; args?: Record<string, string> }
  command?: string | string[]
  healthcheck?: Healthcheck
  depends_on?: string[] | Record<string, { condition?: string }>
  environment?: Record<string, string> | string[]
  ports?: (string | { target: number; published: string | number })[]
  volumes?: (string | { type?: string; source: string; target: string })[]
  restart?: string
}
type Compose = {
  services: Record<string, Service & { configs?: { source: string; target: string }[]; expose?: string[] }>
  volumes?: Record<string, unknown>
  configs?: Record<string, { content?: string }>
}

const compose = parse(read('docker-compose.yml')) as Compose
const { mongo, app, proxy, redis } = compose.services

const asArray = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/)

function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {}
  if (!Array.isArray(env)) return env
  return Object.fromEntries(env.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]))
}

/** Named volumes a service mounts, as source → container path. */
function mounts(service: Service): Record<string, string> {
  return Object.fromEntries(
    (service.volumes ?? []).map((volume) => {
      if (typeof volume !== 'string') return [volume.source, volume.target]
      const [source, target] = volume.split(':')
      return [source, target]
    }),
  )
}

describe('docker-compose.yml: mongo', () => {
  it('runs MongoDB as replica set rs0, listening on the compose network', () => {
    expect(mongo).toBeDefined()
    expect(mongo.image).toMatch(/^mongo:\d/)
    const command = asArray(mongo.command)
    expect(command[command.indexOf('--replSet') + 1]).toBe('rs0')
    expect(command).toContain('--replSet')
    expect(command).toContain('--bind_ip_all')
  })

  it('has a health check that initiates the replica set once and waits for a primary', () => {
    const healthcheck = mongo.healthcheck as Healthcheck
    expect(healthcheck).toBeDefined()
    const test = asArray(healthcheck.test).join(' ')
    expect(test).toContain('mongosh')
    expect(test).toMatch(/rs\.status\(\)/)
    expect(test).toMatch(/rs\.initiate\(/)
    // Initiated with the address the app connects to, under the set name the app asks for.
    expect(test).toMatch(/_id:\s*'rs0'/)
    expect(test).toMatch(/host:\s*'mongo:27017'/)
    // Compose would interpolate a bare $ in the command.
    expect(test).not.toMatch(/(^|[^$])\$(?!\$)/)
    for (const key of ['interval', 'timeout', 'start_period'] as const) expect(healthcheck[key]).toMatch(/^\d+(ms|s|m)$/)
    expect(healthcheck.retries).toBeGreaterThan(0)
  })

  it('keeps its data in a named volume declared at the top level', () => {
    const volumes = mounts(mongo)
    const source = Object.keys(volumes).find((name) => volumes[name] === '/data/db')
    expect(source).toBe('mongo-data')
    expect(compose.volumes).toHaveProperty('mongo-data')
    expect(mongo.restart).toBe('unless-stopped')
  })
})

describe('docker-compose.yml: app', () => {
  it('is built from this folder', () => {
    expect(app).toBeDefined()
    const build = typeof app.build === 'string' ? app.build : app.build?.context
    expect(build).toBe('.')
  })

  it('builds with the same public address it runs with (build-time headers such as HSTS need it)', () => {
    const args = typeof app.build === 'object' ? app.build.args : undefined
    expect(args?.SITE_URL).toBe(environment(app).SITE_URL)
    expect(read('Dockerfile')).toMatch(/^ARG SITE_URL$/m)
  })

  it('waits for a healthy mongo, not merely a started one', () => {
    expect(Array.isArray(app.depends_on)).toBe(false)
    const dependsOn = app.depends_on as Record<string, { condition?: string }>
    expect(dependsOn.mongo?.condition).toBe('service_healthy')
  })

  it('connects to the replica set on the mongo service', () => {
    const uri = environment(app).DATABASE_URI
    expect(uri).toMatch(/^mongodb:\/\//)
    const url = new URL(uri)
    expect(url.hostname).toBe('mongo')
    expect(url.searchParams.get('replicaSet')).toBe('rs0')
    expect(url.pathname).toBe('/wellpress')
  })

  it('can create the first admin from ADMIN_EMAIL and ADMIN_PASSWORD, left unset by default', () => {
    expect(environment(app).ADMIN_EMAIL).toBe('${ADMIN_EMAIL:-}')
    expect(environment(app).ADMIN_PASSWORD).toBe('${ADMIN_PASSWORD:-}')
  })

  it('refuses to start without a PAYLOAD_SECRET and defaults SITE_URL', () => {
    const env = environment(app)
    expect(env.PAYLOAD_SECRET).toMatch(/^\$\{PAYLOAD_SECRET:\?.+\}$/)
    expect(env.SITE_URL).toMatch(/^\$\{SITE_URL:-https?:\/\/.+\}$/)
  })

  it('is reached only through the proxy, and keeps uploads in a named volume', () => {
    expect(app.ports ?? []).toEqual([])
    expect(app.expose).toEqual(['3000'])
    expect(mounts(app).media).toBe('/app/data/media')
    expect(compose.volumes).toHaveProperty('media')
    expect(app.restart).toBe('unless-stopped')
  })

  it('mounts only volumes declared at the top level', () => {
    for (const service of Object.values(compose.services)) {
      for (const source of Object.keys(mounts(service))) {
        if (!source.startsWith('.') && !source.startsWith('/')) expect(compose.volumes).toHaveProperty(source)
      }
    }
  })
})

describe('docker-compose.yml: proxy', () => {
  it('is nginx, publishing port 3000, in front of a healthy app', () => {
    expect(proxy.image).toMatch(/^nginx:\d/)
    const ports = (proxy.ports ?? []).map((port) => (typeof port === 'string' ? port : `${port.published}:${port.target}`))
    expect(ports).toEqual(['3000:80'])
    const dependsOn = proxy.depends_on as Record<string, { condition?: string }>
    expect(dependsOn.app?.condition).toBe('service_healthy')
    expect(read('Dockerfile')).toMatch(/^HEALTHCHECK /m)
    expect(proxy.restart).toBe('unless-stopped')
  })

  it('runs the nginx-site config as its site, and keeps its cache in a named volume', () => {
    expect(proxy.configs).toEqual([{ source: 'nginx-site', target: '/etc/nginx/conf.d/default.conf' }])
    const site = compose.configs?.['nginx-site']?.content ?? ''
    // The app's replicas on the compose network (see "several instances"), and the cache inside the mounted volume.
    expect(site).toMatch(/^\s*server app:3000 resolve;/m)
    expect(site).toMatch(/proxy_cache_path \/var\/cache\/nginx\/wellpress /)
    expect(mounts(proxy)['proxy-cache']).toBe('/var/cache/nginx')
    expect(compose.volumes).toHaveProperty('proxy-cache')
    // Compose interpolates `$name`: every nginx variable must be written `$$name`.
    expect(site.replaceAll('$$', '')).not.toContain('$')
    // No cache time of its own: only what the app marks cacheable is kept (tests/http/nginx.test.ts).
    expect(site.replace(/#.*$/gm, '')).not.toMatch(/proxy_cache_valid|proxy_ignore_headers/)
  })

  it('is the edge: tells the app what it saw itself, never what the client claims', () => {
    const site = (compose.configs?.['nginx-site']?.content ?? '').replace(/#.*$/gm, '')
    expect(site).toMatch(/proxy_set_header X-Forwarded-For \$\$remote_addr;/)
    expect(site).toMatch(/proxy_set_header X-Forwarded-Proto \$\$scheme;/)
    expect(site).not.toMatch(/http_x_forwarded|proxy_add_x_forwarded_for/)
  })

  it('has a fixed address on the compose network, the one proxy the app trusts', () => {
    const proxyService = proxy as Service & { networks?: Record<string, { ipv4_address?: string }> }
    const address = proxyService.networks?.default?.ipv4_address
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
    expect(environment(app).TRUSTED_PROXIES).toBe(address)
  })
})

// ---- Dockerfile

type Instruction = { keyword: string; args: string; stage: string }

/** Joins `\` continuations, drops comments, and labels each instruction with its stage. */
function parseDockerfile(text: string): { stages: { name: string; image: string }[]; instructions: Instruction[] } {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
  const stages: { name: string; image: string }[] = []
  const instructions: Instruction[] = []
  for (const line of lines) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) as RegExpExecArray
    if (keyword.toUpperCase() === 'FROM') {
      const [, image, name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) as RegExpExecArray
      stages.push({ image, name: name ?? String(stages.length) })
    }
    instructions.push({ keyword: keyword.toUpperCase(), args, stage: stages.at(-1)?.name ?? '' })
  }
  return { stages, instructions }
}

type Copy = { from?: string; chown?: string; sources: string[]; destination: string; stage: string }

function copies(instructions: Instruction[]): Copy[] {
  return instructions
    .filter((instruction) => instruction.keyword === 'COPY' || instruction.keyword === 'ADD')
    .map(({ args, stage }) => {
      const flags: Record<string, string> = {}
      let rest = args
      for (let match = /^--(\w+)=(\S+)\s+/.exec(rest); match; match = /^--(\w+)=(\S+)\s+/.exec(rest)) {
        flags[match[1]] = match[2]
        rest = rest.slice(match[0].length)
      }
      const paths = rest.startsWith('[') ? (JSON.parse(rest) as string[]) : rest.split(/\s+/)
      return { from: flags.from, chown: flags.chown, sources: paths.slice(0, -1), destination: paths.at(-1) as string, stage }
    })
}

const dockerfile = parseDockerfile(read('Dockerfile'))
const stageNames = dockerfile.stages.map((stage) => stage.name)
const inStage = (stage: string) => dockerfile.instructions.filter((instruction) => instruction.stage === stage)
const runnerCopies = copies(inStage('runner'))

/** The stage and its ancestors (FROM <earlier stage>), nearest first. */
function lineage(stage: string): string[] {
  const image = dockerfile.stages.find((candidate) => candidate.name === stage)?.image
  return image && stageNames.includes(image) ? [stage, ...lineage(image)] : [stage]
}

/** ENV values in effect in a stage, inherited ones included (both `K=V ...` and `K V` forms). */
function envOf(stage: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of lineage(stage).reverse()) {
    for (const { keyword, args } of inStage(name)) {
      if (keyword !== 'ENV') continue
      if (!args.includes('=')) {
        const [key, ...value] = args.split(/\s+/)
        env[key] = value.join(' ')
        continue
      }
      for (const [, key, value] of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[key] = value.replace(/^"|"$/g, '')
    }
  }
  return env
}

function jsonOrShell(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : ['/bin/sh', '-c', args]
}

describe('Dockerfile', () => {
  it('builds in stages on glibc Node 20 images', () => {
    expect(stageNames).toEqual(expect.arrayContaining(['deps', 'builder', 'runner']))
    expect(stageNames.at(-1)).toBe('runner')
    for (const { image } of dockerfile.stages) {
      if (!stageNames.includes(image)) expect(image).toMatch(/^node:20(\.[\d.]+)?-bookworm-slim$/)
    }
  })

  it('installs with `npm install` from the lockfile (npm ci rejects it)', () => {
    const deps = inStage('deps')
    expect(copies(deps).flatMap((copy) => copy.sources)).toEqual(expect.arrayContaining(['package.json', 'package-lock.json']))
    const run = deps.filter((instruction) => instruction.keyword === 'RUN').map((instruction) => instruction.args)
    expect(run.join('\n')).toMatch(/npm install\b/)
    expect(run.join('\n')).not.toMatch(/npm ci\b/)
  })

  it('builds with standalone output', () => {
    expect(envOf('builder').NEXT_OUTPUT).toBe('standalone')
    const builder = inStage('builder')
    const buildIndex = builder.findIndex((i) => i.keyword === 'RUN' && /npm run build|next build/.test(i.args))
    expect(buildIndex).toBeGreaterThan(-1)
    const envIndex = builder.findIndex((i) => i.keyword === 'ENV' && /NEXT_OUTPUT=standalone/.test(i.args))
    // Set before the build (or inherited from an earlier stage).
    if (envIndex !== -1) expect(envIndex).toBeLessThan(buildIndex)
  })

  it('runs the standalone server with its static assets, public/ and the seed content', () => {
    const copied = (source: string) => runnerCopies.find((copy) => copy.sources.some((s) => s.replace(/\/$/, '') === source))
    expect(copied('/app/.next/standalone')).toMatchObject({ from: 'builder', destination: './' })
    expect(copied('/app/.next/static')).toMatchObject({ from: 'builder', destination: './.next/static' })
    expect(copied('public') ?? copied('/app/public')).toMatchObject({ destination: './public' })
    expect(copied('lib/seed/content') ?? copied('/app/lib/seed/content')).toMatchObject({ destination: './lib/seed/content' })
    for (const copy of runnerCopies) expect(copy.chown).toMatch(/^nextjs(:|$)/)

    const env = envOf('runner')
    expect(env).toMatchObject({ NODE_ENV: 'production', PORT: '3000', HOSTNAME: '0.0.0.0' })
    // The same memory settings as `npm start` (scripts/start.sh), which the benches measure.
    expect(env).toMatchObject(serverMemoryEnv())
    // Destinations above are relative to /app, where the seed and data/ paths expect them.
    const workdir = lineage('runner')
      .flatMap((stage) => inStage(stage).filter((i) => i.keyword === 'WORKDIR').reverse())
      .at(0)
    expect(workdir?.args).toBe('/app')
  })

  it('runs as a non-root user that owns data/, closed to everyone else', () => {
    const runner = inStage('runner')
    const users = runner.filter((i) => i.keyword === 'USER').map((i) => i.args.split(':')[0])
    expect(users.length).toBeGreaterThan(0)
    expect(users.at(-1)).not.toMatch(/^(root|0)$/)
    const run = runner.filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n')
    expect(run).toMatch(/mkdir -p \/app\/data\/media/)
    expect(run).toMatch(new RegExp(`chown -R ${users.at(-1)}(:\\S+)? /app/data\\b`))
    expect(run).toMatch(/chmod -R 700 \/app\/data\b/)
  })

  it('exposes 3000, checks its own health with node, and starts node server.js', () => {
    const runner = inStage('runner')
    expect(runner.find((i) => i.keyword === 'EXPOSE')?.args).toBe('3000')
    const healthcheck = runner.find((i) => i.keyword === 'HEALTHCHECK')?.args ?? ''
    expect(healthcheck).toMatch(/CMD \["node", "-e", .*fetch\('http:\/\/127\.0\.0\.1:/)
    const cmd = runner.filter((i) => i.keyword === 'CMD').at(-1)
    expect(jsonOrShell(cmd?.args ?? '')).toEqual(['node', 'server.js'])
  })
})

// ---- build context: .dockerignore

/** Docker's .dockerignore rules: globs on paths from the context root, last match wins, `!` re-includes. */
function dockerignore(text: string) {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!')
      const pattern = path.posix.normalize((negate ? line.slice(1) : line).trim()).replace(/^\/+|\/+$/g, '')
      let source = ''
      for (let i = 0; i < pattern.length; i++) {
        const char = pattern[i]
        if (char === '*' && pattern[i + 1] === '*') {
          const slash = pattern[i + 2] === '/'
          source += slash ? '(?:.*/)?' : '.*'
          i += slash ? 2 : 1
        } else if (char === '*') source += '[^/]*'
        else if (char === '?') source += '[^/]'
        else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
      }
      return { negate, regex: new RegExp(`^${source}$`) }
    })
  /** A path is excluded when a rule matches it or any folder above it. */
  return (file: string) => {
    const parts = path.posix.normalize(file).split('/')
    const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'))
    let excluded = false
    for (const rule of rules) if (candidates.some((candidate) => rule.regex.test(candidate))) excluded = !rule.negate
    return excluded
  }
}

const ignored = dockerignore(read('.dockerignore'))

function filesUnder(relative: string): string[] {
  const absolute = path.join(root, relative)
  if (!statSync(absolute).isDirectory()) return [relative]
  return readdirSync(absolute).flatMap((entry) => filesUnder(path.posix.join(relative, entry)))
}

describe('.dockerignore and the build context', () => {
  it('keeps dependencies, build output, local state and secrets out of the context', () => {
    for (const file of [
      'node_modules/next/package.json',
      '.next/standalone/server.js',
      '.next-test/BUILD_ID',
      'data/wellpress.db',
      'data/.payload-secret',
      'data/media/photo.jpg',
      'wellpress.db',
      'lib/wellpress.db-wal',
      '.env',
      '.env.local',
      '.env.production',
      '.git/HEAD',
    ]) {
      expect({ file, ignored: ignored(file) }).toEqual({ file, ignored: true })
    }
  })

  it('every file the Dockerfile copies from the context exists and is sent', () => {
    const fromContext = dockerfile.stages.flatMap(({ name }) => copies(inStage(name))).filter((copy) => !copy.from)
    const sources = fromContext.flatMap((copy) => copy.sources)
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', '.']))
    for (const source of sources) {
      expect({ source, exists: existsSync(path.join(root, source)) }).toEqual({ source, exists: true })
      if (source === '.') continue
      const files = filesUnder(source.replace(/\/$/, ''))
      expect(files.length).toBeGreaterThan(0)
      for (const file of files) expect({ file, ignored: ignored(file) }).toEqual({ file, ignored: false })
    }
  })

  it('sends everything `next build` needs', () => {
    const needed = [
      'package.json',
      'package-lock.json',
      'next.config.ts',
      'payload.config.ts',
      'payload-types.ts',
      'tsconfig.json',
      ...['app', 'collections', 'components', 'lib'].flatMap(filesUnder),
    ]
    for (const file of needed) expect({ file, ignored: ignored(file) }).toEqual({ file, ignored: false })
  })
})

describe('next.config.ts', () => {
  it('emits standalone output when NEXT_OUTPUT=standalone, as the Dockerfile sets', () => {
    const config = read('next.config.ts')
    expect(config).toMatch(/output:\s*process\.env\.NEXT_OUTPUT\s*===\s*['"]standalone['"]\s*\?\s*['"]standalone['"]/)
    // The runner copies .next/standalone, so the build must not move it elsewhere in Docker.
    expect(config).toMatch(/distDir:\s*process\.env\.NEXT_DIST_DIR\s*\|\|\s*['"]\.next['"]/)
    expect(envOf('builder').NEXT_DIST_DIR).toBeUndefined()
  })

  it('traces the seed content into the standalone output', () => {
    expect(read('next.config.ts')).toMatch(/outputFileTracingIncludes:[^\n]*lib\/seed\/content/)
  })
})

/** The `upstream wellpress_app { … }` block of the proxy's site, comments dropped. */
function upstreamBlock(): string {
  const site = (compose.configs?.['nginx-site']?.content ?? '').replace(/#.*$/gm, '')
  return /upstream wellpress_app \{([^}]*)\}/.exec(site)?.[1] ?? ''
}

describe('docker-compose.yml: several instances (`docker compose up --scale app=3`)', () => {
  it('lets the app be replicated: no fixed name, host port or address on it', () => {
    const service = app as Service & { container_name?: string; networks?: Record<string, { ipv4_address?: string } | null> }
    expect(service.container_name).toBeUndefined()
    expect(service.ports ?? []).toEqual([])
    for (const network of Object.values(service.networks ?? {})) expect(network?.ipv4_address).toBeUndefined()
    // Replicas share one uploads volume (or a bucket), never a folder of their own.
    expect(mounts(app).media).toBe('/app/data/media')
    for (const name of ['S3_BUCKET', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) expect(environment(app)[name]).toBe(`\${${name}:-}`)
  })

  it('has nginx balance over every replica, found by name through Docker\'s DNS and looked up again as they change', () => {
    const block = upstreamBlock()
    const servers = [...block.matchAll(/^\s*server\s+(\S+)([^;]*);/gm)].map((match) => ({ address: match[1], options: match[2].trim() }))
    expect(servers).toEqual([{ address: 'app:3000', options: 'resolve' }])
    // `resolve` needs a shared-memory zone and a resolver: Docker's embedded DNS.
    expect(block).toMatch(/^\s*zone wellpress_app \d+k;/m)
    const site = (compose.configs?.['nginx-site']?.content ?? '').replace(/#.*$/gm, '')
    expect(site).toMatch(/^\s*resolver 127\.0\.0\.11 valid=\d+s/m)
    // Open-source nginx has `resolve` on upstream servers since 1.27.3: the image's line must be that or later.
    const [major, minor] = (/^nginx:(\d+)\.(\d+)/.exec(proxy.image ?? '') ?? []).slice(1).map(Number)
    expect(major > 1 || (major === 1 && minor >= 27)).toBe(true)
    // Every location proxies to the balanced group, none to one replica.
    expect([...site.matchAll(/proxy_pass\s+([^;]+);/g)].map((match) => match[1]).every((target) => target === 'http://wellpress_app')).toBe(true)
  })

  it('runs Redis, which the app waits for and shares its cache, counters and job turn through', () => {
    expect(redis).toBeDefined()
    expect(redis.image).toMatch(/^redis:\d/)
    expect(redis.ports ?? []).toEqual([])
    expect(asArray((redis.healthcheck as Healthcheck).test).join(' ')).toMatch(/redis-cli ping/)
    expect((app.depends_on as Record<string, { condition?: string }>).redis?.condition).toBe('service_healthy')
    expect(environment(app).REDIS_URL).toBe('redis://redis:6379')
    const command = asArray(redis.command)
    // Bounded memory, and only keys with an expiry may go: the record of purges never does.
    expect(command[command.indexOf('--maxmemory') + 1]).toMatch(/^\d+(mb|gb)$/)
    expect(command[command.indexOf('--maxmemory-policy') + 1]).toMatch(/^volatile-/)
  })
})
