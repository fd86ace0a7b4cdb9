import { runCommand } from '../src/tickets/cli/cli-support'
import { DEFLECTION_USAGE, deflectionCommand } from '../src/tickets/cli/deflection-command'

await runCommand(DEFLECTION_USAGE, async () => {
  await deflectionCommand(process.argv.slice(2), (line) => console.log(line))
})
