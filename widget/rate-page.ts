/**
 * The hosted rating page's own script, beside the <suara-rating> it holds. From a counter's
 * poster (`/r/?agency=…&service=…&counter=…`) it names the agency, the counter and the
 * service, and where the counter gives several services it lets the citizen say which one
 * they received before they tap (the rating goes to that one). The QR page (`/r/<ticket>`)
 * needs nothing of it: the element names the ticket's agency, service and officer itself.
 * Kept out of the element so that an embed's first paint does not carry it.
 */
import type { Form } from "../core/responses.ts";
import { localeOf } from "../core/words.ts";
import { sayOnPage } from "./rate-words.ts";

const locale = localeOf(document.documentElement.lang);
const query = new URLSearchParams(location.search);
const agency = query.get("agency");
const where = document.getElementById("where");
const rating = document.querySelector("suara-rating");

/** A paragraph of text (never HTML: names come from the API). */
function line(text: string, className?: string) {
  const p = document.createElement("p");
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

/** The services the citizen may have received: the counter's when the poster names one, else the poster's own. */
function servicesHere(form: Form, wanted: string) {
  const counter = form.counters.find((c) => c.code === query.get("counter"));
  const slugs = counter?.services.length ? counter.services : [wanted];
  const here = slugs.flatMap((slug) => form.services.filter((s) => s.slug === slug));
  return { counter, here };
}

/** A radio group of the counter's services, the poster's own chosen; a choice sets the element's service. */
function picker(here: Form["services"], chosen: string) {
  const group = document.createElement("fieldset");
  group.className = "services";
  const legend = document.createElement("legend");
  legend.textContent = sayOnPage(locale, "pickService");
  group.append(legend);
  for (const service of here) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    Object.assign(input, { type: "radio", name: "service", value: service.slug, checked: service.slug === chosen });
    input.addEventListener("change", () => {
      rating?.setAttribute("service", service.slug);
    });
    label.append(input, ` ${service.name}`);
    group.append(label);
  }
  // The tap sent the rating for the service chosen then: the choice is over.
  const done = () => {
    group.disabled = true;
  };
  rating?.addEventListener("suara-submit", done);
  rating?.addEventListener("suara-error", done);
  return group;
}

/** Names where the citizen was served, from the agency's public form. */
async function describePoster(slug: string) {
  const res = await fetch(`/api/v1/agencies/${encodeURIComponent(slug)}/form`);
  if (!res.ok || !where) return; // The element itself says what is wrong (an unknown agency or service).
  const form = (await res.json()) as Form;
  const wanted = query.get("service") ?? "";
  const { counter, here } = servicesHere(form, wanted);
  const chosen = here.find((s) => s.slug === wanted) ?? here[0];
  if (!chosen) return;
  // An attribute, not the property: it holds whether or not the element's module has run yet.
  rating?.setAttribute("service", chosen.slug);
  document.title = sayOnPage(locale, "title", { agency: form.agency.name });
  where.append(line(form.agency.name, "agency"));
  if (counter) where.append(line(sayOnPage(locale, "counter", { name: counter.name })));
  where.append(here.length > 1 ? picker(here, chosen.slug) : line(sayOnPage(locale, "service", { name: chosen.name })));
}

// Offline, the page still rates (the element keeps the tap); it only cannot name the place.
if (agency) describePoster(agency).catch(() => undefined);
