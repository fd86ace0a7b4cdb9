import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readOverrides } from '../../../src/tickets/overrides'
import { RuleMatcher } from '../../../src/tickets/rules'
import { trainSeedClassifier } from '../../../src/tickets/seed-classifier'
import { Tagger } from '../../../src/tickets/tagger'
import { DEFAULT_TAXONOMY, PORTAL_SCREENS, UNCLASSIFIED } from '../../../src/tickets/taxonomy'
import { readTaxonomy } from '../../../src/tickets/taxonomy-file'
import { FeatureExtractor, DEFAULT_FEATURE_CONFIG } from '../../../src/tickets/classifier/features'
import { SparseCounts } from '../../../src/tickets/classifier/sparse-counts'

const classifier = trainSeedClassifier(DEFAULT_TAXONOMY)

describe('DEFAULT_TAXONOMY', () => {
  it('covers the reasons a SaaS inbox sees, each mapped to a portal screen, with evidence and examples', () => {
    const ids = DEFAULT_TAXONOMY.reasons.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBeGreaterThanOrEqual(15)
    for (const required of ['card-change', 'billing-details', 'teammate-access', 'role-change', 'unexpected-charge', 'invoice-download', 'login-trouble', 'email-change', 'api-key', 'plan-change', 'refund', 'bug-report', 'integration-help', 'feature-request', 'data-export-deletion']) {
      expect(ids).toContain(required)
    }
    for (const reason of DEFAULT_TAXONOMY.reasons) {
      expect(PORTAL_SCREENS).toContain(reason.portalScreen)
      expect(reason.examples.length).toBeGreaterThanOrEqual(8)
      expect(reason.keywords.length).toBeGreaterThan(0)
      for (const pattern of reason.patterns) expect(() => new RegExp(pattern, 'is')).not.toThrow()
    }
  })
})

describe('RuleMatcher', () => {
  it('counts keyword phrases on whole normalized words', () => {
    const reasons = [
      { id: 'a', label: 'A', portalScreen: 'billing' as const, keywords: ['vat number', '2fa'], patterns: [], examples: [], helpdeskTags: [] },
      { id: 'b', label: 'B', portalScreen: 'team' as const, keywords: ['seat'], patterns: [String.raw`\badd\b.{0,20}\bseats?\b`], examples: [], helpdeskTags: [] },
    ]
    const rules = new RuleMatcher(reasons)
    const extractor = new FeatureExtractor(DEFAULT_FEATURE_CONFIG)
    const hits = new Float64Array(2)
    const keywordHits = (text: string): number[] => {
      extractor.extract(text, new SparseCounts(extractor.maxFeaturesPerText()))
      rules.keywordHits(extractor.wordHashes, extractor.wordCount, hits)
      return Array.from(hits)
    }
    expect(keywordHits('Our VAT-number is wrong; 3FA code fails')).toEqual([2, 0])
    expect(keywordHits('seats and a seatbelt')).toEqual([0, 0])
    expect(keywordHits('one seat please')).toEqual([0, 1])
    expect(rules.patternHits(1, 'Can you add\ntwo seats?')).toBe(1)
    expect(rules.patternHits(0, 'anything')).toBe(0)
  })
})

