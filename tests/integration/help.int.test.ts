import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { helpArticleBody } from '../../scripts/demo/help-article-body'
import { GET as articleGET } from '../../src/app/(portal)/api/help/articles/[key]/route'
import { POST as answerPOST } from '../../src/app/(portal)/api/help/articles/[key]/feedback/route'
import { GET as articlesGET } from '../../src/app/(portal)/api/help/articles/route'
import { POST as eventsPOST } from '../../src/app/(portal)/api/help/events/route'
import { GET as searchGET } from '../../src/app/(portal)/api/help/search/route'
import { helpDeflection } from '../../src/help/help-deflection'
import type { HelpSection } from '../../src/help/help-sections'
import { requestDb } from '../../src/lib/transaction-db'
import { routeCaller } from '../helpers/call-route'
import { asCustomer, createOrganizationWithEveryRole, type TestOrganization, testPayload } from '../helpers/payload'

let payload: Payload
let call: ReturnType<typeof routeCaller>
let org: TestOrganization
// Made-up words, fresh per run and unlike each other, so a search for one finds only its articles.
const word = () => Array.from({ length: 9 }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(Math.random() * 20)]).join('')
const tag = word()

type ArticleInput = { title: string; section?: HelpSection; order?: number; routes?: string[]; keywords?: string; text?: string; status?: 'published' | 'draft' }

