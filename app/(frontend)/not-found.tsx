import { NotFoundContent } from '@/components/NotFoundContent'
import { notFoundMetadata } from '@/lib/seo/metadata'

export const metadata = notFoundMetadata

export default function NotFound() {
  return <NotFoundContent />
}
