import type { AuthorProfileData } from '@/lib/queries/authors'
import { populated } from '@/lib/queries/populated'
import { authorDisplayName, BookingLink } from './AuthorCard'
import { MediaImage } from './MediaImage'
import { RichText } from './RichText'
import styles from './AuthorProfile.module.css'

const platformNames: Record<string, string> = { x: 'X', linkedin: 'LinkedIn', youtube: 'YouTube', tiktok: 'TikTok' }

export function AuthorProfile({ author }: { author: AuthorProfileData }) {
  const photo = populated(author.photo)
  const links = [
    ...(author.website ? [{ label: 'Website', url: author.website }] : []),
    ...(author.socialLinks ?? []).map((link) => ({
      label: platformNames[link.platform] ?? link.platform[0].toUpperCase() + link.platform.slice(1),
      url: link.url,
    })),
  ]
  return (
    <header className={styles.profile}>
      {photo ? <MediaImage image={photo} size="thumbnail" sizes="160px" priority className={styles.photo} /> : null}
      <div>
        <h1>{authorDisplayName(author)}</h1>
        {author.jobTitle ? <p className="lead">{author.jobTitle}</p> : null}
        <RichText data={author.bio} />
        {links.length > 0 ? (
          <ul className="link-list">
            {links.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="me noopener">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <BookingLink author={author} onProfile />
      </div>
    </header>
  )
}