async function article({ title, section = 'general', order = 0, routes = [], keywords = '', text = 'Plain words about nothing in particular.', status = 'published' }: ArticleInput) {
  const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${Math.random().toString(36).slice(2, 7)}`
  return payload.create({
    collection: 'help-articles',
    data: { title, slug, section, order, keywords, routes: routes.map((pattern) => ({ pattern })), body: helpArticleBody([text]) as never, _status: status },
    draft: status === 'draft',
  })
}

const search = (q: string) => call(searchGET, org.members.member, `/api/help/search?q=${encodeURIComponent(q)}`)
const titles = (result: { body: { data?: { articles: { title: string }[] } } }) => (result.body.data?.articles ?? []).map((entry) => entry.title)
const eventCount = async () => (await payload.count({ collection: 'help-events' })).totalDocs

beforeAll(async () => {
  payload = await testPayload()
  call = routeCaller(payload)
  org = await createOrganizationWithEveryRole(payload, 'help')
})

describe('help search', () => {
  it('ranks an exact title match first, even above an article that repeats the words more', async () => {
    const rare = word()
    const exact = await article({ title: `Reset the ${rare} quota` })
    const repeats = await article({ title: `Why the ${rare} quota resets`, keywords: `${rare} quota reset`, text: `Reset ${rare} quota. `.repeat(30) })
    const result = await search(`Reset the ${rare} quota`)
    expect(result.status).toBe(200)
    expect(titles(result).slice(0, 2)).toEqual([exact.title, repeats.title])
  })

  it('matches word prefixes and finds a title through a one-letter typo', async () => {
    const rare = word()
    const target = await article({ title: `Calibrate the ${rare} widget` })
    expect(titles(await search(`${rare.slice(0, 5)} widg`))).toContain(target.title)
    // "calibrte": no word matches, so only the trigram similarity on the title can find it.
    expect(titles(await search('calibrte'))).toContain(target.title)
    expect(titles(await search('qwxzvbn'))).toEqual([])
  })

  it('searches keywords and body text too, title weighted above them', async () => {
    const rare = word()
    const inBody = await article({ title: 'Something unrelated', text: `The ${rare} word lives only in the body.` })
    const inKeywords = await article({ title: 'Also unrelated', keywords: rare })
    const found = titles(await search(rare))
    expect(found).toEqual([inKeywords.title, inBody.title])
  })

  it('never returns an unpublished article, nor the unpublished edit of a published one, by search or id', async () => {
    const [secret, edit, pub] = [word(), word(), word()]
    const draft = await article({ title: `Secret ${secret} plan`, status: 'draft' })
    const published = await article({ title: `Public ${pub} notes`, text: 'The published words.' })
    await payload.update({ collection: 'help-articles', id: published.id, data: { title: `Leaked ${edit} title`, body: helpArticleBody([`${edit} body`]) as never }, draft: true })

    expect(titles(await search(secret))).toEqual([])
    expect(titles(await search(edit))).toEqual([])
    expect(titles(await search(pub))).toEqual([published.title])
    for (const key of [String(draft.id), draft.slug]) {
      const byKey = await call(articleGET, org.members.viewer, `/api/help/articles/${key}`, { params: { key } })
      expect(byKey.status).toBe(404)
    }
    const shown = await call(articleGET, org.members.viewer, `/api/help/articles/${published.id}`, { params: { key: String(published.id) } })
    expect(shown.status).toBe(200)
    expect(shown.body.data.article).toMatchObject({ title: published.title, slug: published.slug })
    expect(shown.body.data.article.html).toContain('<p>The published words.</p>')

    // Publishing the edit replaces the old version on the next request.
    await payload.update({ collection: 'help-articles', id: published.id, data: { _status: 'published' } })
    expect(titles(await search(edit))).toEqual([`Leaked ${edit} title`])
    const republished = await call(articleGET, org.members.viewer, `/api/help/articles/${published.slug}`, { params: { key: published.slug } })
    expect(republished.body.data.article.html).toContain(`${edit} body`)
  })

  it('keeps customers off the collection itself: Payload access refuses them even published articles', async () => {
    await expect(payload.find({ collection: 'help-articles', user: asCustomer(org.members.owner), overrideAccess: false })).rejects.toThrow()
  })

  it('answers 422 with a field message for an empty, missing, wordless or overlong query', async () => {
    for (const path of ['/api/help/search?q=', '/api/help/search', '/api/help/search?q=%21%3F%2A', `/api/help/search?q=${'a'.repeat(201)}`]) {
      const result = await call(searchGET, org.members.member, path)
      expect(result.status, path).toBe(422)
      expect(result.body.error?.fields?.q, path).toBeTruthy()
    }
  })
})

describe('articles for a screen', () => {
  it('puts route matches first (exact, then one-segment, then any-depth wildcards), then the section, at most 5', async () => {
    const page = `/account/usage/${tag}`
    const exact = await article({ title: `Route exact ${tag}`, section: 'general', order: 50, routes: [page] })
    const oneSegment = await article({ title: `Route star ${tag}`, section: 'general', order: 0, routes: ['/account/usage/*'] })
    const anyDepth = await article({ title: `Route globstar ${tag}`, section: 'general', order: 0, routes: ['/account/**'] })
    await article({ title: `Route draft ${tag}`, section: 'general', order: -1, routes: [page], status: 'draft' })
    const result = await call(articlesGET, org.members.viewer, `/api/help/articles?path=${page}`)
    expect(result.status).toBe(200)
    const shown = titles(result)
    expect(shown.slice(0, 3)).toEqual([exact.title, oneSegment.title, anyDepth.title])
    expect(shown).toHaveLength(5)
    // The rest are the screen's section (the demo seed's usage articles), by their order.
    expect((result.body.data.articles as { section: string }[]).slice(3).map((entry) => entry.section)).toEqual(['usage', 'usage'])
  })

  it('tops a screen with no section of its own up with general articles', async () => {
    const result = await call(articlesGET, org.members.owner, '/api/help/articles?path=/account/activity')
    expect(result.status).toBe(200)
    expect(result.body.data.articles.length).toBeGreaterThanOrEqual(3)
  })

  it('answers 422 for a path outside the portal', async () => {
    for (const path of ['/api/help/articles', '/api/help/articles?path=https://evil.example/account', '/api/help/articles?path=/admin']) {
      const result = await call(articlesGET, org.members.viewer, path)
      expect(result.status, path).toBe(422)
      expect(result.body.error?.fields?.path, path).toBeTruthy()
    }
  })
})

describe('answers and deflection', () => {
  it('counts yes and no per article, and refuses bad answers with nothing stored', async () => {
    const target = await article({ title: `Counted ${tag}`, section: 'billing' })
    const answer = (user: typeof org.members.owner, body: unknown, id = String(target.id)) => call(answerPOST, user, `/api/help/articles/${id}/feedback`, { method: 'POST', params: { key: id }, body })
    expect((await answer(org.members.owner, { helpful: true, path: '/account/billing' })).status).toBe(200)
    expect((await answer(org.members.admin, { helpful: true, path: '/account/billing' })).status).toBe(200)
    expect((await answer(org.members.billing, { helpful: false, reason: 'I wanted to know about refunds', path: '/account/billing' })).status).toBe(200)

    const before = await eventCount()
    const draft = await article({ title: `Draft answered ${tag}`, status: 'draft' })
    const refused = [
      await answer(org.members.member, { path: '/account/billing' }),
      await answer(org.members.member, { helpful: 'yes', path: '/account/billing' }),
      await answer(org.members.member, { helpful: false, reason: 'x'.repeat(1_001), path: '/account/billing' }),
      await answer(org.members.member, { helpful: true, path: '/elsewhere' }),
      await answer(org.members.member, { helpful: true, path: '/account/billing' }, 'abc'),
    ]
    for (const result of refused) expect(result.status).toBe(422)
    expect((await answer(org.members.member, { helpful: true, path: '/account/billing' }, String(draft.id))).status).toBe(404)
    expect(await eventCount()).toBe(before)

    const stats = await helpDeflection(payload, { now: new Date() })
    expect(stats.articles.find((row) => row.articleId === target.id)).toMatchObject({ answeredYes: 2, answeredNo: 1, helpfulRate: 2 / 3 })
    const reasons = await payload.find({ collection: 'help-events', where: { article: { equals: target.id }, helpful: { equals: false } } })
    expect(reasons.docs.map((doc) => doc.reason)).toEqual(['I wanted to know about refunds'])
  })

  it('measures, per article and screen, the views not followed by feedback or "Still need help?" within 24 h', async () => {
    const target = await article({ title: `Deflected ${tag}`, section: 'team' })
    const view = (user: typeof org.members.owner) => call(eventsPOST, user, '/api/help/events', { method: 'POST', body: { kind: 'viewed', path: '/account/team', articleId: target.id } })
    const later = new Date(Date.now() + 2 * 86_400_000)
    const screenBefore = (await helpDeflection(payload, { now: later })).screens.find((row) => row.screen === 'team')

    expect((await call(eventsPOST, org.members.viewer, '/api/help/events', { method: 'POST', body: { kind: 'opened', path: '/account/team' } })).status).toBe(200)
    for (const user of [org.members.owner, org.members.admin, org.members.member, org.members.viewer]) expect((await view(user)).status).toBe(200)
    // The admin wrote to the product team right after reading; the member asked support.
    await payload.create({ collection: 'customer-feedback', data: { type: 'question', section: 'team', message: 'Still stuck', user: org.members.admin.id, organization: org.organization.id, status: 'new' } })
    expect((await call(eventsPOST, org.members.member, '/api/help/events', { method: 'POST', body: { kind: 'contacted_support', path: '/account/team', articleId: target.id } })).status).toBe(200)
    // The viewer's view is a day old, and their feedback came 25 h after it: outside the window.
    const db = await requestDb(payload, undefined)
    await db.execute(sql`UPDATE help_events SET created_at = now() - interval '26 hours' WHERE article_id = ${target.id} AND user_id = ${org.members.viewer.id} AND kind = 'viewed'`)
    await payload.create({ collection: 'customer-feedback', data: { type: 'idea', section: 'team', message: 'Unrelated, later', user: org.members.viewer.id, organization: org.organization.id, status: 'new' } })

    const now = (await helpDeflection(payload, { now: new Date() })).articles.find((row) => row.articleId === target.id)
    // Only the viewer's view is 24 h old so far, and nothing followed it within 24 h.
    expect(now).toMatchObject({ views: 4, settledViews: 1, noTicketIn24h: 1 })
    const settled = await helpDeflection(payload, { now: later })
    expect(settled.articles.find((row) => row.articleId === target.id)).toMatchObject({ views: 4, settledViews: 4, noTicketIn24h: 2, noTicketRate: 0.5 })
    const screen = settled.screens.find((row) => row.screen === 'team')!
    expect(screen.opened - (screenBefore?.opened ?? 0)).toBe(1)
    expect(screen.views - (screenBefore?.views ?? 0)).toBe(4)
    expect(screen.noTicketIn24h - (screenBefore?.noTicketIn24h ?? 0)).toBe(2)
  })

  it('refuses an event naming an unpublished article, or a view without one, with nothing stored', async () => {
    const draft = await article({ title: `Draft viewed ${tag}`, status: 'draft' })
    const before = await eventCount()
    expect((await call(eventsPOST, org.members.member, '/api/help/events', { method: 'POST', body: { kind: 'viewed', path: '/account', articleId: draft.id } })).status).toBe(404)
    const noArticle = await call(eventsPOST, org.members.member, '/api/help/events', { method: 'POST', body: { kind: 'viewed', path: '/account' } })
    expect(noArticle.status).toBe(422)
    expect(noArticle.body.error?.fields?.articleId).toBeTruthy()
    expect((await call(eventsPOST, org.members.member, '/api/help/events', { method: 'POST', body: { kind: 'answered', path: '/account' } })).status).toBe(422)
    expect(await eventCount()).toBe(before)
  })
  it('limits drawer events per user: past 120 in an hour, 429 with Retry-After and nothing stored', async () => {
    const { members } = await createOrganizationWithEveryRole(payload, `help-limit-${tag}`)
    const open = () => call(eventsPOST, members.viewer, '/api/help/events', { method: 'POST', body: { kind: 'opened', path: '/account' } })
    for (let index = 0; index < 120; index++) expect((await open()).status).toBe(200)
    const before = await eventCount()
    const refused = await open()
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await eventCount()).toBe(before)
  })
})
