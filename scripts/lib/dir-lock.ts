import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * A cross-process lock: mkdir is atomic. Held by e2e and bench runs for their whole life, since
 * they build into and serve from one folder; a lock whose owner died is taken over.
 */
export async function acquireDirLock(lockDir: string, log: (line: string) => void = console.log): Promise<() => Promise<void>> {
  const owner = path.join(lockDir, 'pid')
  let announced = false
  for (;;) {
    try {
      await mkdir(lockDir)
      await writeFile(owner, String(process.pid))
      return () => rm(lockDir, { recursive: true, force: true })
    } catch {
      const pid = Number(await readFile(owner, 'utf8').catch(() => '0'))
      if (pid && !alive(pid)) {
        await rm(lockDir, { recursive: true, force: true })
        continue
      }
      if (!announced) log(`Waiting for another run to release ${path.basename(lockDir)} (pid ${pid || '?'})…`)
      announced = true
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  }
}
