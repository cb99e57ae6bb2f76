/**
 * Officers' replies to the comments about them (issue 20, item 4): one per commented rating,
 * never edited once sent (the supervisor may have read it; a second thought is a new
 * conversation, by feedback). Masked like comments; audited in the same batch.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import { newId } from "../../core/ids.ts";
import { maskComment } from "../../core/privacy.ts";
import type { Db } from "../client.ts";
import { commentReplies, ratings } from "../schema.ts";
import { auditInsert } from "./audit.ts";
import { raw } from "./moderation.ts";

/** What became of a reply the officer sent. */
export type ReplyOutcome =
  | { ok: true; reply: { id: string; text: string; createdAt: number } }
  | { ok: false; code: "not_found" | "already_replied" };

/** Whether an error is the unique index on comment_replies.rating_id: another reply got there first. */
const isDuplicateReply = (error: unknown) =>
  /UNIQUE constraint failed: comment_replies\.rating_id/.test(
    `${(error as Error)?.message ?? ""} ${(error as { cause?: Error })?.cause?.message ?? ""}`,
  );

/**
 * Replies to the comment of one rating attributed to `officerId`, once. Another officer's or
 * agency's rating, or one without a comment (none, or purged), is "not_found", so its existence
 * is not revealed. The reply and its `comment.reply` audit entry are one batch.
 */
export async function replyToComment(
  db: Db,
  officerId: string,
  ratingId: string,
  text: string,
  actorUserId: string,
  now = Date.now(),
): Promise<ReplyOutcome> {
  const [rating] = await db
    .select({ agencyId: ratings.agencyId, reply: commentReplies.id })
    .from(ratings)
    .leftJoin(commentReplies, eq(commentReplies.ratingId, ratings.id))
    .where(and(eq(ratings.id, ratingId), eq(ratings.officerId, officerId), isNotNull(ratings.comment)));
  if (!rating) return { ok: false, code: "not_found" };
  if (rating.reply) return { ok: false, code: "already_replied" };
  const reply = { id: newId("rpl"), text: maskComment(text), createdAt: now };
  const row = { ...reply, ratingId, agencyId: rating.agencyId, officerId, createdBy: actorUserId };
  const details = { reply: reply.id, text: reply.text };
  const entry = auditInsert(db, {
    actorUserId,
    agencyId: row.agencyId,
    action: "comment.reply",
    target: ratingId,
    details,
  });
  try {
    // The reply first: when a second reply races this one, its unique index fails the batch, audit included.
    await db.$client.batch([raw(db.insert(commentReplies).values(row)), raw(entry)], "write");
  } catch (error) {
    if (isDuplicateReply(error)) return { ok: false, code: "already_replied" };
    throw error;
  }
  return { ok: true, reply };
}

/** A stored reply as the API answers it (null when the comment has none). */
export const replyState = (row: { id: string; text: string; createdAt: number } | null) =>
  row ? { id: row.id, text: row.text, createdAt: new Date(row.createdAt).toISOString() } : null;
