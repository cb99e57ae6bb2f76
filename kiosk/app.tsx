/**
 * The counter tablet: pairing, then the citizen's screens and the staff menu.
 * This file only wires the state (state.ts, started by runtime.ts) to the
 * screens; each screen is in pages/.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { Paired } from "../core/responses.ts";
import { loadPairing, type Pairing, savePairing } from "./device.ts";
import { lazy } from "./lazy.tsx";
import { Home } from "./pages/home.tsx";
import { Offer, Reasons, Thanks } from "./pages/steps.tsx";
import { rememberSetup, startKiosk } from "./runtime.ts";
import type { KioskState } from "./state.ts";

// A tablet pairs once: the pairing screen (and its key making) loads only on an unpaired one.
const Pair = lazy(() => import("./pages/pair.tsx").then((m) => m.Pair));
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
  const { state, stop } = useMemo(() => startKiosk(pairing, onUnpaired), [pairing, onUnpaired]);
  useEffect(() => stop, [stop]);
  useEffect(() => {
    // The survey's code is fetched while the citizen looks at the faces.
    const early = setTimeout(() => void Survey.preload(), 3_000);
    return () => clearTimeout(early);
  }, []);
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
      return <Offer state={state} />;
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
