const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' })

/** A human date for people, an ISO one in `datetime` for machines. */
export function FormattedDate({ value }: { value: string }) {
  const date = new Date(value)
  return <time dateTime={date.toISOString()}>{dateFormat.format(date)}</time>
}
