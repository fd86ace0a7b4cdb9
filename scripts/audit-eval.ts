import { runCommand } from '../src/tickets/cli/cli-support'
import { EVAL_USAGE, evalCommand } from '../src/tickets/cli/eval-command'

await runCommand(EVAL_USAGE, async () => {
  await evalCommand(process.argv.slice(2), (line) => console.log(line))
})
