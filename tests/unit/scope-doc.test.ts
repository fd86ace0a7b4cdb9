import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { portalScope } from '../../scope.config'
import { renderScopeDoc } from '../../src/scope/render-scope-doc'

describe('docs/SCOPE.md', () => {
  it('matches scope.config.ts (run `npm run scope:doc` after changing the scope)', async () => {
    const committed = await readFile(path.resolve(import.meta.dirname, '../../docs/SCOPE.md'), 'utf8')
    expect(committed).toBe(renderScopeDoc(portalScope))
  })

  it('lists every in-scope screen and every workflow that stays with support', () => {
    const doc = renderScopeDoc(portalScope)
    for (const screen of portalScope.screens) expect(doc).toContain(`\`${screen.path}\``)
    for (const workflow of portalScope.staysWithSupport) expect(doc).toContain(workflow.sendTo)
  })
})
