import { scopedToOrganizations } from '../../../access/organizations-allowing'

/** Staff read the whole trail; an owner or admin reads their own organization's activity. */
export const readActivity = scopedToOrganizations('activity.read')
