/**
 * A line chart drawn by uPlot, loaded with the page that draws it (it stays out
 * of the dashboard's first load). Decorative to assistive technology: every
 * chart comes with a summary line or a table beside it.
 */
import { useEffect, useRef } from "preact/hooks";

/** One line of a chart; `band` pairs it with the next two series as a low–high band. */
export interface Line {
  label: string;
  values: (number | null)[];
  color: string;
  dash?: number[];
}

/** A chart of lines (or bars) over labelled points (months, elements). */
export function LineChart({
  labels,
  lines,
  band,
  bars = false,
  height = 220,
  min = 25,
  max = 100,
}: {
  /** Draw the first line as bars (categories such as elements) instead of a line. */
  bars?: boolean;
  labels: string[];
  lines: Line[];
  /** Indexes of the low and high lines to fill between. */
  band?: [number, number];
  height?: number;
  min?: number;
  max?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let plot: { destroy: () => void; setSize: (s: { width: number; height: number }) => void } | undefined;
    let cancelled = false;
    const resize = () => plot?.setSize({ width: element.clientWidth, height });
    void Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(([{ default: UPlot }]) => {
      if (cancelled) return;
      const xs = labels.map((_, i) => i);
      plot = new UPlot(
        {
          width: element.clientWidth,
          height,
          scales: {
            // Half a slot either side, so the first and last labels ("Nov 2026") are not cut at the edges.
            x: { time: false, range: [-0.5, labels.length - 0.5] },
            y: { range: [min, max] },
          },
          axes: [
            { values: (_u: unknown, ticks: number[]) => ticks.map((t) => labels[t] ?? ""), space: 60 },
            { size: 44 },
          ],
          series: [
            {},
            ...lines.map((line, i) =>
              bars && i === 0
                ? {
                    label: line.label,
                    stroke: line.color,
                    fill: line.color,
                    width: 1,
                    paths: UPlot.paths.bars?.({ size: [0.6, 60] }),
                    points: { show: false },
                  }
                : { label: line.label, stroke: line.color, width: 2, dash: line.dash, points: { size: 6 } },
            ),
          ],
          bands: band ? [{ series: [band[1] + 1, band[0] + 1], fill: "rgba(15, 95, 89, 0.12)" }] : undefined,
          legend: { show: true, live: false },
          cursor: { show: false },
        },
        [xs, ...lines.map((line) => line.values)],
        element,
      );
      window.addEventListener("resize", resize);
    });
    return () => {
      cancelled = true;
      window.removeEventListener("resize", resize);
      plot?.destroy();
    };
  }, [labels, lines, band, bars, height, min, max]);
  return <div class="chart" ref={box} aria-hidden="true" />;
}
