import { type NextRequest, NextResponse } from 'next/server'

/**
 * Layouts can't see the URL they render for. The account layout needs it to send a signed-out
 * visitor to sign-in with `next=` the page they asked for, so it travels as a request header.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers)
  headers.set('x-portico-path', `${request.nextUrl.pathname}${request.nextUrl.search}`)
  return NextResponse.next({ request: { headers } })
}

export const config = { matcher: ['/account/:path*'] }
