import { render } from "preact";
import { App } from "./app.tsx";

render(<App />, document.getElementById("app")!);

// The service worker precaches the app, so the tablet starts with no network at all.
if ("serviceWorker" in navigator) {
  void navigator.serviceWorker.register("/kiosk/sw.js", { scope: "/kiosk/" }).catch((e) => console.warn("sw", e));
}
