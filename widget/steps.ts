/**
 * What <suara-rating> shows after the tap, loaded just after its first paint:
 * the follow-up (what fell short after a low face, a comment, "Isi survei
 * lengkap") and the full SKM survey of PermenPANRB 14/2017, one question per
 * step with progress, each skippable, then the optional respondent profile.
 * The questions' words come with the agency's form from the API. Lit's `html`
 * comes from the element, so Lit stays in the first-paint file only.
 */
import type { html as Html, nothing as Nothing, TemplateResult } from "lit";
import type { RatingInput } from "../core/contract.ts";
import { PROFILE_FIELDS, readAge } from "../core/profile.ts";
import { PROFILE, REASONS } from "../core/questionnaire.ts";
import type { Form } from "../core/responses.ts";
import type { WordValues } from "../core/words.ts";
import { sayStep } from "./steps-words.ts";

export { refusal } from "./steps-words.ts";

/** A key of the steps' words. */
type StepKey = Parameters<typeof sayStep>[1];

/** What the steps read from and do to the element. */
export interface StepsHost {
  lit: { html: typeof Html; nothing: typeof Nothing };
  language: "id" | "en";
  face: number;
  reasons: string[];
  text: { comment: string };
  form: Form | null;
  step: number;
  answers: NonNullable<RatingInput["answers"]>;
  respondent: NonNullable<RatingInput["respondent"]>;
  pending: boolean;
  typed(event: InputEvent): void;
  finish(): void;
  openSurvey(): void;
}

