import { routes } from '@/lib/paths/routes'
import { site } from '@/lib/config/site'
import styles from './SiteFooter.module.css'

export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      <div className="container">
        <p>
          <a href={routes.home()}>{site.name}</a> · {site.tagline}
        </p>
        <p className="muted">
          Articles here share general information about massage therapy and are not a substitute for medical
          advice.
        </p>
      </div>
    </footer>
  )
}
