import { AUDIT_USAGE, auditCommand } from '../src/tickets/cli/audit-command'
import { runCommand } from '../src/tickets/cli/cli-support'

await runCommand(AUDIT_USAGE, async () => {
  await auditCommand(process.argv.slice(2), (line) => console.log(line))
})
