/**
 * `npm run data -- <command>`: personal data operations on the configured store (DATABASE_PATH or
 * DATABASE_URL), for the operator and the DPO (docs/donnees-personnelles.md).
 *   purge [--days N]           sessions created more than N days ago (default RETENTION_DAYS) lose
 *                              their personal data; anonymous aggregates are kept
 *   forget <CODE> <PLAYER_ID>  deletes what names one player of one session
 */
import { configFromEnv } from "../config.ts";
import { Store } from "../store/store.ts";

const DAY_MS = 86_400_000;

async function main(args: string[]): Promise<number> {
  const config = configFromEnv();
  const [command, ...rest] = args;
  if (command === "purge") {
    const flag = rest.indexOf("--days");
    const days = flag >= 0 ? Number(rest[flag + 1]) : config.retentionDays;
    if (days === undefined || !Number.isFinite(days) || days < 0) {
      console.error("Durée de conservation inconnue : indiquez --days N ou RETENTION_DAYS.");
      return 2;
    }
    const store = await Store.open(config.store);
    const purged = await store.retention.purgeSessionsBefore(Date.now() - days * DAY_MS);
    await store.close();
    console.log(`${purged.length} session(s) purgée(s)${purged.length ? ` : ${purged.join(", ")}` : ""}.`);
    return 0;
  }
  if (command === "forget" && rest.length === 2) {
    const [code, playerId] = rest as [string, string];
    const store = await Store.open(config.store);
    const found = await store.retention.forgetPlayer(code.toUpperCase(), playerId);
    await store.close();
    console.log(
      found ? `Données du joueur ${playerId} supprimées.` : `Aucun joueur ${playerId} dans ${code}.`,
    );
    return found ? 0 : 1;
  }
  console.error("Usage : npm run data -- purge [--days N] | forget <CODE> <PLAYER_ID>");
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
