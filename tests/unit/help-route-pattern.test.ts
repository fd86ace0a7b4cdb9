import { describe, expect, it } from 'vitest'

import { helpArticleBody } from '../../scripts/demo/help-article-body'
import { lexicalPlainText } from '../../src/help/lexical-plain-text'
import { normaliseRoutePattern, routePatternScore } from '../../src/help/route-pattern'
import { screenForPath } from '../../src/help/screen-for-path'

describe('help route patterns', () => {
  it('normalises what staff type', () => {
    expect(normaliseRoutePattern(' account/billing/ ')).toBe('/account/billing')
    expect(normaliseRoutePattern('/account/team?tab=x')).toBe('/account/team')
    expect(normaliseRoutePattern('')).toBe('/')
  })

  it('matches exact paths, one-segment and any-depth wildcards, and scores exact above wildcards', () => {
    const path = '/account/billing'
    const exact = routePatternScore('/account/billing', path)!
    const star = routePatternScore('/account/*', path)!
    const globstar = routePatternScore('/account/**', path)!
    expect(exact).toBeGreaterThan(star)
    expect(star).toBeGreaterThan(globstar)
    expect(routePatternScore('/account/**', '/account')).not.toBeNull()
    expect(routePatternScore('/account/*', '/account')).toBeNull()
    expect(routePatternScore('/account/*', '/account/team/members')).toBeNull()
    expect(routePatternScore('/account/team', '/account/team/members')).toBeNull()
    expect(routePatternScore('/account/usage', '/account/team')).toBeNull()
  })

  it('finds the screen a path belongs to, longest path first', () => {
    expect(screenForPath('/account/api-keys')).toBe('api-keys')
    expect(screenForPath('/account/team/invite?x=1')).toBe('team')
    expect(screenForPath('/account/two-factor')).toBe('account')
  })
})

describe('lexicalPlainText', () => {
  it('keeps the words of paragraphs and list items apart, and ignores what is not a document', () => {
    expect(lexicalPlainText(helpArticleBody(['First part.', ['one', 'two'], 'Last']))).toBe('First part. one two Last')
    expect(lexicalPlainText(null)).toBe('')
    expect(lexicalPlainText({ root: { children: 'nope' } })).toBe('')
  })
})
