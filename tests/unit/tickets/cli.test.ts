import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixture, REPO_ROOT, LABELED_TICKETS } from '../../helpers/tickets'

const run = promisify(execFile)

interface Result {
  code: number
  stdout: string
  stderr: string
}

/** Runs a CLI as `npm run` would (through tsx), capturing exit code and output. */
async function cli(script: string, args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join('scripts', script), ...args], { cwd: REPO_ROOT, timeout: 60_000 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string }
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr }
  }
}

let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'ticket-cli-'))
})
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('audit:tickets', () => {
  it('rejects bad arguments with exit code 2 and the usage', async () => {
    const missing = await cli('audit-tickets.ts', [])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('error: --input is required')
    expect(missing.stderr).toContain('usage: npm run audit:tickets')
    const absent = await cli('audit-tickets.ts', ['--input', 'no/such/file.csv'])
    expect([absent.code, absent.stderr.split('\n')[0]]).toEqual([2, 'error: --input: cannot read no/such/file.csv'])
    const threshold = await cli('audit-tickets.ts', ['--input', fixture('zendesk-tickets.csv'), '--threshold', '2'])
    expect(threshold.code).toBe(2)
    expect(threshold.stderr).toContain('--threshold must be a number between 0 and 1')
    const unknown = await cli('audit-tickets.ts', ['--input', fixture('zendesk-tickets.csv'), '--colour', 'red'])
    expect(unknown.code).toBe(2)
  })

  it('fails with exit code 1 on an export it cannot read', async () => {
    const result = await cli('audit-tickets.ts', ['--input', fixture('custom-export.csv'), '--out', path.join(tmp, 'unknown'), '--quiet'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('unrecognized CSV header')
  })

  // Two audits as child processes, each starting tagging threads: slow on a loaded machine.
  it('audits an export, listing bad rows with line numbers, and keeps manual overrides across re-runs', async () => {
    const out = path.join(tmp, 'zendesk')
    const first = await cli('audit-tickets.ts', ['--input', fixture('zendesk-tickets.csv'), '--out', out, '--quiet', '--workers', '0'])
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('rows: 7 · tickets tagged: 4 · bad: 3')
    expect(first.stdout).toContain('line 13: expected 41 fields, found 3')
    expect(first.stdout).toContain('line 19: unterminated quoted field')
    expect(first.stderr).toBe('')
    for (const file of ['tickets-tagged.csv', 'reasons-ranked.csv', 'report.html', 'bad-rows.csv', 'audit-summary.json', 'model.json']) {
      await expect(readFile(path.join(out, file), 'utf8')).resolves.toBeTruthy()
    }
    const reasonOf = async (id: string) =>
      (await readFile(path.join(out, 'tickets-tagged.csv'), 'utf8')).split('\n').find((line) => line.startsWith(`${id},`))!.split(',')[2]
    expect(await reasonOf('10231')).toBe('card-change')

    await writeFile(path.join(out, 'overrides.csv'), 'ticket_id,reason,note\n10231,refund,agent review\n')
    const second = await cli('audit-tickets.ts', ['--input', fixture('zendesk-tickets.csv'), '--out', out, '--quiet', '--workers', '0'])
    expect(second.stdout).toContain('using 1 manual overrides')
    expect(await reasonOf('10231')).toBe('refund')
  }, 120_000)

  it('reuses a saved model with --model', async () => {
    const out = path.join(tmp, 'model-reuse')
    const result = await cli('audit-tickets.ts', ['--input', fixture('front-messages.csv'), '--out', out, '--quiet', '--model', path.join(tmp, 'zendesk', 'model.json')])
    expect(result.code).toBe(0)
    expect(JSON.parse(await readFile(path.join(out, 'audit-summary.json'), 'utf8')).settings.classifier).toContain('saved model')
  })
})

describe('audit:eval', () => {
  it('prints accuracy, macro-F1, per-label scores and the confusion matrix as one JSON object', async () => {
    const result = await cli('audit-eval.ts', ['--train', path.join(LABELED_TICKETS, 'bitext-customer-support-dev.csv'), '--folds', '3', '--no-calibration', '--json'])
    expect(result.code).toBe(0)
    const output = JSON.parse(result.stdout)
    expect(output.mode).toBe('cross-validation')
    expect(output.folds).toBe(3)
    expect(output.labels).toHaveLength(27)
    expect(output.confusion).toHaveLength(27)
    expect(output.perLabel[0]).toEqual({ label: expect.any(String), precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number), support: expect.any(Number) })
    expect(output.accuracy).toBeGreaterThan(0.9)
    // Without calibration inside the folds there is no coverage table; the confusion list is always there.
    expect(output.coverage).toBeNull()
    expect(output.confusions[0]).toEqual({ gold: expect.any(String), predicted: expect.any(String), count: expect.any(Number) })
  }, 120_000)

  it('trains on one file and scores another, learning the labels as given', async () => {
    const train = path.join(tmp, 'train.csv')
    const test = path.join(tmp, 'test.csv')
    await writeFile(train, 'msg,topic\nreset my password,access\nforgot password again,access\nsend the invoice,money\ninvoice copy please,money\n')
    await writeFile(test, 'msg,topic\npassword reset link,access\nwhere is my invoice,money\n')
    const result = await cli('audit-eval.ts', ['--train', train, '--test', test, '--text-column', 'msg', '--label-column', 'topic'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('accuracy 1.0000   macro-F1 1.0000')
    expect(result.stdout).toMatch(/confusion matrix/)
  })

  it('requires --train', async () => {
    const result = await cli('audit-eval.ts', ['--json'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--train is required')
  })
})

describe('audit:deflection', () => {
  // Two audits as child processes, each starting tagging threads: slow on a loaded machine.
  it('writes deflection.csv and adds a section to the after report', async () => {
    const before = path.join(tmp, 'q1')
    const after = path.join(tmp, 'q2')
    await mkdir(before, { recursive: true })
    await mkdir(after, { recursive: true })
    const map = 'id=ticket,created=opened,solved=closed,subject=subject,body=body,handle=handle_minutes'
    expect((await cli('audit-tickets.ts', ['--input', fixture('ranking-tickets.csv'), '--map', map, '--out', before, '--quiet'])).code).toBe(0)
    expect((await cli('audit-tickets.ts', ['--input', fixture('ranking-tickets.csv'), '--map', map, '--out', after, '--quiet'])).code).toBe(0)
    const result = await cli('audit-deflection.ts', ['--before', before, '--after', after, '--cutover', '2024-05-04', '--active-customers', '100,120'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('before: 2024-05-01 to 2024-05-03, 3 days, 6 tickets (6 on the other side of the cut-over left out)')
    const csv = (await readFile(path.join(after, 'deflection.csv'), 'utf8')).split('\n')
    expect(csv[0]).toBe('reason,label,portal_screen,absorbable,before_tickets,after_tickets,before_per_90_days,after_per_90_days,before_per_1k_customers,after_per_1k_customers,change_pct,deflected_tickets')
    expect(await readFile(path.join(after, 'report.html'), 'utf8')).toContain('Deflection after the 2024-05-04 cut-over')
    const bad = await cli('audit-deflection.ts', ['--before', before, '--after', after, '--cutover', '2024-05-04', '--active-customers', '100'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--active-customers needs two positive numbers')
  }, 120_000)
})
