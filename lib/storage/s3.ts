import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'

import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import { env, type Env } from '../config/env'

/**
 * Uploaded media in an S3-compatible bucket (AWS S3, MinIO, R2…) when S3_BUCKET is set, so every
 * app instance serves every image; in data/media otherwise. Through @payloadcms/storage-s3:
 * Payload still makes the generated sizes (sharp, in the instance that receives the upload) and
 * runs the image rules (collections/hooks/checkImageUpload.ts) before anything is stored, then
 * writes the original and each size to the bucket. Files keep their addresses
 * (/api/media/file/<name>), served by whichever instance is asked, from the bucket.
 *
 * The plugin always adds its `prefix` field (alwaysInsertFields), S3 or not: one schema, one set of
 * migrations and generated types for every deployment.
 */
export type S3Settings = { bucket: string; config: S3ClientConfig }

export function s3Settings(env: Pick<Env, 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>): S3Settings | undefined {
  if (!env.S3_BUCKET) return undefined
  return {
    bucket: env.S3_BUCKET,
    config: {
      region: env.S3_REGION ?? 'us-east-1',
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      // Checksums only where S3 requires them: the SDK's default (a CRC trailer on every upload,
      // aws-chunked) is not understood by many S3-compatible servers; TLS and S3's own MD5/ETag
      // checks still guard the bytes.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      // Without keys, the SDK's own chain (instance roles, AWS_* variables) decides.
      ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }
        : {}),
    },
  }
}

export function mediaStoragePlugin(settings: S3Settings | undefined, collection: string): Plugin {
  return s3Storage({
    enabled: settings !== undefined,
    alwaysInsertFields: true,
    collections: { [collection]: true },
    bucket: settings?.bucket ?? 'unused',
    config: settings?.config ?? {},
  })
}

/** A bucket's files as backups read and write them (lib/backup): listed, fetched, stored. */
export class BucketFiles {
  private readonly client: S3Client

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client(settings.config)
  }

  /** Every key in the bucket. */
  async list(): Promise<string[]> {
    const keys: string[] = []
    let token: string | undefined
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.settings.bucket, ContinuationToken: token }))
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key)
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    return keys
  }

  /** Copies `key` to the local file `to`. */
  async download(key: string, to: string): Promise<void> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }))
    await mkdir(path.dirname(to), { recursive: true })
    await pipeline(object.Body as Readable, createWriteStream(to))
  }

  /** The SHA-256 of `key`'s content, or null when the bucket has no such key. */
  async sha256(key: string): Promise<string | null> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }))
    } catch (error) {
      if (isNotFound(error)) return null
      throw error
    }
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }))
    const hash = createHash('sha256')
    for await (const chunk of object.Body as Readable) hash.update(chunk as Buffer)
    return hash.digest('hex')
  }

  /** Stores the local file `from` as `key`. */
  async upload(from: string, key: string, contentType: string, bytes: number): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: createReadStream(from), ContentType: contentType, ContentLength: bytes }),
    )
  }

  destroy() {
    this.client.destroy()
  }
}

/** The bucket of this deployment's media (S3_BUCKET), for backups; undefined with media on disk. */
export function mediaBucket(settings = s3Settings(env)): BucketFiles | undefined {
  return settings ? new BucketFiles(settings) : undefined
}

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
}

/** What a restored file is served as: by its name, as Payload named it when it stored the file. */
export function contentTypeOf(key: string): string {
  return CONTENT_TYPES[path.extname(key).toLowerCase()] ?? 'application/octet-stream'
}

function isNotFound(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } }
  return name === 'NotFound' || name === 'NoSuchKey' || $metadata?.httpStatusCode === 404
}
