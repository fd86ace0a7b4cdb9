'use client'

import { useFormFields } from '@payloadcms/ui'

type Plain = Record<string, unknown>

const asRecord = (value: unknown): Plain => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Plain) : value === null || value === undefined ? {} : { value })
const show = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value))

/**
 * An audit entry's before/after as the fields that changed, old → new, one row each — what staff
 * ask of an audit record. Keys whose value is the same on both sides are left out.
 */
export function AuditChanges() {
  const before = useFormFields(([fields]) => fields.before?.value)
  const after = useFormFields(([fields]) => fields.after?.value)
  const was = asRecord(before)
  const now = asRecord(after)
  const changed = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((key) => show(was[key]) !== show(now[key]))
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>Changes</h4>
      {changed.length === 0 ? (
        <p>No field changed (the entry records an action, not an edit).</p>
      ) : (
        <table aria-label="Changes" style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'left' }}>Field</th>
              <th scope="col" style={{ textAlign: 'left' }}>Before</th>
              <th scope="col" style={{ textAlign: 'left' }}>After</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((key) => (
              <tr key={key}>
                <th scope="row" style={{ textAlign: 'left', fontWeight: 600 }}>{key}</th>
                <td>{show(was[key])}</td>
                <td>{show(now[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
