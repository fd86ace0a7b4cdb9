import { portalScope } from '@scope-config'

/**
 * Where "Still need help?" sends a customer: the signed scope's route for what stays with support
 * (its general support inbox, the one bug reports and integration help go to).
 */
export function supportRoute(): string {
  const workflows: readonly { id: string; sendTo: string }[] = portalScope.staysWithSupport
  return (workflows.find((workflow) => workflow.id === 'bug-reports') ?? workflows[0])?.sendTo ?? 'mailto:support@portico.example'
}
