/**
 * Whether a process with this id is running (signal 0 checks without
 * sending anything; EPERM means it runs under another user).
 *
 * @example
 *   processAlive(process.pid) // => true
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
