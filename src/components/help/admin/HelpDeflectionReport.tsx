import type { Payload } from 'payload'

import { helpDeflection, type DeflectionRow } from '@/help/help-deflection'

const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`)

function Cells({ row }: { row: DeflectionRow }) {
  return (
    <>
      <td>{row.views}</td>
      <td>{share(row.helpfulRate)} <small>({row.answeredYes} yes / {row.answeredNo} no)</small></td>
      <td>{share(row.noTicketRate)} <small>of {row.settledViews}</small></td>
    </>
  )
}

/**
 * Is the Help drawer taking tickets out of the inbox? Per screen and per article over 90 days:
 * views, the helpful rate, and the share of views (24 h old or more) the same customer didn't
 * follow with feedback or "Still need help?" within 24 h. On the /admin home beside the quarterly
 * ticket-audit trend, and above the Help articles list. Rendered for staff only.
 */
export async function HelpDeflectionReport({ payload }: { payload: Payload }) {
  const report = await helpDeflection(payload, { now: new Date() })
  const articles = report.articles.filter((row) => row.views > 0 || row.answeredYes + row.answeredNo > 0)
  return (
    <section style={{ marginBottom: 32 }} aria-labelledby="help-deflection-heading">
      <h2 id="help-deflection-heading">Help drawer deflection · last 90 days</h2>
      <p>“No ticket in 24 h”: of the views at least a day old, those the same customer followed with neither feedback nor “Still need help?” within 24 hours.</p>
      <table className="table">
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>Per screen</caption>
        <thead>
          <tr><th>Screen</th><th>Drawer opened</th><th>Article views</th><th>Helpful</th><th>No ticket in 24 h</th></tr>
        </thead>
        <tbody>
          {report.screens.length ? report.screens.map((row) => (
            <tr key={row.screen}><td>{row.screen}</td><td>{row.opened}</td><Cells row={row} /></tr>
          )) : <tr><td colSpan={5}>Nobody has opened the Help drawer yet.</td></tr>}
        </tbody>
      </table>
      <table className="table" style={{ marginTop: 24 }}>
        <caption style={{ textAlign: 'left', fontWeight: 600 }}>Per article</caption>
        <thead>
          <tr><th>Article</th><th>Section</th><th>Views</th><th>Helpful</th><th>No ticket in 24 h</th></tr>
        </thead>
        <tbody>
          {articles.length ? articles.map((row) => (
            <tr key={row.articleId}><td><a href={`/admin/collections/help-articles/${row.articleId}`}>{row.title}</a></td><td>{row.section}</td><Cells row={row} /></tr>
          )) : <tr><td colSpan={5}>No article has been read yet.</td></tr>}
        </tbody>
      </table>
    </section>
  )
}
