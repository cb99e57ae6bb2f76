/** A QR code drawn as one SVG path (uqr encodes; we draw), read out by its label. */
import { useMemo } from "preact/hooks";
import { encode } from "uqr";

/** The QR code of `value`; `label` says what it opens. */
export function Qr({ value, label, size = 240 }: { value: string; label: string; size?: number }) {
  const { path, modules } = useMemo(() => {
    // M: a smudged or wrinkled code (a taped poster, a scratched screen) still reads.
    const { data, size: modules } = encode(value, { ecc: "M", border: 2 });
    let d = "";
    data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      });
    });
    return { path: d, modules };
  }, [value]);
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      shape-rendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
