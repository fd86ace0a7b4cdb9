import { staffFileEndpoint } from '../../../lib/api/staff-file-endpoint'

/** GET /api/customer-feedback/:id/screenshot — the image a customer attached, shown to staff. */
export const screenshotEndpoint = staffFileEndpoint({ path: '/:id/screenshot', table: 'feedback_screenshots', ownerColumn: 'feedback_id', disposition: 'inline', fileName: (id) => `feedback-${id}` })
