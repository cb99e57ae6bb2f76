/**
 * Where a rating comes from (docs/design.md, "Channels and attribution"): the counter's
 * tablet, the agency's website, or a QR ticket or poster. Plain data, so browser bundles
 * may word them.
 */
import { createWords } from "./words.ts";

/** The channels, as the API and the database name them. */
export const CHANNELS = ["kiosk", "widget", "qr"] as const;
/** A rating's channel. */
export type Channel = (typeof CHANNELS)[number];

/** Every channel in words, for people (the dashboard, the CSV a person opens). */
export const sayChannel = createWords<Channel>({
  id: { kiosk: "Tablet loket", widget: "Situs web", qr: "Kode QR" },
  en: { kiosk: "Counter tablet", widget: "Website", qr: "QR code" },
});
