import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'

import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { extract } from 'tar'

import { type S3Server, startS3 } from '../sharedServices'
import { bootPayload, shutdown, temporarySqlite } from './helpers'

/**
 * Media in an S3-compatible bucket (S3_BUCKET; an s3rver this file starts): an upload through the
 * Local API stores the original and every generated size in the bucket, not on disk; the image
 * rules still refuse what is not an image; and a backup made by the real `npm run export` holds
 * the bucket's files, which the real `npm run import` restores into another bucket, intact.
 */
const repo = process.cwd()
const tsx = path.join(repo, 'node_modules', '.bin', 'tsx')
const work = mkdtempSync(path.join(os.tmpdir(), 'wellpress-backup-s3-'))
const SECRET = 'backup-s3-secret-backup-s3-secret-0123'
const S3_KEYS = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE']
const RESTORED_BUCKET = 'wellpress-restored'

const sourceDb = temporarySqlite()
let s3: S3Server
let client: S3Client
let payload: Payload
let uploaded: { filename: string; sizes: Record<string, { filename: string }> }

const env = (bucket: string) => ({ ...s3.env, S3_BUCKET: bucket })

async function bucketFiles(bucket: string): Promise<Record<string, string>> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }))
  const files: Record<string, string> = {}
  for (const { Key } of listed.Contents ?? []) {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key }))
    const hash = createHash('sha256')
    for await (const chunk of object.Body as Readable) hash.update(chunk as Buffer)
    files[Key as string] = hash.digest('hex')
  }
  return files
}

/** Runs a script as its own process; asynchronously, as the S3 server it talks to runs in this one. */
function run(script: string, args: string[], databaseUri: string, bucket: string, cwd: string): Promise<string> {
  mkdirSync(cwd, { recursive: true })
  return new Promise((resolve, reject) => {
    execFile(
      tsx,
      [path.join(repo, script), ...args],
      { cwd, env: { ...process.env, NODE_ENV: 'test', DATABASE_URI: databaseUri, PAYLOAD_SECRET: SECRET, ...env(bucket) }, timeout: 180_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${script} failed (${error.message}):\n${stdout}\n${stderr}`)) : resolve(stdout)),
    )
  })
}

beforeAll(async () => {
  s3 = await startS3()
  client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: s3.env.S3_ACCESS_KEY_ID, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY },
  })
  await client.send(new CreateBucketCommand({ Bucket: RESTORED_BUCKET }))
  payload = await bootPayload(sourceDb, { ...s3.env, PAYLOAD_SECRET: SECRET })
}, 120_000)

afterAll(async () => {
  await shutdown(payload, sourceDb)
  for (const key of S3_KEYS) delete process.env[key]
  client?.destroy()
  await s3?.stop()
  rmSync(work, { recursive: true, force: true })
})

test('an upload stores the original and every generated size in the bucket, not on disk', async () => {
  const png = await sharp({ create: { width: 1400, height: 900, channels: 3, background: { r: 120, g: 150, b: 170 } } }).png().toBuffer()
  const name = `towels-${Date.now().toString(36)}.png`
  const doc = await payload.create({
    collection: 'media',
    data: { alt: 'Folded towels on a massage table' },
    file: { data: png, mimetype: 'image/png', name, size: png.length },
  })
  uploaded = doc as unknown as typeof uploaded
  const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]
  expect(names).toHaveLength(7)
  const inBucket = await bucketFiles(s3.bucket)
  expect(Object.keys(inBucket)).toEqual(expect.arrayContaining(names))
  const mediaDir = path.join(repo, 'data', 'media')
  for (const file of names) expect(existsSync(path.join(mediaDir, file as string))).toBe(false)
  // Each size is the image it claims to be.
  const card = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: doc.sizes?.card?.filename as string }))
  const cardBytes = Buffer.concat(await (card.Body as Readable).toArray())
  expect(await sharp(cardBytes).metadata()).toMatchObject({ format: 'webp', width: 640, height: 400 })
})

test('the image rules still refuse a text file named .png, and nothing reaches the bucket', async () => {
  const before = Object.keys(await bucketFiles(s3.bucket)).length
  const notes = Buffer.from('Shoulder massage notes, not an image.\n'.repeat(10))
  await expect(
    payload.create({
      collection: 'media',
      data: { alt: 'Notes about shoulder massage' },
      file: { data: notes, mimetype: 'image/png', name: 'notes.png', size: notes.length },
    }),
  ).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'file', message: expect.stringMatching(/not a JPEG, PNG, WebP or AVIF image/) })] } })
  expect(Object.keys(await bucketFiles(s3.bucket))).toHaveLength(before)
})

test('export takes the files from the bucket, and import restores them into another bucket', async () => {
  const source = await bucketFiles(s3.bucket)
  const archive = path.join(work, 'site.tar.gz')
  expect(await run('scripts/export.ts', [archive], sourceDb.uri, s3.bucket, path.join(work, 'export'))).toMatch(/Backup complete: .* 7 files/)

  const unpacked = path.join(work, 'unpacked')
  mkdirSync(unpacked)
  await extract({ file: archive, cwd: unpacked })
  expect(readdirSync(path.join(unpacked, 'uploads', 'media')).sort()).toEqual(Object.keys(source).sort())

  const target = temporarySqlite()
  try {
    expect(await run('scripts/import.ts', [archive], target.uri, RESTORED_BUCKET, path.join(work, 'import'))).toMatch(/7 files copied \(0 already there\)/)
    expect(await bucketFiles(RESTORED_BUCKET)).toEqual(source)
    // Again into another empty database over the same bucket: the files are already there, intact.
    const again = temporarySqlite()
    try {
      expect(await run('scripts/import.ts', [archive], again.uri, RESTORED_BUCKET, path.join(work, 'import-again'))).toMatch(/0 files copied \(7 already there\)/)
    } finally {
      again.cleanup()
    }
  } finally {
    target.cleanup()
  }
  expect(uploaded.filename in source).toBe(true)
}, 300_000)
