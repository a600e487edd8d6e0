import { MemoryHitStore } from '@/lib/limits/store'
import { SlidingWindow } from '@/lib/limits/window'

/** The counters behind every per-client limit: the in-memory store and the sliding window on it. */
const MINUTE = 60_000

function clockedStore(maxKeys = 1000) {
  const clock = { now: 0 }
  const store = new MemoryHitStore(maxKeys, () => clock.now)
  return { clock, store, window: (limit: number, windowMs: number) => new SlidingWindow('test', limit, windowMs, () => store) }
}

describe('SlidingWindow', () => {
  it('allows `limit` hits per window, then says how long until the oldest leaves it', async () => {
    const { clock, window } = clockedStore()
    const limit = window(3, 10 * MINUTE)
    for (const minute of [0, 1, 2]) {
      clock.now = minute * MINUTE
      expect(await limit.retryAfterSeconds('a', clock.now)).toBe(0)
      await limit.record('a', clock.now)
    }
    clock.now = 4 * MINUTE
    expect(await limit.retryAfterSeconds('a', clock.now)).toBe(6 * 60)
    expect(await limit.retryAfterSeconds('b', clock.now)).toBe(0)
    // Sliding: at minute 10 the first hit has left the window, the other two have not.
    clock.now = 10 * MINUTE + 1
    expect(await limit.retryAfterSeconds('a', clock.now)).toBe(0)
    await limit.record('a', clock.now)
    expect(await limit.retryAfterSeconds('a', clock.now)).toBe(60)
  })

  it('forgets a key on clear, and ignores hits before `notBefore`', async () => {
    const { window } = clockedStore()
    const limit = window(2, MINUTE)
    await limit.record('a', 0)
    await limit.record('a', 1000)
    expect(await limit.retryAfterSeconds('a', 2000)).toBe(58)
    expect(await limit.retryAfterSeconds('a', 2000, 1500)).toBe(0)
    await limit.clear('a')
    expect(await limit.retryAfterSeconds('a', 2000)).toBe(0)
    expect(await limit.latest('a', 2000)).toBeUndefined()
  })

  it('keeps names apart: two limits never share a key', async () => {
    const { store } = clockedStore()
    const logins = new SlidingWindow('logins', 1, MINUTE, () => store)
    const mails = new SlidingWindow('mails', 1, MINUTE, () => store)
    await logins.record('x', 0)
    expect(await logins.retryAfterSeconds('x', 1)).toBe(60)
    expect(await mails.retryAfterSeconds('x', 1)).toBe(0)
  })
})

describe('MemoryHitStore', () => {
  it('keeps at most `keep` times per key', async () => {
    const { store } = clockedStore()
    for (let at = 1; at <= 10; at++) await store.add('k', at, 3, MINUTE)
    expect(await store.hits('k', 0)).toEqual([8, 9, 10])
  })

  it('keeps memory bounded: expired keys go first, then the least recently written', async () => {
    const { clock, store } = clockedStore(100)
    await store.add('old', 0, 1, 1000)
    clock.now = 5000
    for (let key = 0; key < 1000; key++) await store.add(`k${key}`, clock.now, 2, MINUTE)
    expect(store.size).toBeLessThanOrEqual(100)
    expect(await store.hits('old', 0)).toEqual([])
    expect(await store.hits('k999', 0)).toEqual([5000])
    expect(await store.hits('k0', 0)).toEqual([])
  })

  it('forgets a key once its time to live has passed', async () => {
    const { clock, store } = clockedStore()
    await store.add('k', 0, 5, 1000)
    clock.now = 999
    expect(await store.hits('k', -1)).toEqual([0])
    clock.now = 1000
    expect(await store.hits('k', -1)).toEqual([])
  })
})
