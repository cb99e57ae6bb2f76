/**
 * `npm run backup -- [dest]`: a consistent copy of the live database file (LIBSQL_URL,
 * or the embedded default), taken while the server serves, checked, written to `dest`
 * (a file, or a folder for a timestamped name; default ./backups/suara-<time>.db).
 * Exits 1 when no sound backup could be written, so a timer's failure shows.
 */
import { backupDestination, backupFile, databaseFile } from "./backup.ts";
import { DEFAULT_DATABASE_URL } from "./node.ts";

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith("-")) {
  console.error("Usage: npm run backup -- [file.db | folder/]   (default folder: ./backups)");
  process.exit(2);
}
try {
  const source = databaseFile(process.env.LIBSQL_URL ?? DEFAULT_DATABASE_URL);
  const dest = backupDestination(args[0]);
  const started = Date.now();
  const check = backupFile(source, dest);
  console.log(
    `Backed up ${source} to ${dest} (${check.ratings} ratings; integrity ok; ${check.migrations} of ${check.known} migrations) in ${Date.now() - started} ms.`,
  );
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
