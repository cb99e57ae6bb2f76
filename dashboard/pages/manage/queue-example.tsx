/**
 * How a queue system asks Suara for a rating ticket, worded, with the agency's own
 * codes: the HTTP call with its integration key, the answer, and the refusals it
 * should expect (worker/routes/tickets.ts).
 */
import type { Form } from "../../../core/responses.ts";
import { useWords } from "./use-words.ts";

/** A sentence naming an API code the integrator's program reads: the code set as code (`<code>`), not as words. */
function WithCode({ word, code }: { word: (values: { code: string }) => string; code: string }) {
  const [before, after] = word({ code: "\u0000" }).split("\u0000");
  return (
    <>
      {before}
      <code>{code}</code>
      {after}
    </>
  );
}

/** The example call for the first counter and its main service. */
export function QueueExample({ form, publicUrl }: { form: Form; publicUrl: string }) {
  const { w } = useWords();
  const counter = form.counters[0];
  const service = form.services.find((s) => s.slug === counter?.services[0]) ?? form.services[0];
  return (
    <section class="card snippet" aria-labelledby="example-title">
      <h2 id="example-title">{w("exampleTitle")}</h2>
      {counter && service ? (
        <>
          <p>{w("exampleAbout", { counter: counter.name, service: service.name })}</p>
          <pre>
            <code>
              {[
                `POST ${publicUrl}/api/v1/tickets`,
                "Authorization: Bearer key_…",
                "Content-Type: application/json",
                "",
                JSON.stringify({ service: service.slug, counter: counter.code }),
              ].join("\n")}
            </code>
          </pre>
          <p>{w("exampleAnswer")}</p>
          <pre>
            <code>
              {JSON.stringify({ ticket: "t_…", url: `${publicUrl}/r/t_…`, expiresAt: "2026-12-01T09:30:00.000Z" })}
            </code>
          </pre>
          <ul>
            <li>
              <WithCode word={(v) => w("exampleNip", v)} code="not_on_duty" />
            </li>
            <li>
              <WithCode word={(v) => w("examplePace", v)} code="ticket_pace" />
            </li>
          </ul>
        </>
      ) : (
        <p class="state state-empty">{w("exampleNeed")}</p>
      )}
      <p>
        <a href="/api/v1/docs">{w("exampleDocs")}</a>
      </p>
    </section>
  );
}
