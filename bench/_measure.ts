/**
 * What the throughput, layers, load and cold-start benchmarks measure a server with: autocannon
 * runs, the CPU time and resident memory of a server's processes, medians. Not a benchmark itself
 * (the leading `_`).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

export type AutocannonResult = {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number }
  errors: number
  timeouts: number
  non2xx: number
}
// autocannon ships no types; this is the part of its programmatic API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string
  connections: number
  duration: number
  timeout?: number
}) => Promise<AutocannonResult>

/** `connections` held on one address for `seconds`, no compression asked. */
export const hammer = (url: string, seconds: number, connections: number) => autocannon({ url, connections, duration: seconds, timeout: 10 })

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`

const CLOCK_TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

/**
 * CPU time (user + system, ms) used so far by every process of a server's process group (`next
 * start` and the server it runs): CPU per request says what a request costs the server, whatever
 * else the machine is doing at the time.
 */
export function groupCpuMs(group: number): number {
  const listed = spawnSync('ps', ['-o', 'pid=', '-g', String(group)], { encoding: 'utf8' })
  // ps exits 1 when it selects nothing.
  if (listed.status !== 0) throw new Error(`The server in process group ${group} is no longer running.`)
  const pids = listed.stdout.split('\n').map(Number).filter(Boolean)
  return pids.reduce((total, pid) => {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ')
      return total + ((Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S) * 1000
    } catch {
      return total // a process that ended between `ps` and the read
    }
  }, 0)
}

/** The `next-server` process under `next start` (its process group), for its RSS. */
export function serverPid(groupLeader: number): number {
  const rows = execFileSync('ps', ['-o', 'pid=,rss=,args=', '-g', String(groupLeader)], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => Boolean(match))
    .map((match) => ({ pid: Number(match[1]), rss: Number(match[2]), args: match[3] }))
  const server = rows.find((row) => row.args.startsWith('next-server')) ?? rows.sort((a, b) => b.rss - a.rss)[0]
  if (!server) throw new Error(`no process in group ${groupLeader}`)
  return server.pid
}

export function rssMiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match) throw new Error(`no VmRSS for ${pid}`)
  return Number(match[1]) / 1024
}

/** The most resident memory the process has held since it started (VmHWM), MiB. */
export function peakRssMiB(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match) throw new Error(`no VmHWM for ${pid}`)
  return Number(match[1]) / 1024
}

/** Resident memory of every process in the group (`next start` and its server), MiB. */
export function groupRssMiB(groupLeader: number): number {
  const rows = execFileSync('ps', ['-o', 'rss=', '-g', String(groupLeader)], { encoding: 'utf8' })
  return rows.split('\n').map(Number).filter(Boolean).reduce((sum, kb) => sum + kb, 0) / 1024
}

/**
 * Addresses measured taking turns: `rounds` rounds, each address `seconds` per round at the same
 * connections, so a noisy neighbour on the machine slows every side alike. Per address: req/s per
 * round, latency, errors, and the server's CPU per request.
 */
export type Address = { label: string; url: string; group: number }
export type Runs = { rates: number[]; p50: number[]; p99: number[]; errors: number; cpuMs: number; requests: number }

export async function takeTurns(addresses: Address[], { rounds, seconds, connections, warmupS, tag }: { rounds: number; seconds: number; connections: number; warmupS: number; tag: string }) {
  console.log(`[${tag}] warm-up ${warmupS} s per address, then ${rounds} rounds × ${addresses.length} addresses × ${seconds} s at ${connections} connections`)
  for (const address of addresses) await hammer(address.url, warmupS, connections)
  const runs = new Map<string, Runs>(addresses.map((address) => [address.label, { rates: [], p50: [], p99: [], errors: 0, cpuMs: 0, requests: 0 }]))
  for (let round = 0; round < rounds; round++) {
    for (const address of addresses) {
      const cpuBefore = groupCpuMs(address.group)
      const result = await hammer(address.url, seconds, connections)
      const tally = runs.get(address.label)!
      tally.cpuMs += groupCpuMs(address.group) - cpuBefore
      tally.requests += result.requests.total
      tally.rates.push(result.requests.average)
      tally.p50.push(result.latency.p50)
      tally.p99.push(result.latency.p99)
      tally.errors += result.errors + result.timeouts + result.non2xx
      console.log(`[${tag}] round ${round + 1} ${address.label}: ${result.requests.average.toFixed(0)} req/s, ${result.errors + result.timeouts + result.non2xx} errors`)
    }
  }
  return runs
}
