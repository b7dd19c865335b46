/**
 * The option loop every command-line entry point shares: `--name value` and
 * `--name=value` for options with a value, bare `--name` for flags,
 * `--help`/`-h` prints the usage and exits 0, anything else is a
 * UserInputError that quotes the option and the usage.
 */
import { UserInputError } from './errors';
import { checkLanguage, type Language } from './language';

export type OptionKinds = Record<string, 'value' | 'flag'>;

/**
 * @example
 *   const o = parseOptions(['--data', 'my', '--lang=en'], { '--data': 'value', '--lang': 'value' }, USAGE);
 *   o.get('--data'); // 'my'
 */
export function parseOptions(argv: readonly string[], kinds: OptionKinds, usage: string): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    }
    const name = Object.keys(kinds).find((n) => arg === n || (kinds[n] === 'value' && arg.startsWith(`${n}=`)));
    if (name === undefined) throw new UserInputError(`unknown option ${JSON.stringify(arg)}; ${usage}`);
    if (kinds[name] === 'flag') {
      out.set(name, true);
      continue;
    }
    const v = arg === name ? argv[++k] : arg.slice(name.length + 1);
    if (v === undefined || v === '') throw new UserInputError(`${name} needs a value; ${usage}`);
    out.set(name, v);
  }
  return out;
}

/** The value of --lang checked: "nl" or "en" (checkLanguage). */
export function parseLang(value: string): Language {
  return checkLanguage(value, '--lang');
}
