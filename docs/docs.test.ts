/**
 * The docs say each thing once and every reference to them resolves: the roles table
 * of design.md is core/roles.ts's, every `docs/….md, "<section>"` or `README, "<section>"`
 * a file cites names a heading that exists, and every link between the docs and the
 * README reaches a file and heading that exist.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { type Permission, ROLES, RULES } from "../core/roles.ts";

const root = join(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

/** The headings of a Markdown file, as written. */
const headings = (path: string) => [...read(path).matchAll(/^#{1,6} +(.+?) *$/gm)].map((m) => m[1]);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

const tracked = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((path) => /\.(ts|tsx|md|html|css)$/.test(path) && existsSync(join(root, path)));

describe("the roles table of docs/design.md", () => {
  const columns = ["regional admin", "agency admin", "supervisor", "officer"];
  const rows = [...read("docs/design.md").matchAll(/^ *\|(.+)\(`(\w+)`\) *\|(.+)\| *$/gm)];

  it("has a column for every role, widest first", () => {
    expect(columns.map((name) => name.replace(" ", "_"))).toEqual([...ROLES]);
  });

  it("lists every rule with exactly the roles core/roles.ts gives it", () => {
    const table = Object.fromEntries(
      rows.map(([, , rule, cells]) => [
        rule,
        cells
          .split("|")
          .map((cell, i) => (cell.trim() === "✓" ? ROLES[i] : null))
          .filter(Boolean),
      ]),
    );
    const rules = Object.fromEntries(
      (Object.keys(RULES) as Permission[]).map((rule) => [
        rule,
        ROLES.filter((role) => RULES[rule].includes(role as never)),
      ]),
    );
    expect(table).toEqual(rules);
  });
});

describe("references to the docs", () => {
  const cited = /\b(README(?:\.md)?|docs\/(?:design|scoring|operations)\.md),? "([^"]+)"/g;

  it.each(tracked)("%s cites only sections that exist", (path) => {
    const missing = [...read(path).matchAll(cited)]
      .map(([, doc, section]) => ({ doc: doc === "README" ? "README.md" : doc, section: section.replace(/\s+/g, " ") }))
      .filter(({ doc, section }) => !section.startsWith("<") && !headings(doc).includes(section))
      .map(({ doc, section }) => `${doc}, "${section}"`);
    expect(missing).toEqual([]);
  });

  const markdown = ["README.md", ...tracked.filter((path) => path.startsWith("docs/") && path.endsWith(".md"))];

  it.each(markdown)("%s links only to files and headings that exist", (path) => {
    const broken = [...read(path).matchAll(/\]\(([^)\s]+)\)/g)]
      .map(([, target]) => target)
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => {
        const [file, hash] = target.split("#");
        const resolved = file ? normalize(join(dirname(path), file)) : path;
        if (!existsSync(join(root, resolved))) return true;
        return hash !== undefined && resolved.endsWith(".md") && !headings(resolved).map(anchor).includes(hash);
      });
    expect(broken).toEqual([]);
  });
});
