/**
 * The public results page, /publik/{slug} (docs/design.md, "Publications"): an agency's published
 * periods, each one's IKM, elements, services and RTL with its progress, the trend across periods,
 * the sample and the method, rendered on the server from the published snapshots (no script, so
 * it is fast, cacheable and printable as one A4 document). Every value goes through `html`, which
 * escapes it: agency names and RTL text are written by people.
 */
import { type Timezone, ZONE_NAMES } from "../core/period.ts";
import { periodWords } from "../core/period-words.ts";
import type { PublicIkm } from "../core/publication-contract.ts";
import { ELEMENT_IDS, elementById, type Locale } from "../core/questionnaire.ts";
import { BANDS } from "../core/scoring.ts";
import { intlTag } from "../core/words.ts";
import { type PublicWord, sayPublic } from "./public-page-words.ts";
import type { PublicResults } from "./public-results.ts";

/** Markup that is already safe: what `html` makes, never a value from outside. */
class Html {
  constructor(readonly text: string) {}
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text made safe for an element's content and a quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);

type Part = Html | string | number | null | undefined | false | Part[];
const partText = (part: Part): string =>
  part instanceof Html
    ? part.text
    : Array.isArray(part)
      ? part.map(partText).join("")
      : part === null || part === undefined || part === false
        ? ""
        : escapeHtml(String(part));

/** A template whose every value is escaped, unless it is markup `html` made. */
export const html = (strings: TemplateStringsArray, ...values: Part[]) =>
  new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? partText(values[i]) : ""), ""));

