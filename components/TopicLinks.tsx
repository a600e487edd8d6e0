import type { Topic } from '@/payload-types'
import { routes } from '@/lib/paths/routes'
import styles from './TopicLinks.module.css'

export function TopicLinks({ topics }: { topics: Pick<Topic, 'id' | 'name' | 'slug'>[] }) {
  if (topics.length === 0) return null
  return (
    <nav className={styles.topics} aria-label="Topics">
      <span className="muted">Topics:</span>
      <ul className={styles.list}>
        {topics.map((topic) => (
          <li key={topic.id}>
            <a href={routes.topic(topic.slug)} rel="tag">
              {topic.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
