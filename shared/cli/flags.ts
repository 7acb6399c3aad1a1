/**
 * Command-line flags of the designers' commands. `npm run x --json` (without `--`) keeps `--json`
 * for npm itself, which then sets `npm_config_json=true` in the script's environment: the flag is
 * read from there too, so the command works as the README writes it.
 */
export function hasFlag(
  argv: readonly string[],
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return argv.includes(`--${name}`) || env[`npm_config_${name}`] === "true";
}
