/**
 * Possible illegal levies (kemungkinan pungutan liar): ratings an agency's admins should read
 * with care, because the citizen chose the reason "Diminta biaya" or wrote of money. A rule
 * every layer shares (the report's list, the comments filter), written as readable patterns.
 * It sets ratings apart for a person to read; it proves nothing. What it catches and misses:
 * docs/scoring.md, "Reasons and possible levies".
 */
import { normalizeText } from "./privacy.ts";

/** The reason code of "Diminta biaya" (core/questionnaire.ts REASONS): always a possible levy. */
export const LEVY_REASON = "biaya";

/** The comments filter's value for the possible levies (`?reason=possible-levy`), beside the reason codes. */
export const LEVY_FILTER = "possible-levy";

/**
 * What money sounds like in a comment, each pattern with what it is for. Matched on the
 * comment lower-cased and normalised (NFKC, one kind of space), from a word's start.
 */
const MONEY: readonly { means: string; pattern: string }[] = [
  { means: "a rupiah amount: Rp50.000, Rp 50rb, IDR 100000", pattern: String.raw`(?:rp|idr)\.?\s?\d` },
  {
    means: "an amount in thousands or millions: 50rb, 50 ribu, 100k, 1,5 jt",
    pattern: String.raw`\d+(?:[.,]\d+)?\s?(?:rb|ribu|rebu|k|jt|juta)\b`,
  },
  { means: "a written amount: 50.000, 150.000", pattern: String.raw`\d{1,3}(?:[.,]\d{3})*[.,]000\b` },
  { means: "money: uang, uang rokok, uang pelicin, uang lelah", pattern: String.raw`uang\b` },
  {
    means: "paying: bayar, membayar, dibayar, bayaran, pembayaran",
    pattern: String.raw`(?:mem|di|ter|pem)?bayar(?:an|kan)?\b`,
  },
  {
    means: "a levy: pungli, pungutan, dipungut, memungut",
    pattern: String.raw`(?:pungli|(?:di)?pungut(?:an)?|memungut)\b`,
  },
  { means: "an envelope, a fee, a reward, a cost", pattern: String.raw`(?:amplop|biaya|imbalan|ongkos|upeti)\b` },
  {
    means: "a bribe: pelicin, salam tempel, sogok, suap",
    pattern: String.raw`(?:pelicin|salam tempel|(?:di|me|ny)?sogok(?:an)?|(?:di|me)?suap)\b`,
  },
  {
    means: "English: pay, paid, money, bribe, fee, charged",
    pattern: String.raw`(?:pay|paid|paying|money|bribes?|bribed|fees?|charged)\b`,
  },
];

/** Words that deny what follows: "tidak dipungut biaya", "tanpa biaya", "bebas pungli", "no fee". */
const DENIALS =
  "(?:tidak|tdk|tak|gak|nggak|ngga|enggak|ga|gk|tanpa|bebas|bukan|no|not|without|never|(?:did|do|does)n['’]?t)";
/** Words that may stand between a denial and the money it denies (at most three: "tidak ada dipungut biaya", "tidak pernah dimintai uang"). */
const BETWEEN =
  "(?:ada|dipungut|dimintai|diminta|meminta|minta|dikenakan|dikenai|perlu|usah|pernah|harus|sepeser|sama|sekali|any|asked|for|need|needed|have|had|to|was|were|required|of|a)";
/**
 * A denial does not deny after "kalau/jika/bila": "kalau tidak bayar, berkas tidak diproses"
 * is a threat, the very levy this looks for.
 */
const CONDITIONS = "(?:kalau|kalo|klo|kl|jika|jikalau|bila|apabila|if)";

const money = MONEY.map((m) => m.pattern).join("|");
const MENTION = new RegExp(String.raw`\b(?:${money})`, "u");
const DENIED = new RegExp(String.raw`(?<!\b${CONDITIONS}\s+)\b${DENIALS}\s+(?:${BETWEEN}\s+){0,3}(?:${money})`, "gu");

/** Whether a comment speaks of money (an amount, paying, a levy, a bribe), leaving out money it denies. */
export function mentionsMoney(comment: string): boolean {
  const text = normalizeText(comment).toLowerCase().replace(DENIED, " ");
  return MENTION.test(text);
}

/** Whether a rating is a possible levy: the reason "Diminta biaya", or a comment that speaks of money. */
export function isPossibleLevy(rating: { reasons?: readonly string[] | null; comment?: string | null }): boolean {
  return Boolean(rating.reasons?.includes(LEVY_REASON) || (rating.comment && mentionsMoney(rating.comment)));
}
