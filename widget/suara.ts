/**
 * The embeddable module, served as /widget/suara.js: `<script type="module" src=".../widget/suara.js">`
 * defines <suara-rating> (its follow-up and survey load just after). /widget/badge.js defines
 * <suara-ikm-badge>; /widget/suara.iife.js is both as one classic script, for pages that cannot load modules.
 */
export { SuaraRating } from "./suara-rating.ts";
