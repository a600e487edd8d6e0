import { mapUrl, telHref } from '../lib/practice/format'
import type { PracticeData } from '../lib/queries/practice'
import { OpeningHours } from './OpeningHours'

type Props = { practice: Pick<PracticeData, 'name' | 'address' | 'telephone' | 'email' | 'openingHours'> }

const addressLines = (address: Props['practice']['address']) =>
  [address?.streetAddress, [address?.postalCode, address?.addressLocality].filter(Boolean).join(' '), address?.addressRegion, address?.addressCountry]
    .map((line) => line?.trim())
    .filter((line): line is string => Boolean(line))

/** Where to find her, how to call or write, and when she is open. The map is a plain link: no third-party script. */
export function PracticeContact({ practice }: Props) {
  const lines = addressLines(practice.address)
  return (
    <section className="practice-contact" aria-labelledby="find-us-heading">
      <h2 id="find-us-heading">Find us</h2>
      {lines.length > 0 ? (
        <address>
          {practice.name}
          {lines.map((line) => (
            <span key={line}>
              <br />
              {line}
            </span>
          ))}
          <br />
          <a href={mapUrl([practice.name, ...lines].join(', '))} rel="noopener">
            Open in a map
          </a>
        </address>
      ) : null}
      <ul className="link-list">
        {practice.telephone ? (
          <li>
            Phone: <a href={telHref(practice.telephone)}>{practice.telephone}</a>
          </li>
        ) : null}
        {practice.email ? (
          <li>
            E-mail: <a href={`mailto:${practice.email}`}>{practice.email}</a>
          </li>
        ) : null}
      </ul>
      <h2 id="hours-heading">Opening hours</h2>
      <OpeningHours rows={practice.openingHours} id="hours-heading" />
    </section>
  )
}
