/**
 * `npm test`: type-check, then unit, integration (throwaway embedded PostgreSQL) and e2e
 * (production build + Chromium), one project at a time so the 2-core CI machine isn't split
 * three ways. Ends with one `N passed, N failed` line over all of them.
 */
import { spawn } from 'node:child_process'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import { repoRoot } from './lib/load-env'

type Step = { name: string; command: string; args: string[]; report?: string }

const bin = (name: string) => path.join(repoRoot, 'node_modules', '.bin', name)
const resultsDir = path.join(repoRoot, 'test-results')
const only = process.argv.slice(2)

const vitestStep = (project: string): Step => ({
  name: project,
  command: bin('vitest'),
  args: ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(resultsDir, `${project}.json`)}`],
  report: path.join(resultsDir, `${project}.json`),
})

const steps: Step[] = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit', '-p', '.'] },
  vitestStep('unit'),
  vitestStep('integration'),
  vitestStep('e2e'),
].filter((step) => only.length === 0 || only.includes(step.name))

function run(step: Step): Promise<number> {
  console.log(`\n── ${step.name} ──`)
  return new Promise((resolve) => {
    // No stdin: vitest must not wait on a terminal that CI doesn't have.
    const child = spawn(step.command, step.args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

await mkdir(resultsDir, { recursive: true })
let passed = 0
let failed = 0
const failedSteps: string[] = []
for (const step of steps) {
  const code = await run(step)
  if (code !== 0) failedSteps.push(step.name)
  if (!step.report) continue
  try {
    const report = JSON.parse(await readFile(step.report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number; success: boolean }
    passed += report.numPassedTests
    failed += report.numFailedTests + report.numFailedTestSuites
    // A file whose setup throws fails no single test, and vitest can still exit 0: the report says so.
    if ((!report.success || report.numFailedTestSuites > 0) && !failedSteps.includes(step.name)) failedSteps.push(step.name)
  } catch {
    failedSteps.includes(step.name) || failedSteps.push(step.name)
  }
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failedSteps.length || failed ? 1 : 0)