/** The steps' own styles, added to the element's shadow root when they load. */
export function styles(): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
  h2{font-weight:700;font-size:1.05rem;margin:0 0 .5rem}
  textarea,input{box-sizing:border-box;width:100%;min-height:4rem;padding:.5rem;border-radius:8px;border:2px solid #6b7280;background:#fff;color:#111827;font:inherit}
  input{min-height:44px;max-width:8rem;display:block;margin-top:.3rem}
  textarea:focus-visible,input:focus-visible{outline:3px solid var(--suara-accent,#0f766e);outline-offset:2px}
  .err{color:#b91c1c;margin:.3rem 0 .8rem;font-weight:600}
  label{display:block;margin-top:.4rem}
  .chips{display:flex;flex-wrap:wrap;gap:.4rem;margin:.4rem 0 .8rem}
  .answers{display:grid;gap:.4rem}
  .row{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.8rem}
  .hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
  progress{width:100%;accent-color:var(--suara-accent,#0f766e)}`);
  return sheet;
}

/** A button that toggles, read as pressed or not. */
const toggle = (h: StepsHost, label: string, pressed: boolean, click: () => void) =>
  h.lit.html`<button type="button" aria-pressed=${pressed ? "true" : "false"} @click=${click}>${label}</button>`;

/** After the tap: reasons (a low face), a comment, finish or the full survey. */
export function followUp(h: StepsHost): TemplateResult {
  const { html, nothing } = h.lit;
  const t = (key: StepKey, values?: WordValues) => sayStep(h.language, key, values);
  const reason = (code: string) => {
    h.reasons = h.reasons.includes(code) ? h.reasons.filter((r) => r !== code) : [...h.reasons, code];
    h.pending = true;
  };
  return html`${
    h.face <= 2
      ? html`<fieldset><legend>${t("whatWrong")}</legend><div class="chips">${REASONS.map((r) =>
          toggle(h, r.label[h.language], h.reasons.includes(r.code), () => reason(r.code)),
        )}</div></fieldset>`
      : nothing
  }<label>${t("comment")}<textarea name="comment" maxlength="1000" .value=${h.text.comment} @input=${(e: InputEvent) => h.typed(e)}></textarea></label>
    <div class="hp" aria-hidden="true"><label>Website<input name="website" tabindex="-1" autocomplete="off" @input=${(e: InputEvent) => h.typed(e)}></label></div>
    <div class="row"><button part="send" type="button" @click=${() => h.finish()}>${t("finish")}</button>
    <button type="button" @click=${() => h.openSurvey()}>${t("fullSurvey")}</button></div>`;
}

/** The age as this citizen typed it (kept beside the element: the typed text may be no age at all), and whether its problem shows yet. */
const typedAges = new WeakMap<StepsHost, { typed: string; shown: boolean }>();

/**
 * The profile's age: whole years within the contract's bounds (core/profile.ts). An impossible
 * one is not sent (the API would refuse the rating) and is said in words once the field is left;
 * "Selesai" then stays on the step with the message instead of dropping it silently.
 */
function ageField(h: StepsHost, t: (key: StepKey) => string): TemplateResult {
  const { html } = h.lit;
  const entry = typedAges.get(h) ?? {
    typed: h.respondent.age === undefined ? "" : String(h.respondent.age),
    shown: false,
  };
  const read = readAge(entry.typed);
  const problem = entry.shown && "problem" in read ? read.problem[h.language] : "";
  const rerender = () => {
    h.respondent = { ...h.respondent };
  };
  return html`<label for="age">${t("age")}</label><input id="age" name="age" inputmode="numeric" autocomplete="off"
    aria-invalid=${problem ? "true" : "false"} aria-describedby="age-error" .value=${entry.typed}
    @input=${(e: InputEvent) => {
      const typed = (e.target as HTMLInputElement).value;
      const now = readAge(typed);
      typedAges.set(h, { typed, shown: entry.shown && !("age" in now) });
      const { age: _, ...rest } = h.respondent;
      h.respondent = "age" in now && now.age !== undefined ? { ...rest, age: now.age } : rest;
      h.pending = true;
    }}
    @blur=${() => {
      typedAges.set(h, { ...(typedAges.get(h) ?? entry), shown: true });
      rerender();
    }}><p id="age-error" class="err" role="alert">${problem}</p>`;
}

/** Finishes the survey unless the typed age cannot be taken: then its message shows and the field takes focus. */
function finishProfile(h: StepsHost, root: ParentNode) {
  const entry = typedAges.get(h);
  if (entry && "problem" in readAge(entry.typed)) {
    typedAges.set(h, { ...entry, shown: true });
    h.respondent = { ...h.respondent };
    (root.querySelector("#age") as HTMLInputElement | null)?.focus();
    return;
  }
  typedAges.delete(h);
  h.finish();
}

/** The current survey step: a question (steps 0–8) or, after them, the profile. */
export function surveyStep(h: StepsHost): TemplateResult {
  const { html, nothing } = h.lit;
  const t = (key: StepKey, values?: WordValues) => sayStep(h.language, key, values);
  const questions = h.form?.questionnaire ?? [];
  const q = questions[h.step];
  const back = h.step > 0 ? html`<button type="button" @click=${() => h.step--}>${t("back")}</button>` : nothing;
  if (!q) {
    return html`<h2 tabindex="-1" data-focus>${t("profile")}</h2>${PROFILE_FIELDS.map((key) =>
      key === "age"
        ? ageField(h, t)
        : html`<fieldset><legend>${t(key)}</legend><div class="chips">${PROFILE[key].map((o) =>
            toggle(h, o.label[h.language], h.respondent[key] === o.code, () => {
              h.respondent = { ...h.respondent, [key]: o.code };
              h.pending = true;
            }),
          )}</div></fieldset>`,
    )}<div class="row">${back}<button part="send" type="button" @click=${(e: Event) =>
      finishProfile(h, (e.target as Element).getRootNode() as ParentNode)}>${t("finish")}</button></div>`;
  }
  // A survey starts at its first question: an age the last citizen typed is not this one's.
  if (h.step === 0) typedAges.delete(h);
  return html`<p>${t("question", { n: h.step + 1, all: questions.length })}</p>
    <progress max=${questions.length} value=${h.step} aria-hidden="true"></progress>
    <h2 tabindex="-1" data-focus id="q">${q.question[h.language]}</h2>
    <div class="answers" role="group" aria-labelledby="q">${q.answers.map((a, i) =>
      toggle(h, a[h.language], h.answers[q.id] === i + 1, () => {
        h.answers = { ...h.answers, [q.id]: i + 1 };
        h.pending = true;
        h.step++;
      }),
    )}</div>
    <div class="row">${back}<button type="button" @click=${() => h.step++}>${t("skip")}</button></div>`;
}
