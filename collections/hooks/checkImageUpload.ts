import { open } from 'node:fs/promises'

import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

import {
  imageTooLargeMessage,
  MAX_IMAGE_BYTES,
  sniffImageType,
  SNIFF_BYTES,
  UNSUPPORTED_IMAGE_MESSAGE,
} from '../../lib/media/imageType'
import { MEDIA } from '../../lib/collections'

async function leadingBytes(file: { data?: Buffer; tempFilePath?: string }): Promise<Uint8Array> {
  if (file.data && file.data.length > 0) return file.data.subarray(0, SNIFF_BYTES)
  if (!file.tempFilePath) return new Uint8Array()
  const handle = await open(file.tempFilePath, 'r')
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * Refuses an upload that is not really a JPEG, PNG, WebP or AVIF image, judged by its first
 * bytes, and one over the size limit. Payload checks the type too, but when the bytes match no
 * known format it falls back to the file name, so a text file renamed `photo.png` got through.
 * The size limit: over REST the multipart parser keeps at most MAX_IMAGE_BYTES of a file
 * (payload.config.ts `upload.limits`) and marks a longer one truncated; through the Local API the
 * whole file is there to measure. Either way the writer gets a 400 saying what to do.
 */
export const checkImageUpload: CollectionBeforeOperationHook<typeof MEDIA> = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  // Access control runs after this hook: let it answer a visitor who may not upload at all.
  if (!req.user && !args.overrideAccess) return args
  const file = req.file
  if (!file) return args
  const errors: { path: string; message: string }[] = []
  const size = file.size ?? file.data?.length ?? 0
  // Over REST the multipart parser stops reading at the limit and marks the file truncated.
  const truncated = Boolean((file as { truncated?: boolean }).truncated)
  if (truncated || size > MAX_IMAGE_BYTES) errors.push({ path: 'file', message: imageTooLargeMessage(truncated ? undefined : size) })
  else if (!sniffImageType(await leadingBytes(file))) errors.push({ path: 'file', message: UNSUPPORTED_IMAGE_MESSAGE })
  if (errors.length > 0) throw new ValidationError({ collection: MEDIA, errors, req })
  return args
}
