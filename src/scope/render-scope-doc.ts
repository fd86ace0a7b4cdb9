import type { portalScope as PortalScope } from '../../scope.config'

/** Renders the signed scope as the one-page docs/SCOPE.md. Pure, so a test can compare it with the file. */
export function renderScopeDoc(scope: typeof PortalScope): string {
  const screens = scope.screens.map(
    (screen) => `| ${screen.label} | \`${screen.path}\` | ${screen.absorbs} | \`${screen.requires}\` | ${screen.flaggable ? 'rolled out by flag' : 'always on'} |`,
  )
  const support = scope.staysWithSupport.map((workflow) => `| ${workflow.label} | ${workflow.why} | <${workflow.sendTo}> |`)
  return [
    '# Portico portal scope',
    '',
    `Version ${scope.version}, signed by ${scope.signedBy} on ${scope.signedAt}.`,
    '',
    '<!-- Generated from scope.config.ts by `npm run scope:doc`. Edit the config, not this file. -->',
    '',
    '## Screens in scope',
    '',
    '| Screen | Path | Ticket it absorbs | Needs | Rollout |',
    '| --- | --- | --- | --- | --- |',
    ...screens,
    '',
    '## Workflows that stay with support',
    '',
    '| Workflow | Why | Where the customer is sent |',
    '| --- | --- | --- |',
    ...support,
    '',
  ].join('\n')
}