describe('Tagger', () => {
  it('tags clear requests with their reason', () => {
    const tagger = new Tagger(DEFAULT_TAXONOMY, classifier, { threshold: 0.5, ruleWeight: 1 })
    expect(tagger.tag('1', 'Please add our VAT number to the invoices').reason).toBe('billing-details')
    expect(tagger.tag('2', 'I forgot my password and cannot log in').reason).toBe('login-trouble')
    expect(tagger.tag('3', 'How do I invite a new teammate?').reason).toBe('teammate-access')
    expect(tagger.tag('4', 'Where can I create an API key?').reason).toBe('api-key')
  })

  it('puts low-confidence tickets in unclassified', () => {
    const tagger = new Tagger(DEFAULT_TAXONOMY, classifier, { threshold: 0.5, ruleWeight: 1 })
    // Nothing in the taxonomy, and far from its out-of-scope examples too: no label is likely.
    const vague = 'the weather in lisbon'
    const result = tagger.tag('5', vague)
    expect(result.reason).toBe(UNCLASSIFIED)
    // Either the out-of-scope label wins outright, or no reason is likely enough.
    expect(result.best === UNCLASSIFIED || result.confidence < 0.5).toBe(true)
    // A reason is the best guess here, but its calibrated probability of being right is low.
    const nonsense = tagger.tag('6', 'purple elephants dance')
    expect(nonsense.best).not.toBe(UNCLASSIFIED)
    expect(nonsense.confidence).toBeLessThan(0.5)
    expect(nonsense.reason).toBe(UNCLASSIFIED)
    const permissive = new Tagger(DEFAULT_TAXONOMY, classifier, { threshold: 0, ruleWeight: 1 })
    expect(permissive.tag('6', 'purple elephants dance')).toMatchObject({ reason: nonsense.best, confidence: nonsense.confidence })
  })

  it('learns off-topic messages as unclassified from the taxonomy’s out-of-scope examples', () => {
    const tagger = new Tagger(DEFAULT_TAXONOMY, classifier, { threshold: 0, ruleWeight: 1 })
    expect(tagger.tag('6', 'following up on my message from last week').reason).toBe(UNCLASSIFIED)
    expect(tagger.tag('7', 'can we book a demo for the team').reason).toBe(UNCLASSIFIED)
  })

  it('raises confidence for the reason the rules point to', () => {
    const text = 'what is the vat on this'
    const withoutRules = new Tagger(DEFAULT_TAXONOMY, classifier, { threshold: 0, ruleWeight: 0 }).tag('x', text)
    const withRules = new Tagger(DEFAULT_TAXONOMY, classifier, { threshold: 0, ruleWeight: 3 }).tag('x', text)
    expect(withRules.reason).toBe('billing-details')
    expect(withRules.confidence).toBeGreaterThan(withoutRules.reason === 'billing-details' ? withoutRules.confidence : 0)
  })

  it('lets manual overrides win with confidence 1', () => {
    const tagger = new Tagger(DEFAULT_TAXONOMY, classifier, { threshold: 0.5, ruleWeight: 1 }, new Map([['42', 'refund']]))
    expect(tagger.tag('42', 'I forgot my password')).toEqual({ reason: 'refund', confidence: 1, best: 'refund', overridden: true })
    expect(tagger.tag('43', 'I forgot my password').overridden).toBe(false)
  })
})

describe('readOverrides', () => {
  it('collects every problem with its line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'overrides-'))
    const file = path.join(dir, 'overrides.csv')
    await writeFile(file, 'ticket_id,reason\n1,refund\n2,not-a-reason\n,refund\n3,"unclosed\n')
    const overrides = await readOverrides(file, new Set(['refund']))
    expect([...overrides.reasonByTicket]).toEqual([['1', 'refund']])
    expect(overrides.problems).toEqual([`${file}:3: unknown reason "not-a-reason"`, `${file}:4: empty ticket_id or reason`, `${file}:5: unterminated quoted field`])
    await rm(dir, { recursive: true })
  })
})

describe('readTaxonomy', () => {
  it('validates a custom taxonomy and names what is wrong', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'taxonomy-'))
    const good = path.join(dir, 'good.json')
    await writeFile(good, JSON.stringify({ reasons: [{ id: 'sso', label: 'SSO', portalScreen: 'account', keywords: ['saml'] }, { id: 'other', label: 'Other', portalScreen: 'stays-with-support' }] }))
    const taxonomy = await readTaxonomy(good)
    expect(taxonomy.reasons.map((r) => [r.id, r.patterns])).toEqual([['sso', []], ['other', []]])
    expect(taxonomy.outOfScopeExamples).toEqual([])
    const badScreen = path.join(dir, 'bad-screen.json')
    await writeFile(badScreen, JSON.stringify({ reasons: [{ id: 'x', label: 'X', portalScreen: 'nowhere' }, { id: 'y', label: 'Y', portalScreen: 'team' }] }))
    await expect(readTaxonomy(badScreen)).rejects.toThrow(/reasons\.0\.portalScreen/)
    const badIds = path.join(dir, 'bad-ids.json')
    await writeFile(badIds, JSON.stringify({ reasons: [{ id: 'x', label: 'X', portalScreen: 'team' }, { id: 'x', label: 'Y', portalScreen: 'team', patterns: ['(unclosed'] }] }))
    await expect(readTaxonomy(badIds)).rejects.toThrow(/duplicate id "x"[\s\S]*reasons\.1\.patterns\.0/)
    await rm(dir, { recursive: true })
  })
})
