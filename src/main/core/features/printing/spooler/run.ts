// Runs a program with an argument array (never a shell), an optional stdin
// payload and a hard time limit.
import { execFile } from 'node:child_process';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Written to the child's stdin, which is then closed. */
  input?: Buffer;
}

export interface RunResult {
  /** Exit code; a child killed by a signal reports -1. */
  code: number;
  stdout: string;
  stderr: string;
}

/** The program could not be started at all (ENOENT, EACCES...). */
export class SpawnError extends Error {
  constructor(
    readonly command: string,
    readonly errno: string,
  ) {
    super(`${command} could not be started (${errno})`);
    this.name = 'SpawnError';
  }
}

export class RunTimeoutError extends Error {
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
  ) {
    super(`${command} did not finish within ${timeoutMs} ms`);
    this.name = 'RunTimeoutError';
  }
}

/** Resolves with the exit code, whatever it is; rejects only when the program cannot start or times out. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const child = execFile(command, args, { env: options.env, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      clearTimeout(timer);
      if (timedOut) return reject(new RunTimeoutError(command, options.timeoutMs));
      if (!error) return resolve({ code: 0, stdout, stderr });
      const code = (error as NodeJS.ErrnoException).code as unknown;
      if (typeof code === 'number') return resolve({ code, stdout, stderr });
      if (typeof code === 'string' && code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
        return reject(new SpawnError(command, code));
      }
      resolve({ code: -1, stdout, stderr: stderr || error.message });
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    // A child that exits before reading all of stdin makes the pipe fail; its exit code tells the story.
    child.stdin?.on('error', () => undefined);
    if (options.input) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}
