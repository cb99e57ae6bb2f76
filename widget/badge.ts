/** The badge alone, served as /widget/badge.js: `<suara-ikm-badge agency="…">` in a footer. */
export { SuaraIkmBadge } from "./suara-ikm-badge.ts";
