import type { Article, Author, Benefit, Service, Topic } from '../../payload-types'
import { routes } from '../paths/routes'

/** One step of a breadcrumb trail: shown as a link, and the same step in BreadcrumbList JSON-LD. */
export type Crumb = { name: string; path: string }

const home: Crumb = { name: 'Home', path: routes.home() }
const blog: Crumb = { name: 'Articles', path: routes.blog() }
const benefits: Crumb = { name: 'Benefits', path: routes.benefits() }
const services: Crumb = { name: 'Services', path: routes.services() }

/**
 * Where each page sits, from Home to itself. There is no authors or topics index, so those
 * pages hang straight off Home rather than pointing at an address that does not exist.
 */
export const breadcrumbTrails = {
  blog: (page = 1): Crumb[] => (page <= 1 ? [home, blog] : [home, blog, { name: `Page ${page}`, path: routes.blog(page) }]),
  article: (article: Pick<Article, 'title' | 'slug'>): Crumb[] => [
    home,
    blog,
    { name: article.title, path: routes.article(article.slug) },
  ],
  benefits: (): Crumb[] => [home, benefits],
  benefit: (benefit: Pick<Benefit, 'title' | 'slug'>): Crumb[] => [
    home,
    benefits,
    { name: benefit.title, path: routes.benefit(benefit.slug) },
  ],
  services: (): Crumb[] => [home, services],
  service: (service: Pick<Service, 'title' | 'slug'>): Crumb[] => [home, services, { name: service.title, path: routes.service(service.slug) }],
  contact: (): Crumb[] => [home, { name: 'Contact', path: routes.contact() }],
  author: (author: Pick<Author, 'name' | 'slug'>): Crumb[] => [home, { name: author.name, path: routes.author(author.slug) }],
  topic: (topic: Pick<Topic, 'name' | 'slug'>): Crumb[] => [home, { name: topic.name, path: routes.topic(topic.slug) }],
}