/** The page of an agency's published results in a locale. */
export function renderPublicPage(results: PublicResults, locale: Locale, stylesheet: string): string {
  const say = (key: PublicWord, values?: Record<string, string | number>) => sayPublic(locale, key, values);
  const number = (value: number, digits = 2) =>
    value.toLocaleString(intlTag(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const when = (iso: string) => publishedWhen(iso, locale, results.timezone);
  const other: Locale = locale === "id" ? "en" : "id";
  const periods = results.current;
  const trend = [...periods].reverse().filter((p) => p.ikm);
  const page = html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${say("title")} · ${results.agency.name}</title>
<link rel="stylesheet" href="${stylesheet}">
</head>
<body>
<header class="top">
<p class="brand">Suara</p>
<a class="lang" href="?lang=${other}" hreflang="${other}" lang="${other}" aria-label="${say("otherLanguageLabel")}">${say("otherLanguage")}</a>
</header>
<main id="content">
<h1>${say("title")}<span class="agency">${results.agency.name}</span></h1>
<p class="intro">${say("intro")}</p>
${
  periods.length === 0
    ? html`<p class="empty">${say("none")}</p>`
    : html`<section aria-labelledby="periods-title">
<h2 id="periods-title">${say("periodsTitle")}</h2>
<div class="scroll" tabindex="0"><table>
<thead><tr><th scope="col">${say("period")}</th><th scope="col" class="num">${say("ikm")}</th><th scope="col">${say("mutu")}</th><th scope="col" class="num">${say("respondents")}</th><th scope="col">${say("publishedAt")}</th><th scope="col">${say("state")}</th></tr></thead>
<tbody>${results.publications.map(
        (p) => html`<tr${p.current ? "" : html` class="superseded"`}>
<th scope="row">${p.current ? html`<a href="#p-${p.period.label}">${periodWords(p.period.label, locale)}</a>` : periodWords(p.period.label, locale)}</th>
<td class="num">${p.ikm ? number(p.ikm.value) : "–"}</td><td>${p.ikm?.mutu ?? "–"}</td><td class="num">${number(p.respondents, 0)}</td>
<td>${when(p.publishedAt)}</td><td>${p.current ? say("current") : say("superseded", { at: when(p.supersededAt ?? p.publishedAt) })}</td>
</tr>`,
      )}</tbody>
</table></div>
</section>
${
  trend.length > 1
    ? html`<section aria-labelledby="trend-title">
<h2 id="trend-title">${say("trendTitle")}</h2>
<div class="scroll" tabindex="0"><table class="trend">
<caption>${say("trendCaption")}</caption>
<tbody>${trend.map(
        (p) => html`<tr><th scope="row">${periodWords(p.period.label, locale)}</th>
<td class="num">${number(p.ikm?.value ?? 0)}</td>
<td class="bar"><meter min="25" max="100" value="${p.ikm?.value ?? 25}" aria-label="${say("ikmOf", { period: periodWords(p.period.label, locale) })}">${number(p.ikm?.value ?? 0)}</meter></td></tr>`,
      )}</tbody>
</table></div>
</section>`
    : ""
}
${periods.map((p) => periodSection(p, results, locale))}
<section aria-labelledby="method-title">
<h2 id="method-title">${say("methodTitle")}</h2>
<p>${say("method")}</p>
</section>`
}
<p class="muted privacy">${say("privacy")}</p>
</main>
</body>
</html>
`;
  return page.text;
}

/** One published period: its IKM, standing, elements, services, RTL with progress, and sample. */
function periodSection(p: PublicIkm, results: PublicResults, locale: Locale): Html {
  const say = (key: PublicWord, values?: Record<string, string | number>) => sayPublic(locale, key, values);
  const number = (value: number | null, digits = 2) =>
    value === null
      ? "–"
      : value.toLocaleString(intlTag(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const when = (iso: string) => publishedWhen(iso, locale, results.timezone);
  const id = `p-${p.period.label}`;
  const band = p.ikm && BANDS.find((b) => b.mutu === p.ikm?.mutu);
  const corrected = results.publications.find((x) => x.supersededBy === p.publication);
  const standing = { official: "official", sampleShort: "sampleShortStanding", incomplete: "incomplete" } as const;
  const status = (value: string) => say(`status_${value}` as PublicWord);
  const sample = p.sampleSize;
  return html`<section class="period" id="${id}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${periodWords(p.period.label, locale)}</h2>
<p class="muted">${say("publishedOn", { at: when(p.publishedAt) })}${corrected ? html` · ${say("correction", { at: when(corrected.publishedAt) })}` : ""}</p>
<p class="ikm">${
    p.ikm && band
      ? html`<strong>${say("ikmOf", { period: periodWords(p.period.label, locale) })}: ${number(p.ikm.value)}</strong> · ${p.ikm.mutu} (${band.kinerja[locale]})`
      : say("noIkm", { value: number(p.quick.index) })
  }</p>
<p>${say(standing[p.standing])} · ${say("respondentsN", { n: number(p.respondents, 0) })}</p>
<div class="scroll" tabindex="0"><table>
<caption>${say("elementsTitle")}</caption>
<thead><tr><th scope="col">${say("element")}</th><th scope="col" class="num">${say("answered")}</th><th scope="col" class="num">${say("nrr")}</th><th scope="col" class="num">${say("elementScore")}</th></tr></thead>
<tbody>${ELEMENT_IDS.map((e) => {
    const figures = p.elements[e];
    return html`<tr><th scope="row">${elementById(e).name[locale]}</th><td class="num">${number(figures.n, 0)}</td><td class="num">${number(figures.nrr, 4)}</td><td class="num">${number(figures.score)}</td></tr>`;
  })}</tbody>
</table></div>
${
  p.byService.length
    ? html`<div class="scroll" tabindex="0"><table>
<caption>${say("servicesTitle")}</caption>
<thead><tr><th scope="col">${say("service")}</th><th scope="col" class="num">${say("respondents")}</th><th scope="col" class="num">${say("ikm")}</th><th scope="col">${say("mutu")}</th></tr></thead>
<tbody>${p.byService.map(
        (s) =>
          html`<tr><th scope="row">${s.name}</th><td class="num">${number(s.respondents, 0)}</td><td class="num">${number(s.ikm?.value ?? null)}</td><td>${s.ikm?.mutu ?? "–"}</td></tr>`,
      )}</tbody>
</table></div>`
    : ""
}
<h3>${say("followUpsTitle")}</h3>
${
  p.followUps.length
    ? html`<div class="scroll" tabindex="0"><table class="rtl">
<thead><tr><th scope="col">${say("element")}</th><th scope="col">${say("action")}</th><th scope="col">${say("due")}</th><th scope="col">${say("responsible")}</th><th scope="col">${say("statusThen")}</th><th scope="col">${say("statusNow")}</th></tr></thead>
<tbody>${p.followUps.map(
        (
          f,
        ) => html`<tr><th scope="row">${elementById(f.element).name[locale]}</th><td>${f.action}</td><td>${periodWords(f.due, locale)}</td><td>${f.responsible}</td><td>${status(f.status)}</td>
<td>${f.current ? html`<strong>${status(f.current.status)}</strong>${f.current.note ? html`<br><span class="note">${f.current.note}</span>` : ""}` : say("removed")}</td></tr>`,
      )}</tbody>
</table></div>`
    : html`<p>${say("followUpsNone")}</p>`
}
<h3>${say("sampleTitle")}</h3>
<p>${
    sample.population === null
      ? say("sampleUnknown", { n: number(sample.required, 0) })
      : say("sampleStated", { population: number(sample.population, 0), n: number(sample.required, 0) })
  } ${say("sampleGot", {
    got: number(sample.respondents, 0),
    short: sample.shortfall === 0 ? say("sampleMet") : say("sampleShort", { n: number(sample.shortfall, 0) }),
  })}</p>
</section>`;
}

/** When something was published, to the minute in the agency's zone: "30 November 2026 14.05 WIB". */
function publishedWhen(iso: string, locale: Locale, timezone: Timezone): string {
  const at = new Intl.DateTimeFormat(intlTag(locale), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: timezone,
  }).format(new Date(iso));
  return `${at} ${ZONE_NAMES[timezone]}`;
}
