/**
 * The form of one row of the follow-up plan: program/kegiatan, time (a month or a quarter), person
 * responsible, and, when changing a row, its status and note. Checked here against the API's own
 * bounds (core/follow-up-plan.ts) before anything is sent.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { FollowUpRow } from "../../core/follow-up-contract.ts";
import { FOLLOW_UP_LIMITS, FOLLOW_UP_STATES, nextQuarter } from "../../core/follow-up-plan.ts";
import { parsePeriod } from "../../core/period.ts";
import { ELEMENTS, type ElementId, type Locale } from "../../core/questionnaire.ts";
import { sayFollowUps, statusWords } from "../follow-ups-words.ts";
import { periodWords } from "../format.ts";
import { type FieldErrors, onValues } from "./action.tsx";
import { Buttons, Choice, Field } from "./fields.tsx";

/** An element as the report names it: "U3. Waktu Penyelesaian". */
export const elementWords = (element: string, locale: Locale) => {
  const i = ELEMENTS.findIndex((e) => e.id === element);
  return i < 0 ? element : `U${i + 1}. ${ELEMENTS[i].name[locale]}`;
};

/** What the form sends: a new row's fields, or a change's. */
export type FollowUpValues = Pick<FollowUpRow, "action" | "due" | "responsible"> &
  Partial<Pick<FollowUpRow, "status" | "element">> & { note?: string };

/** The months and quarters a plan's time may be chosen from: the period's first year to two years after it ends. */
function dueChoices(period: string, kind: "quarter" | "month", current: string | undefined, locale: Locale) {
  const { from, to } = parsePeriod(period)!;
  const values: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)) + 2; y++) {
    if (kind === "quarter") for (let q = 1; q <= 4; q++) values.push(`${y}-Q${q}`);
    else for (let m = 1; m <= 12; m++) values.push(`${y}-${String(m).padStart(2, "0")}`);
  }
  if (current && (current.includes("Q") ? "quarter" : "month") === kind && !values.includes(current))
    values.unshift(current);
  return values.map((value) => [value, periodWords(value, locale)] as const);
}

/** The problems with the form's values, by field, in the reader's words. */
function problems(v: Record<string, string>, editing: boolean, locale: Locale): FieldErrors {
  const check = (field: "action" | "responsible" | "note", required: boolean) => {
    const value = v[field] ?? "";
    if (required && value === "") return sayFollowUps(locale, "required");
    return value.length > FOLLOW_UP_LIMITS[field]
      ? sayFollowUps(locale, "tooLong", { max: FOLLOW_UP_LIMITS[field] })
      : "";
  };
  return {
    action: check("action", true),
    responsible: check("responsible", true),
    note: editing ? check("note", false) : "",
  };
}

/**
 * A row's form: for `element` (or an element chosen here when it is null), new or changing `row`.
 * `onSubmit` gets the values and what is wrong with them.
 */
export function FollowUpForm({
  period,
  element,
  row,
  errors,
  busy,
  locale,
  onSubmit,
  onCancel,
}: {
  period: string;
  element: ElementId | null;
  row?: FollowUpRow;
  errors: FieldErrors;
  busy: boolean;
  locale: Locale;
  /** The form's values and the problems found in them (the caller's action sends nothing while there are any). */
  onSubmit: (values: FollowUpValues, problems: FieldErrors) => void;
  onCancel: () => void;
}) {
  const w = (key: Parameters<typeof sayFollowUps>[1], values?: Record<string, string | number>) =>
    sayFollowUps(locale, key, values);
  const initialDue = row?.due ?? nextQuarter(parsePeriod(period)!.to);
  const [kind, setKind] = useState<"quarter" | "month">(initialDue.includes("Q") ? "quarter" : "month");
  // Held here: a select's defaultValue is not applied by Preact, and the choices change with the kind.
  const [due, setDue] = useState(initialDue);
  const [status, setStatus] = useState(row?.status ?? "planned");
  const choices = dueChoices(period, kind, row?.due, locale);
  const form = row ? `rtl-edit-${row.id}` : "rtl-new";
  const title = useRef<HTMLHeadingElement>(null);
  // Opening the form takes the reader to it (a screen reader hears its heading first).
  useEffect(() => title.current?.focus(), []);
  const named = element ?? row?.element;
  /** A text field of the row, bounded as the API bounds it, with its hint. */
  const text = (name: "action" | "responsible" | "note") => (
    <Field
      form={form}
      name={name}
      label={w(name)}
      hint={w(`${name}Hint`, { max: FOLLOW_UP_LIMITS[name] })}
      defaultValue={row?.[name] ?? ""}
      maxLength={FOLLOW_UP_LIMITS[name]}
      error={errors[name]}
    />
  );
  return (
    <form
      class="card follow-up-form no-print"
      aria-labelledby={`${form}-title`}
      noValidate
      onSubmit={onValues((v) => {
        const base = { action: v.action, due: v.due, responsible: v.responsible };
        onSubmit(
          row
            ? { ...base, status: v.status as FollowUpRow["status"], note: v.note }
            : { ...base, element: (element ?? v.element) as ElementId },
          problems(v, Boolean(row), locale),
        );
      })}
    >
      <h4 id={`${form}-title`} ref={title} tabIndex={-1}>
        {named ? w("formFor", { element: elementWords(named, locale) }) : w("addOther")}
      </h4>
      {named ? null : (
        <Choice
          form={form}
          name="element"
          label={w("whichElement")}
          options={ELEMENTS.map((e) => [e.id, elementWords(e.id, locale)] as const)}
        />
      )}
      {text("action")}
      <div class="row">
        <Choice
          form={form}
          name="dueKind"
          label={w("dueKind")}
          value={kind}
          onChange={(e) => {
            const next = e.currentTarget.value as "quarter" | "month";
            setKind(next);
            const same = (initialDue.includes("Q") ? "quarter" : "month") === next;
            setDue(same ? initialDue : dueChoices(period, next, row?.due, locale)[0][0]);
          }}
          options={[
            ["quarter", w("dueQuarter")],
            ["month", w("dueMonth")],
          ]}
        />
        <Choice
          form={form}
          name="due"
          label={w("due")}
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          options={choices}
          error={errors.due}
        />
      </div>
      {text("responsible")}
      {row ? (
        <>
          <Choice
            form={form}
            name="status"
            label={w("status")}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as FollowUpRow["status"])}
            options={FOLLOW_UP_STATES.map((s) => [s, statusWords(locale, s)] as const)}
          />
          {text("note")}
        </>
      ) : null}
      <Buttons submit={row ? w("saveChange") : w("save")} busy={busy} cancel={w("cancel")} onCancel={onCancel} />
    </form>
  );
}
