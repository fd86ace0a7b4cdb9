/**
 * The permission config the product imports for its own role checks, so the portal and the product
 * never disagree about who may do what: `import { PERMISSIONS, ROLES, canPerform } from '<portico>/src/access'`.
 */
export { canPerform, rolesAllowed, type Actor, type Decision, type DenialReason, type Target } from './can-perform'
export { ACTIONS, PERMISSIONS, type Action, type TargetRule } from './matrix'
export { ROLES, isRole, roleLabels, roleRank, type Role } from './roles'
