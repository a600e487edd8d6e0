/**
 * What jest gets for `import styles from './X.module.css'` (jest.config.js moduleNameMapper): each
 * class name stands for itself, since jest has no bundler to hash them. Components then render in
 * unit and int tests with the same structure as on the page.
 */
const classNames: Record<string, string> = new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? name : undefined) })

export default classNames
