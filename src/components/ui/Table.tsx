import type { ReactNode } from 'react'

export function Table({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>{head.map((label) => <th key={label} scope="col">{label}</th>)}</tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  )
}
