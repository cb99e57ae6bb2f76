/**
 * `npm run restore -- <backup> [--force]`: puts a backup in place of the database file
 * (LIBSQL_URL, or the embedded default) after checking it is a sound Suara database
 * whose migrations this version knows. Refuses while a server has the file open (stop
 * it first); the file it replaces is kept beside it, never deleted.
 */
import { parseArgs } from "node:util";
import { BackupError, databaseFile, restoreFile } from "./backup.ts";
import { DEFAULT_DATABASE_URL } from "./node.ts";

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
}
try {
  parsed = parse();
  if (parsed.positionals.length !== 1) throw new Error("one backup file");
} catch {
  console.error("Usage: npm run restore -- <backup.db> [--force]   (stop the server first)");
  process.exit(2);
}
try {
  const target = databaseFile(process.env.LIBSQL_URL ?? DEFAULT_DATABASE_URL);
  const backup = parsed.positionals[0];
  const restored = restoreFile(backup, target, { force: parsed.values.force });
  console.log(`Restored ${backup} to ${target} (${restored.ratings} ratings; integrity ok).`);
  if (restored.keptAs) console.log(`The file it replaced is kept as ${restored.keptAs}; delete it once you are sure.`);
  if (restored.migrations < restored.known)
    console.log(
      `The backup has ${restored.migrations} of ${restored.known} migrations: the server applies the rest when it starts.`,
    );
  console.log("Start the server now (npm start, or systemctl start suara).");
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`Restore refused: ${error.message}`);
  process.exit(1);
}
