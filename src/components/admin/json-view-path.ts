/** Every JSON field's admin component (see JsonView): no Monaco, so nothing loads from a CDN. */
export const JSON_VIEW = '/src/components/admin/JsonView#JsonView'
