import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The one way frontend code reaches Payload. Payload itself caches the instance per process. */
export function getPayloadClient(): Promise<Payload> {
  return getPayload({ config })
}
