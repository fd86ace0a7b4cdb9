import type { Field, SanitizedConfig } from 'payload'

/** JsonView's import-map path. */
const JSON_VIEW = '/src/components/admin/JsonView#JsonView'

function withJsonView(fields: Field[]): void {
  for (const field of fields) {
    if (field.type === 'json' && !field.admin?.components?.Field) field.admin = { ...field.admin, components: { ...field.admin?.components, Field: JSON_VIEW } }
    if ('fields' in field && Array.isArray(field.fields)) withJsonView(field.fields)
    if (field.type === 'tabs') for (const tab of field.tabs) withJsonView(tab.fields)
    if (field.type === 'blocks') for (const block of field.blocks) if (typeof block !== 'string') withJsonView(block.fields)
  }
}

/**
 * Every JSON field in the admin — ours and the ones Payload adds while sanitizing (the jobs' input,
 * output and log) — rendered by JsonView instead of Monaco, which Payload loads from a CDN.
 */
export async function jsonFieldsAsText(config: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const sanitized = await config
  for (const entity of [...sanitized.collections, ...sanitized.globals]) withJsonView(entity.fields)
  return sanitized
}
