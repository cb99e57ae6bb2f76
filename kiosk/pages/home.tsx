/**
 * The idle screen, which is also the faces screen: the agency, the counter and
 * its services, the officer on duty, the invitation and four large faces. One
 * tap records the quick rating (in IndexedDB) and moves on; nothing waits for
 * the network. Once the counter is archived, a notice takes the faces' place.
 */
import { useRef } from "preact/hooks";
import { FACES } from "../../core/questionnaire.ts";
import { ArchivedNotice } from "../components/archived.tsx";
import { Face } from "../components/face.tsx";
import { OfficerCard } from "../components/officer.tsx";
import { StatusCorner } from "../components/status.tsx";
import type { KioskState } from "../state.ts";
import { text } from "../text.ts";
import { screenClass } from "./steps.tsx";

/** How long staff hold the agency name to open their menu (no visible button for citizens). */
export const LONG_PRESS_MS = 2_000;

/** The home screen. */
export function Home({ state, onStaff }: { state: KioskState; onStaff: () => void }) {
  const locale = state.locale.value;
  const setup = state.setup.value;
  const press = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const startPress = () => {
    clearTimeout(press.current);
    press.current = setTimeout(onStaff, LONG_PRESS_MS);
  };
  const endPress = () => clearTimeout(press.current);
  return (
    <div class={screenClass(state, "home")}>
      <header class="home-header">
        <div class="place">
          <p
            class="agency"
            onPointerDown={startPress}
            onPointerUp={endPress}
            onPointerLeave={endPress}
            onPointerCancel={endPress}
            onContextMenu={(e) => e.preventDefault()}
          >
            {setup.agencyName}
          </p>
          <p class="counter">
            <span class="counter-name">{setup.counterName}</span>
            {setup.services.length ? (
              <span class="services"> · {setup.services.map((s) => s.name).join(", ")}</span>
            ) : null}
          </p>
        </div>
        <button
          type="button"
          class="language"
          lang={locale === "id" ? "en" : "id"}
          aria-label={text(locale, "switchLanguageLabel")}
          onClick={() => {
            state.locale.value = locale === "id" ? "en" : "id";
          }}
        >
          {text(locale, "switchLanguage")}
        </button>
      </header>
      {state.archived.value ? <ArchivedNotice state={state} onStaff={onStaff} /> : <Faces state={state} />}
      <StatusCorner state={state} />
    </div>
  );
}

/** Who serves, the invitation and the four faces. */
function Faces({ state }: { state: KioskState }) {
  const locale = state.locale.value;
  return (
    <>
      <OfficerCard state={state} />
      <main class="home-main">
        <h1 class="invitation">{text(locale, "invitation")}</h1>
        <p class="hint">{text(locale, "tapAFace")}</p>
        <div class="faces">
          {FACES.map((label, i) => (
            <button
              key={label.id}
              type="button"
              class={`face face-${i + 1}`}
              disabled={!state.settled.value}
              onClick={() => void state.tapFace((i + 1) as 1 | 2 | 3 | 4)}
            >
              <Face value={(i + 1) as 1 | 2 | 3 | 4} />
              <span class="face-label">{label[locale]}</span>
            </button>
          ))}
        </div>
      </main>
    </>
  );
}
