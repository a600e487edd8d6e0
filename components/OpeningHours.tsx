import { weekTable, type HoursRow } from '../lib/practice/hours'

/** A week of opening hours, Monday first; a day without hours reads "Closed". */
export function OpeningHours({ rows, id }: { rows: HoursRow[] | null | undefined; id: string }) {
  return (
    <table className="hours-table" aria-labelledby={id}>
      <tbody>
        {weekTable(rows).map((day) => (
          <tr key={day.day}>
            <th scope="row">{day.label}</th>
            <td>
              {day.periods.length === 0
                ? 'Closed'
                : day.periods.map((period, index) => (
                    <span key={`${period.opens}-${period.closes}`}>
                      {index > 0 ? ', ' : ''}
                      <time>{period.opens}</time>–<time>{period.closes}</time>
                    </span>
                  ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
