import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { parse } from 'yaml'

import { freePort } from './http/server'

/**
 * The caching proxy of docker-compose.yml, run for real: the `nginx-site` config's own text, with
 * only what Docker would provide swapped in (the app's address, the cache folder, the port), in a
 * local nginx (Debian's, which .ci/run installs). Shared by tests/http/nginx.test.ts and
 * bench/throughput.ts.
 */
export const NGINX_BINARY = process.env.NGINX_PATH || '/usr/sbin/nginx'

export type Nginx = { baseUrl: string; pid: number; child: ChildProcess; dir: string; log: () => string }

/** The site config as nginx reads it once Compose has written it (`$$` is Compose's `$`). */
export function composeNginxSite(): string {
  const compose = parse(readFileSync(path.resolve('docker-compose.yml'), 'utf8')) as {
    configs: Record<string, { content: string }>
  }
  return compose.configs['nginx-site'].content.replaceAll('$$', '$')
}

/**
 * `upstream`: the app's address, or several (instances nginx balances over, as over Compose's
 * replicas). `cache: false` runs the site without its page cache (the proxy alone, for benchmarks).
 */
export async function startNginx(upstream: string | string[], { cache = true }: { cache?: boolean } = {}): Promise<Nginx> {
  if (!existsSync(NGINX_BINARY)) {
    throw new Error(`No nginx at ${NGINX_BINARY}: apt-get install -y nginx-light (.ci/run does), or set NGINX_PATH.`)
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wellpress-nginx-'))
  const port = await freePort()
  const servers = (Array.isArray(upstream) ? upstream : [upstream]).map((address) => `server ${new URL(address).host};`).join('\n        ')
  let site = composeNginxSite()
    // Docker's DNS and its replicas are not here: the given addresses, fixed.
    .replace(/^\s*resolver .*$/m, '')
    .replace(/^\s*zone wellpress_app .*$/m, '')
    .replace('server app:3000 resolve;', servers)
    .replace('/var/cache/nginx/wellpress', path.join(dir, 'cache'))
    .replace('listen 80;', `listen 127.0.0.1:${port};`)
  if (!cache) site = site.replace(/^(\s*)proxy_cache wellpress;$/m, '$1proxy_cache off;')
  for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(dir, name))
  const temp = (name: string) => path.join(dir, name)
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${temp('nginx.pid')};
error_log ${temp('error.log')} warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
${site}
}
`,
  )
  const check = spawnSync(NGINX_BINARY, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' })
  if (check.status !== 0) throw new Error(`nginx refused the compose config:\n${check.stderr}`)
  // Detached: its own process group (master and worker), which stopNginx ends as a whole.
  const child = spawn(NGINX_BINARY, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
  let output = ''
  child.stderr?.on('data', (chunk) => (output += chunk))
  const log = () => output + (existsSync(temp('error.log')) ? readFileSync(temp('error.log'), 'utf8') : '')
  const nginx = { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid as number, child, dir, log }
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${log()}`)
    const status = await fetch(`${nginx.baseUrl}/health`).then((response) => response.status, () => 0)
    if (status) return nginx
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  stopNginx(nginx)
  throw new Error(`nginx did not answer:\n${log()}`)
}

export function stopNginx(nginx: Nginx | undefined) {
  if (!nginx) return
  try {
    process.kill(-nginx.pid, 'SIGTERM')
  } catch {
    // already gone
  }
  rmSync(nginx.dir, { recursive: true, force: true })
}
