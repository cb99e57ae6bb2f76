/**
 * Loads a screen's code on first use, so the tablet's first paint carries only
 * the faces (the 35 KB budget); the service worker precaches every chunk, so a
 * lazy screen opens offline too.
 */
import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";

/** A component whose code is fetched the first time it renders (or when `preload` is called). */
export function lazy<P extends object>(load: () => Promise<FunctionComponent<P>>) {
  let loaded: FunctionComponent<P> | undefined;
  let loading: Promise<FunctionComponent<P>> | undefined;
  const preload = () => {
    loading ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return loading;
  };
  function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (!Component) void preload().then((c) => setComponent(() => c));
    }, [Component]);
    return Component ? <Component {...props} /> : <p role="status" class="loading" />;
  }
  return Object.assign(Lazy, { preload });
}
