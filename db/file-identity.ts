/**
 * The file stays the file: an open SQLite connection keeps writing to the file it
 * opened even after that file was deleted or another one was renamed over its path.
 * Those writes land in a file nobody will ever open again (the next start opens
 * whatever is at the path), so the server must not acknowledge them. The file at the
 * path is known by its device and inode; once they change the database counts as
 * lost for good: the server refuses what it cannot store until an operator restores
 * a backup or restarts on the new file.
 */
import { statSync } from "node:fs";

/** What the server answers (503) once the database file under it was deleted or replaced. */
export class DatabaseFileLost extends Error {
  readonly code = "DATABASE_FILE_LOST";
  constructor(readonly path: string) {
    super(
      `The database file ${path} was deleted or replaced while the server was using it; nothing more is stored until it is restored and the server restarted.`,
    );
  }
}

/** What happened to the file at the path. */
export type FileChange = "deleted" | "replaced";

/** A file's device and inode (`dev:ino`), or null when there is no file at the path. */
export const identityOf = (path: string) => {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}` : null;
};

/** Watches that the file at a path is still the one that was opened. */
export class FileIdentity {
  readonly path: string;
  readonly #identity: string;
  readonly #onLost: (change: FileChange) => void;
  #lost: FileChange | null = null;

  /** Remembers the file now at `path` (which must exist); `onLost` runs once, when it first is found gone. */
  constructor(path: string, onLost: (change: FileChange) => void = () => {}) {
    const identity = identityOf(path);
    if (identity === null) throw new Error(`${path} does not exist.`);
    this.path = path;
    this.#identity = identity;
    this.#onLost = onLost;
  }

  /** What happened to the file, once it was found deleted or replaced (it stays so), or null while it is the same. */
  get lost(): FileChange | null {
    return this.#lost;
  }

  /** Looks at the path again (one stat): what happened to the file, or null while it is the same. */
  check(): FileChange | null {
    if (this.#lost) return this.#lost;
    const now = identityOf(this.path);
    if (now === this.#identity) return null;
    this.#lost = now === null ? "deleted" : "replaced";
    this.#onLost(this.#lost);
    return this.#lost;
  }

  /** Throws DatabaseFileLost unless the file at the path is still the one that was opened. */
  assertSame(): void {
    if (this.check()) throw new DatabaseFileLost(this.path);
  }
}
