import { createHash } from 'node:crypto'

/**
 * Document ids across adapters. SQLite (idType uuid) stores any string id, so documents keep the
 * ids they had. MongoDB's `_id` is an ObjectId: a MongoDB export's ids fit as they are, but
 * SQLite's uuids do not, so moving SQLite → MongoDB gives each document a new id and rewrites every
 * reference to it (relationship and upload fields, Lexical links and upload nodes, redirect
 * targets, versions' parents, scheduled jobs' inputs).
 */
const OBJECT_ID = /^[0-9a-f]{24}$/i

export type TargetAdapter = 'sqlite' | 'mongodb'

export function keepsId(target: TargetAdapter, id: string): boolean {
  return target === 'sqlite' || OBJECT_ID.test(id)
}

/**
 * A stable ObjectId for a document that cannot keep its id: the creation time in the first four
 * bytes (as MongoDB's own ids, so `_id` order follows creation), then 8 bytes of the old id's
 * SHA-256. Stable, so the same archive always imports to the same ids.
 */
export function objectIdFor(oldId: string, createdAt: unknown): string {
  const time = typeof createdAt === 'string' || createdAt instanceof Date ? new Date(createdAt).getTime() : NaN
  const seconds = Number.isFinite(time) ? Math.max(0, Math.floor(time / 1000)) : 0
  const timeHex = Math.min(seconds, 0xffffffff).toString(16).padStart(8, '0')
  return timeHex + createHash('sha256').update(oldId).digest('hex').slice(0, 16)
}

/**
 * Replaces every string that is exactly an old document id with its new id, anywhere in a value.
 * Ids are uuids (or 24-hex ObjectIds), which no text a person writes is equal to, so matching whole
 * string values reaches every kind of reference without listing them field by field.
 */
export function rewriteIds<T>(value: T, newIds: ReadonlyMap<string, string>): T {
  if (newIds.size === 0) return value
  return rewrite(value, newIds) as T
}

function rewrite(value: unknown, newIds: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return newIds.get(value) ?? value
  if (Array.isArray(value)) return value.map((item) => rewrite(item, newIds))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewrite(item, newIds)]))
  }
  return value
}
