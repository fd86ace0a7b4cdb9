/** `npm run scope:doc`: writes docs/SCOPE.md from scope.config.ts. */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import { portalScope } from '../scope.config'
import { renderScopeDoc } from '../src/scope/render-scope-doc'
import { repoRoot } from './lib/load-env'

const target = path.join(repoRoot, 'docs', 'SCOPE.md')
await writeFile(target, renderScopeDoc(portalScope))
console.log(`Wrote ${path.relative(repoRoot, target)}`)
