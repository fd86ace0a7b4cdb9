/**
 * The process answers: a constant, no database, no session. For an orchestrator's liveness probe
 * (a database outage shouldn't get every instance restarted; `/api/health/ready` says whether to
 * send traffic) and the bench's floor for routes that read nothing either.
 */
export function GET() {
  return Response.json({ success: true, data: { ok: true } })
}
