// Command-line options shared by the benchmark scripts: `--name value` pairs and bare flags.

export const args = process.argv.slice(2);

/** The value after `--name`, or `dflt` when the option is absent. */
export function opt(name, dflt) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
}
