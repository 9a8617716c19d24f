/**
 * The `coursemark` command: parses argv, runs a command, and turns its result
 * into an exit code: 0 done, 1 the course has errors, 2 bad usage.
 * An author's mistake is printed without a stack; a stack means a bug of ours.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { normalizeBase } from '../pipeline/site-options.ts'
import { UserError } from '../diagnostics/user-error.ts'
import { closest } from '../diagnostics/closest.ts'
import { BUILD_HELP, runBuild } from './build.ts'
import { VERSION } from './version.ts'

const HELP = `coursemark: turn a folder of Markdown pages into a gated, self-paced training course.

Usage: coursemark <command> [options]

Commands:
  new DIR              start a course: an index, a chapter, two sections, a quiz
  dev [COURSE_DIR]     preview the course on localhost, rebuilt as you edit
  check [COURSE_DIR]   find mistakes without building (--format json, --strict)
  build [COURSE_DIR]   build the course into a static site (--out, --base, --quiet)
  package [COURSE_DIR] make a SCORM package for an LMS (--format, --out)
  serve [SITE_DIR]     serve a built site on localhost
  quiz decode FILE…    print pages with their quiz banks in the readable form
  quiz encode FILE…    rewrite readable quiz banks as base64 (--dry-run)

Options:
  -h, --help           show help (also: coursemark <command> --help)
  -v, --version        show the version

Exit codes: 0 success, 1 the course has errors, 2 bad usage.`

interface Command {
  /** The command's help; commands other than build load theirs with their code, on demand. */
  help: string | (() => Promise<string>)
  options: NonNullable<ParseArgsConfig['options']>
  maxPositionals: number
  run: (positionals: string[], values: Record<string, string | boolean | undefined>) => Promise<number>
}

const COMMANDS: Record<string, Command> = {
  build: {
    help: BUILD_HELP,
    options: {
      out: { type: 'string', short: 'o' },
      base: { type: 'string', short: 'b' },
      quiet: { type: 'boolean', short: 'q' },
    },
    maxPositionals: 1,
    run: (pos, v) =>
      runBuild({
        dir: pos[0] ?? '.',
        out: str(v['out']) ?? '_site',
        base: normalizeBase(str(v['base']) ?? '/'),
        quiet: v['quiet'] === true,
      }),
  },
  // Only build is loaded with the command line; every other command (and node:http) when it runs.
  serve: {
    help: async () => (await import('./serve.ts')).SERVE_HELP,
    options: { port: { type: 'string', short: 'p' }, base: { type: 'string', short: 'b' } },
    maxPositionals: 1,
    run: async (pos, v) =>
      (await import('./serve.ts')).runServe({
        dir: pos[0] ?? '_site',
        port: port(str(v['port']) ?? '8080'),
        base: normalizeBase(str(v['base']) ?? '/'),
      }),
  },
  check: {
    help: async () => (await import('./check.ts')).CHECK_HELP,
    options: {
      format: { type: 'string', short: 'f' },
      strict: { type: 'boolean' },
      base: { type: 'string', short: 'b' },
    },
    maxPositionals: 1,
    run: async (pos, v) =>
      (await import('./check.ts')).runCheck({
        dir: pos[0] ?? '.',
        format: str(v['format']) ?? 'text',
        strict: v['strict'] === true,
        base: normalizeBase(str(v['base']) ?? '/'),
      }),
  },
  dev: {
    help: async () => (await import('./dev.ts')).DEV_HELP,
    options: {
      port: { type: 'string', short: 'p' },
      base: { type: 'string', short: 'b' },
      'open-all': { type: 'boolean' },
    },
    maxPositionals: 1,
    run: async (pos, v) =>
      (await import('./dev.ts')).runDev({
        dir: pos[0] ?? '.',
        port: port(str(v['port']) ?? '8080'),
        base: normalizeBase(str(v['base']) ?? '/'),
        openAll: v['open-all'] === true,
      }),
  },
  package: {
    help: async () => (await import('./package.ts')).PACKAGE_HELP,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      base: { type: 'string', short: 'b' },
    },
    maxPositionals: 1,
    run: async (pos, v) =>
      (await import('./package.ts')).runPackage({
        dir: pos[0] ?? '.',
        format: str(v['format']),
        out: str(v['out']),
        base: normalizeBase(str(v['base']) ?? '/'),
      }),
  },
  quiz: {
    help: async () => (await import('./quiz.ts')).QUIZ_HELP,
    options: { 'dry-run': { type: 'boolean', short: 'n' } },
    maxPositionals: Infinity,
    run: async (pos, v) =>
      (await import('./quiz.ts')).runQuiz({ action: pos[0], files: pos.slice(1), dryRun: v['dry-run'] === true }),
  },
  new: {
    help: async () => (await import('./new.ts')).NEW_HELP,
    options: {},
    maxPositionals: 1,
    run: async (pos) => (await import('./new.ts')).runNew({ dir: pos[0] }),
  },
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    // No command is a usage mistake: the help goes where errors go.
    process.stderr.write(`${HELP}\n`)
    return 2
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(`${HELP}\n`)
    return 0
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${VERSION}\n`)
    return 0
  }
  const command = COMMANDS[name]
  try {
    if (!command) {
      const near = closest(name, Object.keys(COMMANDS))
      throw new UserError(
        `Unknown command "${name}".${near ? ` Did you mean "${near}"?` : ''} Run \`coursemark --help\` for the list.`,
        { usage: true },
      )
    }
    const parsed = parseCommandLine(name, command, rest)
    if (parsed.values['help']) {
      process.stdout.write(`${typeof command.help === 'string' ? command.help : await command.help()}\n`)
      return 0
    }
    if (parsed.positionals.length > command.maxPositionals) {
      throw new UserError(
        `Too many arguments: ${parsed.positionals.slice(command.maxPositionals).join(' ')}. Run \`coursemark ${name} --help\`.`,
        { usage: true },
      )
    }
    return await command.run(parsed.positionals, parsed.values)
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`coursemark: ${e.message}\n${e.hint ? `  hint: ${e.hint}\n` : ''}`)
      return e.exitCode
    }
    throw e
  }
}

/** The command's options and arguments; a usage error when they are not its own. */
function parseCommandLine(name: string, command: Command, args: string[]) {
  try {
    return parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (e) {
    throw new UserError(
      `${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '.')} Run \`coursemark ${name} --help\`.`,
      { usage: true },
    )
  }
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined
}

function port(s: string): number {
  const n = Number(s)
  if (!/^\d+$/.test(s) || n > 65535)
    throw new UserError(`--port ${JSON.stringify(s)} is not a port number.`, {
      hint: 'Use a number from 0 to 65535.',
      usage: true,
    })
  return n
}
