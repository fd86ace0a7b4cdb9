/** 303 to a path on this site: after a form POST the browser follows with a GET. */
export function seeOther(request: Request, path: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { Location: new URL(path, request.url).toString(), ...headers } })
}
