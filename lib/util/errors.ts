/**
 * An error caused by the user's input (a data file, a codebook, an option),
 * not by a bug. Command-line entry points print its message alone, without a
 * stack trace, and exit with code 1 (see `runCli`).
 */
export class UserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserInputError';
  }
}

/**
 * Runs a command-line main function: a UserInputError prints its message and
 * exits 1; anything else is a bug and keeps its stack trace.
 */
export function runCli(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((e: unknown) => {
      if (e instanceof UserInputError) {
        process.stderr.write(`error: ${e.message}\n`);
      } else {
        process.stderr.write(`internal error (please report it): ${(e as Error)?.stack ?? String(e)}\n`);
      }
      process.exitCode = 1;
    });
}
