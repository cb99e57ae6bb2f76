/**
 * The counter tablet: pairing, then the citizen's screens and the staff menu.
 * This file only wires the state to the screens; each screen is in pages/.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { Paired } from "../core/responses.ts";
import { loadPairing, type Pairing, savePairing } from "./device.ts";
import { lazy } from "./lazy.tsx";
import { Home } from "./pages/home.tsx";
import { Pair } from "./pages/pair.tsx";
import { Offer, Reasons, Thanks } from "./pages/steps.tsx";
import { createKioskState, type KioskState, rememberSetup } from "./state.ts";

const Survey = lazy(() => import("./pages/survey.tsx").then((m) => m.Survey));
const StaffMenu = lazy(() => import("./pages/staff.tsx").then((m) => m.StaffMenu));
const TicketScreen = lazy(() => import("./pages/ticket.tsx").then((m) => m.TicketScreen));

/** The kiosk. */
export function App() {
  const [pairing, setPairing] = useState<Pairing | null>(loadPairing);
  if (!pairing) {
    return (
      <Pair
        onPaired={(paired: Pairing, setup: Paired) => {
          savePairing(paired);
          const { token: _, ...rest } = setup;
          rememberSetup({ ...rest, duty: null });
          setPairing(paired);
        }}
      />
    );
  }
  return <Kiosk key={pairing.token} pairing={pairing} onUnpaired={() => setPairing(null)} />;
}

function Kiosk({ pairing, onUnpaired }: { pairing: Pairing; onUnpaired: () => void }) {
  const state = useMemo(() => createKioskState(pairing, onUnpaired), [pairing, onUnpaired]);
  useEffect(() => () => state.dispose(), [state]);
  useKeepAwake();
  // Any touch or key while a rating is open keeps its 60 s timeout away; Alt+Shift+S opens the
  // staff menu from a keyboard (the hold on the agency name is the touch path).
  useEffect(() => {
    const touch = (event: Event) => {
      if (state.rating.value) state.touch();
      const key = event as KeyboardEvent;
      if (key.type === "keydown" && key.altKey && key.shiftKey && key.code === "KeyS") state.staffOpen.value = true;
    };
    document.addEventListener("pointerdown", touch);
    document.addEventListener("keydown", touch);
    // The survey's code is fetched while the citizen looks at the faces.
    const early = setTimeout(() => void Survey.preload(), 3_000);
    return () => {
      document.removeEventListener("pointerdown", touch);
      document.removeEventListener("keydown", touch);
      clearTimeout(early);
    };
  }, [state]);
  useEffect(() => {
    document.documentElement.lang = state.locale.value;
  }, [state.locale.value]);
  return (
    <>
      <CitizenScreen state={state} />
      {state.staffOpen.value ? <StaffMenu state={state} onClose={() => (state.staffOpen.value = false)} /> : null}
    </>
  );
}

function CitizenScreen({ state }: { state: KioskState }) {
  switch (state.screen.value) {
    case "reasons":
      return <Reasons state={state} />;
    case "offer":
      return <Offer state={state} onAccept={() => (state.screen.value = "survey")} />;
    case "survey":
      return <Survey state={state} />;
    case "thanks":
      return <Thanks state={state} />;
    case "ticket":
      return <TicketScreen state={state} />;
    default:
      return (
        <Home
          state={state}
          onStaff={() => {
            // The first staff interaction may go full screen (browsers allow it only on a gesture).
            void document.documentElement.requestFullscreen?.().catch(() => undefined);
            state.staffOpen.value = true;
          }}
        />
      );
  }
}

/** Keeps the tablet's screen on (Screen Wake Lock), asking again whenever the page is shown. */
function useKeepAwake() {
  useEffect(() => {
    let lock: { release: () => Promise<void> } | undefined;
    const request = () => {
      if (document.visibilityState !== "visible") return;
      const wakeLock = (navigator as { wakeLock?: { request: (type: "screen") => Promise<typeof lock> } }).wakeLock;
      void wakeLock
        ?.request("screen")
        .then((l) => {
          lock = l;
        })
        .catch(() => undefined);
    };
    request();
    document.addEventListener("visibilitychange", request);
    return () => {
      document.removeEventListener("visibilitychange", request);
      void lock?.release();
    };
  }, []);
}
