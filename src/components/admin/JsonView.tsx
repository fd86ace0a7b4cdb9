'use client'

import { FieldLabel, useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'

/**
 * A JSON field shown as formatted text. Payload's own JSON field loads the Monaco editor from a
 * CDN, which an offline or locked-down deployment can't reach (it renders blank); these fields are
 * records, not something staff edit, so readable text is the better view anyway.
 */
export const JsonView: JSONFieldClientComponent = ({ field, path }) => {
  const { value } = useField<unknown>({ path: path ?? field.name })
  return (
    <div className="field-type json-view" style={{ marginBottom: 'var(--base)' }}>
      <FieldLabel label={field.label ?? field.name} path={path} />
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0, padding: 'calc(var(--base) / 2)', background: 'var(--theme-elevation-50)', borderRadius: 'var(--style-radius-s)' }}>
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  )
}
