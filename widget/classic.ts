/** The classic-script build, /widget/suara.iife.js: <suara-rating> and <suara-ikm-badge> in one file. */
export { SuaraIkmBadge } from "./suara-ikm-badge.ts";
export { SuaraRating } from "./suara-rating.ts";
