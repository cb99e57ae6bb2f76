/** Management of an agency's set-up under /agencies/{slug}/… (see each file for who may call what). */
import { router } from "../openapi.ts";
import { countersRoutes } from "./manage/counters.ts";
import { devicesManageRoutes } from "./manage/devices.ts";
import { integrationsRoutes } from "./manage/integrations.ts";
import { officersRoutes } from "./manage/officers.ts";
import { originsRoutes } from "./manage/origins.ts";
import { servicesRoutes } from "./manage/services.ts";
import { setupRoutes } from "./manage/setup.ts";
import { usersRoutes } from "./manage/users.ts";

/** All management routes. */
export const manageRoutes = router()
  .route("/", servicesRoutes)
  .route("/", countersRoutes)
  .route("/", officersRoutes)
  .route("/", usersRoutes)
  .route("/", devicesManageRoutes)
  .route("/", originsRoutes)
  .route("/", integrationsRoutes)
  .route("/", setupRoutes);
