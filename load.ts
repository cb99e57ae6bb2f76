import { ingestRates } from "./bench/ingest.ts";
import { startServer } from "./bench/server.ts";

const server = await startServer(8794, "bench-demo-password");
try {
  const r = await ingestRates(server, "bench-demo-password", 6);
  console.log(Math.round(r.health.rps), Math.round(r.single.rps), Math.round(r.batch.ratingsPerSecond));
} finally {
  await server.stop();
}
