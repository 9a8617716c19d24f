// Preloaded into a coursemark process by the fuzz suite (node --import):
// writes the process's peak resident memory, in KB, to the file named by
// CM_FUZZ_RSS when it exits.
import { writeFileSync } from 'node:fs'

const file = process.env.CM_FUZZ_RSS
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)))
